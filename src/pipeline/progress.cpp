#include "pipeline/progress.h"

#include <fmt/format.h>

namespace nbaprops::pipeline {

Progress::Progress(std::ostream* out, bool terminal, int64_t total_steps, Clock::duration every)
    : out_(out), terminal_(terminal), total_(total_steps), every_(every) {
  started_ = last_shown_ = Clock::now();
}

std::string Progress::line(const std::string& stage, int64_t done, int64_t total, int64_t entities,
                           Clock::duration elapsed) {
  double secs = std::chrono::duration<double>(elapsed).count();
  double rate = secs > 0 ? entities / secs : 0;
  std::string eta = "?";
  if (done > 0) eta = fmt::format("{:.1f}s", secs * static_cast<double>(total - done) / done);
  int width = 24;
  int filled = total > 0 ? static_cast<int>(width * done / total) : width;
  return fmt::format("[{}{}] {}/{} steps ({}) | {:.0f} entities/s | {:.1f}s elapsed, {} left",
                     std::string(filled, '#'), std::string(width - filled, '.'), done, total, stage,
                     rate, secs, eta);
}

void Progress::step(const std::string& stage, int64_t entities) {
  ++done_;
  entities_ += entities;
  stage_ = stage;
  if (!out_) return;
  auto now = Clock::now();
  // A terminal redraws at most ten times a second; a log gets a line every `every_`.
  auto gap = terminal_ ? Clock::duration(std::chrono::milliseconds(100)) : every_;
  if (now - last_shown_ < gap && done_ < total_ && drawn_ == terminal_) return;
  last_shown_ = now;
  show();
}

void Progress::show() {
  std::string text = line(stage_, done_, total_, entities_, Clock::now() - started_);
  if (terminal_) {
    *out_ << "\r\033[K" << text << std::flush;
    drawn_ = true;
  } else {
    *out_ << "progress: " << text << "\n" << std::flush;
  }
}

void Progress::clear_line() {
  if (!out_ || !terminal_ || !drawn_) return;
  *out_ << "\r\033[K" << std::flush;
  drawn_ = false;
}

void Progress::finish() {
  // step() showed the last line; a terminal's redrawn line still needs its end.
  if (out_ && terminal_ && drawn_) *out_ << "\n" << std::flush;
}

}  // namespace nbaprops::pipeline
