// A thin RAII layer over the XGBoost C API (Debian's libxgboost, 1.7): train a regression
// booster on a dense float matrix, save it in XGBoost's JSON model format, load those bytes,
// predict. Every failing C API call becomes an XgbError carrying XGBGetLastError()'s message.
//
// train_booster is a pure function of its arguments and the library version: each call owns
// its own handles, so calls may run on several threads at once (each with its own `nthread`).
// An XgbModel is immutable once loaded and has internal synchronisation: predict() may be
// called from any number of threads.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nbaprops::predict {

class XgbError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The loaded library's version, "major.minor.patch" (XGBoostVersion), e.g. "1.7.4".
std::string xgboost_version();

// A dense row-major matrix of 32-bit floats; NaN is a missing value.
struct DenseMatrix {
  size_t rows = 0, cols = 0;
  std::vector<float> values;  // rows * cols
};

// Booster parameters as the C API takes them (XGBoosterSetParam, in this order) and the number
// of boosting rounds.
struct XgbParams {
  std::vector<std::pair<std::string, std::string>> values;
  int rounds = 0;
};

class XgbModel;

// Trains a booster on `x` with `labels` for p.rounds rounds. `x` is taken by value and freed
// once the library holds its own copy (a nine-season matrix is ~43 MB).
// REQUIRES: x.rows == labels.size() > 0. Throws XgbError.
XgbModel train_booster(DenseMatrix x, std::span<const float> labels, const XgbParams& p);

class XgbModel {
 public:
  // Loads a model saved by to_json() (or any XGBoost JSON model). Throws XgbError.
  static XgbModel from_json(std::string_view json);
  // Loads a model saved by to_ubj() (XGBoost's binary UBJSON: the same model, about three
  // times faster to parse than its JSON). Throws XgbError.
  static XgbModel from_ubj(std::string_view ubj);

  XgbModel(XgbModel&& other) noexcept;
  XgbModel& operator=(XgbModel&& other) noexcept;
  XgbModel(const XgbModel&) = delete;
  XgbModel& operator=(const XgbModel&) = delete;
  ~XgbModel();

  // The model in XGBoost's JSON model format (the bytes of a model file). Throws XgbError.
  std::string to_json() const;
  // The model in XGBoost's UBJSON format; from_ubj(to_ubj()).to_json() == to_json(). Throws
  // XgbError.
  std::string to_ubj() const;
  // Sets a string attribute saved with the model (XGBoost's JSON keeps it under
  // learner.attributes). Not thread-safe with predict().
  void set_attribute(const std::string& key, const std::string& value);
  // The attribute's value, or nullopt.
  std::optional<std::string> attribute(const std::string& key) const;
  // One output per row of `x`, from the first `rounds` trees (0: every tree). REQUIRES: x.cols
  // is the feature count the model was trained with. Throws XgbError. Thread-safe.
  std::vector<float> predict(const DenseMatrix& x, int rounds = 0) const;

 private:
  friend XgbModel train_booster(DenseMatrix, std::span<const float>, const XgbParams&);
  explicit XgbModel(void* booster);
  static XgbModel from_buffer(std::string_view bytes);
  std::string save(const char* config) const;

  void* booster_ = nullptr;  // BoosterHandle, owned
  std::unique_ptr<std::mutex> mutex_;
};

}  // namespace nbaprops::predict
