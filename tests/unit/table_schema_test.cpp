// TableSchema::column_index, with its per-thread cache of (table, name address) -> index.
#include "core/table_schema.h"

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

namespace nbaprops {
namespace {

TableSchema table_of(std::vector<std::string> names) {
  TableSchema t{"t", {}, {}, ""};
  for (auto& n : names) t.columns.push_back({n, ColumnType::kInt, true});
  return t;
}

TEST(TableSchemaColumnIndex, FindsEachColumnAgainAndThrowsForAMissingOne) {
  TableSchema t = table_of({"a", "bb", "ccc", "dd"});
  for (int round = 0; round < 3; ++round) {  // the second and third rounds hit the cache
    EXPECT_EQ(t.column_index("a"), 0u);
    EXPECT_EQ(t.column_index("ccc"), 2u);
    EXPECT_EQ(t.column_index("dd"), 3u);
  }
  EXPECT_THROW(t.column_index("zz"), std::out_of_range);
}

TEST(TableSchemaColumnIndex, AReusedNameAddressWithOtherTextIsLookedUpAgain) {
  TableSchema t = table_of({"aa", "bb", "cc"});
  std::string name = "bb";
  EXPECT_EQ(t.column_index(name), 1u);
  name[0] = name[1] = 'c';  // same buffer, other name
  EXPECT_EQ(t.column_index(name), 2u);
  name = "zz";
  EXPECT_THROW(t.column_index(name), std::out_of_range);
}

TEST(TableSchemaColumnIndex, ATableRebuiltAtTheSameAddressIsLookedUpAgain) {
  std::optional<TableSchema> t;
  const char* name = "x";
  t.emplace(table_of({"x", "y"}));
  EXPECT_EQ(t->column_index(name), 0u);
  t.emplace(table_of({"y", "z", "x"}));  // same storage, other columns
  EXPECT_EQ(t->column_index(name), 2u);
  t.emplace(table_of({"y"}));  // the cached index is past the end
  EXPECT_THROW(t->column_index(name), std::out_of_range);
}

TEST(TableSchemaColumnIndex, EachThreadHasItsOwnCache) {
  TableSchema t = table_of({"a", "b", "c"});
  size_t other = 99;
  std::thread([&] { other = t.column_index("c"); }).join();
  EXPECT_EQ(other, 2u);
  EXPECT_EQ(t.column_index("c"), 2u);
}

}  // namespace
}  // namespace nbaprops
