#include "pipeline/phase6.h"

#include "picks/best_bets.h"
#include "picks/load.h"
#include "picks/tables.h"

namespace nbaprops::pipeline {

StageOutput best_bets_stage(Store& store, Date d, const predict::PredictOptions& options,
                            const predict::PredictSources&) {
  auto bets = picks::best_bets(picks::load_candidates(store, d), picks::load_published(store, d),
                               picks::PickConfig{}, options.processed_at);
  StageOutput s;
  s.partitions.push_back({&picks::best_bets_table(), picks::best_bets_rows(bets.picks)});
  s.partitions.push_back({&picks::best_bet_removals_table(), picks::removal_rows(bets.removed)});
  return s;
}

}  // namespace nbaprops::pipeline
