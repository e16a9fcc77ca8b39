// The page's sources (web/: index.html, style.css, app.js, and the JSON Schemas under
// schemas/), embedded in the binary at build time (cmake/embed_assets.cmake) so `publish`
// works from any folder. Immutable; thread-safe.
#pragma once

#include <string_view>
#include <vector>

namespace nbaprops::publish {

struct Asset {
  std::string_view path;  // relative to web/, e.g. "schemas/picks.schema.json"
  std::string_view bytes;
};

// Every file of web/, by path.
const std::vector<Asset>& web_assets();

}  // namespace nbaprops::publish
