// One declaration per stored record: a field table (column name, member, type, stored decimals,
// nullable) from which a table's columns, the row writer (struct -> Row), the row reader
// (Row -> struct) and the column projection (the columns a reader asks for) all come.
//
//   struct Pick { std::string player; std::optional<double> line; bool over = false; };
//   const Record<Pick>& pick_record() {
//     static const Record<Pick> r = Record<Pick>()
//                                       .field("player_lookup", &Pick::player)
//                                       .dec("line", &Pick::line, 1)
//                                       .field("is_over", &Pick::over);
//     return r;
//   }
//   TableSchema t = {"picks", pick_record().columns(), {"player_lookup"}, "player_lookup"};
//   Row row = pick_record().write(pick);                 // cells in declaration order
//   Pick back = pick_record().read(t, stored_row);       // by column name
//
// Types: a member of type std::string, int64_t, int, double (a dec column: give its stored
// decimals), bool, Date, or std::optional of one of them (a nullable column; an empty optional
// is written as NULL). `field(..., ColumnType::kTs)` declares a text member as a timestamp.
// `computed` declares a write-only cell from an accessor (a column derived from other members).
// Writing rounds dec cells half away from zero to their decimals (-0.0 stored as 0.0), writes
// bools as 0/1 and dates as YYYY-MM-DD: the same cells analytics::RowBuilder writes. Reading a
// NULL cell leaves a plain member at its default and an optional member empty; reading a
// wrong-typed cell throws std::invalid_argument naming the column.
//
// Blocks and arrays: `element` declares element i of a std::array member as a column; `append`
// appends every column of a Record<B> of a member of type B (a block several tables share, e.g.
// the completeness columns). `mismatches(table)` lists the columns a reader reads that `table`
// lacks or types otherwise (a compact reader proved a projection of a table's declaration).
// A field is a member offset plus plain codec functions (no std::function per cell); T must be
// default-constructible.
//
// A Record is immutable once built; reading and writing are const and thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/table_schema.h"
#include "core/value.h"

