#include "core/clock.h"

#include <chrono>

#include "core/date.h"

namespace nbaprops {

std::string now_utc() {
  auto secs = std::chrono::duration_cast<std::chrono::seconds>(
                  std::chrono::system_clock::now().time_since_epoch())
                  .count();
  return format_timestamp(Timestamp{secs});
}

}  // namespace nbaprops
