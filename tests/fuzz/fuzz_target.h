// Fuzz targets: one entry point per input format family, written once and built two ways.
//
// With NBAPROPS_LIBFUZZER (the clang build of `make fuzz`, folder build-fuzz) a target is a
// libFuzzer program: NBAPROPS_FUZZ_TARGET(name) defines LLVMFuzzerTestOneInput. Without it
// (the ordinary gcc build) the target registers itself in targets(), and
// tests/fuzz/replay_test.cpp replays every kept input (tests/fuzz/regressions/<name>/ and
// tests/fuzz/seeds/<name>/) through it as part of `make test`.
//
// An entry returns normally on any input; a broken invariant calls fuzz_fail(), which aborts
// under libFuzzer (a crash input is saved) and throws FuzzFailure in the replay build.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace nbaprops::fuzz {

using Entry = void (*)(std::string_view data);

struct Target {
  const char* name;
  Entry entry;
};

// The targets compiled into this program (replay build), in registration order.
inline std::vector<Target>& targets() {
  static std::vector<Target> all;
  return all;
}

struct Register {
  Register(const char* name, Entry entry) { targets().push_back({name, entry}); }
};

class FuzzFailure : public std::logic_error {
  using std::logic_error::logic_error;
};

// Reports a broken invariant: prints `what` and aborts (libFuzzer) or throws FuzzFailure.
[[noreturn]] void fuzz_fail(const std::string& what);

}  // namespace nbaprops::fuzz

#ifdef NBAPROPS_LIBFUZZER
#define NBAPROPS_FUZZ_TARGET(name)                                              \
  static void name##_entry(std::string_view data);                              \
  extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {    \
    name##_entry(std::string_view(reinterpret_cast<const char*>(bytes), size)); \
    return 0;                                                                   \
  }                                                                             \
  static void name##_entry(std::string_view data)
#else
#define NBAPROPS_FUZZ_TARGET(name)                                                 \
  static void name##_entry(std::string_view data);                                 \
  static const ::nbaprops::fuzz::Register name##_registered(#name, &name##_entry); \
  static void name##_entry(std::string_view data)
#endif
