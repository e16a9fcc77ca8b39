#include "core/csv_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstring>

namespace nbaprops {
namespace {

constexpr const char* kBadGzip = "not a readable gzip stream";
constexpr const char* kTooLarge = "larger than 1 GiB (the limit of an input file)";

bool is_gzip(std::string_view b) {
  return b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0x1f &&
         static_cast<unsigned char>(b[1]) == 0x8b;
}

bool is_zip(std::string_view b) {
  return b.starts_with(std::string_view("PK\x03\x04", 4)) ||
         b.starts_with(std::string_view("PK\x05\x06", 4));
}

bool all_zero(const char* p, size_t n) {
  return std::all_of(p, p + n, [](char c) { return c == '\0'; });
}

// Inflates every gzip member of `in` into one buffer. Zero bytes after the last member (tape
// or block padding) are ignored, as gzip(1) does; any other trailing data, a corrupt or a
// truncated member throws.
std::string gunzip(const std::string& in) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 16) != Z_OK) throw CsvError(kBadGzip);
  struct Guard {
    z_stream* z;
    ~Guard() { inflateEnd(z); }
  } guard{&zs};

  // The last member's trailer holds its size mod 2^32: a good first guess for the buffer. It is
  // capped at 64 times the input, so a damaged trailer cannot ask for gigabytes up front; the
  // buffer doubles when it runs out.
  size_t guess = 0;
  if (in.size() >= 18) {
    const auto* t = reinterpret_cast<const unsigned char*>(in.data() + in.size() - 4);
    guess = size_t{t[0]} | size_t{t[1]} << 8 | size_t{t[2]} << 16 | size_t{t[3]} << 24;
  }
  guess = std::min(guess, in.size() * 64);
  std::string out;
  out.resize(std::max<size_t>({guess + 1, in.size() * 4, size_t{1} << 16}));
  size_t in_pos = 0, out_pos = 0;
  for (;;) {
    if (zs.avail_in == 0 && in_pos < in.size()) {
      const size_t n = std::min<size_t>(in.size() - in_pos, UINT_MAX);
      zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data() + in_pos));
      zs.avail_in = static_cast<uInt>(n);
      in_pos += n;
    }
    if (out_pos == out.size()) {
      if (out.size() >= kMaxFileBytes) throw CsvError(kTooLarge);
      out.resize(std::min(out.size() * 2, kMaxFileBytes + 1));
    }
    const size_t room = std::min<size_t>(out.size() - out_pos, UINT_MAX);
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + out_pos);
    zs.avail_out = static_cast<uInt>(room);
    const int rc = inflate(&zs, Z_NO_FLUSH);
    out_pos += room - zs.avail_out;
    if (rc == Z_STREAM_END) {
      const size_t left = zs.avail_in + (in.size() - in_pos);
      const size_t at = in.size() - left;
      if (left == 0 || all_zero(in.data() + at, left)) break;
      if (!is_gzip(std::string_view(in).substr(at))) throw CsvError(kBadGzip);
      if (inflateReset(&zs) != Z_OK) throw CsvError(kBadGzip);
      continue;
    }
    if (rc == Z_OK) continue;
    // Z_BUF_ERROR with room left means the input ran out inside a member: truncated.
    if (rc == Z_BUF_ERROR && zs.avail_out == 0) continue;
    throw CsvError(kBadGzip);
  }
  if (out_pos > kMaxFileBytes) throw CsvError(kTooLarge);
  out.resize(out_pos);
  return out;
}

