#include "raw/ingest.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "core/clock.h"
#include "core/csv_reader.h"
#include "raw/formats.h"
#include "raw/oddsapi_json.h"
#include "raw/parse.h"
#include "raw/profile.h"
#include "raw/row_access.h"

namespace nbaprops {
namespace {

namespace fs = std::filesystem;

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

std::string csv_header(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ",") + n;
  return out;
}

std::string summary_line(const FileReport& r, const Format& format) {
  const FileCounts& c = r.counts;
  std::string line =
      fmt::format("{} {} read={} loaded={} replaced={} merged={} skipped={} rejected={}", r.path,
                  r.format, c.read, c.loaded, c.replaced, c.merged, c.skipped, c.rejected);
  if (c.repaired) line += fmt::format(" repaired={}", c.repaired);
  if (c.nulled) line += fmt::format(" nulled={}", c.nulled);
  bool derives_games =
      format.kind != FormatKind::kCanonical && format.kind != FormatKind::kCanonicalAliases &&
      format.kind != FormatKind::kOddsapiProps && format.kind != FormatKind::kOddsapiJson &&
      !(format.kind == FormatKind::kProfile && format.table->name != "player_boxscores");
  if (derives_games) line += fmt::format(" | games +{} ~{}", c.games_inserted, c.games_replaced);
  bool binds_players =
      format.kind == FormatKind::kNbaPlayerGamelog || format.kind == FormatKind::kNbaShotchart ||
      format.kind == FormatKind::kNbaShotsSeason ||
      ((format.kind == FormatKind::kCanonical || format.kind == FormatKind::kProfile) &&
       format.table && (format.table->name == "player_boxscores" || format.table->name == "shots"));
  if (binds_players) {
    line += fmt::format(" | players +{} ~{}", c.players_inserted, c.players_replaced);
  }
  if (c.aliases_inserted || c.aliases_replaced) {
    line += fmt::format(" | player_aliases +{} ~{}", c.aliases_inserted, c.aliases_replaced);
  }
  if (c.alias_clashes) line += fmt::format(" | alias clashes {}", c.alias_clashes);
  return line;
}

Row ingest_run_row(const std::string& run_id, const FileReport& r, const std::string& processed_at,
                   int64_t total_ms) {
  const TableSchema& t = *find_table("processor_runs");
  Row row(t.columns.size());
  RowAccess a(t, row);
  a["run_id"] = run_id;
  a["processor"] = std::string("ingest");
  a["detail"] = r.path;
  a["mode"] = r.format;
  a["status"] = std::string(r.counts.rejected ? "partial" : "success");
  a["rows_read"] = r.counts.read;
  a["rows_loaded"] = r.counts.loaded;
  a["rows_replaced"] = r.counts.replaced;
  a["rows_rejected"] = r.counts.rejected;
  a["rows_written"] = r.counts.loaded + r.counts.replaced;
  a["total_ms"] = total_ms;
  a["processed_at"] = processed_at;
  return row;
}

struct RefusedFile : std::runtime_error {
  using std::runtime_error::runtime_error;
};

bool is_json_path(const std::string& path) {
  return path.size() >= 5 && path.compare(path.size() - 5, 5, ".json") == 0;
}

// The built-in and user profiles of a request, and their formats. Throws ProfileError.
struct ProfileSet {
  std::vector<Profile> profiles;
  std::vector<Format> formats;

  explicit ProfileSet(const IngestRequest& request) {
    auto builtin = builtin_profiles();
    profiles.assign(builtin.begin(), builtin.end());
    for (const auto& file : request.profile_files) profiles.push_back(load_profile_file(file));
    formats = profile_formats(profiles);
  }
  ProfileSet(const ProfileSet&) = delete;
  ProfileSet& operator=(const ProfileSet&) = delete;

  const Format* find(const std::string& name) const {
    if (const Format* f = find_format(name)) return f;
    for (const auto& f : formats) {
      if (f.name == name) return &f;
    }
    return nullptr;
  }
};

const Format& parse_json_file(const std::string& path, const IngestRequest& request,
                              const PlayerAliases& aliases, FileStage& stage) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw RefusedFile(fmt::format("refused {}: cannot open", path));
  std::stringstream ss;
  ss << in.rdbuf();
  try {
    parse_oddsapi_json(ss.str(), aliases, request.options, stage);
  } catch (const std::exception& e) {
    throw RefusedFile(fmt::format("refused {}: {}", path, e.what()));
  }
  return *find_format("oddsapi-json");
}

