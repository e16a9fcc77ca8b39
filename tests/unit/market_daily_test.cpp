// The market models in the daily run (issue 12): the pre-game rows of a date and their
// prediction path (predict/markets/market_day.h), the week's model registered once and reused
// (markets/market_registry.h), the stage's rows of D depend only on what came before D, and the
// grading of the day before (pipeline/market_stage.h).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <random>
#include <string>
#include <vector>

#include "pipeline/catalog.h"
#include "pipeline/market_stage.h"
#include "predict/gradient_boosting.h"
#include "predict/markets/market_backtest.h"
#include "predict/markets/market_day.h"
#include "predict/markets/market_registry.h"
#include "predict/model_registry.h"
#include "support/synthetic_market.h"
#include "support/test_store.h"

namespace nbaprops::predict::markets {
namespace {

namespace fs = std::filesystem;

Date day(int y, unsigned m, unsigned d) {
  return make_date(y, m, d);
}

// The record with its grading columns emptied (what a pre-game row holds).
MarketPredictionRecord ungraded(MarketPredictionRecord r) {
  r.actual_value.reset();
  r.outcome.reset();
  r.result.reset();
  r.profit.reset();
  return r;
}

std::vector<Row> written(const std::vector<MarketPredictionRecord>& records) {
  std::vector<Row> rows;
  for (const auto& r : records) rows.push_back(market_prediction_record().write(r));
  return rows;
}

// The synthetic threes market of market_models_test.cpp: two books quote 1.5 for every player
// from 2024-12-18. The pre-game rows of 2024-12-22 (model of C = 2024-12-20, opening night
// 2024-11-01) equal the backtest's rows of that date but for the grading, which is empty; graded
// with the stat each player made, they are the backtest's rows.
TEST(MarketDaily, PreGameRowsAreTheBacktestsRowsWithoutTheirGrading) {
  auto rows = testing::synthetic_market_rows(day(2024, 11, 1), 55);
  MarketInputs in = testing::two_books_from(rows, day(2024, 12, 18));
  const MarketDef& threes = *find_market("threes");
  MarketBacktestOptions o;
  o.from = day(2024, 12, 18);
  o.to = day(2024, 12, 24);
  auto week = run_market_backtest(threes, in, rows, o);
  const Date d = day(2024, 12, 22);
  // The cutoff of D from the player-games: opening night 2024-11-01, every 7 days.
  std::vector<PlayerGame> games = {{day(2024, 6, 10), "x", "A", "B", true, {}},
                                   {day(2024, 11, 1), "x", "A", "B", true, {}}};
  EXPECT_EQ(market_cutoff(games, d, 7), day(2024, 12, 20));  // 2024-06-10: last season
  EXPECT_EQ(market_cutoff({}, d, 7), d);                     // D is opening night
  const Date c = day(2024, 12, 20);
  std::vector<MarketRow> before, of_d;
  for (const MarketRow& r : rows) {
    if (r.date < c) before.push_back(r);
    if (r.date == d) of_d.push_back(r);
  }
  auto model = train_market_model(threes, before, c, gradient_boosting_params());
  ASSERT_TRUE(model);
  auto pre = pre_game_predictions(threes, *model, of_d, in.offers, {});
  ASSERT_EQ(pre.size(), 200u);  // 100 players, two books
  std::vector<MarketPredictionRecord> expected;
  for (const auto& r : week.records) {
    if (r.game_date == d) expected.push_back(r);
  }
  std::vector<MarketPredictionRecord> expected_pre;
  for (const auto& r : expected) expected_pre.push_back(ungraded(r));
  for (const auto& r : pre) {
    EXPECT_FALSE(r.actual_value || r.outcome || r.result || r.profit);
  }
  EXPECT_EQ(written(pre), written(expected_pre));
  // Graded with the stat each player made: the backtest's rows, grading included.
  std::map<std::string, double> actual;
  for (const MarketRow& r : of_d) actual[r.player] = r.label;
  grade_market_records(pre, actual);
  EXPECT_EQ(written(pre), written(expected));
}

TEST(MarketDaily, CandidatesAreThePlayersWithAnOfferAndAGameOnD) {
  const Date d = day(2025, 1, 2);
  std::map<PlayerDate, std::vector<Offer>> offers;
  offers[{d.days, "zed"}] = {{"a", 4.5, -110, -110}};
  offers[{d.days, "amy"}] = {{"a", 6.5, -110, -110}};
  offers[{d.days, "nogame"}] = {{"a", 2.5, -110, -110}};
  offers[{d.days + 1, "bob"}] = {{"a", 2.5, -110, -110}};  // another date
  std::vector<UpcomingPlayer> upcoming = {
      {"zed", "BOS", "NYK", true}, {"bob", "LAL", "GSW", false}, {"amy", "NYK", "BOS", false}};
  auto c = market_candidates(d, offers, upcoming);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].player, "amy");
  EXPECT_EQ(c[0].team, "NYK");
  EXPECT_EQ(c[0].opponent, "BOS");
  EXPECT_FALSE(c[0].home);
  EXPECT_EQ(c[1].player, "zed");
  EXPECT_TRUE(c[1].home);
}

