// The XGBoost C API functions the models call (predict/xgb_model.cpp), each forwarding to
// libxgboost opened on the first call (core/on_demand_library.h): a command that trains or reads
// no model never loads libxgboost, libdmlc and libgomp, and a daily run loads them on the thread
// that reads the model, beside the store reads. The declarations are xgboost/c_api.h's own, so a
// signature that drifts from the header does not compile, and a function the models start
// calling without a line here does not link.
#include <xgboost/c_api.h>

#include "core/on_demand_library.h"
#include "predict/xgb_model.h"

namespace {

void* xgboost_symbol(const char* name) {
  static nbaprops::OnDemandLibrary xgboost(NBAPROPS_XGBOOST_SONAME,
                                           "XGBoost, Debian package libxgboost0");
  return xgboost.symbol_or<nbaprops::predict::XgbError>(name);
}

}  // namespace

#define NBAPROPS_XGBOOST(ret, name, params, args) \
  NBAPROPS_FORWARD(xgboost_symbol, ret, name, params, args)

extern "C" {
NBAPROPS_XGBOOST(void, XGBoostVersion, (int* major, int* minor, int* patch), (major, minor, patch))
NBAPROPS_XGBOOST(const char*, XGBGetLastError, (), ())
NBAPROPS_XGBOOST(int, XGDMatrixCreateFromMat_omp,
                 (const float* data, bst_ulong nrow, bst_ulong ncol, float missing,
                  DMatrixHandle* out, int nthread),
                 (data, nrow, ncol, missing, out, nthread))
NBAPROPS_XGBOOST(int, XGDMatrixFree, (DMatrixHandle handle), (handle))
NBAPROPS_XGBOOST(int, XGDMatrixSetFloatInfo,
                 (DMatrixHandle handle, const char* field, const float* array, bst_ulong len),
                 (handle, field, array, len))
NBAPROPS_XGBOOST(int, XGBoosterCreate,
                 (const DMatrixHandle dmats[], bst_ulong len, BoosterHandle* out),
                 (dmats, len, out))
NBAPROPS_XGBOOST(int, XGBoosterFree, (BoosterHandle handle), (handle))
NBAPROPS_XGBOOST(int, XGBoosterSetParam,
                 (BoosterHandle handle, const char* name, const char* value), (handle, name, value))
NBAPROPS_XGBOOST(int, XGBoosterUpdateOneIter,
                 (BoosterHandle handle, int iter, DMatrixHandle dtrain), (handle, iter, dtrain))
NBAPROPS_XGBOOST(int, XGBoosterPredictFromDMatrix,
                 (BoosterHandle handle, DMatrixHandle dmat, char const* config,
                  bst_ulong const** out_shape, bst_ulong* out_dim, float const** out_result),
                 (handle, dmat, config, out_shape, out_dim, out_result))
NBAPROPS_XGBOOST(int, XGBoosterLoadModelFromBuffer,
                 (BoosterHandle handle, const void* buf, bst_ulong len), (handle, buf, len))
NBAPROPS_XGBOOST(int, XGBoosterSaveModelToBuffer,
                 (BoosterHandle handle, char const* config, bst_ulong* out_len,
                  char const** out_dptr),
                 (handle, config, out_len, out_dptr))
NBAPROPS_XGBOOST(int, XGBoosterGetAttr,
                 (BoosterHandle handle, const char* key, const char** out, int* success),
                 (handle, key, out, success))
NBAPROPS_XGBOOST(int, XGBoosterSetAttr, (BoosterHandle handle, const char* key, const char* value),
                 (handle, key, value))
}
