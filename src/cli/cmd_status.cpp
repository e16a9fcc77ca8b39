// `nbaprops status` and `nbaprops failures` (05-pipeline.md §6): the latest run of each
// processor for a date or range, and the failed entities of the latest runs.
#include <fmt/format.h>

#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "pipeline/catalog.h"
#include "raw/schema.h"
#include "store/postgres/work_queue.h"
#include "store/run_history.h"
#include "store/store.h"

namespace nbaprops::cli {
namespace {

struct HistoryArgs {
  std::string date, from, to;
  bool json = false;
  bool plans = false;  // status --plans: the shared backfills' progress only
};

std::vector<Condition> date_filter(const HistoryArgs& a) {
  std::vector<Condition> where;
  if (!a.date.empty()) where.push_back({"date", "=", a.date});
  if (!a.from.empty()) where.push_back({"date", ">=", a.from});
  if (!a.to.empty()) where.push_back({"date", "<=", a.to});
  return where;
}

bool valid_dates(const HistoryArgs& a) {
  for (const auto& d : {a.date, a.from, a.to}) {
    if (!d.empty() && !parse_iso_date(d)) {
      std::cerr << "error: not a date (YYYY-MM-DD): " << d << "\n";
      return false;
    }
  }
  return true;
}

// The progress of the work plans of a PostgreSQL store (backfill --plan): one line per plan,
// then its running and failed items.
void print_plans(const GlobalOptions& global, bool json) {
  WorkQueue queue(global.db);
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& p : queue.progress()) {
    if (json) {
      out.push_back({{"plan", p.plan_id},
                     {"from", p.from_date},
                     {"to", p.to_date},
                     {"created_at", p.created_at},
                     {"items", p.items},
                     {"done", p.done},
                     {"running", p.running},
                     {"pending", p.pending},
                     {"failed", p.failed},
                     {"expired_leases", p.expired},
                     {"notes", p.notes}});
      continue;
    }
    std::cout << fmt::format(
        "plan {} {}..{} (created {}): {}/{} items done, {} running, {} pending, {} failed{}\n",
        p.plan_id, p.from_date, p.to_date, p.created_at, p.done, p.items, p.running, p.pending,
        p.failed, p.expired ? fmt::format(" ({} leases ended, claimable)", p.expired) : "");
    for (const auto& n : p.notes) std::cout << "  " << n << "\n";
  }
  if (json) std::cout << out.dump(1) << "\n";
}

int run_status(const GlobalOptions& global, const HistoryArgs& a) {
  if (!valid_dates(a)) return 2;
  if (a.plans) {
    if (!is_postgres_location(global.db)) {
      std::cerr << "error: work plans live in a PostgreSQL store (--db postgresql://...)\n";
      return 2;
    }
    print_plans(global, a.json);
    return 0;
  }
  const TableSchema& t = *find_table("processor_runs");
  // Latest run per (date, processor): rows come in processed_at order, later ones win.
  const auto& view = run_list_view();
  const RowBinding binding = view.bind(t);
  std::map<std::pair<std::string, std::string>, RunListView> latest;
  auto store = open_store(global.db);
  store->scan_columns(t, view.wanted(t), date_filter(a), [&](const Row& row) {
    RunListView r = view.read(binding, row);
    if (r.processor == "ingest") return;
    std::pair<std::string, std::string> key{r.date, r.processor};
    latest[key] = std::move(r);
  });
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  if (!a.json) {
    std::cout << fmt::format("{:<10}  {:<30} {:<8} {:<8} {:>7} {:>6} {:>8}\n", "date", "processor",
                             "mode", "status", "rows", "failed", "total_ms");
  }
  for (const auto& [key, r] : latest) {
    if (a.json) {
      out.push_back({{"date", key.first},
                     {"processor", key.second},
                     {"mode", r.mode},
                     {"status", r.status},
                     {"rows", r.rows_written.value_or(0)},
                     {"failed", r.entities_failed.value_or(0)},
                     {"total_ms", r.total_ms.value_or(0)},
                     {"run_id", r.run_id},
                     {"processed_at", r.processed_at}});
      continue;
    }
    std::cout << fmt::format("{:<10}  {:<30} {:<8} {:<8} {:>7} {:>6} {:>8}\n", key.first,
                             key.second, r.mode, r.status, r.rows_written.value_or(0),
                             r.entities_failed.value_or(0), r.total_ms.value_or(0));
  }
  if (a.json) std::cout << out.dump(1) << "\n";
  if (!a.json && is_postgres_location(global.db)) print_plans(global, false);
  return 0;
}

int run_failures(const GlobalOptions& global, const HistoryArgs& a) {
  if (!valid_dates(a)) return 2;
  const TableSchema& t = *find_table("failed_entities");
  auto store = open_store(global.db);
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  const auto& view = failure_view();
  const RowBinding binding = view.bind(t);
  store->scan_columns(t, view.wanted(t), date_filter(a), [&](const Row& row) {
    FailureView r = view.read(binding, row);
    if (a.json) {
      out.push_back({{"date", r.date},
                     {"processor", r.processor},
                     {"entity_type", r.entity_type},
                     {"entity_id", r.entity_id},
                     {"category", r.category},
                     {"reason", r.reason},
                     {"can_retry", r.can_retry}});
      return;
    }
    std::cout << fmt::format("{}  {}  {} {}  {}  {}\n", r.date, r.processor, r.entity_type,
                             r.entity_id, r.category, r.reason);
  });
  if (a.json) std::cout << out.dump(1) << "\n";
  return 0;
}

CLI::App* add_history_command(CLI::App& app, const char* name, const char* help,
                              GlobalOptions& global, std::shared_ptr<HistoryArgs> args) {
  auto* cmd = app.add_subcommand(name, help);
  cmd->add_option("--db", global.db, "SQLite store file or PostgreSQL URL")->capture_default_str();
  auto* date = cmd->add_option("--date", args->date, "Only this date (YYYY-MM-DD)")
                   ->transform(relative_date());
  cmd->add_option("--from", args->from, "From this date")
      ->transform(relative_date())
      ->excludes(date);
  cmd->add_option("--to", args->to, "Up to this date")->transform(relative_date())->excludes(date);
  cmd->add_flag("--json", args->json, "Print JSON");
  return cmd;
}

}  // namespace

void register_status(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto status_args = std::make_shared<HistoryArgs>();
  auto* status = add_history_command(app, "status", "The latest run of each processor and date",
                                     global, status_args);
  status->add_flag("--plans", status_args->plans,
                   "The progress of the shared backfills (backfill --plan; PostgreSQL)");
  status->callback([&global, &exit_code, status_args] {
    try {
      exit_code = run_status(global, *status_args);
    } catch (const StoreError& e) {
      std::cerr << "store error: " << e.what() << "\n";
      exit_code = 3;
    }
  });
  auto failures_args = std::make_shared<HistoryArgs>();
  auto* failures = add_history_command(app, "failures", "Failed entities of the latest runs",
                                       global, failures_args);
  failures->callback([&global, &exit_code, failures_args] {
    try {
      exit_code = run_failures(global, *failures_args);
    } catch (const StoreError& e) {
      std::cerr << "store error: " << e.what() << "\n";
      exit_code = 3;
    }
  });
}

}  // namespace nbaprops::cli
