# Writes OUT: a C++ file holding the text of every DIR/*.yaml (src/raw/profile.cpp reads it).
file(GLOB files "${DIR}/*.yaml")
list(SORT files)
set(body "")
foreach(f ${files})
  get_filename_component(name ${f} NAME)
  file(READ ${f} text)
  string(APPEND body "    {\"${name}\", R\"nbaprofile(${text})nbaprofile\"},\n")
endforeach()
file(WRITE ${OUT}.tmp
"// Generated from profiles/*.yaml by cmake/embed_profiles.cmake. Do not edit.
#include <span>

namespace nbaprops {
struct EmbeddedProfile {
  const char* file;
  const char* text;
};
std::span<const EmbeddedProfile> embedded_profiles() {
  static const EmbeddedProfile profiles[] = {
${body}    {nullptr, nullptr}};
  return {profiles, sizeof(profiles) / sizeof(profiles[0]) - 1};
}
}  // namespace nbaprops
")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
