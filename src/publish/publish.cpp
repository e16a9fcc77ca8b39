#include "publish/publish.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "core/date.h"
#include "publish/assets.h"
#include "publish/documents.h"
#include "publish/performance.h"
#include "publish/reads.h"

namespace nbaprops::publish {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr int kSchemaVersion = 1;

class Writer {
 public:
  Writer(fs::path root, PublishReport& report) : root_(std::move(root)), report_(report) {}

  void text(const std::string& rel, std::string_view bytes) {
    fs::path target = root_ / rel;
    fs::create_directories(target.parent_path());
    fs::path tmp = target;
    tmp += ".tmp";
    {
      std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
      f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      if (!f)
        throw fs::filesystem_error("cannot write", tmp, std::make_error_code(std::errc::io_error));
    }
    fs::rename(tmp, target);
    report_.files.push_back(rel);
  }

  // A document with its schema id and stamp first.
  void document(const std::string& rel, const std::string& schema, json body,
                const std::string& generated_at) {
    json doc = {{"schema", "nbaprops/" + schema + "/" + std::to_string(kSchemaVersion)},
                {"generated_at", generated_at}};
    doc.update(body);
    text(rel, doc.dump(1) + "\n");
  }

 private:
  fs::path root_;
  PublishReport& report_;
};

// The dates of the files under DIR/sub named DATE.json, ascending.
std::vector<std::string> dated_files(const fs::path& dir) {
  std::set<std::string> dates;
  if (!fs::is_directory(dir)) return {};
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    if (name.size() == 15 && name.ends_with(".json") && parse_iso_date(name.substr(0, 10))) {
      dates.insert(name.substr(0, 10));
    }
  }
  return {dates.begin(), dates.end()};
}

}  // namespace

PublishReport publish(Store& store, Date d, const fs::path& out, const PublishOptions& options) {
  PublishReport report;
  Writer w(out, report);
  const std::string& at = options.generated_at;
  std::string day = format_date(d);
  Date from = season_start(d);

  auto grades = read_grades(store, from, d);
  auto outcome = outcomes(grades);
  auto season_picks = read_picks(store, from, d);
  auto removals = read_removals(store, from, d);
  std::vector<picks::Pick> today;
  for (const auto& p : season_picks) {
    if (p.c.game_date == d) today.push_back(p);
  }
  report.picks = static_cast<int>(today.size());
  for (const auto& p : today) report.active += p.status == picks::kActive;
  bool graded = false;
  for (const auto& g : grades) graded = graded || g.game_date == d;

  json picks_doc = picks_json(d, today);
  json results_doc = graded ? results_json(d, today, outcome) : json(nullptr);
  json performance = performance_json(d, grades, season_picks, removals, outcome);
  json health = model_health_json(d, grades);
  json status = status_json(store, d, at, options.processors);
  json tonight = tonight_json(store, d);

  w.document("tonight.json", "tonight", tonight, at);
  w.document("picks/" + day + ".json", "picks", picks_doc, at);
  if (graded) {
    w.document("results/" + day + ".json", "results", results_doc, at);
    report.results = true;
  }
  w.document("performance.json", "performance", performance, at);
  w.document("model-health.json", "model-health", health, at);
  w.document("status.json", "status", status, at);
  auto pick_dates = dated_files(out / "picks");
  auto result_dates = dated_files(out / "results");
  w.document("latest.json", "latest",
             {{"date", day},
              {"picks", "picks/" + day + ".json"},
              {"results", result_dates.empty() ? json(nullptr)
                                               : json("results/" + result_dates.back() + ".json")},
              {"pick_dates", pick_dates},
              {"result_dates", result_dates}},
             at);

  json page = {{"date", day},
               {"generated_at", at},
               {"picks", picks_doc},
               {"results", results_doc},
               {"history", history_json(season_picks, outcome)},
               {"performance", performance},
               {"health", health},
               {"status", status},
               {"games", tonight["games"]},
               {"cards", cards_json(store, d, today)}};
  w.text("data.js", "window.NBAPROPS = " + page.dump() + ";\n");
  for (const auto& a : web_assets()) w.text(std::string(a.path), a.bytes);
  if (fs::exists(options.chart_js)) {
    std::ifstream f(options.chart_js, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    w.text("chart.min.js", bytes);
    report.chart_library = true;
  }
  return report;
}

}  // namespace nbaprops::publish
