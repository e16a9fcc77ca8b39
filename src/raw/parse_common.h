// Helpers shared by the per-format parsers: the record loop with its generic checks, and
// named access to a record's fields. Internal to src/raw.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/csv_reader.h"
#include "raw/field_parse.h"
#include "raw/staging.h"

namespace nbaprops {

// The fields of one record by column name, resolved once per file from the header.
class FieldMap {
 public:
  FieldMap(const std::vector<std::string>& header, const std::vector<std::string>& names,
           bool nba_nulls);
  void bind(const CsvRow& row) { row_ = &row; }
  // The field's text, or "" for NULL tokens and absent optional columns.
  std::string_view get(size_t name_index) const;
  bool has_column(size_t name_index) const { return pos_[name_index] >= 0; }
  const std::string& name(size_t name_index) const { return names_[name_index]; }
  // Typed reads that throw RowError naming the column; the opt_ forms return nullopt on NULL.
  std::string_view req(size_t i) const;
  std::optional<int64_t> opt_int(size_t i) const;
  std::optional<double> opt_dec(size_t i) const;
  int64_t req_int(size_t i) const;

 private:
  std::vector<std::string> names_;
  std::vector<int> pos_;
  bool nba_nulls_;
  const CsvRow* row_ = nullptr;
};

// Runs `handle` on each record after the generic checks (valid UTF-8, field count), and
// turns a thrown RowError into a rejected line. Counts every record in stage.read.
void for_each_record(CsvReader& reader, FileStage& stage, const std::string& table,
                     const std::function<void(const CsvRow&)>& handle);

// Rejects a record: adds it to stage.rejected with its raw text cut at 2,000 characters.
void reject(FileStage& stage, const CsvRow& row, const std::string& reason,
            const std::string& table);

// A key -> first line map that rejects repeated keys (duplicate_key naming the first line).
class KeyTracker {
 public:
  void check(const std::string& key, size_t line);

 private:
  std::unordered_map<std::string, size_t> first_;
};

// The Odds API's market keys as prop_lines.market (player_points -> points, ...), nullopt
// for markets the project does not keep.
std::optional<std::string> market_of(std::string_view key);
// A bookmaker's key or title as prop_lines.bookmaker (williamhill_us -> caesars, ...).
std::string bookmaker_of(std::string_view text);

// The Over/Under pairing of The Odds API (the CSV export and the JSON): each observation is
// one side of a prop_lines row; the observations of one (game_date, player_lookup, market,
// bookmaker, snapshot_utc) fold into one row. A later observation with the same line fills
// the empty side or repeats it; any other (another line, another price for a side already
// priced) replaces the row, whose other side is then empty again. Counts folds in
// stage.merged. One PropFolder per file.
class PropFolder {
 public:
  // Adds `candidate` (a checked prop_lines row with only `side`'s price set, if any; side is
  // "over_price" or "under_price") read at `line` from `raw`.
  void add(FileStage& stage, Row candidate, const char* side, size_t line, std::string_view raw);

 private:
  std::unordered_map<std::string, size_t> rows_;  // key -> index in stage.rows
};

// Keeps the earliest tip-off seen per (game_date, team pair) in stage.tipoffs.
void note_prop_tipoff(FileStage& stage, Date date, std::string_view home, std::string_view away,
                      Timestamp commence);

// Minutes as the NBA formats write them: whole or decimal minutes, MM:SS or PT34M20.00S.
std::optional<double> parse_minutes(std::string_view s);

}  // namespace nbaprops