// Reads, detects and parses one file into `stage`, whose raw texts point into `reader`.
// Throws RefusedFile.
const Format& open_and_parse(const std::string& path, const IngestRequest& request,
                             const ProfileSet& profiles, const PlayerAliases& aliases,
                             std::optional<CsvReader>& holder, FileStage& stage) {
  if (is_json_path(path)) return parse_json_file(path, request, aliases, stage);
  try {
    holder.emplace(CsvReader::open(path));
    CsvReader& reader = *holder;
    const Format* forced = nullptr;
    if (request.format) forced = profiles.find(*request.format);
    if (reader.header().empty())
      throw RefusedFile(fmt::format("refused {}: empty file, no header", path));
    Detection d = detect_format(reader.header(), forced, profiles.formats);
    if (!d.format) {  // a repeated header name (perhaps empty: a data line read as the header)
      if (d.duplicate.empty()) {
        throw RefusedFile(fmt::format(
            "refused {}: the header has empty column names (is the header line missing?)", path));
      }
      throw RefusedFile(fmt::format("refused {}: duplicate column {}", path, d.duplicate));
    }
    if (!d.matched) {
      std::string msg =
          fmt::format("refused {}: format {} ({}); missing columns: {}", path, d.format->name,
                      forced ? "forced" : "closest", d.missing.empty() ? "none" : join(d.missing));
      if (!d.unexpected.empty()) msg += "; unexpected columns: " + join(d.unexpected);
      msg += fmt::format(" (nbaprops ingest --explain {} lists the closest formats)", path);
      throw RefusedFile(msg);
    }
    ParseContext ctx{*d.format, aliases, request.options, path};
    parse_file(reader, ctx, stage);
    return *d.format;
  } catch (const CsvError& e) {
    throw RefusedFile(fmt::format("refused {}: {}", path, e.what()));
  } catch (const ProfileError& e) {
    throw RefusedFile(fmt::format("refused {}: {}", path, e.what()));
  }
}

}  // namespace

std::vector<std::string> expand_input_paths(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (const auto& entry : fs::directory_iterator(p)) {
        std::string name = entry.path().filename().string();
        auto ends = [&](std::string_view suffix) {
          return name.size() >= suffix.size() &&
                 name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
        };
        if (entry.is_regular_file() && (ends(".csv") || ends(".csv.gz") || ends(".json"))) {
          found.push_back(entry.path().string());
        }
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(p, ec)) {
      files.push_back(p);
    } else {
      throw std::runtime_error("no such file or directory: " + p);
    }
  }
  return files;
}

