// The wall clock: the one place the engine reads it, for the stamps of run history and
// published documents (processed_at, run ids, generated_at). Processors never call it: they
// are handed a stamp. Thread-safe.
#pragma once

#include <string>

namespace nbaprops {

// Now as a UTC timestamp, whole seconds, "YYYY-MM-DDTHH:MM:SSZ" (core/date.h format_timestamp).
std::string now_utc();

}  // namespace nbaprops
