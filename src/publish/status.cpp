#include <map>

#include "publish/documents.h"
#include "raw/schema.h"

namespace nbaprops::publish {
namespace {

using nlohmann::json;

struct Latest {
  std::string date, processed_at, status;  // latest run (by processed_at)
  std::string last_ok_date;                // latest date with a success / partial run
  std::string status_of_d;                 // the latest run of D, "" when none
  std::string d_processed_at;
};

std::optional<double> age_hours(const std::string& then, const std::string& now) {
  auto a = parse_timestamp(then), b = parse_timestamp(now);
  if (!a || !b) return std::nullopt;
  return round_half_away(static_cast<double>(b->seconds - a->seconds) / 3600.0, 1);
}

}  // namespace

const Record<RunStatusView>& run_status_view() {
  using V = RunStatusView;
  static const Record<V> r = Record<V>()
                                 .field("processor", &V::processor)
                                 .field("date", &V::date, ColumnType::kDate)
                                 .field("status", &V::status)
                                 .field("processed_at", &V::processed_at, ColumnType::kTs);
  return r;
}

json status_json(Store& store, Date d, const std::string& generated_at,
                 const std::vector<ProcessorPhase>& processor_list) {
  const TableSchema& t = *find_table("processor_runs");
  const auto& view = run_status_view();
  const RowBinding binding = view.bind(t);
  std::map<std::string, Latest> latest;
  std::string day = format_date(d);
  store.scan_columns(
      t, view.wanted(t), {},
      [&](const Row& row) {
        RunStatusView r = view.read(binding, row);
        const std::string &p = r.processor, &at = r.processed_at, &status = r.status;
        std::string date = r.date.value_or("");
        Latest& l = latest[p];
        if (at >= l.processed_at) {
          l.processed_at = at;
          l.date = date;
          l.status = status;
        }
        bool ok = status == "success" || status == "partial";
        if (ok && date > l.last_ok_date) l.last_ok_date = date;
        if (date == day && at >= l.d_processed_at) {
          l.d_processed_at = at;
          l.status_of_d = status;
        }
      },
      true);
  auto entry = [&](const std::string& name, int phase) {
    auto it = latest.find(name);
    if (it == latest.end()) {
      return json{{"processor", name},       {"phase", phase},
                  {"latest_date", nullptr},  {"latest_status", nullptr},
                  {"processed_at", nullptr}, {"age_hours", nullptr},
                  {"ran_for_date", false},   {"status_for_date", nullptr}};
    }
    const Latest& l = it->second;
    return json{{"processor", name},
                {"phase", phase},
                {"latest_date", l.last_ok_date.empty() ? json(nullptr) : json(l.last_ok_date)},
                {"latest_status", l.status},
                {"processed_at", l.processed_at},
                {"age_hours", age_hours(l.processed_at, generated_at).value_or(0)},
                {"ran_for_date", !l.status_of_d.empty()},
                {"status_for_date", l.status_of_d.empty() ? json(nullptr) : json(l.status_of_d)}};
  };
  json processors = json::array();
  processors.push_back(entry("ingest", 2));
  for (const auto& p : processor_list) processors.push_back(entry(p.name, p.phase));
  json phases = json::array();
  for (int phase = 2; phase <= 6; ++phase) {
    bool all_ran = true;
    std::string oldest;
    for (const auto& p : processors) {
      if (p["phase"] != phase || phase == 2) continue;
      all_ran = all_ran && p["ran_for_date"].get<bool>();
      std::string at = p["processed_at"].is_null() ? "" : p["processed_at"].get<std::string>();
      if (oldest.empty() || at < oldest) oldest = at;
    }
    auto age = oldest.empty() ? std::nullopt : age_hours(oldest, generated_at);
    phases.push_back({{"phase", phase},
                      {"ran_for_date", phase == 2 ? json(nullptr) : json(all_ran)},
                      {"oldest_processed_at", oldest.empty() ? json(nullptr) : json(oldest)},
                      {"age_hours", age ? json(*age) : json(nullptr)}});
  }
  return {{"date", day}, {"phases", std::move(phases)}, {"processors", std::move(processors)}};
}

}  // namespace nbaprops::publish
