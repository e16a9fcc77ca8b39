// Player-name normalisation: steps 1-4 of 01-raw-data.md §4 (player_lookup).
//
// The lookup is the name with `Last, First` swapped, accents and other marks removed, a few
// letters folded (ø→o, ł→l, đ/ð→d, þ→th, æ→ae, œ→oe, ß→ss, ı→i), lower-cased, generational
// suffixes (jr, sr, ii, iii, iv) dropped and everything outside a-z0-9 removed. Step 5 (the
// player_aliases table) is the caller's. Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace nbaprops {

// Steps 1-4 of 01-raw-data.md §4. Returns "" when nothing is left (caller rejects:
// empty_player_name). Input that is not valid UTF-8 also returns "" (the row is bad_encoding).
std::string normalize_player_name(std::string_view name);

}  // namespace nbaprops
