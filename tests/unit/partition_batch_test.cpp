// PartitionBatch (store/partition_writer.h): several partitions in one transaction, each
// still whole with its run record; a failure mid-batch leaves only the batches committed
// before it, and writing the failed partitions again completes the store.
#include <gtest/gtest.h>

#include "pipeline/catalog.h"
#include "predict/tables.h"
#include "raw/schema.h"
#include "store/partition_writer.h"
#include "store/sqlite/sqlite_store.h"
#include "support/test_store.h"

namespace nbaprops {
namespace {

// A prediction_skips row (6 columns: game_date, player_lookup, system_id, reason, detail,
// processed_at); a NULL reason breaks its NOT NULL constraint.
Row skip(const std::string& date, const std::string& player, bool valid = true) {
  return Row{date,
             player,
             std::string("moving_average"),
             valid ? Value{std::string("NO_LINE")} : Value{},
             Value{},
             Value{}};
}

Partition skips_of(const std::string& date) {
  return {&predict::prediction_skips_table(), "game_date", *parse_iso_date(date),
          "prediction_skips"};
}

// A processor_runs row for (prediction_skips, date).
Row run_of(const std::string& date) {
  const TableSchema& t = *find_table("processor_runs");
  Row row(t.columns.size());
  for (size_t c = 0; c < t.columns.size(); ++c) {
    if (!t.columns[c].nullable) {
      ColumnType type = t.columns[c].type;
      row[c] = type == ColumnType::kInt || type == ColumnType::kBool ? Value{int64_t{0}}
               : type == ColumnType::kDec                            ? Value{0.0}
                                                                     : Value{std::string("x")};
    }
  }
  row[t.column_index("processor")] = std::string("prediction_skips");
  row[t.column_index("date")] = date;
  row[t.column_index("status")] = std::string("success");
  return row;
}

class PartitionBatchTest : public ::testing::Test {
 protected:
  testing::TempDir dir_;
  std::string path_ = (dir_.path() / "s.db").string();
  std::string skips(const std::string& date) {
    return testing::sql_value(
        path_, "select count(*) from prediction_skips where game_date = '" + date + "'");
  }
  std::string runs(const std::string& date) {
    return testing::sql_value(path_,
                              "select count(*) from processor_runs where date = '" + date + "'");
  }
};

TEST_F(PartitionBatchTest, CommitsOnceTheBatchHoldsMaxRowsAndOnFlush) {
  SqliteStore store(path_, table_catalog());
  PartitionBatch batch(store, /*max_rows=*/6);
  Row r1 = run_of("2025-01-01"), r2 = run_of("2025-01-02"), r3 = run_of("2025-01-03");
  batch.write(skips_of("2025-01-01"), {skip("2025-01-01", "a"), skip("2025-01-01", "b")}, {}, "run",
              "2025-01-04T00:00:00Z", &r1);  // 3 rows counted: 2 + its run record
  EXPECT_EQ(batch.pending_partitions(), 1u);
  EXPECT_EQ(skips("2025-01-01"), "0");  // not committed yet: another connection sees nothing
  batch.write(skips_of("2025-01-02"), {skip("2025-01-02", "a"), skip("2025-01-02", "b")}, {}, "run",
              "2025-01-04T00:00:00Z", &r2);  // 6 rows: the batch commits
  EXPECT_EQ(batch.pending_partitions(), 0u);
  EXPECT_EQ(skips("2025-01-01"), "2");
  EXPECT_EQ(skips("2025-01-02"), "2");
  batch.write(skips_of("2025-01-03"), {skip("2025-01-03", "a")}, {}, "run", "2025-01-04T00:00:00Z",
              &r3);
  EXPECT_EQ(runs("2025-01-03"), "0");
  batch.flush();
  EXPECT_EQ(skips("2025-01-03"), "1");
  EXPECT_EQ(runs("2025-01-03"), "1");
  EXPECT_EQ(testing::sql_value(path_, "select distinct processed_at from prediction_skips"),
            "2025-01-04T00:00:00Z");
}

TEST_F(PartitionBatchTest, AFailureMidBatchLeavesOnlyWholeCommittedPartitionsAndARewriteCompletes) {
  SqliteStore store(path_, table_catalog());
  Row r1 = run_of("2025-01-01"), r2 = run_of("2025-01-02"), r3 = run_of("2025-01-03");
  {
    PartitionBatch batch(store, /*max_rows=*/3);
    batch.write(skips_of("2025-01-01"), {skip("2025-01-01", "a"), skip("2025-01-01", "b")}, {},
                "run", "t", &r1);  // committed (3 rows)
    batch.write(skips_of("2025-01-02"), {skip("2025-01-02", "a")}, {}, "run", "t", &r2);
    // The third partition fails on its second row: the open batch (2025-01-02 and the first
    // row of 2025-01-03) is rolled back whole.
    EXPECT_THROW(
        batch.write(skips_of("2025-01-03"),
                    {skip("2025-01-03", "a"), skip("2025-01-03", "b", false)}, {}, "run", "t", &r3),
        StoreError);
    EXPECT_EQ(batch.pending_partitions(), 0u);
  }
  EXPECT_EQ(skips("2025-01-01"), "2");
  EXPECT_EQ(runs("2025-01-01"), "1");
  for (const char* d : {"2025-01-02", "2025-01-03"}) {
    EXPECT_EQ(skips(d), "0") << d;  // absent, and so is its run record: a resume redoes it
    EXPECT_EQ(runs(d), "0") << d;
  }
  // The store takes new transactions, and writing the missing partitions completes it.
  PartitionBatch again(store);
  again.write(skips_of("2025-01-02"), {skip("2025-01-02", "a")}, {}, "run", "t", &r2);
  again.write(skips_of("2025-01-03"), {skip("2025-01-03", "a"), skip("2025-01-03", "b")}, {}, "run",
              "t", &r3);
  again.flush();
  EXPECT_EQ(skips("2025-01-02"), "1");
  EXPECT_EQ(skips("2025-01-03"), "2");
  EXPECT_EQ(testing::sql_value(path_, "select count(*) from processor_runs"), "3");
}

TEST_F(PartitionBatchTest, AnUnflushedBatchIsRolledBackWhenDestroyed) {
  SqliteStore store(path_, table_catalog());
  Row r1 = run_of("2025-01-01");
  {
    PartitionBatch batch(store);
    batch.write(skips_of("2025-01-01"), {skip("2025-01-01", "a")}, {}, "run", "t", &r1);
  }  // an error unwinding the run
  EXPECT_EQ(skips("2025-01-01"), "0");
  EXPECT_EQ(runs("2025-01-01"), "0");
  Transaction tx(store);  // no transaction left open
  tx.commit();
}

TEST_F(PartitionBatchTest, AnEntityFailedTwiceKeepsItsLastFailureAsAnUpsertWould) {
  SqliteStore store(path_, table_catalog());
  PartitionBatch batch(store);
  std::vector<FailedEntity> failed = {{"player", "a", "MISSING_UPSTREAM", "first"},
                                      {"player", "b", "MISSING_UPSTREAM", "only"},
                                      {"player", "a", "PROCESSING_ERROR", "last"}};
  batch.write(skips_of("2025-01-01"), {}, failed, "run", "t");
  batch.flush();
  EXPECT_EQ(testing::sql_rows(path_,
                              "select entity_id, category, reason from failed_entities "
                              "order by rowid"),
            (std::vector<std::string>{"a|PROCESSING_ERROR|last", "b|MISSING_UPSTREAM|only"}));
}

}  // namespace
}  // namespace nbaprops
