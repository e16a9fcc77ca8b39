// `nbaprops picks [--date D] [--market M] [--system S] [--min-edge X] [--format table|csv|json]`
// (docs/publishing.md): tonight's best bets as a board, strongest first. Reads the picks the
// run published for D (best_bets); when D has none stored yet, computes them from D's stored
// predictions without storing them (and says so).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iostream>

#include "cli/commands.h"
#include "core/clock.h"
#include "core/value.h"
#include "picks/best_bets.h"
#include "picks/load.h"
#include "picks/tables.h"
#include "pipeline/catalog.h"
#include "publish/documents.h"
#include "store/store.h"

namespace nbaprops::cli {
namespace {

struct PicksArgs {
  std::string date, market, system, format = "table";
  double min_edge = 0;
};

constexpr const char* kExplained = R"(How to read the board:
  OVER / UNDER  the side to take: the player scores more / fewer points than the line.
                Systems also say PASS (edge or confidence below their thresholds) and NO_LINE
                (no line to bet); the board shows only OVER / UNDER picks.
  edge          prediction - line, in points: +3.6 means 3.6 points above the line.
  confidence    the system's 0-100 confidence in its own prediction (its agreement and
                data quality, not a probability).
  P(over)       calibrated probability that the player goes over the line ("-" when the
                system has no calibrator yet: its first weeks of a season).
  EV            expected profit of one unit at the offered price: p x payout - (1 - p), p the
                probability of the pick's side (e.g. 0.55 at -110: +0.050). "-" without P(over).
  price         American odds of the pick's side ("-" when the book gave none: then the pick
                was chosen by edge, as a pick with P(over) needs a price; results assume -110).
  status        a published pick is locked; a later run may only VOID it, with a reason.
Picks pass every filter (a price when P(over) is known, edge or EV, the system's own
recommendation, systems agreeing, injury, stable minutes, a fresh and unmoved line) and the
caps (per player, game and day); see docs/publishing.md.)";

std::string num(const std::optional<double>& v, const char* spec) {
  return v ? fmt::format(fmt::runtime(spec), *v) : "-";
}

std::optional<Date> default_date(Store& store) {
  auto [lo, hi] = store.min_max(picks::best_bets_table(), "game_date");
  if (const auto* s = std::get_if<std::string>(&hi)) return parse_iso_date(*s);
  return std::nullopt;
}

struct BoardRow {
  std::vector<std::string> cells;
  std::string reasons;
};

std::vector<BoardRow> board_rows(const std::vector<picks::Pick>& shown,
                                 const std::vector<int>& ranks) {
  std::vector<BoardRow> rows;
  for (size_t i = 0; i < shown.size(); ++i) {
    const picks::Pick& p = shown[i];
    const picks::Candidate& c = p.c;
    bool voided = p.status != picks::kActive;
    rows.push_back(
        {{std::to_string(ranks[i]), c.player_name, picks::matchup(c),
          publish::tipoff_et(c.tipoff_utc), c.market, c.bookmaker, fmt::format("{:.1f}", c.line),
          p.price ? fmt::format("{:+d}", *p.price) : "-", fmt::format("{:.1f}", c.predicted),
          fmt::format("{:+.1f}", c.edge), fmt::format("{:.0f}", c.confidence),
          num(c.p_over, "{:.2f}"), num(p.ev, "{:+.3f}"), voided ? "VOID" : p.side, c.system_id},
         voided ? "voided: " + p.void_reason.value_or("") : picks::join_reasons(p.reasons)});
  }
  return rows;
}

void print_table(const std::vector<BoardRow>& rows) {
  std::vector<std::string> head = {"#",    "player",  "game",  "tip-off", "market",
                                   "book", "line",    "price", "pred",    "edge",
                                   "conf", "P(over)", "EV",    "pick",    "system"};
  std::vector<size_t> width(head.size());
  for (size_t k = 0; k < head.size(); ++k) width[k] = head[k].size();
  for (const auto& r : rows) {
    for (size_t k = 0; k < r.cells.size(); ++k) width[k] = std::max(width[k], r.cells[k].size());
  }
  auto line = [&](const std::vector<std::string>& cells, const std::string& tail) {
    std::string out;
    for (size_t k = 0; k < cells.size(); ++k) {
      bool right = k == 0 || (k >= 6 && k <= 12);
      out += right ? fmt::format("{:>{}}  ", cells[k], width[k])
                   : fmt::format("{:<{}}  ", cells[k], width[k]);
    }
    std::cout << out << tail << "\n";
  };
  line(head, "reasons");
  for (const auto& r : rows) line(r.cells, r.reasons);
}

