// Progress of a long run on standard error (05-pipeline.md §7): dates done / total, entities
// per second, time elapsed and estimated time left. On a terminal, one line redrawn in place;
// otherwise a line every few seconds (and one at the end).
//
// Called by the run's writer thread only; not thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

namespace nbaprops::pipeline {

class Progress {
 public:
  using Clock = std::chrono::steady_clock;
  // `out` may be nullptr (no progress shown). `terminal`: redraw one line in place.
  Progress(std::ostream* out, bool terminal, int64_t total_steps,
           Clock::duration every = std::chrono::seconds(3));

  // One step (a date's partitions) written, with `entities` rows and failures.
  void step(const std::string& stage, int64_t entities);
  // On a terminal, erases the drawn line, so that a log line written to the same stream
  // starts clean (the next step redraws it). Elsewhere does nothing.
  void clear_line();
  // The last line (on a terminal: ends the redrawn line).
  void finish();

  // The line shown after `done` of `total` steps, `entities` processed in `elapsed`.
  static std::string line(const std::string& stage, int64_t done, int64_t total, int64_t entities,
                          Clock::duration elapsed);

 private:
  void show();

  std::ostream* out_;
  bool terminal_;
  int64_t total_, done_ = 0, entities_ = 0;
  std::string stage_;
  Clock::duration every_;
  Clock::time_point started_, last_shown_;
  bool drawn_ = false;  // a terminal line is on screen
};

}  // namespace nbaprops::pipeline
