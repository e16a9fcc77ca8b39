#include "analytics/processor.h"

namespace nbaprops::analytics {

ProcessorOutput collect_entities(const EntityParallel* parallel, size_t n,
                                 const std::function<EntityResult(size_t)>& result_of) {
  std::vector<EntityResult> results(n);
  for_each_entity(parallel, n, [&](size_t i) { results[i] = result_of(i); });
  ProcessorOutput out;
  for (EntityResult& r : results) {
    if (auto* row = std::get_if<Row>(&r)) {
      out.rows.push_back(std::move(*row));
    } else {
      out.failed.push_back(std::get<FailedEntity>(std::move(r)));
    }
  }
  return out;
}

}  // namespace nbaprops::analytics
