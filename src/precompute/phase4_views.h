// What the Phase 4 processors read of the Phase 4 rows of D written before them, as compact
// read-only records (core/record.h) over the stored tables: each is a projection of its table's
// one declaration (<table>_record.h), a test checks that every column it reads is declared
// there with the same type (tests/unit/phase4_records_test.cpp). Read through
// DayRows::read(view, entity). Plain value types; the records are immutable and thread-safe.
#pragma once

#include <optional>
#include <string>

#include "core/record.h"

namespace nbaprops::precompute {

// A PSZA row's zone rates (PCF's shot-zone mismatch, PDC's copies) and its readiness.
struct ShotZoneRatesView {
  std::optional<std::string> primary_scoring_zone;
  std::optional<double> paint_rate_last_10, mid_range_rate_last_10, three_pt_rate_last_10;
  std::optional<bool> is_production_ready;
};
const Record<ShotZoneRatesView>& shot_zone_rates_view();

// A TDZA row's zones against the league (PCF's shot-zone mismatch) and its readiness.
struct DefenseVsLeagueView {
  std::optional<double> paint_defense_vs_league_avg, mid_range_defense_vs_league_avg,
      three_pt_defense_vs_league_avg;
  std::optional<std::string> weakest_zone;
  std::optional<bool> is_production_ready;
};
const Record<DefenseVsLeagueView>& defense_vs_league_view();

}  // namespace nbaprops::precompute