// A synthetic rebounds market from the games: 80 players on 10 teams (8 each), every team plays
// every day from opening night 2024-10-22 (a round robin), rebounds = the player's base (2..9)
// + 0..3. Offers (two books) on D = 2024-12-05 for the first 30 players; the model of D's
// cutoff (2024-12-03: 42 days after opening night) trains on the 3,360 games before it.
struct League {
  std::vector<PlayerGame> games;
  std::vector<UpcomingPlayer> schedule_of_d;
};

constexpr int kTeams = 10, kPerTeam = 8;

std::string team_name(int t) {
  return "T" + std::to_string(t);
}

// Team t's opponent in round r (circle method over 10 teams).
int opponent(int t, int r) {
  r %= kTeams - 1;
  auto seat = [&](int team) { return team == 0 ? 0 : 1 + (team - 1 + r) % (kTeams - 1); };
  int s = seat(t);
  int other_seat = s == 0 ? 1 : (s == 1 ? 0 : kTeams + 1 - s);
  for (int o = 0; o < kTeams; ++o) {
    if (seat(o) == other_seat) return o;
  }
  return -1;
}

League league(Date first, int days, Date d) {
  std::mt19937 rng(11);
  League l;
  for (int k = 0; k < days; ++k) {
    Date g{first.days + k};
    for (int t = 0; t < kTeams; ++t) {
      int o = opponent(t, k);
      for (int i = 0; i < kPerTeam; ++i) {
        int p = t * kPerTeam + i;
        std::string name = "pl" + std::to_string(100 + p);
        bool home = t < o;
        if (g == d) l.schedule_of_d.push_back({name, team_name(t), team_name(o), home});
        PlayerGame pg{g, name, team_name(t), team_name(o), home, {}};
        pg.stats.reb = 2 + p % 8 + static_cast<double>(rng() % 4);
        pg.stats.minutes = 30;
        l.games.push_back(std::move(pg));
      }
    }
  }
  std::sort(l.games.begin(), l.games.end(), [](const PlayerGame& a, const PlayerGame& b) {
    return std::tie(a.date.days, a.player) < std::tie(b.date.days, b.player);
  });
  return l;
}

class MarketDailyStore : public ::testing::Test {
 protected:
  void SetUp() override { store_ = open_store((dir_.path() / "store.db").string()); }
  int64_t registry_rows() {
    int64_t n = 0;
    store_->scan(model_registry_table(), {}, [&](const Row&) { ++n; });
    return n;
  }
  // D's stage rows from `in`, with the week's model from the registry (or trained).
  std::vector<Row> rows_of(const MarketInputs& in, const League& l, bool* reused) {
    auto rows = market_rows(rebounds_, in);
    Date c = market_cutoff(in.games, d_, 7);
    EXPECT_EQ(c, day(2024, 12, 3));
    auto m = get_or_train_market_model(*store_, rebounds_, rows, c, dir_.path() / "models",
                                       "2026-01-01T00:00:00Z");
    EXPECT_TRUE(m.model);
    *reused = m.reused;
    run_.markets.clear();
    run_.markets.push_back({&rebounds_, in, {{d_, m.model}}, 0, 0});
    return pipeline::market_rows_of_run(run_, d_, l.schedule_of_d);
  }

  const MarketDef& rebounds_ = *find_market("rebounds");
  const Date d_ = day(2024, 12, 5);
  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
  pipeline::MarketRun run_;
};

