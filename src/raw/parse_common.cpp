#include "raw/parse_common.h"

#include <algorithm>

#include <fmt/format.h>

#include "raw/formats.h"

namespace nbaprops {

FieldMap::FieldMap(const std::vector<std::string>& header, const std::vector<std::string>& names,
                   bool nba_nulls)
    : names_(names), pos_(locate_columns(header, names)), nba_nulls_(nba_nulls) {}

std::string_view FieldMap::get(size_t i) const {
  if (pos_[i] < 0) return {};
  std::string_view v = row_->fields[static_cast<size_t>(pos_[i])];
  return is_null_field(v, nba_nulls_) ? std::string_view{} : v;
}

std::string_view FieldMap::req(size_t i) const {
  std::string_view v = get(i);
  if (v.empty()) throw RowError("missing_value", names_[i], "");
  return v;
}

std::optional<int64_t> FieldMap::opt_int(size_t i) const {
  std::string_view v = get(i);
  if (v.empty()) return std::nullopt;
  return require_int(names_[i], v);
}

std::optional<double> FieldMap::opt_dec(size_t i) const {
  std::string_view v = get(i);
  if (v.empty()) return std::nullopt;
  return require_dec(names_[i], v);
}

int64_t FieldMap::req_int(size_t i) const {
  return require_int(names_[i], req(i));
}

void reject(FileStage& stage, const CsvRow& row, const std::string& reason,
            const std::string& table) {
  stage.rejected.push_back({row.line, reason, clip_raw_text(row.raw), table});
}

void for_each_record(CsvReader& reader, FileStage& stage, const std::string& table,
                     const std::function<void(const CsvRow&)>& handle) {
  CsvRow row;
  size_t columns = reader.header().size();
  while (reader.next(row)) {
    ++stage.read;
    if (row.too_long) {
      reject(
          stage, row,
          fmt::format("line_too_long: {} bytes, the limit is {}", row.raw.size(), kMaxRecordBytes),
          table);
      continue;
    }
    if (!row.valid_utf8) {
      reject(stage, row, "bad_encoding: the line is not valid UTF-8", table);
      continue;
    }
    if (row.fields.size() != columns) {
      reject(stage, row,
             fmt::format("field_count: {} fields, the header has {}", row.fields.size(), columns),
             table);
      continue;
    }
    auto longest = std::max_element(row.fields.begin(), row.fields.end(),
                                    [](auto a, auto b) { return a.size() < b.size(); });
    if (longest != row.fields.end() && longest->size() > kMaxFieldBytes) {
      reject(stage, row,
             fmt::format("field_too_long: field {} has {} bytes, the limit is {}",
                         longest - row.fields.begin() + 1, longest->size(), kMaxFieldBytes),
             table);
      continue;
    }
    try {
      handle(row);
    } catch (const RowError& e) {
      reject(stage, row, e.what(), table);
    }
  }
}

void KeyTracker::check(const std::string& key, size_t line) {
  auto [it, inserted] = first_.emplace(key, line);
  if (!inserted) {
    throw RowError("duplicate_key", "", "", fmt::format("same key as line {}", it->second));
  }
}

std::optional<double> parse_minutes(std::string_view s) {
  if (s.empty()) return std::nullopt;
  if (s.size() > 3 && s.substr(0, 2) == "PT" && s.back() == 'S') {
    size_t m = s.find('M');
    if (m == std::string_view::npos) return std::nullopt;
    auto mins = parse_dec(s.substr(2, m - 2));
    auto secs = parse_dec(s.substr(m + 1, s.size() - m - 2));
    if (!mins || !secs) return std::nullopt;
    return *mins + *secs / 60.0;
  }
  size_t colon = s.find(':');
  if (colon != std::string_view::npos) {
    auto mins = parse_int(s.substr(0, colon));
    auto secs = parse_int(s.substr(colon + 1));
    if (!mins || !secs || *secs < 0 || *secs >= 60 || *mins < 0) return std::nullopt;
    return static_cast<double>(*mins) + static_cast<double>(*secs) / 60.0;
  }
  return parse_dec(s);
}

}  // namespace nbaprops