std::string read_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw CsvError(std::string("cannot open: ") + std::strerror(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) throw CsvError(std::string("cannot open: ") + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) throw CsvError(std::string("cannot open: ") + std::strerror(EISDIR));
  if (st.st_size > 0 && static_cast<size_t>(st.st_size) > kMaxFileBytes) {
    throw CsvError(kTooLarge);
  }
  std::string bytes;
  bytes.resize(st.st_size > 0 ? static_cast<size_t>(st.st_size) : 0);
  size_t got = 0;
  for (;;) {
    if (got == bytes.size()) {
      if (got > kMaxFileBytes) throw CsvError(kTooLarge);
      bytes.resize(std::max<size_t>(bytes.size() * 2, 1 << 16));
    }
    const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw CsvError(std::string("cannot open: ") + std::strerror(errno));
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  bytes.resize(got);
  return bytes;
}

inline bool is_blank_char(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}
inline bool is_pad(char c) {
  return c == ' ' || c == '\t';
}

// The end of the physical line starting at p: the '\n', or e.
inline const char* line_end(const char* p, const char* e) {
  const void* nl = std::memchr(p, '\n', static_cast<size_t>(e - p));
  return nl ? static_cast<const char*>(nl) : e;
}

// The end of a line's content: before the CR of a CRLF, or of a CR that ends the data.
inline const char* content_end(const char* start, const char* nl) {
  return (nl > start && nl[-1] == '\r') ? nl - 1 : nl;
}

std::string trimmed(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && is_pad(s[b])) ++b;
  while (e > b && is_pad(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* e = p + s.size();
  while (p < e) {
    if (e - p >= 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      if ((w & 0x8080808080808080ULL) == 0) {
        p += 8;
        continue;
      }
    }
    const unsigned c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    ptrdiff_t n;                    // continuation bytes
    unsigned lo = 0x80, hi = 0xBF;  // allowed range of the first continuation byte
    if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
    } else if (c == 0xE0) {
      n = 2, lo = 0xA0;  // no overlongs
    } else if (c == 0xED) {
      n = 2, hi = 0x9F;  // no surrogates
    } else if (c >= 0xE1 && c <= 0xEF) {
      n = 2;
    } else if (c == 0xF0) {
      n = 3, lo = 0x90;  // no overlongs
    } else if (c >= 0xF1 && c <= 0xF3) {
      n = 3;
    } else if (c == 0xF4) {
      n = 3, hi = 0x8F;  // nothing above U+10FFFF
    } else {
      return false;
    }
    if (e - p <= n) return false;
    if (p[1] < lo || p[1] > hi) return false;
    for (ptrdiff_t i = 2; i <= n; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
    }
    p += n + 1;
  }
  return true;
}

CsvReader CsvReader::open(const std::string& path) {
  return from_bytes(read_file(path), path);
}

CsvReader CsvReader::from_bytes(std::string bytes, std::string name) {
  if (is_zip(bytes)) throw CsvError("zip archives are not supported");
  if (is_gzip(bytes)) bytes = gunzip(bytes);
  return CsvReader(std::move(bytes), std::move(name));
}

CsvReader::CsvReader(std::string text, std::string name)
    : data_(std::move(text)), name_(std::move(name)) {
  if (std::string_view(data_).starts_with("\xEF\xBB\xBF")) pos_ = 3;
  all_utf8_ = is_valid_utf8(data_);
  // The header is line 1 only: a blank first line means no header.
  const char* b = data_.data() + pos_;
  const char* e = data_.data() + data_.size();
  const char* nl = line_end(b, e);
  if (std::all_of(b, nl, is_blank_char)) return;
  const char* eol = content_end(b, nl);
  if (std::memchr(b, '\r', static_cast<size_t>(eol - b))) {
    throw CsvError("line ends are CR only (classic Mac OS): convert them to LF or CRLF");
  }
  CsvRow row;
  parse_record(row);
  if (row.too_long) throw CsvError("header line longer than 1 MiB");
  header_.reserve(row.fields.size());
  for (std::string_view f : row.fields) header_.push_back(trimmed(f));
}

bool CsvReader::next(CsvRow& row) {
  const char* const b = data_.data();
  const char* const e = b + data_.size();
  for (;;) {
    const char* q = b + pos_;
    while (q < e && is_blank_char(*q)) ++q;
    if (q < e && *q != '\n') break;
    if (q == e) {
      pos_ = data_.size();
      return false;
    }
    pos_ = static_cast<size_t>(q + 1 - b);  // a blank line
    ++line_;
  }
  return parse_record(row);
}

bool CsvReader::parse_record(CsvRow& row) {
  const char* const b = data_.data();
  const char* const e = b + data_.size();
  const char* p = b + pos_;
  if (p == e) return false;
  row.fields.clear();
  row.line = line_;
  scratch_.clear();
  escaped_.clear();
  const char* const start = p;
  const char* nl = line_end(p, e);
  const char* eol = content_end(start, nl);
  row.too_long = static_cast<size_t>(eol - start) > kMaxRecordBytes;
  if (row.too_long) {  // handed out unsplit: millions of fields would cost gigabytes
    row.raw = std::string_view(start, static_cast<size_t>(eol - start));
    row.valid_utf8 = true;
    pos_ = (nl == e) ? data_.size() : static_cast<size_t>(nl + 1 - b);
    ++line_;
    return true;
  }
  for (;;) {
    const char* f = p;
    while (f < eol && is_pad(*f)) ++f;
    if (f < eol && *f == '"') {
      // Quoted: runs to the first quote not doubled, across line breaks if need be.
      const char* q = f + 1;
      bool doubled = false;
      const char* close = nullptr;
      while (q < e) {
        const void* hit = std::memchr(q, '"', static_cast<size_t>(e - q));
        if (!hit) break;
        const char* h = static_cast<const char*>(hit);
        if (h + 1 < e && h[1] == '"') {
          doubled = true;
          q = h + 2;
          continue;
        }
        close = h;
        break;
      }
      if (!close) {
        throw CsvError("unterminated quoted field starting at line " + std::to_string(line_));
      }
      if (static_cast<size_t>(close - start) > kMaxRecordBytes) {
        throw CsvError("quoted field longer than 1 MiB at line " + std::to_string(line_));
      }
      const size_t breaks = static_cast<size_t>(std::count(f + 1, close, '\n'));
      if (breaks > 0) {
        line_ += breaks;
        nl = line_end(close, e);
        eol = content_end(start, nl);
      }
      if (doubled) {
        const size_t off = scratch_.size();
        for (const char* c = f + 1; c < close; ++c) {
          scratch_.push_back(*c);
          if (*c == '"') ++c;  // the second quote of a pair
        }
        escaped_.push_back({row.fields.size(), off, scratch_.size() - off});
        row.fields.emplace_back();
      } else {
        row.fields.emplace_back(f + 1, static_cast<size_t>(close - f - 1));
      }
      const char* t = close + 1;
      while (t < eol && is_pad(*t)) ++t;
      if (t == eol) break;
      if (*t != ',') throw CsvError("text after closing quote at line " + std::to_string(line_));
      p = t + 1;
      continue;
    }
    // Unquoted: up to the next comma on this line, trimmed.
    const void* comma = std::memchr(f, ',', static_cast<size_t>(eol - f));
    const char* end = comma ? static_cast<const char*>(comma) : eol;
    const char* last = end;
    while (last > f && is_pad(last[-1])) --last;
    row.fields.emplace_back(f, static_cast<size_t>(last - f));
    if (!comma) break;
    p = end + 1;
  }
  for (const Escaped& x : escaped_) {
    row.fields[x.index] = std::string_view(scratch_).substr(x.offset, x.length);
  }
  row.raw = std::string_view(start, static_cast<size_t>(eol - start));
  row.valid_utf8 = all_utf8_ || is_valid_utf8(row.raw);
  pos_ = (nl == e) ? data_.size() : static_cast<size_t>(nl + 1 - b);
  ++line_;
  return true;
}

}  // namespace nbaprops
