// `nbaprops backtest --from D1 --to D2 [--systems LIST] [--out DIR] [--threads N]`
// (04-predictions.md §9): predict and grade every date with games of the range into the
// backtest tables (pipeline/backtest.h), store the pooled summary in backtest_summary, print it,
// and with --out write summary.csv, buckets.csv and models.csv.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "core/clock.h"
#include "core/date.h"
#include "pipeline/backtest.h"
#include "pipeline/catalog.h"
#include "predict/aggregates.h"
#include "predict/backtest_report.h"
#include "predict/model_registry.h"
#include "predict/money_report.h"

namespace nbaprops::cli {
namespace {

struct BacktestArgs {
  std::string from, to, systems, out, models, money_from;
  double min_ev = 0.03;
  int training_days = predict::kTrainingWindowDays;
  double min_quality = 0;
  std::string calibrator = "isotonic";
  int retrain_every = predict::kDefaultRetrainEveryDays;
  int threads = 0;
  bool quiet = false;
};

std::string opt(const std::optional<double>& v, int decimals) {
  return v ? fmt::format("{:.{}f}", *v, decimals) : "-";
}

void print_line(const std::string& system, const predict::Performance& s, bool market) {
  std::string wlp = market ? "-" : fmt::format("{}-{}-{}", s.wins, s.losses, s.pushes);
  std::string recs = market ? "-" : std::to_string(s.recommendations);
  std::cout << fmt::format(
      "{:<18} {:>6} {:>5} {:>12} {:>6} {:>7} {:>6} {:>7} {:>9} {:>10} {:>13}\n", system,
      s.predictions, recs, wlp, opt(s.win_rate, 2), opt(s.roi, 2), opt(s.mae, 3), opt(s.bias, 3),
      opt(s.lined_mae, 3), opt(s.market_mae, 3), opt(s.mae_vs_market, 3));
}

void print_summary(const pipeline::BacktestResult& r, const pipeline::BacktestOptions& o) {
  std::cout << fmt::format(
      "backtest {} .. {}: {} dates with games ({} built with Phases 3-4), {} predictions, {} "
      "skip records, {} grades, {} thread(s)\n",
      format_date(o.from), format_date(o.to), r.dates.size(), r.built.size(), r.predictions,
      r.skips, r.grades, r.threads);
  std::cout << fmt::format(
      "{:<18} {:>6} {:>5} {:>12} {:>6} {:>7} {:>6} {:>7} {:>9} {:>10} {:>13}\n", "system", "preds",
      "recs", "W-L-P", "win%", "roi%", "mae", "bias", "lined_mae", "market_mae", "mae_vs_market");
  auto summaries = r.pooled.summaries();
  for (const auto& [system, s] : summaries) print_line(system, s, false);
  print_line("market", predict::summarize_market(r.pooled.market), true);
  std::cout << "thresholds in force (recommend when |edge| >= E and confidence >= C):\n";
  for (const auto& [system, s] : summaries) {
    auto t = predict::thresholds_in_force(o.predict, system);
    std::cout << fmt::format("  {:<18} E {:.1f}  C {:.1f}\n", system, t.edge, t.confidence);
  }
}

std::string pct(const std::optional<double>& v) {
  return v ? fmt::format("{:.2f}", *v * 100) : "-";
}

// The money figures (issue 12): P(over) calibrated walk-forward, Brier against the no-vig
// market, bets by expected value at the book's own price, break-even at the prices taken.
void print_money(const std::vector<predict::MoneyFigures>& figures,
                 const predict::MoneyOptions& m) {
  std::cout << fmt::format(
      "money from {} ({} calibration, {} days before each cutoff; bet when EV >= {:.3f} at the "
      "book's price):\n",
      format_date(m.report_from),
      m.kind == predict::Calibrator::Kind::kPlatt ? "Platt" : "isotonic", m.calibration_days,
      m.min_ev);
  std::cout << fmt::format("{:<18} {:>6} {:>6} {:>7} {:>8} {:>5} {:>11} {:>6} {:>6} {:>8} {:>20}\n",
                           "system", "lined", "p_rows", "brier", "mkt_brier", "bets", "W-L-P",
                           "hit%", "be%", "profit", "roi% [95% CI]");
  for (const auto& f : figures) {
    std::string roi = f.roi ? fmt::format("{:.2f} [{:.2f}, {:.2f}]", f.roi->roi * 100,
                                          f.roi->low * 100, f.roi->high * 100)
                            : "-";
    auto num = [](const std::optional<double>& v) { return v ? fmt::format("{:.4f}", *v) : "-"; };
    std::cout << fmt::format(
        "{:<18} {:>6} {:>6} {:>7} {:>8} {:>5} {:>11} {:>6} {:>6} {:>8.2f} {:>20}\n", f.system,
        f.lined, f.calibrated, num(f.brier), num(f.market_brier), f.bets,
        fmt::format("{}-{}-{}", f.wins, f.losses, f.pushes), pct(f.hit_rate), pct(f.break_even),
        f.profit, roi);
  }
}

void write_money_csv(const std::vector<predict::MoneyFigures>& figures,
                     const std::filesystem::path& file) {
  std::ofstream out(file, std::ios::binary);
  out << "system,kind,bin_lo,bin_hi,lined,calibrated,brier,market_brier,bets,wins,losses,pushes,"
         "hit_rate,break_even,profit,roi,roi_low,roi_high,count,mean_p,observed\n";
  auto num = [](const std::optional<double>& v) { return v ? fmt::format("{:.6f}", *v) : ""; };
  for (const auto& f : figures) {
    out << fmt::format("{},summary,,,{},{},{},{},{},{},{},{},{},{},{:.4f},{},{},{},,,\n", f.system,
                       f.lined, f.calibrated, num(f.brier), num(f.market_brier), f.bets, f.wins,
                       f.losses, f.pushes, num(f.hit_rate), num(f.break_even), f.profit,
                       f.roi ? fmt::format("{:.6f}", f.roi->roi) : "",
                       f.roi ? fmt::format("{:.6f}", f.roi->low) : "",
                       f.roi ? fmt::format("{:.6f}", f.roi->high) : "");
    for (const auto& b : f.reliability) {
      out << fmt::format("{},reliability,{:.1f},{:.1f},,,,,,,,,,,,,,,{},{:.6f},{:.6f}\n", f.system,
                         b.lo, b.hi, b.count, b.mean_p, b.observed);
    }
  }
}

int run_backtest(const GlobalOptions& global, const BacktestArgs& args) {
  auto from = parse_iso_date(args.from), to = parse_iso_date(args.to);
  if (!from || !to || *to < *from) {
    std::cerr << "error: --from and --to must be YYYY-MM-DD, from <= to\n";
    return 2;
  }
  if (!args.money_from.empty() && !parse_iso_date(args.money_from)) {
    std::cerr << "error: --money-from must be YYYY-MM-DD\n";
    return 2;
  }
  if (args.calibrator != "isotonic" && args.calibrator != "platt") {
    std::cerr << "error: --calibrator must be isotonic or platt\n";
    return 2;
  }
  if (!valid_threads(args.threads)) return 2;
  pipeline::BacktestOptions o;
  o.from = *from;
  o.to = *to;
  if (!parse_system_list(args.systems, o.predict.systems)) return 2;
  o.threads = args.threads;
  o.store_location = global.db;
  o.processed_at = now_utc();
  o.predict.models = model_options(global, args.models, args.retrain_every);
  if (!o.predict.models) return 2;
  if (args.training_days < 1) {
    std::cerr << "error: --training-days must be 1 or more\n";
    return 2;
  }
  o.predict.models->training_days = args.training_days;
  o.predict.min_quality = args.min_quality;
  return with_store_errors([&] {
    try {
      if (!args.out.empty()) std::filesystem::create_directories(args.out);
      auto store = open_store(global.db);
      std::ostringstream sink;
      auto result = pipeline::run_backtest(*store, o, args.quiet ? sink : std::cerr);
      auto rows = predict::backtest_summary_rows(o.from, o.to, result.pooled, o.predict);
      if (!args.out.empty()) {
        std::filesystem::path dir(args.out);
        predict::write_summary_csv(rows, dir / "summary.csv");
        predict::write_buckets_csv(o.from, o.to, result.pooled, dir / "buckets.csv");
        predict::write_models_csv(*store, result.model_versions, dir / "models.csv");
      }
      predict::write_backtest_summary(*store, o.from, o.to, std::move(rows), o.processed_at);
      print_summary(result, o);
      predict::MoneyOptions money;
      money.report_from = args.money_from.empty() ? o.from : *parse_iso_date(args.money_from);
      money.opening_night = predict::opening_night(*store, season_of(o.from))
                                .value_or(make_date(season_of(o.from), 7, 1));
      money.retrain_every_days = args.retrain_every;
      money.min_ev = args.min_ev;
      if (args.calibrator == "platt") money.kind = predict::Calibrator::Kind::kPlatt;
      auto figures = predict::money_report(result.pooled, money);
      print_money(figures, money);
      if (!args.out.empty()) {
        write_money_csv(figures, std::filesystem::path(args.out) / "money.csv");
        std::cout << "wrote summary.csv, buckets.csv, models.csv, money.csv to " << args.out
                  << "\n";
      }
      return 0;
    } catch (const std::filesystem::filesystem_error& e) {
      std::cerr << "error: " << e.what() << "\n";
      return 2;
    }
  });
}

}  // namespace

void register_backtest(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto args = std::make_shared<BacktestArgs>();
  auto* cmd = app.add_subcommand(
      "backtest",
      "Phase 5: predict and grade every date with games of a range into the backtest_* tables "
      "(live tables untouched) and print the pooled figures per system");
  cmd->add_option("--db", global.db, "SQLite store file or PostgreSQL URL")->capture_default_str();
  cmd->add_option("--from", args->from, "First date (YYYY-MM-DD)")
      ->transform(relative_date())
      ->required();
  cmd->add_option("--to", args->to, "Last date (YYYY-MM-DD)")
      ->transform(relative_date())
      ->required();
  add_models_option(cmd, args->models);
  cmd->add_option("--retrain-every", args->retrain_every,
                  "Days between gradient_boosting cutoffs (default 7)");
  cmd->add_option("--systems", args->systems,
                  "Comma-separated system ids (default: all available)");
  cmd->add_option("--out", args->out,
                  "Folder for summary.csv, buckets.csv and models.csv (default: no files are "
                  "written; the summary still goes to table backtest_summary)");
  cmd->add_option("--threads", args->threads,
                  "Dates computed at once (0: the machine's hardware threads; 1: sequential)")
      ->capture_default_str();
  cmd->add_flag("--quiet", args->quiet, "No per-date lines on standard error");
  cmd->add_option("--money-from", args->money_from,
                  "First date of the money figures; earlier dates only calibrate P(over) "
                  "(default: --from)");
  cmd->add_option("--min-ev", args->min_ev,
                  "Bet a side when its expected value at the book's price is at least this "
                  "(default 0.03)");
  cmd->add_option("--calibrator", args->calibrator, "isotonic (default) or platt");
  cmd->add_option("--min-quality", args->min_quality,
                  "Skip players whose feature_quality_score is below this (quality_too_low); "
                  "default 0: every player with a feature row is predicted");
  cmd->add_option("--training-days", args->training_days,
                  "Days of feature rows before each cutoff that train gradient_boosting "
                  "(default 730; 3650: every earlier season of a ten-season store)");
  cmd->callback([&global, &exit_code, args] { exit_code = run_backtest(global, *args); });
}

}  // namespace nbaprops::cli