// The trusted path (`run`, `backfill`): the registered model of (market, C) without reading
// or hashing its training rows, until a training input partition before C is rewritten.
TEST_F(MarketDailyStore, TheRegisteredModelIsTrustedUntilAnInputBeforeTheCutoffIsRewritten) {
  League l = league(day(2024, 10, 22), 50, d_);
  MarketInputs in;
  in.games = l.games;
  in.offers[{d_.days, "pl100"}] = {{"a", 4.5, -110, -110}};
  const fs::path models = dir_.path() / "models";
  const Date c = day(2024, 12, 3);
  EXPECT_FALSE(find_current_market_model(*store_, rebounds_, c, models));  // none registered
  bool reused = true;
  rows_of(in, l, &reused);  // trains and registers at 2026-01-01T00:00:00Z
  ASSERT_FALSE(reused);
  auto trusted = find_current_market_model(*store_, rebounds_, c, models);
  ASSERT_TRUE(trusted);
  EXPECT_TRUE(trusted->reused);
  auto hashed = get_or_train_market_model(*store_, rebounds_, market_rows(rebounds_, in), c, models,
                                          "2026-01-03T00:00:00Z");
  EXPECT_EQ(trusted->entry->model_version, hashed.entry->model_version);
  const std::string db = (dir_.path() / "store.db").string();
  auto run = [&](const char* processor, Date d, const char* at) {
    testing::sql_exec(db,
                      std::string("insert into processor_runs (run_id, processor, date, status, "
                                  "processed_at) values ('r', '") +
                          processor + "', '" + format_date(d) + "', 'success', '" + at + "')");
  };
  run("player_game_summary", c, "2026-01-02T00:00:00Z");              // on C: not a training input
  run("ml_feature_store", day(2024, 11, 1), "2026-01-02T00:00:00Z");  // not a market input
  EXPECT_TRUE(find_current_market_model(*store_, rebounds_, c, models));
  run("prop_line_consensus", day(2024, 11, 1), "2026-01-01T00:00:00Z");  // same second
  EXPECT_FALSE(find_current_market_model(*store_, rebounds_, c, models));
}

TEST_F(MarketDailyStore, TheWeeksModelIsTrainedOnceAndDsRowsDependOnlyOnEarlierGames) {
  const Date first = day(2024, 10, 22);
  League l = league(first, 50, d_);  // games to 2024-12-10
  MarketInputs in;
  in.games = l.games;
  for (int p = 0; p < 30; ++p) {
    std::string name = "pl" + std::to_string(100 + p);
    in.offers[{d_.days, name}] = {{"a", 2.5 + p % 8, -110, -110}, {"b", 3.5 + p % 8, 100, -120}};
  }
  bool reused = true;
  const std::vector<Row> played = rows_of(in, l, &reused);
  EXPECT_FALSE(reused);
  EXPECT_EQ(registry_rows(), 1);
  ASSERT_EQ(played.size(), 60u);  // 30 lined players, two books each
  const TableSchema& t = market_predictions_table();
  const auto& rec = market_prediction_record();
  for (const Row& r : played) EXPECT_TRUE(rec.read(t, r).actual_value);  // D is played: graded
  // A second run of the week: the registered model, not a new one.
  EXPECT_EQ(rows_of(in, l, &reused), played);
  EXPECT_TRUE(reused);
  EXPECT_EQ(registry_rows(), 1);
  // The reused model was read through its booster's fast-loading copy; a damaged copy is
  // ignored (and rewritten): the same rows.
  std::vector<std::filesystem::path> copies;
  for (const auto& f : std::filesystem::directory_iterator(dir_.path() / "models")) {
    if (f.path().extension() == ".ubj") copies.push_back(f.path());
  }
  ASSERT_EQ(copies.size(), 1u);
  std::ofstream(copies[0], std::ios::binary | std::ios::trunc) << "damaged";
  EXPECT_EQ(rows_of(in, l, &reused), played);
  EXPECT_GT(std::filesystem::file_size(copies[0]), 1000u);
  std::string header;
  std::getline(std::ifstream(copies[0]), header);
  EXPECT_EQ(std::count(header.begin(), header.end(), ' '), 2) << "the metadata is its preamble";
  // Before D's games (none of D or later in the store; the later ones changed): the same rows,
  // ungraded, from the same registered model.
  MarketInputs pre = in;
  pre.games.clear();
  for (PlayerGame g : in.games) {
    if (g.date == d_) continue;
    if (d_ < g.date) g.stats.reb += 5;
    pre.games.push_back(std::move(g));
  }
  const std::vector<Row> before = rows_of(pre, l, &reused);
  EXPECT_TRUE(reused);
  ASSERT_EQ(before.size(), played.size());
  for (size_t i = 0; i < before.size(); ++i) {
    auto b = rec.read(t, before[i]);
    EXPECT_FALSE(b.actual_value || b.outcome || b.result || b.profit);
    EXPECT_EQ(rec.write(b), rec.write(ungraded(rec.read(t, played[i]))));
  }
  // The next day's run grades D's stored rows: they become the rows graded at once.
  pipeline::StageInputs stored;
  stored.d = d_;
  for (const Row& r : before) stored.stored_markets.push_back(rec.read(t, r));
  pipeline::StageContext next;
  next.markets = &run_;  // rows_of(in): the games of D are summarised
  rows_of(in, l, &reused);
  next.from = Date{d_.days + 1};
  auto graded = pipeline::market_predictions_stage(std::move(stored), next);
  ASSERT_EQ(graded.partitions.size(), 1u);
  EXPECT_EQ(graded.partitions[0].rows, played);
  // A changed game before the cutoff: a new model of the same cutoff.
  MarketInputs changed = in;
  changed.games.front().stats.reb += 1;
  rows_of(changed, l, &reused);
  EXPECT_FALSE(reused);
  EXPECT_EQ(registry_rows(), 2);
}

