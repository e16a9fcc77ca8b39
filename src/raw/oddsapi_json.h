// The Odds API's own JSON (01-raw-data.md §3.4 in its native form): an event-odds response
// (`bookmakers -> markets -> outcomes` with `description` = player, `name` Over/Under,
// `price`, `point`), a list of them, or the historical endpoint's `{timestamp, data}` wrapper.
// Each outcome is one observation, folded like the CSV export into one prop_lines row per
// (game_date, player_lookup, market, bookmaker, snapshot_utc).
//
// The snapshot is the wrapper's `timestamp`, else the market's `last_update`, else the
// bookmaker's, else --snapshot-utc, else commence_time minus the offset. A rejected outcome
// is numbered by its position in the file (1-based) and keeps its JSON as raw text.
// Pure: reads only its text; thread-safe.
#pragma once

#include <string_view>

#include "raw/player_aliases.h"
#include "raw/staging.h"

namespace nbaprops {

// True when `text` starts (after whitespace) with '{' or '[': a JSON file.
bool looks_like_json(std::string_view text);

// Parses `text` into `stage`. Throws std::runtime_error when the text is not JSON or not an
// event-odds response (the file is refused).
void parse_oddsapi_json(std::string_view text, const PlayerAliases& aliases,
                        const IngestOptions& options, FileStage& stage);

}  // namespace nbaprops
