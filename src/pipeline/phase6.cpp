#include "pipeline/phase6.h"

#include "picks/best_bets.h"
#include "picks/load.h"
#include "picks/tables.h"

namespace nbaprops::pipeline {

StageInputs load_best_bets(Store& store, Date d, const StageContext& context) {
  StageInputs in;
  in.d = d;
  in.candidates = picks::load_candidates(store, d, predicted_rows(context, d));
  in.published = picks::load_published(store, d);
  return in;
}

StageOutput best_bets_stage(StageInputs in, const StageContext& context) {
  auto bets =
      picks::best_bets(in.candidates, in.published, picks::PickConfig{}, context.processed_at);
  StageOutput s;
  s.partitions.push_back({&picks::best_bets_table(), picks::best_bets_rows(bets.picks)});
  s.partitions.push_back({&picks::best_bet_removals_table(), picks::removal_rows(bets.removed)});
  return s;
}

}  // namespace nbaprops::pipeline
