#include "store/processor_output.h"

namespace nbaprops {

bool expected_category(std::string_view category) {
  return category == "EXPECTED_INCOMPLETE" || category == "STALE_DATA" ||
         category == "GAME_POSTPONED" || category == "GAME_CANCELLED";
}

}  // namespace nbaprops
