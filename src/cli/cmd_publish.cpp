// `nbaprops publish --date D --out DIR` (docs/publishing.md): the slate of D as JSON files
// with their schemas and a static HTML report that opens from disk (publish/publish.h).
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "core/clock.h"
#include "pipeline/catalog.h"
#include "pipeline/graph.h"
#include "publish/publish.h"

namespace nbaprops::cli {
namespace {

struct PublishArgs {
  std::string date, out;
};

int run_publish(const GlobalOptions& global, const PublishArgs& args) {
  auto d = parse_iso_date(args.date);
  if (!d) {
    std::cerr << "error: --date must be YYYY-MM-DD\n";
    return 2;
  }
  return with_store_errors([&]() -> int {
    auto store = open_store(global.db);
    publish::PublishReport r;
    try {
      publish::PublishOptions options;
      options.generated_at = now_utc();
      for (const auto& e : pipeline::processor_graph()) {
        options.processors.push_back({std::string(e.name), e.phase});
      }
      r = publish::publish(*store, *d, args.out, options);
    } catch (const std::filesystem::filesystem_error& e) {
      std::cerr << "error: " << e.what() << "\n";
      return 2;
    }
    std::cout << fmt::format("publish {}: {} picks ({} active), {} files in {}{}\n", args.date,
                             r.picks, r.active, r.files.size(), args.out,
                             r.results ? ", results filled in" : ", results after grading");
    std::cout << fmt::format("open {}/index.html in a browser\n", args.out);
    if (r.picks == 0) {
      std::cerr << "note: no picks stored for " << args.date << " (`nbaprops run --date "
                << args.date << "` makes them)\n";
    }
    if (!r.chart_library) {
      std::cerr << "warning: /usr/share/javascript/chart.js/chart.min.js not found (Debian "
                   "libjs-chart.js, scripts/install-deps): the page shows no charts\n";
    }
    return 0;
  });
}

}  // namespace

void register_publish(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto args = std::make_shared<PublishArgs>();
  auto* cmd = app.add_subcommand("publish", "Write D's slate: JSON files and an HTML report");
  cmd->add_option("--db", global.db, "SQLite store file or PostgreSQL URL")->capture_default_str();
  cmd->add_option("--date", args->date, "YYYY-MM-DD")->required();
  cmd->add_option("--out", args->out, "Output folder (created when missing)")->required();
  cmd->callback([&global, &exit_code, args] { exit_code = run_publish(global, *args); });
}

}  // namespace nbaprops::cli
