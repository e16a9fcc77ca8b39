// A shared library opened when a program first calls into it, not when the program starts
// (dlopen). For the heavy, optional libraries: libpq (the PostgreSQL store) and libxgboost (the
// models). Linked normally, they and what they pull in (Kerberos, LDAP, GnuTLS, OpenMP: 25
// libraries, 10,896 of the program's 19,380 symbol bindings at start, LD_DEBUG=bindings) cost
// every command ~7 ms of start-up (bench/startup_bench.sh); most commands use
// neither, and a daily run loads libxgboost on the thread that reads the model, beside the
// store reads (docs/performance.md, sixth session).
//
// The library's functions keep their names: a forwarding file (store/postgres/libpq_forward.cpp,
// predict/xgboost_forward.cpp) defines each function the program calls, with the header's own
// declaration, as a call through the address symbol() returns.
//
// Thread-safe. The library stays open until the program exits.
#pragma once

#include <mutex>
#include <stdexcept>
#include <string>

namespace nbaprops {

class OnDemandLibrary {
 public:
  // `soname`: the file dlopen looks for (e.g. "libpq.so.5"); `what`: its role and Debian
  // package, for the message when it is missing.
  OnDemandLibrary(std::string soname, std::string what);
  OnDemandLibrary(const OnDemandLibrary&) = delete;
  OnDemandLibrary& operator=(const OnDemandLibrary&) = delete;

  // The address of the function `name`, opening the library on the first call. Throws
  // std::runtime_error naming the library when it cannot be opened or has no `name`.
  void* symbol(const char* name);
  // Same, throwing Error (constructed from the message) in place of std::runtime_error: the
  // caller's own error type (StoreError, XgbError).
  template <class Error>
  void* symbol_or(const char* name) {
    try {
      return symbol(name);
    } catch (const std::runtime_error& e) {
      throw Error(e.what());
    }
  }
  // Whether the library is open (tests: a command that never calls into it leaves it closed).
  bool is_open() const;

 private:
  const std::string soname_, what_;
  mutable std::mutex mutex_;
  void* handle_ = nullptr;
};

}  // namespace nbaprops

// In a forwarding file: defines `ret name params` (the library header's function, inside an
// extern "C" block) as a call with `args` of the function found by `lookup(#name)` (a function
// const char* -> void*), looked up at the first call only.
#define NBAPROPS_FORWARD(lookup, ret, name, params, args)                        \
  ret name params {                                                              \
    static const auto real = reinterpret_cast<decltype(&::name)>(lookup(#name)); \
    return real args;                                                            \
  }
