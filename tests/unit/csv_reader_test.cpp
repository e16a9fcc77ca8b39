#include "core/csv_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace nbaprops {
namespace {

namespace fs = std::filesystem;
using Fields = std::vector<std::string>;

struct Parsed {
  std::vector<std::string> header;
  std::vector<Fields> rows;
  std::vector<size_t> lines;
  std::vector<std::string> raws;
  std::vector<bool> utf8;
};

Parsed parse(CsvReader reader) {
  Parsed out;
  out.header = reader.header();
  CsvRow row;
  while (reader.next(row)) {
    out.rows.emplace_back(row.fields.begin(), row.fields.end());
    out.lines.push_back(row.line);
    out.raws.emplace_back(row.raw);
    out.utf8.push_back(row.valid_utf8);
  }
  return out;
}

Parsed parse(const std::string& text) {
  return parse(CsvReader::from_bytes(text, "test.csv"));
}

// The CsvError message of parsing `text`, or "" when it parses.
std::string error_of(const std::string& text) {
  try {
    parse(text);
  } catch (const CsvError& e) {
    return e.what();
  }
  return "";
}

// A fresh temporary directory, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "nbaprops-csv-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path_); }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary);
  out << bytes;
}

// Writes `text` gzip-compressed (zlib's gzwrite) and returns the compressed bytes.
std::string write_gzip(const fs::path& p, const std::string& text) {
  gzFile gz = gzopen(p.c_str(), "wb");
  EXPECT_NE(gz, nullptr);
  EXPECT_EQ(gzwrite(gz, text.data(), static_cast<unsigned>(text.size())),
            static_cast<int>(text.size()));
  EXPECT_EQ(gzclose(gz), Z_OK);
  return slurp(p);
}

TEST(CsvReader, HeaderAndSimpleRows) {
  Parsed p = parse("a,b,c\n1,2,3\n4,5,6\n");
  EXPECT_EQ(p.header, (Fields{"a", "b", "c"}));
  ASSERT_EQ(p.rows.size(), 2u);
  EXPECT_EQ(p.rows[0], (Fields{"1", "2", "3"}));
  EXPECT_EQ(p.rows[1], (Fields{"4", "5", "6"}));
  EXPECT_EQ(p.lines, (std::vector<size_t>{2, 3}));
  EXPECT_EQ(p.raws[1], "4,5,6");
}

TEST(CsvReader, LastLineWithoutNewline) {
  Parsed p = parse("a,b\n1,2");
  ASSERT_EQ(p.rows.size(), 1u);
  EXPECT_EQ(p.rows[0], (Fields{"1", "2"}));
}

TEST(CsvReader, EmptyFieldsAndTrailingComma) {
  Parsed p = parse("a,b,c,d\n1,,3,\n,,,\n");
  ASSERT_EQ(p.rows.size(), 2u);
  EXPECT_EQ(p.rows[0], (Fields{"1", "", "3", ""}));
  EXPECT_EQ(p.rows[1], (Fields{"", "", "", ""}));
}

TEST(CsvReader, QuotedFields) {
  Parsed p = parse("h1,h2,h3\n\"a,b\",\"\",\"x\"\n");
  ASSERT_EQ(p.rows.size(), 1u);
  EXPECT_EQ(p.rows[0], (Fields{"a,b", "", "x"}));
  EXPECT_EQ(p.raws[0], "\"a,b\",\"\",\"x\"");
}

TEST(CsvReader, DoubledQuotes) {
  Parsed p = parse(
      "h1,h2,h3,h4\n"
      "\"say \"\"hi\"\"\",plain,\"\"\"\",\"a\"\"b\"\"c\"\n"
      "\"\"\"x\"\" again\",2,3,4\n");
  ASSERT_EQ(p.rows.size(), 2u);
  // Several unescaped fields in one record each keep their own text.
  EXPECT_EQ(p.rows[0], (Fields{"say \"hi\"", "plain", "\"", "a\"b\"c"}));
  EXPECT_EQ(p.rows[1], (Fields{"\"x\" again", "2", "3", "4"}));
}

TEST(CsvReader, EmbeddedLineBreaksKeepLineNumbers) {
  Parsed p = parse(
      "id,note\n"
      "1,\"first\nsecond\nthird\"\n"
      "2,\"a\r\nb\"\n"
      "3,x\n");
  ASSERT_EQ(p.rows.size(), 3u);
  EXPECT_EQ(p.rows[0], (Fields{"1", "first\nsecond\nthird"}));
  EXPECT_EQ(p.rows[1], (Fields{"2", "a\r\nb"}));  // line breaks inside quotes kept as is
  EXPECT_EQ(p.rows[2], (Fields{"3", "x"}));
  EXPECT_EQ(p.lines, (std::vector<size_t>{2, 5, 7}));
  EXPECT_EQ(p.raws[0], "1,\"first\nsecond\nthird\"");
}

