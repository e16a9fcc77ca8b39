#include "picks/load.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "analytics/upcoming_player_game_context.h"
#include "picks/tables.h"
#include "precompute/phase4_views.h"
#include "precompute/team_defense_zone_analysis.h"
#include "predict/tables.h"
#include "raw/schema.h"

namespace nbaprops::picks {
namespace {

void add_context(Candidate& c, const PlayerContextView& v) {
  c.home = v.home_game;
  c.injury_status = v.injury_status;
  c.points_avg_last_5 = v.points_avg_last_5;
  c.points_avg_last_10 = v.points_avg_last_10;
  c.minutes_avg_last_5 = v.minutes_avg_last_5;
  c.minutes_avg_last_10 = v.minutes_avg_last_10;
  c.l10_games_used = v.l10_games_used;
  c.opening_line = v.opening_points_line;
  c.line_movement = v.line_movement;
  c.star_teammates_out = v.star_teammates_out;
  c.over_streak = v.prop_over_streak;
  c.under_streak = v.prop_under_streak;
  c.back_to_back = v.back_to_back;
}

struct PaintRank {
  int rank = 0;
  double points = 0;
};

// Rank 1: the most paint points allowed per game among D's ranked teams (ties: team order).
std::map<std::string, PaintRank> paint_ranks(Store& store, Date d) {
  const auto& t = precompute::team_defense_zone_analysis_table();
  const auto& view = precompute::paint_defense_view();
  const RowBinding binding = view.bind(t);
  std::vector<std::pair<double, std::string>> teams;
  store.scan(t, {{"analysis_date", "=", format_date(d)}}, [&](const Row& row) {
    precompute::PaintDefenseView r = view.read(binding, row);
    if (auto v = r.paint_points_allowed_per_game) teams.emplace_back(*v, std::move(r.team_abbr));
  });
  std::stable_sort(teams.begin(), teams.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::map<std::string, PaintRank> out;
  for (size_t i = 0; i < teams.size(); ++i) {
    out[teams[i].second] = {static_cast<int>(i) + 1, teams[i].first};
  }
  return out;
}

std::unordered_map<std::string, std::string> tipoffs(Store& store, Date d) {
  const TableSchema& t = *find_table("games");
  const auto& view = game_tipoff_view();
  const RowBinding binding = view.bind(t);
  std::unordered_map<std::string, std::string> out;
  store.scan_columns(t, view.wanted(t), {{"game_date", "=", format_date(d)}}, [&](const Row& row) {
    GameTipoffView g = view.read(binding, row);
    if (g.tipoff_utc) out[g.game_id] = std::move(*g.tipoff_utc);
  });
  return out;
}

}  // namespace

const Record<PlayerContextView>& player_context_view() {
  using V = PlayerContextView;
  static const Record<V> r = Record<V>()
                                 .field("player_lookup", &V::player_lookup)
                                 .field("home_game", &V::home_game)
                                 .field("injury_status", &V::injury_status)
                                 .dec("points_avg_last_5", &V::points_avg_last_5, 1)
                                 .dec("points_avg_last_10", &V::points_avg_last_10, 1)
                                 .dec("minutes_avg_last_5", &V::minutes_avg_last_5, 1)
                                 .dec("minutes_avg_last_10", &V::minutes_avg_last_10, 1)
                                 .field("l10_games_used", &V::l10_games_used)
                                 .dec("opening_points_line", &V::opening_points_line, 1)
                                 .dec("line_movement", &V::line_movement, 1)
                                 .field("star_teammates_out", &V::star_teammates_out)
                                 .field("prop_over_streak", &V::prop_over_streak)
                                 .field("prop_under_streak", &V::prop_under_streak)
                                 .field("back_to_back", &V::back_to_back);
  return r;
}

const Record<GameTipoffView>& game_tipoff_view() {
  using V = GameTipoffView;
  static const Record<V> r = Record<V>()
                                 .field("game_id", &V::game_id)
                                 .field("tipoff_utc", &V::tipoff_utc, ColumnType::kTs);
  return r;
}

const Record<PlayerNameView>& player_name_view() {
  using V = PlayerNameView;
  static const Record<V> r =
      Record<V>().field("player_lookup", &V::player_lookup).field("player_name", &V::player_name);
  return r;
}

Record<CandidatePredictionView> candidate_prediction_view(const TableSchema& table) {
  using V = CandidatePredictionView;
  Record<V> r;
  r.field("system_id", &V::system_id)
      .field_if_present(table, "market", &V::market)
      .field("player_lookup", &V::player_lookup)
      .field("game_id", &V::game_id)
      .field("team_abbr", &V::team_abbr)
      .field("opponent_abbr", &V::opponent_abbr)
      .dec("line", &V::line, 1)
      .field("bookmaker", &V::bookmaker)
      .field("line_snapshot_at", &V::line_snapshot_at, ColumnType::kTs)
      .field("over_price", &V::over_price)
      .field("under_price", &V::under_price)
      .dec("predicted_points", &V::predicted_points, 2)
      .dec("confidence", &V::confidence, 1)
      .dec("edge", &V::edge, 2)
      .dec_if_present(table, "p_over", &V::p_over)
      .field("recommendation", &V::recommendation);
  return r;
}

std::unordered_map<std::string, std::string> player_names(Store& store) {
  const TableSchema& t = *find_table("players");
  const auto& view = player_name_view();
  const RowBinding binding = view.bind(t);
  std::unordered_map<std::string, std::string> out;
  store.scan_columns(t, view.wanted(t), {}, [&](const Row& row) {
    PlayerNameView p = view.read(binding, row);
    out[std::move(p.player_lookup)] = std::move(p.player_name);
  });
  return out;
}

std::vector<Candidate> load_candidates(Store& store, Date d, const std::vector<Row>* predictions) {
  const auto& pt = predict::player_prop_predictions_table();
  const Record<CandidatePredictionView> pview = candidate_prediction_view(pt);
  const RowBinding pbinding = pview.bind(pt);
  bool has_market = pt.has_column("market");
  std::vector<Candidate> out;
  auto add = [&](const Row& row) {
    CandidatePredictionView r = pview.read(pbinding, row);
    if (!r.line || !r.edge) return;
    Candidate c;
    c.system_id = std::move(r.system_id);
    if (has_market) c.market = r.market.value_or("points");
    c.game_date = d;
    c.player_lookup = std::move(r.player_lookup);
    c.game_id = std::move(r.game_id);
    c.team = r.team_abbr.value_or("");
    c.opponent = r.opponent_abbr.value_or("");
    c.line = *r.line;
    c.bookmaker = r.bookmaker.value_or("");
    c.line_snapshot_at = std::move(r.line_snapshot_at);
    c.over_price = r.over_price;
    c.under_price = r.under_price;
    c.predicted = r.predicted_points;
    c.confidence = r.confidence;
    c.edge = *r.edge;
    c.recommendation = std::move(r.recommendation);
    c.p_over = r.p_over;
    out.push_back(std::move(c));
  };
  if (predictions) {
    for (const Row& row : *predictions) add(row);
  } else {
    store.scan_columns(pt, pview.wanted(pt), {{"game_date", "=", format_date(d)}}, add);
  }
  if (out.empty()) return out;
  const auto& ut = analytics::upcoming_player_game_context_table();
  const auto& view = player_context_view();
  const RowBinding binding = view.bind(ut);
  std::unordered_map<std::string, PlayerContextView> context;
  store.scan_columns(ut, view.wanted(ut), {{"game_date", "=", format_date(d)}},
                     [&](const Row& row) {
                       PlayerContextView v = view.read(binding, row);
                       std::string key = v.player_lookup;
                       context[key] = std::move(v);
                     });
  auto ranks = paint_ranks(store, d);
  auto tips = tipoffs(store, d);
  auto names = player_names(store);
  for (Candidate& c : out) {
    if (auto it = context.find(c.player_lookup); it != context.end()) {
      add_context(c, it->second);
    }
    if (auto it = ranks.find(c.opponent); it != ranks.end()) {
      c.opp_paint_rank = it->second.rank;
      c.opp_paint_points = it->second.points;
    }
    c.ranked_teams = static_cast<int>(ranks.size());
    if (auto it = tips.find(c.game_id); it != tips.end()) c.tipoff_utc = it->second;
    auto n = names.find(c.player_lookup);
    c.player_name = n == names.end() ? c.player_lookup : n->second;
  }
  return out;
}

std::vector<Pick> load_published(Store& store, Date d) {
  std::vector<Pick> out;
  store.scan(best_bets_table(), {{"game_date", "=", format_date(d)}},
             [&](const Row& row) { out.push_back(pick_from_row(row)); });
  return out;
}

}  // namespace nbaprops::picks
