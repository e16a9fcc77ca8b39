// Parsing one input file into a FileStage (raw/staging.h): each data line becomes staged
// rows, game observations, or a rejected line with its reason (01-raw-data.md §3, §5).
// Parsing reads no store: checks against stored games and players happen in apply.
//
// Pure with respect to its inputs; one call per file; safe to run on separate threads for
// separate files.
#pragma once

#include <string>

#include "core/csv_reader.h"
#include "raw/formats.h"
#include "raw/player_aliases.h"
#include "raw/staging.h"

namespace nbaprops {

struct ParseContext {
  const Format& format;
  const PlayerAliases& aliases;
  const IngestOptions& options;
  std::string_view path = {};  // the file (profiles may read its name)
};

// Reads every record of `reader` (header already read) into `stage`.
// Throws CsvError when the file's structure breaks (the caller refuses the file).
void parse_file(CsvReader& reader, const ParseContext& ctx, FileStage& stage);

// The per-format parsers parse_file dispatches to (one file each).
void parse_canonical(CsvReader& reader, const ParseContext& ctx, FileStage& stage);
void parse_nba_gamelog(CsvReader& reader, const ParseContext& ctx, FileStage& stage);
void parse_nba_shots(CsvReader& reader, const ParseContext& ctx, FileStage& stage);
void parse_oddsapi_props(CsvReader& reader, const ParseContext& ctx, FileStage& stage);
void parse_profile_file(CsvReader& reader, const ParseContext& ctx, FileStage& stage);

}  // namespace nbaprops
