#include "pipeline/market_stage.h"

#include <algorithm>
#include <future>
#include <set>
#include <tuple>

#include "analytics/phase3_views.h"
#include "analytics/upcoming_player_game_context.h"
#include "predict/markets/market_day.h"
#include "predict/markets/market_record.h"
#include "predict/markets/market_registry.h"
#include "predict/systems.h"

namespace nbaprops::pipeline {
namespace {

namespace mk = predict::markets;

// Whether market_predictions holds rows of the 30 days before `first` (the date before a
// daily run, which its stage grades).
bool stored_rows_to_grade(Store& store, Date first) {
  return store.count(mk::market_predictions_table(),
                     {{"game_date", ">=", format_date(Date{first.days - 30})},
                      {"game_date", "<", format_date(first)}}) > 0;
}

// Whether `offers` holds an offer dated d.
bool has_offers(const std::map<mk::PlayerDate, std::vector<mk::Offer>>& offers, Date d) {
  auto it = offers.lower_bound({d.days, std::string()});
  return it != offers.end() && it->first.first == d.days;
}

using ModelFuture = std::shared_future<std::shared_ptr<const mk::MarketModel>>;

ModelFuture ready(std::shared_ptr<const mk::MarketModel> model) {
  std::promise<std::shared_ptr<const mk::MarketModel>> p;
  p.set_value(std::move(model));
  return p.get_future().share();
}

// A registered model loaded on its own thread (reading, hashing and parsing its file needs no
// store); get() rethrows what the load threw.
ModelFuture load_async(predict::RegistryEntry entry, std::filesystem::path models_dir) {
  return std::async(std::launch::async,
                    [entry = std::move(entry), dir = std::move(models_dir)] {
                      return mk::load_market_model(entry, dir);
                    })
      .share();
}

// The stat of each player who played on d (player-games of d), for `market`.
std::map<std::string, double> actual_of(const mk::MarketDef& market,
                                        const std::vector<mk::PlayerGame>& games, Date d) {
  auto first = std::lower_bound(games.begin(), games.end(), d,
                                [](const mk::PlayerGame& g, Date x) { return g.date < x; });
  std::map<std::string, double> out;
  for (auto it = first; it != games.end() && it->date == d; ++it) {
    out[it->player] = market.stat(it->stats);
  }
  return out;
}

std::vector<Row> sorted_rows(std::vector<mk::MarketPredictionRecord> records) {
  std::sort(records.begin(), records.end(),
            [](const mk::MarketPredictionRecord& a, const mk::MarketPredictionRecord& b) {
              return std::tie(a.game_date.days, a.player_lookup, a.market, a.bookmaker) <
                     std::tie(b.game_date.days, b.player_lookup, b.market, b.bookmaker);
            });
  std::vector<Row> rows;
  rows.reserve(records.size());
  for (const auto& r : records) rows.push_back(mk::market_prediction_record().write(r));
  return rows;
}

}  // namespace

Date look_back_start(Date first) {
  return Date{first.days - predict::markets::kMarketLookBackDays - 1};
}

bool window_is_complete(const std::vector<predict::markets::PlayerGame>& games, Date first) {
  std::map<std::string, std::set<int32_t>> dates;  // team -> dates allowed before `first`
  for (const predict::markets::PlayerGame& g : games) {
    auto& team = dates[g.opponent];  // a team seen only on the run's dates counts too
    if (g.date < first) team.insert(g.date.days);
  }
  return std::all_of(dates.begin(), dates.end(),
                     [](const auto& t) { return t.second.size() >= 10; });
}

MarketRun resolve_market_run(Store& store, const std::vector<Date>& dates,
                             const MarketRunOptions& options) {
  MarketRun run;
  if (dates.empty()) return run;
  // Every player-game of the store (the features' 365-day windows, the training rows, the
  // grading of D-1's stored rows), read only when a market has an offer on the run's dates
  // or stored rows of the dates before them to grade.
  bool needs_games = stored_rows_to_grade(store, dates.front());
  for (const predict::SystemEntry* e : predict::market_model_systems()) {
    const mk::MarketDef* market = mk::find_market(e->market);
    if (!market) continue;
    MarketOfRun m;
    m.market = market;
    m.inputs.offers = mk::load_market_offers(store, *market, {{dates.front(), dates.back()}});
    for (Date d : dates) needs_games = needs_games || has_offers(m.inputs.offers, d);
    run.markets.push_back(std::move(m));
  }
  // With the run history trusted, the games of the look-back before the first date first:
  // all that a registered model's rows read (see window_is_complete); every game of the store
  // only when a model must be trained or its training rows hashed.
  std::vector<mk::PlayerGame> games;
  bool all_games = !options.trust_run_history;
  if (needs_games) {
    if (!all_games) {
      games = mk::load_market_games(store, look_back_start(dates.front()));
      all_games = !window_is_complete(games, dates.front());
    }
    if (all_games) games = mk::load_market_games(store);
  }
  struct Pending {  // a date's model, once its market's models are resolved
    MarketOfRun* market;
    Date d;
    ModelFuture model;
  };
  std::vector<Pending> pending;
  for (MarketOfRun& m : run.markets) {
    const mk::MarketDef* market = m.market;
    m.inputs.games = games;
    std::vector<Date> lined;
    for (Date d : dates) {
      if (has_offers(m.inputs.offers, d)) lined.push_back(d);
    }
    if (lined.empty()) continue;  // kept for grading the date before a daily run
    // The consensus lines of the lined dates (their rows' same-day line); every date's only
    // when the training rows are built (below).
    m.inputs.consensus = mk::load_market_consensus(store, *market, {{lined.front(), lined.back()}});
    m.inputs.injuries = mk::load_market_injuries(store, {{lined.front(), lined.back()}});
    std::optional<std::vector<mk::MarketRow>> rows;  // built only to hash or train
    std::map<Date, ModelFuture> by_cutoff;
    for (Date d : lined) {
      Date c = mk::market_cutoff(m.inputs.games, d, options.retrain_every);
      auto it = by_cutoff.find(c);
      if (it == by_cutoff.end()) {
        std::optional<predict::RegistryEntry> trusted;
        if (options.trust_run_history) {
          trusted = mk::find_current_market_entry(store, *market, c, options.models_dir);
        }
        if (trusted) {  // its file loads on another thread while the store is read here
          ++m.reused;
          it = by_cutoff.emplace(c, load_async(std::move(*trusted), options.models_dir)).first;
        } else {
          if (!rows) {
            if (!all_games) {
              games = mk::load_market_games(store);
              all_games = true;
              m.inputs.games = games;
            }
            m.inputs.consensus = mk::load_market_consensus(store, *market);
            m.inputs.injuries = mk::load_market_injuries(store);
            // Every date's offers too: the rows' line_spread (the training rows must see
            // what the rows of the run's dates see).
            m.inputs.offers = mk::load_market_offers(store, *market);
            rows = mk::market_rows(*market, m.inputs);
          }
          auto got = mk::get_or_train_market_model(store, *market, *rows, c, options.models_dir,
                                                   options.processed_at);
          (got.reused ? m.reused : m.trained) += got.model ? 1 : 0;
          it = by_cutoff.emplace(c, ready(got.model)).first;
        }
      }
      pending.push_back({&m, d, it->second});
    }
  }
  for (Pending& p : pending) p.market->models[p.d] = p.model.get();
  return run;
}

std::vector<Row> market_rows_of_run(const MarketRun& run, Date d,
                                    const std::vector<mk::UpcomingPlayer>& upcoming) {
  std::vector<mk::MarketPredictionRecord> records;
  for (const MarketOfRun& m : run.markets) {
    auto model = m.models.find(d);
    if (model == m.models.end() || !model->second) continue;
    auto candidates = mk::market_candidates(d, m.inputs.offers, upcoming);
    auto rows = mk::market_rows_of_date(*m.market, m.inputs, d, candidates);
    auto recs = mk::pre_game_predictions(*m.market, *model->second, rows, m.inputs.offers, {});
    mk::grade_market_records(recs, actual_of(*m.market, m.inputs.games, d));
    for (auto& r : recs) records.push_back(std::move(r));
  }
  return sorted_rows(std::move(records));
}

StageInputs load_market_predictions(Store& store, Date d, const StageContext& context) {
  StageInputs in;
  in.d = d;
  if (!context.markets) return in;
  if (d < context.from) {  // grading only: D's stored rows
    const TableSchema& t = mk::market_predictions_table();
    store.scan(t, {{"game_date", "=", format_date(d)}}, [&](const Row& row) {
      in.stored_markets.push_back(mk::market_prediction_record().read(t, row));
    });
    return in;
  }
  const TableSchema& t = analytics::upcoming_player_game_context_table();
  const auto& view = analytics::upcoming_game_view();
  const RowBinding binding = view.bind(t);
  store.scan_columns(t, view.wanted(t), {{"game_date", "=", format_date(d)}}, [&](const Row& row) {
    analytics::UpcomingGameView v = view.read(binding, row);
    in.upcoming.push_back({std::move(v.player_lookup), std::move(v.team_abbr),
                           std::move(v.opponent_abbr), v.home_game});
  });
  return in;
}

StageOutput market_predictions_stage(StageInputs in, const StageContext& context) {
  StageOutput s;
  std::vector<Row> rows;
  if (context.markets && in.d < context.from) {
    // Grade the stored rows of the day before the run with the stat each player made.
    std::map<std::string, std::map<std::string, double>> actual;  // market -> player -> stat
    for (const MarketOfRun& m : context.markets->markets) {
      actual[m.market->id] = actual_of(*m.market, m.inputs.games, in.d);
    }
    for (auto& rec : in.stored_markets) {
      rec.processed_at.reset();
      auto it = actual.find(rec.market);
      if (it == actual.end()) continue;
      auto stat = it->second.find(rec.player_lookup);
      if (stat != it->second.end()) mk::grade_market_record(rec, stat->second);
    }
    rows = sorted_rows(std::move(in.stored_markets));
  } else if (context.markets) {
    rows = market_rows_of_run(*context.markets, in.d, in.upcoming);
  }
  s.partitions.push_back({&mk::market_predictions_table(), std::move(rows)});
  return s;
}

MarketDayResult write_market_predictions_of_date(Store& store, Date d,
                                                 const MarketRunOptions& options) {
  MarketDayResult out;
  out.run = resolve_market_run(store, {d}, options);
  StageContext context;
  context.markets = &out.run;
  context.from = d;
  StageOutput s = market_predictions_stage(load_market_predictions(store, d, context), context);
  const TableSchema& t = mk::market_predictions_table();
  size_t stamp = t.column_index("processed_at");
  Transaction tx(store);
  store.erase(t, {{"game_date", "=", format_date(d)}});
  for (Row& row : s.partitions.front().rows) {
    row[stamp] = options.processed_at;
    store.insert(t, row);
    ++out.rows;
  }
  tx.commit();
  return out;
}

}  // namespace nbaprops::pipeline
