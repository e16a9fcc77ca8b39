#include "store/partition_versions.h"

namespace nbaprops {

const TableSchema& raw_partition_versions_table() {
  static const TableSchema t{"raw_partition_versions",
                             {{"table_name", ColumnType::kText},
                              {"game_date", ColumnType::kText},
                              {"version", ColumnType::kInt}},
                             {"table_name", "game_date"},
                             "table_name, game_date"};
  return t;
}

}  // namespace nbaprops
