#include "pipeline/input_fingerprint.h"

#include <fmt/format.h>

#include <iterator>

#include "store/partition_versions.h"

namespace nbaprops::pipeline {
namespace {

// FNV-1a, 64 bits.
constexpr uint64_t kOffset = 1469598103934665603ull, kPrime = 1099511628211ull;

uint64_t mix(uint64_t h, std::string_view bytes) {
  for (unsigned char c : bytes) h = (h ^ c) * kPrime;
  return (h ^ 0xff) * kPrime;  // a separator, so ("ab","c") != ("a","bc")
}

uint64_t mix_value(uint64_t h, const Value& v) {
  h = (h ^ static_cast<unsigned char>(v.index())) * kPrime;  // the type, then the bytes
  if (const auto* i = std::get_if<int64_t>(&v)) {
    return mix(h, std::string_view(reinterpret_cast<const char*>(i), sizeof *i));
  }
  if (const auto* d = std::get_if<double>(&v)) {
    return mix(h, std::string_view(reinterpret_cast<const char*>(d), sizeof *d));
  }
  if (const auto* s = std::get_if<std::string>(&v)) return mix(h, *s);
  return h;
}

}  // namespace

InputFingerprints InputFingerprints::load(Store& store, Date from, Date to) {
  InputFingerprints f;
  f.undated_ = kOffset;
  const TableSchema& t = raw_partition_versions_table();
  size_t table_col = t.column_index("table_name"), date_col = t.column_index("game_date"),
         version_col = t.column_index("version");
  auto mix_partition = [&](uint64_t h, const Row& row) {
    return mix_value(mix_value(h, row[table_col]), row[version_col]);
  };
  // The undated tables' counters (game_date ''), then the dated ones of [from, to], in key
  // order (table_name, game_date): the same order in every run.
  store.scan(t, {{"game_date", "=", ""}},
             [&](const Row& row) { f.undated_ = mix_partition(f.undated_, row); });
  store.scan(t, {{"game_date", ">=", format_date(from)}, {"game_date", "<=", format_date(to)}},
             [&](const Row& row) {
               const auto* text = std::get_if<std::string>(&row[date_col]);
               auto d = text ? parse_iso_date(*text) : std::nullopt;
               if (!d) return;
               auto [it, fresh] = f.day_.try_emplace(d->days, kOffset);
               it->second = mix_partition(it->second, row);
             });
  uint64_t running = f.undated_;
  for (const auto& [day, h] : f.day_) {
    running = mix(running, fmt::format("{}:{:016x}", day, h));
    f.prefix_[day] = running;
  }
  return f;
}

uint64_t InputFingerprints::on(Date d) const {
  auto it = day_.find(d.days);
  return mix(undated_, fmt::format("{}:{:016x}", d.days, it == day_.end() ? 0 : it->second));
}

uint64_t InputFingerprints::up_to(Date d) const {
  auto it = prefix_.upper_bound(d.days);
  return it == prefix_.begin() ? undated_ : std::prev(it)->second;
}

std::string InputFingerprints::text(uint64_t hash, const std::string& salt) {
  return fmt::format("inputs={:016x}", mix(hash, salt));
}

}  // namespace nbaprops::pipeline