namespace nbaprops {

namespace record_detail {

template <class M>
struct Optional : std::false_type {
  using type = M;
};
template <class M>
struct Optional<std::optional<M>> : std::true_type {
  using type = M;
};

// The column type of a member's (unwrapped) C++ type.
template <class V>
constexpr ColumnType column_type_of() {
  if constexpr (std::is_same_v<V, std::string>)
    return ColumnType::kText;
  else if constexpr (std::is_same_v<V, bool>)
    return ColumnType::kBool;
  else if constexpr (std::is_same_v<V, double>)
    return ColumnType::kDec;
  else if constexpr (std::is_same_v<V, Date>)
    return ColumnType::kDate;
  else {
    static_assert(std::is_integral_v<V>, "a record member is text, integer, dec, bool or Date");
    return ColumnType::kInt;
  }
}

// The value of a non-NULL cell; nullopt when the cell's type does not fit V.
template <class V>
std::optional<V> from_cell(const Value& cell) {
  if constexpr (std::is_same_v<V, std::string>) {
    if (const auto* s = std::get_if<std::string>(&cell)) return *s;
  } else if constexpr (std::is_same_v<V, bool>) {
    if (const auto* i = std::get_if<int64_t>(&cell)) return *i != 0;
  } else if constexpr (std::is_same_v<V, double>) {
    if (const auto* d = std::get_if<double>(&cell)) return *d;
    if (const auto* i = std::get_if<int64_t>(&cell)) return static_cast<double>(*i);
  } else if constexpr (std::is_same_v<V, Date>) {
    if (const auto* s = std::get_if<std::string>(&cell)) return parse_iso_date(*s);
  } else {
    if (const auto* i = std::get_if<int64_t>(&cell)) return static_cast<V>(*i);
  }
  return std::nullopt;
}

// Appends the cell of one (present) value to `row`, built in place.
template <class V>
void put_value(Row& row, const V& v, int decimals) {
  if constexpr (std::is_same_v<V, std::string>)
    row.emplace_back(std::in_place_type<std::string>, v);
  else if constexpr (std::is_same_v<V, bool>)
    row.emplace_back(std::in_place_type<int64_t>, v ? 1 : 0);
  else if constexpr (std::is_same_v<V, double>) {
    double r = decimals >= 0 ? round_half_away(v, decimals) : v;
    row.emplace_back(std::in_place_type<double>, r == 0.0 ? 0.0 : r);
  } else if constexpr (std::is_same_v<V, Date>)
    row.emplace_back(std::in_place_type<std::string>, format_date(v));
  else
    row.emplace_back(std::in_place_type<int64_t>, static_cast<int64_t>(v));
}

// The cell codec of a member of type M (M or std::optional<M>): plain functions on the
// member's address. put appends the member's cell to a row (NULL for an empty optional);
// put_moved does the same and may move a text member out.
template <class M>
void put_cell(const void* member, int decimals, Row& row) {
  const M& v = *static_cast<const M*>(member);
  if constexpr (Optional<M>::value) {
    if (!v) {
      row.emplace_back();
      return;
    }
    put_value(row, *v, decimals);
  } else {
    put_value(row, v, decimals);
  }
}
template <class M>
void put_moved_cell(void* member, int decimals, Row& row) {
  using V = typename Optional<M>::type;
  if constexpr (std::is_same_v<V, std::string>) {
    M& v = *static_cast<M*>(member);
    if constexpr (Optional<M>::value) {
      if (!v) {
        row.emplace_back();
        return;
      }
      row.emplace_back(std::in_place_type<std::string>, std::move(*v));
    } else {
      row.emplace_back(std::in_place_type<std::string>, std::move(v));
    }
  } else {
    put_cell<M>(member, decimals, row);
  }
}
// false when the (non-NULL) cell's type does not fit M; a NULL cell resets the member.
template <class M>
bool set_cell(void* member, const Value& cell) {
  using V = typename Optional<M>::type;
  M& m = *static_cast<M*>(member);
  if (is_null(cell)) {
    m = M{};
    return true;
  }
  std::optional<V> v = from_cell<V>(cell);
  if (!v) return false;
  m = std::move(*v);
  return true;
}

// The member types a record writes without an indirect call (Record::write switches on the
// kind and calls the codec inline); any other member type goes through its codec pointers.
enum class Kind : uint8_t {
  kOther,
  kComputed,
  kText,
  kOptText,
  kInt64,
  kOptInt64,
  kInt,
  kDouble,
  kOptDouble,
  kBool,
  kOptBool,
  kDate,
  kOptDate
};
template <class M>
constexpr Kind kind_of() {
  if constexpr (std::is_same_v<M, std::string>) return Kind::kText;
  if constexpr (std::is_same_v<M, std::optional<std::string>>) return Kind::kOptText;
  if constexpr (std::is_same_v<M, int64_t>) return Kind::kInt64;
  if constexpr (std::is_same_v<M, std::optional<int64_t>>) return Kind::kOptInt64;
  if constexpr (std::is_same_v<M, int>) return Kind::kInt;
  if constexpr (std::is_same_v<M, double>) return Kind::kDouble;
  if constexpr (std::is_same_v<M, std::optional<double>>) return Kind::kOptDouble;
  if constexpr (std::is_same_v<M, bool>) return Kind::kBool;
  if constexpr (std::is_same_v<M, std::optional<bool>>) return Kind::kOptBool;
  if constexpr (std::is_same_v<M, Date>) return Kind::kDate;
  if constexpr (std::is_same_v<M, std::optional<Date>>) return Kind::kOptDate;
  return Kind::kOther;
}

}  // namespace record_detail

// Throws std::invalid_argument ("row of 5 cells for table t of 6 columns").
[[noreturn]] void throw_row_width(const std::string& table, size_t cells, size_t columns);
// Throws std::invalid_argument naming the table and both widths unless `row` has one cell per
// column of `table`. The stores call it before binding a row, the record readers before
// reading one.
inline void require_row_width(const TableSchema& table, const Row& row) {
  if (row.size() != table.columns.size()) {
    throw_row_width(table.name, row.size(), table.columns.size());
  }
}

// A record's columns found in one table (Record::bind): the index of each declared column
// (SIZE_MAX for computed cells) and the table's width, which every row read through the
// binding must have.
struct RowBinding {
  std::vector<size_t> index;
  size_t width = 0;
  std::string table;
};

template <class T>
class Record {
 public:
  // A member stored as its own column; nullable when M is a std::optional. `type` overrides the
  // column type of a text member (kTs) or an integer member (kBool).
  template <class M>
  Record& field(std::string name, M T::*member, std::optional<ColumnType> type = std::nullopt) {
    using V = typename record_detail::Optional<M>::type;
    add<M>(std::move(name), offset_of(member), type.value_or(record_detail::column_type_of<V>()),
           -1);
    return *this;
  }
  // A dec member stored rounded to `decimals`.
  template <class M>
  Record& dec(std::string name, M T::*member, int decimals) {
    add<M>(std::move(name), offset_of(member), ColumnType::kDec, decimals);
    return *this;
  }
  // field() and dec() of a column that older versions of `table` lack (a reader of a table as
  // it was before a migration): the field is declared only when `table` has the column, else
  // the member keeps its default. dec takes the table's stored decimals.
  template <class M>
  Record& field_if_present(const TableSchema& table, std::string name, M T::*member) {
    if (table.has_column(name)) field(std::move(name), member);
    return *this;
  }
  template <class M>
  Record& dec_if_present(const TableSchema& table, std::string name, M T::*member) {
    if (!table.has_column(name)) return *this;
    int decimals = table.columns[table.column_index(name)].decimals;
    return dec(std::move(name), member, decimals);
  }
  // Element i of an array member stored as its own column (a dec column when decimals >= 0).
  // REQUIRES: i < N.
  template <class M, size_t N>
  Record& element(std::string name, std::array<M, N> T::*member, size_t i, int decimals = -1) {
    using V = typename record_detail::Optional<M>::type;
    if (i >= N) throw std::out_of_range("record element " + name + ": index past the array");
    ColumnType type = decimals >= 0 ? ColumnType::kDec : record_detail::column_type_of<V>();
    add<M>(std::move(name), offset_of(member) + i * sizeof(M), type, decimals);
    return *this;
  }
  // Appends every column of `block`, a record of the member `member` (a block of columns that
  // several tables share), in the block's order: written from and read into that member.
  template <class B>
  Record& append(B T::*member, const Record<B>& block) {
    size_t base = offset_of(member);
    for (const auto& f : block.fields_) {
      Field g{f.column, base + f.offset, f.kind, f.put, f.put_moved, f.set, nullptr};
      if (f.computed) {
        g.computed = [member, c = f.computed](const T& r) { return c(r.*member); };
      }
      fields_.push_back(std::move(g));
    }
    return *this;
  }
  // A write-only cell computed from the record (never read back); `nullable` as declared.
  Record& computed(Column column, std::function<Value(const T&)> get) {
    fields_.push_back({std::move(column), 0, record_detail::Kind::kComputed, nullptr, nullptr,
                       nullptr, std::move(get)});
    return *this;
  }
  // Marks the last declared column nullable (or not) whatever its member's type.
  Record& nullable(bool n = true) {
    fields_.back().column.nullable = n;
    return *this;
  }

