// The libpq functions the PostgreSQL store calls, each forwarding to libpq opened on the first
// call (core/on_demand_library.h): a program run on an SQLite store never loads libpq and the
// ~20 libraries it pulls in. The declarations are libpq-fe.h's own, so a signature that drifts
// from the header does not compile, and a function the store starts calling without a line
// here does not link.
#include <libpq-fe.h>

#include "core/on_demand_library.h"
#include "store/store.h"

namespace {

void* libpq_symbol(const char* name) {
  static nbaprops::OnDemandLibrary libpq(NBAPROPS_LIBPQ_SONAME,
                                         "the PostgreSQL client library, Debian package libpq5");
  return libpq.symbol_or<nbaprops::StoreError>(name);
}

}  // namespace

#define NBAPROPS_LIBPQ(ret, name, params, args) \
  NBAPROPS_FORWARD(libpq_symbol, ret, name, params, args)

extern "C" {
NBAPROPS_LIBPQ(PGconn*, PQconnectdb, (const char* conninfo), (conninfo))
NBAPROPS_LIBPQ(void, PQfinish, (PGconn * conn), (conn))
NBAPROPS_LIBPQ(ConnStatusType, PQstatus, (const PGconn* conn), (conn))
NBAPROPS_LIBPQ(char*, PQerrorMessage, (const PGconn* conn), (conn))
NBAPROPS_LIBPQ(PQnoticeProcessor, PQsetNoticeProcessor,
               (PGconn * conn, PQnoticeProcessor proc, void* arg), (conn, proc, arg))
NBAPROPS_LIBPQ(PGresult*, PQexec, (PGconn * conn, const char* query), (conn, query))
NBAPROPS_LIBPQ(PGresult*, PQexecParams,
               (PGconn * conn, const char* command, int nParams, const Oid* paramTypes,
                const char* const* paramValues, const int* paramLengths, const int* paramFormats,
                int resultFormat),
               (conn, command, nParams, paramTypes, paramValues, paramLengths, paramFormats,
                resultFormat))
NBAPROPS_LIBPQ(PGresult*, PQprepare,
               (PGconn * conn, const char* stmtName, const char* query, int nParams,
                const Oid* paramTypes),
               (conn, stmtName, query, nParams, paramTypes))
NBAPROPS_LIBPQ(PGresult*, PQexecPrepared,
               (PGconn * conn, const char* stmtName, int nParams, const char* const* paramValues,
                const int* paramLengths, const int* paramFormats, int resultFormat),
               (conn, stmtName, nParams, paramValues, paramLengths, paramFormats, resultFormat))
NBAPROPS_LIBPQ(PGresult*, PQgetResult, (PGconn * conn), (conn))
NBAPROPS_LIBPQ(int, PQputCopyData, (PGconn * conn, const char* buffer, int nbytes),
               (conn, buffer, nbytes))
NBAPROPS_LIBPQ(int, PQputCopyEnd, (PGconn * conn, const char* errormsg), (conn, errormsg))
NBAPROPS_LIBPQ(ExecStatusType, PQresultStatus, (const PGresult* res), (res))
NBAPROPS_LIBPQ(char*, PQresultErrorMessage, (const PGresult* res), (res))
NBAPROPS_LIBPQ(int, PQntuples, (const PGresult* res), (res))
NBAPROPS_LIBPQ(char*, PQcmdTuples, (PGresult * res), (res))
NBAPROPS_LIBPQ(char*, PQgetvalue, (const PGresult* res, int tup_num, int field_num),
               (res, tup_num, field_num))
NBAPROPS_LIBPQ(int, PQgetlength, (const PGresult* res, int tup_num, int field_num),
               (res, tup_num, field_num))
NBAPROPS_LIBPQ(int, PQgetisnull, (const PGresult* res, int tup_num, int field_num),
               (res, tup_num, field_num))
NBAPROPS_LIBPQ(void, PQclear, (PGresult * res), (res))
}
