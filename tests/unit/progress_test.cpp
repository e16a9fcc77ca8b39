// Progress on standard error (05-pipeline.md §7): dates done / total, entities per second,
// elapsed and estimated time left; a redrawn line on a terminal, log lines otherwise.
#include <gtest/gtest.h>

#include <sstream>

#include "pipeline/progress.h"

namespace nbaprops::pipeline {
namespace {

TEST(Progress, HalfwayAfterTwoSecondsTwoSecondsAreLeft) {
  std::string line = Progress::line("dates", 50, 100, 1000, std::chrono::seconds(2));
  EXPECT_NE(line.find("[############............] 50/100 steps (dates)"), std::string::npos)
      << line;
  EXPECT_NE(line.find("500 entities/s"), std::string::npos) << line;
  EXPECT_NE(line.find("2.0s elapsed, 2.0s left"), std::string::npos) << line;
}

TEST(Progress, ALogGetsLinesATerminalGetsOneRedrawnLine) {
  std::ostringstream log;
  Progress p(&log, false, 3, std::chrono::seconds(0));
  for (int i = 0; i < 3; ++i) p.step("dates", 10);
  p.finish();
  std::string text = log.str();
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 3) << text;
  EXPECT_NE(text.find("progress: [########################] 3/3 steps"), std::string::npos);

  std::ostringstream tty;
  Progress bar(&tty, true, 2);
  bar.step("dates", 10);
  bar.step("dates", 10);  // the last step is always shown
  bar.finish();
  EXPECT_EQ(tty.str().find("progress:"), std::string::npos);
  EXPECT_NE(tty.str().find("\r\033[K["), std::string::npos);
  EXPECT_NE(tty.str().find("2/2 steps"), std::string::npos);
  EXPECT_EQ(tty.str().back(), '\n');

  // A log line between steps: the bar is erased first, and redrawn at the next step even
  // within the redraw interval.
  std::ostringstream both;
  Progress mixed(&both, true, 3);
  mixed.step("dates", 1);
  mixed.clear_line();
  both << "a log line\n";
  mixed.step("dates", 1);
  std::string shown = both.str();
  EXPECT_NE(shown.find("steps (dates) | "), std::string::npos);
  EXPECT_NE(shown.find("\r\033[Ka log line\n\r\033[K[#"), std::string::npos) << shown;
}

}  // namespace
}  // namespace nbaprops::pipeline
