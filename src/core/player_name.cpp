#include "core/player_name.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace nbaprops {
namespace {

bool ascii_iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
           return lower(x) == lower(y);
         });
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// jr, jr., sr, sr., ii, iii, iv (case-insensitive).
bool is_suffix(std::string_view t) {
  for (std::string_view s : {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}) {
    if (ascii_iequals(t, s)) return true;
  }
  return false;
}

// Step 1: `Last, First` -> `First Last` when there is exactly one comma and the part after it
// is not a suffix (`Jimmy Butler, III` stays).
std::string swap_last_first(std::string_view name) {
  const size_t comma = name.find(',');
  if (comma == std::string_view::npos || name.find(',', comma + 1) != std::string_view::npos) {
    return std::string(name);
  }
  const std::string_view first = trim(name.substr(comma + 1));
  if (is_suffix(first)) return std::string(name);
  std::string out(first);
  out += ' ';
  out += trim(name.substr(0, comma));
  return out;
}

// Step 2 for one lower-case code point: the letters NFKD leaves whole, folded to ASCII.
const char* fold(utf8proc_int32_t cp) {
  switch (cp) {
    case 0x00F8:
      return "o";  // ø
    case 0x0142:
      return "l";  // ł
    case 0x0111:
      return "d";  // đ
    case 0x00F0:
      return "d";  // ð
    case 0x00FE:
      return "th";  // þ
    case 0x00E6:
      return "ae";  // æ
    case 0x0153:
      return "oe";  // œ
    case 0x00DF:
      return "ss";  // ß
    case 0x0131:
      return "i";  // ı
    default:
      return nullptr;
  }
}

// Step 2: NFKD, lower case, combining marks (category Mn) dropped, folds. Other non-ASCII
// code points stay (step 4 drops them). Sets `ok` to false when s is not valid UTF-8.
std::string decompose_fold_lower(const std::string& s, bool& ok) {
  const auto* in = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  const auto len = static_cast<utf8proc_ssize_t>(s.size());
  const int options = UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT;
  std::vector<utf8proc_int32_t> cps(s.size() + 8);
  utf8proc_ssize_t n = utf8proc_decompose(in, len, cps.data(), utf8proc_ssize_t(cps.size()),
                                          static_cast<utf8proc_option_t>(options));
  if (n > utf8proc_ssize_t(cps.size())) {  // needs more room: n is the size required
    cps.resize(static_cast<size_t>(n));
    n = utf8proc_decompose(in, len, cps.data(), n, static_cast<utf8proc_option_t>(options));
  }
  ok = n >= 0;
  if (!ok) return "";
  std::string out;
  out.reserve(static_cast<size_t>(n));
  for (utf8proc_ssize_t i = 0; i < n; ++i) {
    const utf8proc_int32_t cp = utf8proc_tolower(cps[static_cast<size_t>(i)]);
    if (utf8proc_category(cp) == UTF8PROC_CATEGORY_MN) continue;
    if (const char* f = fold(cp)) {
      out += f;
    } else if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else {
      utf8proc_uint8_t buf[4];
      const utf8proc_ssize_t w = utf8proc_encode_char(cp, buf);
      out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(w));
    }
  }
  return out;
}

}  // namespace

std::string normalize_player_name(std::string_view name) {
  bool ok = true;
  const std::string folded = decompose_fold_lower(swap_last_first(name), ok);
  if (!ok) return "";

  // Step 3: tokens split on spaces and commas; drop trailing suffixes while another remains.
  std::vector<std::string_view> tokens;
  const std::string_view f(folded);
  size_t i = 0;
  while (i < f.size()) {
    while (i < f.size() && (is_space(f[i]) || f[i] == ',')) ++i;
    const size_t start = i;
    while (i < f.size() && !is_space(f[i]) && f[i] != ',') ++i;
    if (i > start) tokens.push_back(f.substr(start, i - start));
  }
  while (tokens.size() > 1 && is_suffix(tokens.back())) tokens.pop_back();

  // Step 4: keep a-z0-9 only.
  std::string out;
  for (std::string_view t : tokens) {
    for (char c : t) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
    }
  }
  return out;
}

}  // namespace nbaprops