TEST(CsvReader, QuotedHeaderSpanningLines) {
  Parsed p = parse("\"a\nb\",c\n1,2\n");
  EXPECT_EQ(p.header, (Fields{"a\nb", "c"}));
  ASSERT_EQ(p.lines.size(), 1u);
  EXPECT_EQ(p.lines[0], 3u);
}

TEST(CsvReader, Crlf) {
  Parsed p = parse("a,b\r\n1,2\r\n\"x\",\"y\"\r\n3, 4 \r\n");
  EXPECT_EQ(p.header, (Fields{"a", "b"}));
  ASSERT_EQ(p.rows.size(), 3u);
  EXPECT_EQ(p.rows[0], (Fields{"1", "2"}));
  EXPECT_EQ(p.rows[1], (Fields{"x", "y"}));
  EXPECT_EQ(p.rows[2], (Fields{"3", "4"}));
  EXPECT_EQ(p.raws[0], "1,2");
  EXPECT_EQ(p.lines, (std::vector<size_t>{2, 3, 4}));
}

TEST(CsvReader, LoneCarriageReturn) {
  // A CR inside a line is data; a CR that ends the data is a line end.
  Parsed p = parse("a,b\nx\ry,z\r");
  ASSERT_EQ(p.rows.size(), 1u);
  EXPECT_EQ(p.rows[0], (Fields{"x\ry", "z"}));
  EXPECT_EQ(parse("\r").header, Fields{});
  EXPECT_EQ(parse("h\r").header, Fields{"h"});
}

TEST(CsvReader, ByteOrderMarkDropped) {
  Parsed p = parse("\xEF\xBB\xBFid,name\n1,x\n");
  EXPECT_EQ(p.header, (Fields{"id", "name"}));
  ASSERT_EQ(p.rows.size(), 1u);
  EXPECT_EQ(p.lines[0], 2u);
  // Only a leading BOM goes; one inside a field is data.
  Parsed q = parse("id\n\xEF\xBB\xBFx\n");
  EXPECT_EQ(q.rows[0], Fields{"\xEF\xBB\xBFx"});
}

TEST(CsvReader, BlankLinesSkipped) {
  Parsed p = parse("a,b\n\n   \n\t\r\n1,2\n\n\r\n3,4\n  \n");
  ASSERT_EQ(p.rows.size(), 2u);
  EXPECT_EQ(p.rows[0], (Fields{"1", "2"}));
  EXPECT_EQ(p.rows[1], (Fields{"3", "4"}));
  EXPECT_EQ(p.lines, (std::vector<size_t>{5, 8}));
}

TEST(CsvReader, HeaderIsLineOne) {
  Parsed p = parse("\na,b\n1,2\n");
  EXPECT_TRUE(p.header.empty());
  ASSERT_EQ(p.rows.size(), 2u);
  EXPECT_EQ(p.lines, (std::vector<size_t>{2, 3}));
}

TEST(CsvReader, Trimming) {
  Parsed p = parse(" a , b\t,\t\"c\" \nx ,  y  ,\t z\t\n \" q \" ,\"\t\",  \n");
  EXPECT_EQ(p.header, (Fields{"a", "b", "c"}));
  ASSERT_EQ(p.rows.size(), 2u);
  EXPECT_EQ(p.rows[0], (Fields{"x", "y", "z"}));
  EXPECT_EQ(p.rows[1], (Fields{" q ", "\t", ""}));  // whitespace inside quotes stays
  EXPECT_EQ(p.raws[1], " \" q \" ,\"\t\",  ");
}

TEST(CsvReader, HeaderFieldsTrimmedEvenWhenQuoted) {
  EXPECT_EQ(parse("\" PLAYER_ID \",\tPTS \n").header, (Fields{"PLAYER_ID", "PTS"}));
}

TEST(CsvReader, UnterminatedQuote) {
  EXPECT_EQ(error_of("a,b\n1,\"open\n2,3\n"), "unterminated quoted field starting at line 2");
  EXPECT_EQ(error_of("a\n\"x\ny\"\n\n\"z\n"), "unterminated quoted field starting at line 5");
  EXPECT_EQ(error_of("\"a,b\n"), "unterminated quoted field starting at line 1");
  EXPECT_EQ(error_of("a\n\""), "unterminated quoted field starting at line 2");  // at EOF
  EXPECT_EQ(error_of("a\n\"x\"\"\n"), "unterminated quoted field starting at line 2");
}

