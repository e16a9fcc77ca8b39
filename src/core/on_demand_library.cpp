#include "core/on_demand_library.h"

#include <dlfcn.h>

#include <utility>

namespace nbaprops {

OnDemandLibrary::OnDemandLibrary(std::string soname, std::string what)
    : soname_(std::move(soname)), what_(std::move(what)) {}

void* OnDemandLibrary::symbol(const char* name) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!handle_) {
    // RTLD_LOCAL: its symbols resolve only through symbol(), never for another library.
    handle_ = dlopen(soname_.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle_) {
      const char* why = dlerror();
      throw std::runtime_error("cannot load " + soname_ + " (" + what_ +
                               "): " + (why ? why : "unknown error"));
    }
  }
  dlerror();  // clear: a null address is an error only when dlerror() says so
  void* address = dlsym(handle_, name);
  const char* why = dlerror();
  if (why || !address) {
    throw std::runtime_error(soname_ + " has no function " + name + " (" + what_ +
                             "): " + (why ? why : "null address"));
  }
  return address;
}

bool OnDemandLibrary::is_open() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return handle_ != nullptr;
}

}  // namespace nbaprops