IngestReport ingest(Store& store, const IngestRequest& request, std::ostream& out,
                    std::ostream& err) {
  IngestReport report;
  std::vector<std::string> files;
  std::optional<ProfileSet> profiles;
  try {
    profiles.emplace(request);
    if (request.format && !profiles->find(*request.format)) {
      std::string names;
      for (const auto& f : all_formats()) names += (names.empty() ? "" : ", ") + f.name;
      for (const auto& f : profiles->formats) names += ", " + f.name;
      throw std::runtime_error("unknown format " + *request.format + " (known: " + names + ")");
    }
    files = expand_input_paths(request.paths);
  } catch (const std::exception& e) {
    err << "error: " << e.what() << "\n";
    report.exit_code = 2;
    return report;
  }
  std::string run_id = fmt::format("ingest-{}-{}", now_utc(), ::getpid());
  FileCounts total;
  int refused = 0;
  try {
    IngestState state = IngestState::load(store);
    for (const auto& path : files) {
      auto started = std::chrono::steady_clock::now();
      FileReport r;
      r.path = path;
      FileStage stage;
      std::optional<CsvReader> reader;  // keeps the lines the stage points into
      const Format* format = nullptr;
      try {
        format = &open_and_parse(path, request, *profiles, state.aliases, reader, stage);
      } catch (const RefusedFile& e) {
        r.refused = true;
        r.message = e.what();
        err << r.message << "\n";
        ++refused;
        report.exit_code = std::max(report.exit_code, 2);
        report.files.push_back(r);
        continue;
      }
      r.format = format->name;
      IngestState before = state;
      std::string processed_at = now_utc();
      try {
        Transaction tx(store);
        r.counts = apply_file(store, state, stage, *format, path, processed_at);
        auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - started)
                      .count();
        store.insert(*find_table("processor_runs"), ingest_run_row(run_id, r, processed_at, ms));
        tx.commit();
      } catch (const StoreError&) {
        state = std::move(before);
        throw;
      } catch (const std::runtime_error& e) {  // a refused alias file
        state = std::move(before);
        r.refused = true;
        r.message = fmt::format("refused {}: {}", path, e.what());
        err << r.message << "\n";
        ++refused;
        report.exit_code = std::max(report.exit_code, 2);
        report.files.push_back(r);
        continue;
      }
      r.message = summary_line(r, *format);
      out << r.message << "\n";
      if (r.counts.rejected) report.exit_code = std::max(report.exit_code, 1);
      for (int64_t FileCounts::*f :
           {&FileCounts::read, &FileCounts::loaded, &FileCounts::replaced, &FileCounts::merged,
            &FileCounts::skipped, &FileCounts::rejected}) {
        total.*f += r.counts.*f;
      }
      report.files.push_back(r);
    }
  } catch (const StoreError& e) {
    err << "store error: " << e.what() << "\n";
    report.exit_code = 3;
    return report;
  }
  out << fmt::format(
      "total files={} refused={} read={} loaded={} replaced={} merged={} skipped={} "
      "rejected={}\n",
      files.size(), refused, total.read, total.loaded, total.replaced, total.merged, total.skipped,
      total.rejected);
  return report;
}

int explain_files(const IngestRequest& request, std::ostream& out, std::ostream& err) {
  std::optional<ProfileSet> profiles;
  std::vector<std::string> files;
  try {
    profiles.emplace(request);
    files = expand_input_paths(request.paths);
  } catch (const std::exception& e) {
    err << "error: " << e.what() << "\n";
    return 2;
  }
  int rc = 0;
  for (const auto& path : files) {
    if (is_json_path(path)) {
      out << path << ": oddsapi-json (read by its C++ loader: an Odds API event-odds response)\n";
      continue;
    }
    std::vector<std::string> header;
    try {
      header = CsvReader::open(path).header();
    } catch (const CsvError& e) {
      err << "error: " << path << ": " << e.what() << "\n";
      rc = 2;
      continue;
    }
    out << path << ": header " << join(header) << "\n";
    auto ranked = rank_formats(header, profiles->formats);
    auto describe = [](const Format& f) {
      if (f.kind == FormatKind::kProfile) {
        return fmt::format("profile {} ({}) -> {}", f.name, f.profile->origin, f.table->name);
      }
      return fmt::format("format {} (C++ loader)", f.name);
    };
    if (!ranked.empty() && ranked.front().matched) {
      out << "  matches " << describe(*ranked.front().format) << "\n";
      continue;
    }
    auto present = [](const Detection& d) {
      return d.format->required.size() - std::min(d.format->required.size(), d.missing.size());
    };
    bool none_in_common = ranked.empty() || present(ranked.front()) == 0;
    if (none_in_common) {
      out << "  no column in common with any format or profile; write a profile "
             "(docs/sources.md) or convert to one of these profiles:\n";
      for (const auto& f : profiles->formats) {
        out << fmt::format("  - {} -> {}: {}\n", f.name, f.table->name,
                           f.profile->canonical_header());
      }
      continue;
    }
    out << "  no format or profile matches; the closest:\n";
    for (size_t i = 0; i < ranked.size() && i < 3; ++i) {
      const Detection& d = ranked[i];
      const Format& f = *d.format;
      size_t have = present(d);
      out << fmt::format("  {}. {}: has {} of {} columns; lacks {}", i + 1, describe(f), have,
                         f.required.size(), d.missing.empty() ? "none" : join(d.missing));
      if (!d.unexpected.empty()) out << "; not expected: " << join(d.unexpected);
      out << "\n";
      std::string canonical =
          f.kind == FormatKind::kProfile ? f.profile->canonical_header() : csv_header(f.required);
      out << "     convert to: " << canonical << "\n";
    }
  }
  return rc;
}

}  // namespace nbaprops