  // The columns, in declaration order (TableSchema::columns).
  std::vector<Column> columns() const {
    std::vector<Column> out;
    out.reserve(fields_.size());
    for (const auto& f : fields_) out.push_back(f.column);
    return out;
  }
  // The names of the columns a reader of this record asks for (the projection): the declared
  // columns that are read back (computed cells are not).
  std::vector<std::string> projection() const {
    std::vector<std::string> out;
    for (const auto& f : fields_) {
      if (f.set) out.push_back(f.column.name);
    }
    return out;
  }
  // One flag per column of `table`: true for the columns this record reads (Store::scan_columns).
  std::vector<bool> wanted(const TableSchema& table) const {
    std::vector<bool> out(table.columns.size(), false);
    for (const auto& name : projection()) out[table.column_index(name)] = true;
    return out;
  }
  // The columns this record reads that `table` lacks or declares with another type, as
  // "name: why" (empty: the record is a projection of `table`). A reader that keeps a compact
  // struct proves with it that it reads a subset of the table's declaration.
  std::vector<std::string> mismatches(const TableSchema& table) const {
    std::vector<std::string> out;
    for (const auto& f : fields_) {
      if (!f.set) continue;
      const Column* c = nullptr;
      for (const auto& tc : table.columns) {
        if (tc.name == f.column.name) c = &tc;
      }
      if (!c) {
        out.push_back(f.column.name + ": not a column of " + table.name);
      } else if (c->type != f.column.type) {
        out.push_back(f.column.name + ": " + std::string(column_type_name(f.column.type)) +
                      " read from a " + std::string(column_type_name(c->type)) + " column");
      }
    }
    return out;
  }

  // The row of `r`: one cell per declared column, in declaration order.
  Row write(const T& r) const {
    Row row;
    row.reserve(fields_.size());
    put_row<false>(reinterpret_cast<const char*>(&r), r, row);
    return row;
  }
  // The same row, moving text members out of `r` (a record built only to be written). A
  // computed cell sees `r` after the text members declared before it were moved out.
  Row write(T&& r) const {
    Row row;
    row.reserve(fields_.size());
    put_row<true>(reinterpret_cast<char*>(&r), r, row);
    return row;
  }
  // The record of a row of `table` (any table holding this record's projected columns, by
  // name). Throws std::out_of_range when `table` lacks one of them, std::invalid_argument when
  // the row's width is not the table's (require_row_width) or a cell's type does not fit its
  // member.
  T read(const TableSchema& table, const Row& row) const { return read(bind(table), row); }