TEST(CsvReader, TextAfterClosingQuote) {
  EXPECT_EQ(error_of("a,b\n\"x\"y,2\n"), "text after closing quote at line 2");
  EXPECT_EQ(error_of("a,b\n1,\"x\" \"y\"\n"), "text after closing quote at line 2");
  EXPECT_EQ(error_of("a,b\n1,\"x\"  \t\n"), "");  // whitespace only is fine
}

TEST(CsvReader, QuoteInsideUnquotedFieldIsData) {
  Parsed p = parse("a,b\n5'11\",x\"y\n");
  ASSERT_EQ(p.rows.size(), 1u);
  EXPECT_EQ(p.rows[0], (Fields{"5'11\"", "x\"y"}));
}

TEST(CsvReader, EmptyFile) {
  Parsed p = parse("");
  EXPECT_TRUE(p.header.empty());
  EXPECT_TRUE(p.rows.empty());
  Parsed bom = parse("\xEF\xBB\xBF");
  EXPECT_TRUE(bom.header.empty());
  EXPECT_TRUE(bom.rows.empty());
  Parsed header_only = parse("a,b\n");
  EXPECT_EQ(header_only.header, (Fields{"a", "b"}));
  EXPECT_TRUE(header_only.rows.empty());
}

TEST(CsvReader, InvalidUtf8Flagged) {
  Parsed p = parse("name,x\nJoki\xe6,1\nJoki\xc4\x87,2\n\"a\nb\xff\",3\nok,4\n");
  ASSERT_EQ(p.rows.size(), 4u);
  EXPECT_EQ(p.utf8, (std::vector<bool>{false, true, false, true}));
  EXPECT_EQ(p.rows[0][0], "Joki\xe6");  // the bytes are kept as read
  EXPECT_TRUE(parse("a\nx\n").utf8[0]);
}

TEST(CsvReader, Utf8Validation) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("plain ascii text, longer than eight bytes"));
  EXPECT_TRUE(is_valid_utf8("Joki\xc4\x87"));          // ć
  EXPECT_TRUE(is_valid_utf8("\xe2\x82\xac"));          // €
  EXPECT_TRUE(is_valid_utf8("\xf0\x9d\x84\x9e"));      // U+1D11E
  EXPECT_TRUE(is_valid_utf8("\xf4\x8f\xbf\xbf"));      // U+10FFFF
  EXPECT_TRUE(is_valid_utf8(std::string("a\0b", 3)));  // NUL is valid UTF-8
  EXPECT_FALSE(is_valid_utf8("\x80"));                 // stray continuation
  EXPECT_FALSE(is_valid_utf8("\xc0\x80"));             // overlong NUL
  EXPECT_FALSE(is_valid_utf8("\xc1\xbf"));             // overlong
  EXPECT_FALSE(is_valid_utf8("\xe0\x9f\xbf"));         // overlong 3-byte
  EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));         // surrogate U+D800
  EXPECT_FALSE(is_valid_utf8("\xf0\x8f\xbf\xbf"));     // overlong 4-byte
  EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));     // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xf5\x80\x80\x80"));     // not a lead byte
  EXPECT_FALSE(is_valid_utf8("abcdefgh\xe2\x82"));     // truncated at the end
  EXPECT_FALSE(is_valid_utf8("\xe2\x82x"));            // bad continuation
  EXPECT_FALSE(is_valid_utf8("12345678901234\xff"));   // after the 8-byte fast path
}

TEST(CsvReader, OpenPlainFile) {
  TempDir dir;
  write_file(dir / "plain.csv", "a,b\n1,2\n");
  CsvReader r = CsvReader::open((dir / "plain.csv").string());
  EXPECT_EQ(r.name(), (dir / "plain.csv").string());
  Parsed p = parse(std::move(r));
  EXPECT_EQ(p.header, (Fields{"a", "b"}));
  ASSERT_EQ(p.rows.size(), 1u);
}

