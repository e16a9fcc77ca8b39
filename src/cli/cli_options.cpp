// Options shared by every subcommand (cli/commands.h): relative dates, the store path check,
// the lists of valid names for error messages.
#include <chrono>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "core/date.h"
#include "core/thread_pool.h"
#include "pipeline/catalog.h"
#include "store/store.h"

namespace nbaprops::cli {

std::optional<std::string> resolve_relative_date(const std::string& text, std::ostream& note) {
  int shift = 0;
  if (text == "today") {
    shift = 0;
  } else if (text == "yesterday") {
    shift = -1;
  } else if (text == "tomorrow") {
    shift = 1;
  } else {
    return std::nullopt;
  }
  auto secs = std::chrono::duration_cast<std::chrono::seconds>(
                  std::chrono::system_clock::now().time_since_epoch())
                  .count();
  Date today = eastern_date(Timestamp{secs});
  std::string resolved = format_date(Date{today.days + shift});
  note << "date: " << text << " = " << resolved << " (US Eastern)\n";
  return resolved;
}

CLI::Validator relative_date() {
  return CLI::Validator(
      [](std::string& value) {
        if (auto resolved = resolve_relative_date(value, std::cerr)) value = *resolved;
        return std::string();
      },
      "DATE", "relative_date");
}

bool valid_threads(int threads) {
  if (threads < 0) {
    std::cerr << "error: --threads must be 1 or more (0: the machine's hardware threads)\n";
    return false;
  }
  if (threads > ThreadPool::kMaxThreads) {
    std::cerr << "error: --threads must be at most " << ThreadPool::kMaxThreads << "\n";
    return false;
  }
  return true;
}

std::string valid_names(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

std::string valid_tables() {
  std::vector<std::string> names;
  for (const TableSchema* t : catalog_tables()) names.push_back(t->name);
  return valid_names(names);
}

bool store_must_exist(const std::string& subcommand) {
  return subcommand != "ingest" && subcommand != "generate";
}

bool check_store_exists(const GlobalOptions& global, const std::string& subcommand) {
  if (!store_must_exist(subcommand)) return true;
  // A server store is checked by connecting to it (open_store gives a clear error).
  if (is_postgres_location(global.db)) return true;
  std::error_code ec;
  if (std::filesystem::exists(global.db, ec)) return true;
  std::cerr << "error: no store at " << global.db
            << " (give --db FILE or set NBAPROPS_DB; `nbaprops ingest` creates a store)\n";
  return false;
}

}  // namespace nbaprops::cli
