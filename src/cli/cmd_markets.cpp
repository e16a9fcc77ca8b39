// `nbaprops market-backtest --market M[,M...] --from A --to B [--min-ev X] [--margin X]
// [--retrain-every N] [--threads N] [--no-write]` (issue 12 items 3-6, docs/markets.md): the
// walk-forward backtest of the market models (src/predict/markets/). Writes each offer's
// prediction and grade to market_predictions (replacing the market's rows of the window) and
// prints, per market: coverage, MAE against the line, Brier against the no-vig market, and the
// bets of the model, the always-under bettor and the market-only consensus bettor.
// Exit codes: 0 done, 2 bad usage, 3 store or model error.
#include <fmt/format.h>

#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "core/clock.h"
#include "core/date.h"
#include "pipeline/catalog.h"
#include "predict/markets/market_backtest.h"

namespace nbaprops::cli {
namespace {

namespace m = predict::markets;

struct MarketArgs {
  std::string markets, from, to;
  double min_ev = m::kDefaultMinEv, margin = m::kDefaultConsensusMargin;
  double max_gap = m::kDefaultMaxNoVigGap;
  int retrain_every = predict::kDefaultRetrainEveryDays, threads = 1;
  bool no_write = false;
};

std::string pct(const std::optional<double>& v) {
  return v ? fmt::format("{:.1f}%", 100 * *v) : "-";
}

std::string num(const std::optional<double>& v, int decimals = 3) {
  return v ? fmt::format("{:.{}f}", *v, decimals) : "-";
}

std::string bettor_line(const std::string& name, const m::BettorFigures& f) {
  std::string roi = f.roi ? fmt::format("{:+.1f}% [{:+.1f}%, {:+.1f}%]", 100 * f.roi->roi,
                                        100 * f.roi->low, 100 * f.roi->high)
                          : "-";
  return fmt::format("  {:<14} bets {:>6}  W-L-P {}-{}-{}  hit {:>6}  break-even {:>6}  ROI {}\n",
                     name, f.bets, f.wins, f.losses, f.pushes, pct(f.hit_rate), pct(f.break_even),
                     roi);
}

void print_report(const m::MarketBacktestReport& r, const MarketArgs& a, std::ostream& out) {
  out << fmt::format("market {} {}..{} (min EV {:+.1f}%, consensus margin {:+.1f}%)\n", r.market,
                     a.from, a.to, 100 * a.min_ev, 100 * a.margin);
  out << fmt::format(
      "  models {} ({} calibrated); lined player-dates who played {}, predicted {}"
      " (coverage {})\n",
      r.models, r.calibrated_models, r.lined, r.predicted,
      r.lined ? pct(static_cast<double>(r.predicted) / r.lined) : "-");
  std::optional<double> diff;
  if (r.mae_model && r.mae_line) diff = *r.mae_model - *r.mae_line;
  out << fmt::format("  MAE model {} vs consensus line {} ({})\n", num(r.mae_model),
                     num(r.mae_line), diff ? fmt::format("{:+.3f}", *diff) : "-");
  out << fmt::format(
      "  suspect offers (no-vig more than {:.2f} from the other books' at the line, "
      "never bet): {}\n",
      a.max_gap, r.suspect_offers);
  std::string weights;
  for (double w : r.model_weights) weights += fmt::format(" {:.2f}", w);
  out << fmt::format("  model weight against the market per cutoff:{}\n", weights);
  out << fmt::format("  Brier over {} offers: blended {} (model alone {}) vs market no-vig {}{}\n",
                     r.brier_rows, num(r.brier_model, 4), num(r.brier_model_alone, 4),
                     num(r.brier_market, 4),
                     r.flat_prices ? " (flat prices: no-vig is 0.5 on every offer)" : "");
  out << "  reliability (P(over) bet on: n, mean p, observed):";
  for (const auto& b : r.reliability) {
    out << fmt::format(" [{:.1f},{:.1f}) {} {:.3f} {:.3f};", b.lo, b.hi, b.count, b.mean_p,
                       b.observed);
  }
  out << "\n";
  out << bettor_line("model", r.model);
  out << bettor_line("always-under", r.always_under);
  out << bettor_line("consensus", r.consensus);
}

int run_markets(const GlobalOptions& global, const MarketArgs& a) {
  auto from = parse_iso_date(a.from), to = parse_iso_date(a.to);
  if (!from || !to || *to < *from) {
    std::cerr << "error: --from and --to must be YYYY-MM-DD, from <= to\n";
    return 2;
  }
  std::vector<const m::MarketDef*> defs;
  std::stringstream list(a.markets);
  for (std::string id; std::getline(list, id, ',');) {
    const m::MarketDef* def = m::find_market(id);
    if (!def) {
      std::vector<std::string> names;
      for (const auto& d : m::all_markets()) names.push_back(d.id);
      std::cerr << "error: unknown market " << id << " (valid: " << valid_names(names) << ")\n";
      return 2;
    }
    defs.push_back(def);
  }
  if (a.retrain_every < 1 || a.threads < 1) {
    std::cerr << "error: --retrain-every and --threads must be 1 or more\n";
    return 2;
  }
  return with_store_errors([&] {
    auto store = open_store(global.db);
    for (const m::MarketDef* def : defs) {
      auto in = m::load_market_inputs(*store, *def);
      auto rows = m::market_rows(*def, in);
      m::MarketBacktestOptions o{*from,           *to,      a.min_ev, a.margin, a.max_gap,
                                 a.retrain_every, a.threads};
      auto result = m::run_market_backtest(*def, in, rows, o);
      if (!a.no_write) {
        const TableSchema& t = m::market_predictions_table();
        std::string stamp = now_utc();
        Transaction tx(*store);
        store->erase(t, {{"market", "=", def->id},
                         {"game_date", ">=", format_date(*from)},
                         {"game_date", "<=", format_date(*to)}});
        for (auto& rec : result.records) {
          rec.processed_at = stamp;
          store->insert(t, m::market_prediction_record().write(rec));
        }
        tx.commit();
      }
      print_report(result.report, a, std::cout);
    }
    return 0;
  });
}

}  // namespace

void register_markets(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto args = std::make_shared<MarketArgs>();
  auto* cmd = app.add_subcommand(
      "market-backtest", "Walk-forward backtest of the market models (rebounds, assists, ...)");
  cmd->add_option("--db", global.db, "SQLite store file or PostgreSQL URL")->capture_default_str();
  cmd->add_option("--market", args->markets, "Markets, comma-separated")->required();
  cmd->add_option("--from", args->from, "First date")->transform(relative_date())->required();
  cmd->add_option("--to", args->to, "Last date")->transform(relative_date())->required();
  cmd->add_option("--min-ev", args->min_ev, "Minimum expected value of a bet, per unit")
      ->capture_default_str();
  cmd->add_option("--margin", args->margin, "Consensus bettor's minimum EV at the fair price")
      ->capture_default_str();
  cmd->add_option("--max-novig-gap", args->max_gap,
                  "Offers whose no-vig P(over) differs more from the other books' at the line "
                  "are not bet (1 = bet every offer)")
      ->capture_default_str();
  cmd->add_option("--retrain-every", args->retrain_every, "Days between cutoffs")
      ->capture_default_str();
  cmd->add_option("--threads", args->threads, "Models trained at once")->capture_default_str();
  cmd->add_flag("--no-write", args->no_write, "Print only; leave market_predictions as it is");
  cmd->callback([&global, &exit_code, args] { exit_code = run_markets(global, *args); });
}

}  // namespace nbaprops::cli