void print_csv(const std::vector<BoardRow>& rows) {
  auto quote = [](const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return q + "\"";
  };
  std::cout << "rank,player,game,tipoff_et,market,bookmaker,line,price,predicted,edge,confidence,"
               "p_over,expected_value,pick,system_id,reasons\n";
  for (const auto& r : rows) {
    std::string out;
    for (const auto& c : r.cells) out += quote(c == "-" ? "" : c) + ",";
    std::cout << out << quote(r.reasons) << "\n";
  }
}

int run_picks(const GlobalOptions& global, const PicksArgs& args) {
  if (args.format != "table" && args.format != "csv" && args.format != "json") {
    std::cerr << "error: --format must be table, csv or json\n";
    return 2;
  }
  return with_store_errors([&] {
    auto store = open_store(global.db);
    std::optional<Date> d = args.date.empty() ? default_date(*store) : parse_iso_date(args.date);
    if (!d) {
      std::cerr << (args.date.empty() ? "error: no picks stored yet; give --date D\n"
                                      : "error: --date must be YYYY-MM-DD\n");
      return 2;
    }
    auto all = picks::load_published(*store, *d);
    if (all.empty()) {
      all = picks::best_bets(picks::load_candidates(*store, *d), {}, picks::PickConfig{}, now_utc())
                .picks;
      if (!all.empty()) {
        std::cerr << "note: no picks published for " << format_date(*d)
                  << " yet; these come from its stored predictions (`nbaprops run --date "
                  << format_date(*d) << "` publishes them)\n";
      }
    }
    auto ranks = publish::pick_ranks(all);
    std::vector<size_t> order;
    for (size_t i = 0; i < all.size(); ++i) {
      const auto& p = all[i];
      if (!args.market.empty() && p.c.market != args.market) continue;
      if (!args.system.empty() && p.c.system_id != args.system) continue;
      if (std::fabs(p.c.edge) < args.min_edge) continue;
      order.push_back(i);
    }
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return ranks[a] < ranks[b]; });
    std::vector<picks::Pick> shown;
    std::vector<int> shown_ranks;
    for (size_t i : order) {
      shown.push_back(all[i]);
      shown_ranks.push_back(ranks[i]);
    }
    if (args.format == "json") {
      std::cout << publish::picks_json(*d, shown).dump(1) << "\n";
      return 0;
    }
    auto rows = board_rows(shown, shown_ranks);
    if (args.format == "csv") {
      print_csv(rows);
      return 0;
    }
    std::cout << fmt::format("picks for {}: {} shown\n", format_date(*d), rows.size());
    if (!rows.empty()) print_table(rows);
    return 0;
  });
}

}  // namespace

void register_picks(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto args = std::make_shared<PicksArgs>();
  auto* cmd = app.add_subcommand("picks", "Tonight's best bets, strongest first, with reasons");
  cmd->add_option("--db", global.db, "SQLite store file or PostgreSQL URL")->capture_default_str();
  cmd->add_option("--date", args->date, "YYYY-MM-DD (default: the latest date with picks)");
  cmd->add_option("--market", args->market, "Only this market (e.g. points)");
  cmd->add_option("--system", args->system, "Only picks of this system (e.g. moving_average)");
  cmd->add_option("--min-edge", args->min_edge, "Only picks with |edge| >= X points");
  cmd->add_option("--format", args->format, "table, csv or json")->capture_default_str();
  cmd->footer(kExplained);
  cmd->callback([&global, &exit_code, args] { exit_code = run_picks(global, *args); });
}

}  // namespace nbaprops::cli
