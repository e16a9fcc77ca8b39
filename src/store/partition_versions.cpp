#include "store/partition_versions.h"

#include "raw/schema.h"

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

std::vector<const TableSchema*> versioned_raw_tables() {
  std::vector<const TableSchema*> out;
  for (const TableSchema& t : raw_tables()) {
    if (t.name == "rejected_rows" || t.name == "processor_runs" || t.name == "failed_entities") {
      continue;
    }
    out.push_back(&t);
  }
  return out;
}

}  // namespace nbaprops
