// `nbaprops publish --date D --out DIR` (docs/publishing.md): the published slate of D as
// static files, read from the store (never written to it):
//
//   DIR/tonight.json  picks/D.json  results/D.json (once any prediction of D is graded)
//   DIR/performance.json  model-health.json  status.json  latest.json
//   DIR/index.html  style.css  app.js  data.js  chart.min.js  schemas/*.schema.json
//
// Every JSON document carries "schema" (its schema's id, web/schemas/) and "generated_at".
// The page opens from disk (file://) without a server: data.js holds what it shows, and the
// charting library (Debian's libjs-chart.js) is copied beside it. Each file is written to a
// temporary name and renamed, so a reader never sees half a file. Re-publishing a date after
// grading fills in its results. Throws StoreError, and std::filesystem::filesystem_error when
// the folder cannot be written.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/date.h"
#include "store/store.h"

namespace nbaprops::publish {

// A processor of the pipeline as status.json lists it.
struct ProcessorPhase {
  std::string name;  // its output table
  int phase = 0;
};

struct PublishOptions {
  std::string generated_at;  // UTC timestamp stamped on every document
  // The pipeline's processors in run order (pipeline/graph.h; handed in, since publish sits
  // below the pipeline): status.json's processors after "ingest".
  std::vector<ProcessorPhase> processors;
  std::filesystem::path chart_js = "/usr/share/javascript/chart.js/chart.min.js";
};

struct PublishReport {
  std::vector<std::string> files;  // written, relative to DIR
  int picks = 0, active = 0;
  bool results = false;        // results/D.json written
  bool chart_library = false;  // chart.min.js copied (else the page shows no charts)
};

PublishReport publish(Store& store, Date d, const std::filesystem::path& out,
                      const PublishOptions& options);

}  // namespace nbaprops::publish