TEST(CsvReader, CannotOpen) {
  TempDir dir;
  try {
    CsvReader::open((dir / "missing.csv").string());
    FAIL() << "expected CsvError";
  } catch (const CsvError& e) {
    EXPECT_EQ(std::string(e.what()), "cannot open: No such file or directory");
  }
  try {
    CsvReader::open((dir / "").string());  // a directory
    FAIL() << "expected CsvError";
  } catch (const CsvError& e) {
    EXPECT_EQ(std::string(e.what()), "cannot open: Is a directory");
  }
}

TEST(CsvReader, GzipByMagicNotName) {
  TempDir dir;
  const std::string text = "\xEF\xBB\xBFx,y\r\n1,\"a\nb\"\n\n2,3\n";
  write_gzip(dir / "data.txt", text);  // no .gz in the name
  Parsed p = parse(CsvReader::open((dir / "data.txt").string()));
  EXPECT_EQ(p.header, (Fields{"x", "y"}));
  ASSERT_EQ(p.rows.size(), 2u);
  EXPECT_EQ(p.rows[0], (Fields{"1", "a\nb"}));
  EXPECT_EQ(p.rows[1], (Fields{"2", "3"}));
  EXPECT_EQ(p.lines, (std::vector<size_t>{2, 5}));
  // A .gz name on plain text is read as plain text.
  write_file(dir / "plain.csv.gz", "x\n7\n");
  EXPECT_EQ(parse(CsvReader::open((dir / "plain.csv.gz").string())).rows[0], Fields{"7"});
}

TEST(CsvReader, LargeGzip) {
  TempDir dir;
  std::string text = "n,sq\n";
  for (long long i = 0; i < 100000; ++i)
    text += std::to_string(i) + "," + std::to_string(i * i) + "\n";
  write_gzip(dir / "big.gz", text);
  Parsed p = parse(CsvReader::open((dir / "big.gz").string()));
  ASSERT_EQ(p.rows.size(), 100000u);
  EXPECT_EQ(p.rows[99999], (Fields{"99999", "9999800001"}));
  EXPECT_EQ(p.lines[99999], 100001u);
}

TEST(CsvReader, MultiMemberGzip) {
  TempDir dir;
  const std::string one = write_gzip(dir / "one.gz", "a,b\n1,2\n");
  const std::string two = write_gzip(dir / "two.gz", "3,4\n5,\"6\n7\"\n");
  write_file(dir / "both.gz", one + two);
  Parsed p = parse(CsvReader::open((dir / "both.gz").string()));
  EXPECT_EQ(p.header, (Fields{"a", "b"}));
  ASSERT_EQ(p.rows.size(), 3u);
  EXPECT_EQ(p.rows[1], (Fields{"3", "4"}));
  EXPECT_EQ(p.rows[2], (Fields{"5", "6\n7"}));
  EXPECT_EQ(p.lines, (std::vector<size_t>{2, 3, 4}));
  // Zero padding after the last member is ignored; other trailing bytes are refused.
  EXPECT_EQ(parse(CsvReader::from_bytes(one + std::string(16, '\0'), "pad")).rows.size(), 1u);
  EXPECT_THROW(CsvReader::from_bytes(one + "junk", "junk"), CsvError);
}

TEST(CsvReader, CorruptGzipRefused) {
  TempDir dir;
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "row" + std::to_string(i) + ",value\n";
  const std::string gz = write_gzip(dir / "ok.gz", text);
  auto message_of = [](const std::string& bytes) -> std::string {
    try {
      CsvReader::from_bytes(bytes, "bad.gz");
    } catch (const CsvError& e) {
      return e.what();
    }
    return "";
  };
  EXPECT_EQ(message_of(gz), "");
  EXPECT_EQ(message_of(gz.substr(0, gz.size() / 2)), "not a readable gzip stream");  // truncated
  EXPECT_EQ(message_of(gz.substr(0, gz.size() - 4)), "not a readable gzip stream");  // no ISIZE
  EXPECT_EQ(message_of(gz.substr(0, 2)), "not a readable gzip stream");              // magic only
  std::string flipped = gz;
  flipped[flipped.size() - 6] ^= 0x55;  // the CRC no longer matches
  EXPECT_EQ(message_of(flipped), "not a readable gzip stream");
  std::string garbage = "\x1f\x8b" + std::string(100, 'z');
  EXPECT_EQ(message_of(garbage), "not a readable gzip stream");
}

