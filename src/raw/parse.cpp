#include "raw/parse.h"

namespace nbaprops {

void parse_file(CsvReader& reader, const ParseContext& ctx, FileStage& stage) {
  switch (ctx.format.kind) {
    case FormatKind::kCanonical:
    case FormatKind::kCanonicalAliases:
      return parse_canonical(reader, ctx, stage);
    case FormatKind::kNbaPlayerGamelog:
    case FormatKind::kNbaTeamGamelog:
      return parse_nba_gamelog(reader, ctx, stage);
    case FormatKind::kNbaShotchart:
    case FormatKind::kNbaShotsSeason:
      return parse_nba_shots(reader, ctx, stage);
    case FormatKind::kOddsapiProps:
      return parse_oddsapi_props(reader, ctx, stage);
    case FormatKind::kProfile:
      return parse_profile_file(reader, ctx, stage);
    case FormatKind::kOddsapiJson:
      return;  // not a CSV: raw/oddsapi_json.h reads it
  }
}

}  // namespace nbaprops