// The windowed read of a trusted run (pipeline::window_is_complete): the games from
// look_back_start(first) stand for every game when each team has 10 game dates before `first`.
TEST(MarketDaily, TheLookBackWindowIsCompleteOnlyWithTenDatesPerTeam) {
  const Date first = day(2025, 1, 10);
  EXPECT_EQ(pipeline::look_back_start(first), day(2024, 1, 10));  // 365 days and one more
  std::vector<PlayerGame> games;
  auto game = [](Date d, const char* opponent) {
    PlayerGame g;
    g.date = d;
    g.player = "p";
    g.team = "X";
    g.opponent = opponent;
    return g;
  };
  for (int k = 0; k < 10; ++k) games.push_back(game(day(2024, 12, 1 + k), "AAA"));
  for (int k = 0; k < 9; ++k) games.push_back(game(day(2024, 12, 1 + k), "BBB"));
  games.push_back(game(day(2024, 12, 1), "BBB"));  // a second player-game of a date counted
  games.push_back(game(first, "BBB"));             // a game of the run's dates does not count
  EXPECT_FALSE(pipeline::window_is_complete(games, first));  // BBB: 9 dates before `first`
  games.push_back(game(day(2024, 12, 20), "BBB"));
  EXPECT_TRUE(pipeline::window_is_complete(games, first));
  games.push_back(game(first, "CCC"));  // a team seen only on the run's dates: 0 dates
  EXPECT_FALSE(pipeline::window_is_complete(games, first));
}

TEST(MarketRegistry, AModelFileRoundTripsAndPredictsTheSame) {
  auto rows = testing::synthetic_market_rows(day(2024, 11, 1), 60);
  const MarketDef& threes = *find_market("threes");
  auto m = train_market_model(threes, rows, day(2024, 12, 31), gradient_boosting_params());
  ASSERT_TRUE(m);
  MarketModel back = market_model_from_bytes(market_model_bytes(*m));
  EXPECT_EQ(back.model_id, m->model_id);
  EXPECT_EQ(back.cutoff, m->cutoff);
  EXPECT_EQ(back.residual_sd, m->residual_sd);
  EXPECT_EQ(back.nb_size, m->nb_size);
  EXPECT_EQ(back.model_weight, m->model_weight);
  ASSERT_TRUE(back.calibrator);
  EXPECT_EQ(back.calibrator->to_json(), m->calibrator->to_json());
  std::span<const MarketRow> some(rows.data(), 300);
  EXPECT_EQ(predict_means(back, some), predict_means(*m, some));
  EXPECT_EQ(market_model_bytes(back), market_model_bytes(*m));
  EXPECT_THROW(market_model_from_bytes("{}"), ModelFileError);
  // The fast-loading copy's parts: the metadata alone and the booster.
  MarketModel from_meta =
      market_model_from_meta(market_model_meta(*m), XgbModel::from_ubj(m->booster->to_ubj()));
  EXPECT_EQ(market_model_bytes(from_meta), market_model_bytes(*m));
  EXPECT_EQ(predict_means(from_meta, some), predict_means(*m, some));
  EXPECT_EQ(market_model_meta(*m).find("booster"), std::string::npos);
}

}  // namespace
}  // namespace nbaprops::predict::markets