  // For readers of many rows: the record's columns found in `table` once (RowBinding).
  // Throws std::out_of_range when `table` lacks one.
  RowBinding bind(const TableSchema& table) const {
    RowBinding out{{}, table.columns.size(), table.name};
    out.index.reserve(fields_.size());
    for (const auto& f : fields_) {
      out.index.push_back(f.set ? table.column_index(f.column.name) : SIZE_MAX);
    }
    return out;
  }
  // Whether `binding` (from bind) still names this record's columns in `table`.
  bool bound_to(const TableSchema& table, const RowBinding& binding) const {
    if (binding.index.size() != fields_.size()) return false;
    if (binding.width != table.columns.size()) return false;
    for (size_t i = 0; i < fields_.size(); ++i) {
      if (!fields_[i].set) continue;
      if (binding.index[i] >= table.columns.size()) return false;
      if (table.columns[binding.index[i]].name != fields_[i].column.name) return false;
    }
    return true;
  }
  // The record of `row` through `binding`. Throws std::invalid_argument when the row's width
  // is not the bound table's, or a cell's type does not fit its member.
  // REQUIRES: binding = bind(the row's table).
  T read(const RowBinding& binding, const Row& row) const {
    if (row.size() != binding.width) throw_row_width(binding.table, row.size(), binding.width);
    T r{};
    char* base = reinterpret_cast<char*>(&r);
    for (size_t i = 0; i < fields_.size(); ++i) {
      const Field& f = fields_[i];
      if (f.set && !f.set(base + f.offset, row[binding.index[i]])) {
        throw std::invalid_argument("column " + f.column.name + ": cell of the wrong type");
      }
    }
    return r;
  }

  size_t size() const { return fields_.size(); }

 private:
  template <class>
  friend class Record;

  // A computed cell has null put, put_moved and set, and a computed accessor.
  struct Field {
    Column column;
    size_t offset;  // of the member in T
    record_detail::Kind kind;
    void (*put)(const void* member, int decimals, Row& row);
    void (*put_moved)(void* member, int decimals, Row& row);
    bool (*set)(void* member, const Value& cell);
    std::function<Value(const T&)> computed;
  };

  // The byte offset of `member` in a T (T is default-constructible: read builds one).
  template <class M>
  static size_t offset_of(M T::*member) {
    const T probe{};
    return static_cast<size_t>(reinterpret_cast<const char*>(&(probe.*member)) -
                               reinterpret_cast<const char*>(&probe));
  }

  template <class M>
  void add(std::string name, size_t offset, ColumnType type, int decimals) {
    constexpr bool kOptional = record_detail::Optional<M>::value;
    Column column{std::move(name), type, kOptional, decimals};
    fields_.push_back({std::move(column), offset, record_detail::kind_of<M>(),
                       &record_detail::put_cell<M>, &record_detail::put_moved_cell<M>,
                       &record_detail::set_cell<M>, nullptr});
  }

  // Appends the cells of the record at `base` (`r`) to `row`; with kMove, text members are
  // moved out. The known member kinds are written inline (a switch, no indirect call), the
  // rest through their codec.
  template <bool kMove>
  void put_row(std::conditional_t<kMove, char*, const char*> base, const T& r, Row& row) const {
    using record_detail::Kind;
    for (const Field& f : fields_) {
      auto* m = base + f.offset;
      const int d = f.column.decimals;
      auto put = [&]<class M>(std::type_identity<M>) {
        if constexpr (kMove) {
          record_detail::put_moved_cell<M>(m, d, row);
        } else {
          record_detail::put_cell<M>(m, d, row);
        }
      };
      switch (f.kind) {
        case Kind::kText:
          put(std::type_identity<std::string>{});
          break;
        case Kind::kOptText:
          put(std::type_identity<std::optional<std::string>>{});
          break;
        case Kind::kInt64:
          put(std::type_identity<int64_t>{});
          break;
        case Kind::kOptInt64:
          put(std::type_identity<std::optional<int64_t>>{});
          break;
        case Kind::kInt:
          put(std::type_identity<int>{});
          break;
        case Kind::kDouble:
          put(std::type_identity<double>{});
          break;
        case Kind::kOptDouble:
          put(std::type_identity<std::optional<double>>{});
          break;
        case Kind::kBool:
          put(std::type_identity<bool>{});
          break;
        case Kind::kOptBool:
          put(std::type_identity<std::optional<bool>>{});
          break;
        case Kind::kDate:
          put(std::type_identity<Date>{});
          break;
        case Kind::kOptDate:
          put(std::type_identity<std::optional<Date>>{});
          break;
        case Kind::kComputed:
          row.push_back(f.computed(r));
          break;
        case Kind::kOther:
          if constexpr (kMove) {
            f.put_moved(m, d, row);
          } else {
            f.put(m, d, row);
          }
          break;
      }
    }
  }

  std::vector<Field> fields_;
};

}  // namespace nbaprops
