// The plain-language reasons of a pick (Phase 6): short sentences built from the candidate's
// own features, the ones that support its side first, e.g. for an OVER at 22.5:
//   "averaging 27.4 over the last 10, line 22.5"
//   "opponent allows the 3rd most paint points (52.1 a game)"
//   "2 key teammates out"
// Pure; any thread.
#pragma once

#include <string>
#include <vector>

#include "picks/candidate.h"

namespace nbaprops::picks {

// 1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, 21st, 22nd.
std::string ordinal(int n);

// The reasons, most telling first; never empty (the system's own estimate is always there).
std::vector<std::string> pick_reasons(const Candidate& c);

}  // namespace nbaprops::picks