TEST(CsvReader, ZipRefused) {
  const std::string zip = std::string("PK\x03\x04", 4) + std::string(40, '\0');
  try {
    CsvReader::from_bytes(zip, "shots.zip");
    FAIL() << "expected CsvError";
  } catch (const CsvError& e) {
    EXPECT_EQ(std::string(e.what()), "zip archives are not supported");
  }
  EXPECT_THROW(CsvReader::from_bytes(std::string("PK\x05\x06", 4) + std::string(18, '\0'), "e"),
               CsvError);
  // Text that merely starts with PK is plain CSV.
  EXPECT_EQ(parse("PK,x\n1,2\n").header, (Fields{"PK", "x"}));
}

TEST(CsvReader, ViewsPointIntoBufferUntilNext) {
  CsvReader r = CsvReader::from_bytes("a,b\n\"x\"\"y\",plain\n\"p\"\"q\",z\n", "t");
  CsvRow row;
  ASSERT_TRUE(r.next(row));
  EXPECT_EQ(row.fields[0], "x\"y");
  EXPECT_EQ(row.fields[1], "plain");
  ASSERT_TRUE(r.next(row));
  EXPECT_EQ(row.fields[0], "p\"q");
  EXPECT_EQ(row.line, 3u);
  EXPECT_FALSE(r.next(row));
  EXPECT_FALSE(r.next(row));  // stays at the end
}

TEST(CsvReader, RandomBytesNeverCrash) {
  std::mt19937 rng(20250101);
  static constexpr char kAlphabet[] = "\",\r\n \t\0ab\xff\xc3\xa9\x1f\x8b";
  const std::string alphabet(kAlphabet, sizeof kAlphabet - 1);
  size_t parsed = 0, refused = 0;
  for (int iter = 0; iter < 5000; ++iter) {
    const size_t len = rng() % 64;
    std::string bytes;
    for (size_t i = 0; i < len; ++i) {
      bytes +=
          (rng() % 4 == 0) ? static_cast<char>(rng() & 0xff) : alphabet[rng() % alphabet.size()];
    }
    try {
      CsvReader r = CsvReader::from_bytes(bytes, "fuzz");
      CsvRow row;
      size_t last_line = 0;
      while (r.next(row)) {
        ASSERT_GT(row.line, last_line);
        ASSERT_FALSE(row.fields.empty());
        ASSERT_LE(row.raw.size(), bytes.size());
        last_line = row.line;
      }
      ++parsed;
    } catch (const CsvError&) {
      ++refused;
    }
  }
  EXPECT_EQ(parsed + refused, 5000u);
  EXPECT_GT(parsed, 0u);
  EXPECT_GT(refused, 0u);
  // Specific edge inputs.
  for (const std::string& s :
       {std::string("\""), std::string("\r"), std::string("\n\n\""), std::string("a\n\"\"\""),
        std::string(5, '\0'), std::string("\x1f\x8b", 2), std::string("a,\"b\"\r")}) {
    try {
      parse(s);
    } catch (const CsvError&) {
    }
  }
}

TEST(CsvReader, DamagedGzipNeverCrashes) {
  TempDir dir;
  std::string text;
  for (int i = 0; i < 2000; ++i) {
    text += std::to_string(i);
    text += ",\"q\"\"x\"\n";
  }
  const std::string gz = write_gzip(dir / "ok.gz", text);
  std::mt19937 rng(7);
  size_t refused = 0;
  for (int iter = 0; iter < 500; ++iter) {
    std::string bytes = gz;
    for (int k = 0; k < 3; ++k)
      bytes[2 + rng() % (bytes.size() - 2)] ^= static_cast<char>(1 + rng() % 255);
    if (rng() % 2) bytes.resize(2 + rng() % (bytes.size() - 2));
    try {
      parse(CsvReader::from_bytes(bytes, "damaged.gz"));
    } catch (const CsvError&) {
      ++refused;
    }
  }
  EXPECT_GT(refused, 400u);  // the CRC catches nearly every change
}

TEST(CsvReader, RealShotsFile) {
  const std::string path = std::string(NBAPROPS_SHARED_DATA_DIR) + "/shots.csv.gz";
  if (!fs::exists(path)) GTEST_SKIP() << "no shared data at " << path;
  CsvReader r = CsvReader::open(path);
  ASSERT_EQ(r.header().size(), 24u);
  EXPECT_EQ(r.header().front(), "SEASON_1");
  EXPECT_EQ(r.header().back(), "SECS_LEFT");
  CsvRow row;
  size_t rows = 0, bad = 0;
  while (r.next(row)) {
    ++rows;
    if (row.fields.size() != 24 || !row.valid_utf8) ++bad;
  }
  EXPECT_EQ(rows, 219527u);
  EXPECT_EQ(bad, 0u);
}

}  // namespace
}  // namespace nbaprops
