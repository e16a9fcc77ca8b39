// Reading input CSV files (01-raw-data.md §2): plain or gzip, RFC 4180 quoting, UTF-8.
//
// A CsvReader holds the whole (decompressed) file in memory and hands out one record at a time
// as string_views: unquoted fields, and quoted fields without doubled quotes, point straight into
// that buffer; a quoted field with "" points into an internal scratch buffer. Every view of a
// CsvRow stays valid until the next call to next() on the same reader (or until the reader is
// moved or destroyed). Line ends are LF or CRLF (a CR just before the end of the data counts as
// a line end too); a line that is empty or holds only whitespace is skipped; the header is the
// record on line 1 and is empty when that line is blank or the file is empty. Any byte sequence
// is accepted: invalid UTF-8 is only flagged (CsvRow::valid_utf8). A CsvReader is not
// thread-safe; separate readers may be used from separate threads. is_valid_utf8 is pure.
//
// Bounds (memory stays a small multiple of the file on any input): a file larger than
// kMaxFileBytes (after decompression) is refused; a record whose physical line is longer than
// kMaxRecordBytes is handed out unsplit, with CsvRow::too_long set and no fields, so the caller
// rejects it; a quoted field that runs past kMaxRecordBytes refuses the file; a header line
// over the bound, or a header with a CR inside it (CR-only line ends) refuses the file.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace nbaprops {

// A file that cannot be read as CSV; what() is a one-line reason without the file name.
class CsvError : public std::runtime_error {
  using runtime_error::runtime_error;
};

inline constexpr size_t kMaxFileBytes = size_t{1} << 30;    // 1 GiB, after decompression
inline constexpr size_t kMaxRecordBytes = size_t{1} << 20;  // 1 MiB, one record
inline constexpr size_t kMaxFieldBytes = size_t{1} << 16;   // 64 KiB, one field (callers)

struct CsvRow {
  size_t line = 0;                       // physical line (1-based) where the record starts
  std::vector<std::string_view> fields;  // valid until the next call to next()
  std::string_view raw;    // the record's text as read, without its final line terminator
  bool valid_utf8 = true;  // false when any byte sequence of the record is not valid UTF-8
  bool too_long = false;   // the line exceeds kMaxRecordBytes: `fields` is empty
};

class CsvReader {
 public:
  // Reads the whole file into memory. Gzip is recognised by its magic bytes (1f 8b), not by the
  // name, and a multi-member gzip is read as one stream; anything else is plain text. A zip
  // archive (PK\x03\x04, or an empty one PK\x05\x06) is refused. Throws CsvError with a one-line
  // reason ("not a readable gzip stream", "zip archives are not supported",
  // "cannot open: <strerror>", "larger than 1 GiB") on failure, or when the header record is
  // broken (see next() and the bounds above).
  static CsvReader open(const std::string& path);
  // Same, over bytes already in memory (`name` is kept for the caller's messages only).
  static CsvReader from_bytes(std::string bytes, std::string name);

  // The header (line 1): fields trimmed, a UTF-8 BOM dropped. Empty if the file is empty.
  const std::vector<std::string>& header() const { return header_; }
  // The name given to open() (the path) or from_bytes().
  const std::string& name() const { return name_; }

  // Reads the next record, skipping blank lines. Returns false at the end.
  // Throws CsvError("unterminated quoted field starting at line N") on broken structure, and
  // CsvError("text after closing quote at line N") when a closing quote is followed by
  // something other than whitespace, a comma or the end of the line, and
  // CsvError("quoted field longer than 1 MiB at line N").
  bool next(CsvRow& row);

 private:
  CsvReader(std::string text, std::string name);
  // Parses one record at pos_ (no blank-line skipping); returns false at the end of the data.
  bool parse_record(CsvRow& row);

  std::string data_;     // the decompressed file
  std::string name_;     // path or caller-given name
  std::string scratch_;  // unescaped text of quoted fields that contained ""
  std::vector<std::string> header_;
  size_t pos_ = 0;        // offset in data_ of the next unread byte
  size_t line_ = 1;       // physical line number at pos_
  bool all_utf8_ = true;  // the whole buffer is valid UTF-8 (skips the per-record check)
  struct Escaped {        // a field whose text lives in scratch_
    size_t index, offset, length;
  };
  std::vector<Escaped> escaped_;
};

// True when s is well-formed UTF-8: no stray continuation bytes, truncated sequences, overlong
// forms, surrogates (U+D800-DFFF) or code points above U+10FFFF.
bool is_valid_utf8(std::string_view s);

}  // namespace nbaprops
