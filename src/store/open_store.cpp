#include "store/postgres/pg_store.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store.h"

namespace nbaprops {

bool is_postgres_location(const std::string& location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::unique_ptr<Store> open_store(const std::string& location, const TableCatalog& catalog) {
  if (is_postgres_location(location)) return std::make_unique<PostgresStore>(location, catalog);
  return std::make_unique<SqliteStore>(location, catalog);
}

}  // namespace nbaprops
