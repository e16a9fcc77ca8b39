# Writes OUT, a C++ source holding every file under BASE (web/) as bytes, served by
# publish::web_assets() (src/publish/assets.h), so the binary writes the page from any folder.
# Usage: cmake -DBASE=dir -DOUT=file.cpp -P embed_assets.cmake
file(GLOB_RECURSE files RELATIVE "${BASE}" "${BASE}/*")
list(SORT files)
set(arrays "")
set(entries "")
set(i 0)
foreach(f IN LISTS files)
  file(READ "${BASE}/${f}" hex HEX)
  string(LENGTH "${hex}" hex_len)
  math(EXPR size "${hex_len} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(APPEND arrays "const unsigned char a${i}[] = {${bytes}0x00};\n")
  string(APPEND entries "      {\"${f}\", std::string_view(reinterpret_cast<const char*>(a${i}), ${size})},\n")
  math(EXPR i "${i} + 1")
endforeach()
set(content "// Generated from web/ by cmake/embed_assets.cmake: do not edit.
#include \"publish/assets.h\"

namespace nbaprops::publish {
namespace {
${arrays}}  // namespace

const std::vector<Asset>& web_assets() {
  static const std::vector<Asset> assets = {
${entries}  };
  return assets;
}

}  // namespace nbaprops::publish
")
file(WRITE "${OUT}.tmp" "${content}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
