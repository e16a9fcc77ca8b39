#include "predict/xgb_model.h"

#include <xgboost/c_api.h>

#include <cmath>
#include <limits>

namespace nbaprops::predict {
namespace {

void check(int rc, const char* what) {
  if (rc != 0) throw XgbError(std::string("xgboost: ") + what + ": " + XGBGetLastError());
}

// Owns a DMatrixHandle.
class Matrix {
 public:
  explicit Matrix(const DenseMatrix& x) {
    check(XGDMatrixCreateFromMat_omp(x.values.data(), x.rows, x.cols,
                                     std::numeric_limits<float>::quiet_NaN(), &handle_, 1),
          "XGDMatrixCreateFromMat");
  }
  ~Matrix() { XGDMatrixFree(handle_); }
  Matrix(const Matrix&) = delete;
  Matrix& operator=(const Matrix&) = delete;
  DMatrixHandle get() const { return handle_; }

 private:
  DMatrixHandle handle_ = nullptr;
};

}  // namespace

std::string xgboost_version() {
  int major = 0, minor = 0, patch = 0;
  XGBoostVersion(&major, &minor, &patch);
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

XgbModel train_booster(DenseMatrix x, std::span<const float> labels, const XgbParams& p) {
  if (x.rows == 0 || x.rows != labels.size() || x.values.size() != x.rows * x.cols) {
    throw XgbError("xgboost: training matrix and labels do not match");
  }
  Matrix train(x);
  std::vector<float>().swap(x.values);  // the DMatrix holds its own copy
  check(XGDMatrixSetFloatInfo(train.get(), "label", labels.data(), labels.size()),
        "XGDMatrixSetFloatInfo");
  DMatrixHandle handles[] = {train.get()};
  BoosterHandle booster = nullptr;
  check(XGBoosterCreate(handles, 1, &booster), "XGBoosterCreate");
  XgbModel model(booster);  // owns the handle from here on
  for (const auto& [name, value] : p.values) {
    check(XGBoosterSetParam(booster, name.c_str(), value.c_str()), "XGBoosterSetParam");
  }
  for (int round = 0; round < p.rounds; ++round) {
    check(XGBoosterUpdateOneIter(booster, round, train.get()), "XGBoosterUpdateOneIter");
  }
  return model;
}

XgbModel::XgbModel(void* booster) : booster_(booster), mutex_(std::make_unique<std::mutex>()) {}

XgbModel XgbModel::from_json(std::string_view json) {
  return from_buffer(json);
}

XgbModel XgbModel::from_ubj(std::string_view ubj) {
  return from_buffer(ubj);
}

// XGBoost tells JSON from UBJSON by the buffer's second byte.
XgbModel XgbModel::from_buffer(std::string_view bytes) {
  BoosterHandle booster = nullptr;
  check(XGBoosterCreate(nullptr, 0, &booster), "XGBoosterCreate");
  XgbModel model(booster);
  check(XGBoosterLoadModelFromBuffer(booster, bytes.data(), bytes.size()),
        "XGBoosterLoadModelFromBuffer");
  // Predictions use one thread: a date's batch is small, and dates may run in parallel.
  check(XGBoosterSetParam(booster, "nthread", "1"), "XGBoosterSetParam");
  return model;
}

XgbModel::XgbModel(XgbModel&& other) noexcept
    : booster_(std::exchange(other.booster_, nullptr)), mutex_(std::move(other.mutex_)) {}

XgbModel& XgbModel::operator=(XgbModel&& other) noexcept {
  if (this != &other) {
    if (booster_) XGBoosterFree(booster_);
    booster_ = std::exchange(other.booster_, nullptr);
    mutex_ = std::move(other.mutex_);
  }
  return *this;
}

XgbModel::~XgbModel() {
  if (booster_) XGBoosterFree(booster_);
}

std::string XgbModel::to_json() const {
  return save(R"({"format": "json"})");
}

std::string XgbModel::to_ubj() const {
  return save(R"({"format": "ubj"})");
}

std::string XgbModel::save(const char* config) const {
  std::lock_guard lock(*mutex_);
  bst_ulong len = 0;
  const char* bytes = nullptr;
  check(XGBoosterSaveModelToBuffer(booster_, config, &len, &bytes), "XGBoosterSaveModelToBuffer");
  return std::string(bytes, len);
}

void XgbModel::set_attribute(const std::string& key, const std::string& value) {
  std::lock_guard lock(*mutex_);
  check(XGBoosterSetAttr(booster_, key.c_str(), value.c_str()), "XGBoosterSetAttr");
}

std::optional<std::string> XgbModel::attribute(const std::string& key) const {
  std::lock_guard lock(*mutex_);
  const char* out = nullptr;
  int success = 0;
  check(XGBoosterGetAttr(booster_, key.c_str(), &out, &success), "XGBoosterGetAttr");
  if (!success || !out) return std::nullopt;
  return std::string(out);
}

std::vector<float> XgbModel::predict(const DenseMatrix& x, int rounds) const {
  if (x.rows == 0) return {};
  Matrix data(x);
  std::lock_guard lock(*mutex_);
  const bst_ulong* shape = nullptr;
  bst_ulong dim = 0;
  const float* out = nullptr;
  const std::string config =
      R"({"type": 0, "training": false, "iteration_begin": 0, "iteration_end": )" +
      std::to_string(rounds) + R"(, "strict_shape": false})";
  check(XGBoosterPredictFromDMatrix(booster_, data.get(), config.c_str(), &shape, &dim, &out),
        "XGBoosterPredictFromDMatrix");
  if (dim != 1 || shape[0] != x.rows) throw XgbError("xgboost: unexpected prediction shape");
  return std::vector<float>(out, out + x.rows);
}

}  // namespace nbaprops::predict
