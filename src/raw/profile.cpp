#include "raw/profile.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <fmt/format.h>

namespace nbaprops {

// Defined in the build's generated profiles_embedded.cpp: (file name, text) of each
// profiles/*.yaml, in name order.
struct EmbeddedProfile {
  const char* file;
  const char* text;
};
std::span<const EmbeddedProfile> embedded_profiles();

namespace {

constexpr std::array<std::string_view, static_cast<size_t>(Field::kCount)> kFieldNames = {
    "game_id",     "game_date", "tipoff",    "home",        "away",   "team",       "opponent",
    "player_name", "player_id", "market",    "bookmaker",   "line",   "over_price", "under_price",
    "side",        "price",     "snapshot",  "report_time", "status", "reason",     "season_type",
    "minutes",     "pts",       "reb",       "ast",         "stl",    "blk",        "tov",
    "pf",          "oreb",      "dreb",      "fgm",         "fga",    "fg3m",       "fg3a",
    "ftm",         "fta",       "plus_minus"};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string trim(std::string_view s) {
  size_t a = s.find_first_not_of(" \t\r\n");
  if (a == std::string_view::npos) return {};
  size_t b = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(a, b - a + 1));
}

// The fields each target requires (one source each) and may read.
const std::map<std::string, std::vector<Field>>& required_fields() {
  static const std::map<std::string, std::vector<Field>> r = {
      {"prop_lines",
       {Field::kPlayerName, Field::kGameDate, Field::kMarket, Field::kBookmaker, Field::kLine}},
      {"games", {Field::kGameDate, Field::kHome, Field::kAway}},
      {"injuries",
       {Field::kReportTime, Field::kGameDate, Field::kTeam, Field::kPlayerName, Field::kStatus}},
      {"player_boxscores",
       {Field::kGameDate, Field::kTeam, Field::kPlayerName, Field::kMinutes, Field::kPts}},
  };
  return r;
}

Field need_field(const std::string& name, const std::string& where) {
  auto f = field_by_name(name);
  if (!f) throw ProfileError(fmt::format("{}: unknown field '{}'", where, name));
  return *f;
}

std::vector<std::string> string_list(const YAML::Node& n) {
  std::vector<std::string> out;
  if (n.IsScalar()) {
    out.push_back(n.as<std::string>());
  } else if (n.IsSequence()) {
    for (const auto& e : n) out.push_back(e.as<std::string>());
  }
  return out;
}

FieldSpec parse_field(const YAML::Node& n, const std::string& where) {
  FieldSpec s;
  if (n.IsScalar() || n.IsSequence()) {
    s.columns = string_list(n);
    return s;
  }
  if (!n.IsMap()) throw ProfileError(where + ": a field is a column list or a map");
  for (const auto& kv : n) {
    std::string key = kv.first.as<std::string>();
    const YAML::Node& v = kv.second;
    if (key == "columns" || key == "column") {
      s.columns = string_list(v);
    } else if (key == "const") {
      s.constant = v.as<std::string>();
    } else if (key == "file_name") {
      s.file_name_regex = v.as<std::string>();
    } else if (key == "optional") {
      s.optional = v.as<bool>();
    } else if (key == "fill_down") {
      s.fill_down = v.as<bool>();
    } else if (key == "skip_if_empty") {
      s.skip_if_empty = v.as<bool>();
    } else if (key == "split") {
      s.split = v.as<std::string>();
    } else if (key == "into") {
      for (const auto& name : string_list(v)) s.into.push_back(need_field(name, where));
    } else if (key == "name_order") {
      std::string order = v.as<std::string>();
      if (order != "last_first" && order != "first_last") {
        throw ProfileError(where + ": name_order is last_first or first_last");
      }
      s.last_first = order == "last_first";
    } else if (key == "map") {
      for (const auto& m : v) s.map[lower(m.first.as<std::string>())] = m.second.as<std::string>();
    } else if (key == "unmapped") {
      s.unmapped = v.as<std::string>();
      if (s.unmapped != "keep" && s.unmapped != "skip" && s.unmapped != "reject") {
        throw ProfileError(where + ": unmapped is keep, skip or reject");
      }
    } else if (key == "format") {
      s.format = v.as<std::string>();
    } else if (key == "zone") {
      s.zone = v.as<std::string>();
      if (s.zone != "ET" && s.zone != "UTC") throw ProfileError(where + ": zone is ET or UTC");
    } else if (key == "odds") {
      std::string odds = v.as<std::string>();
      if (odds != "decimal" && odds != "american" && odds != "auto") {
        throw ProfileError(where + ": odds is american, decimal or auto");
      }
      s.decimal_odds = odds == "decimal";
    } else {
      throw ProfileError(fmt::format("{}: unknown key '{}'", where, key));
    }
  }
  int sources = (!s.columns.empty()) + s.constant.has_value() + !s.file_name_regex.empty();
  if (sources != 1) {
    throw ProfileError(where + ": give exactly one of columns, const, file_name");
  }
  if (s.split == "matchup" && s.into.size() != 2) {
    throw ProfileError(where + ": split: matchup fills 'into: [home, away]'");
  }
  if (!s.split.empty() && s.into.size() < 2) {
    throw ProfileError(where + ": split needs 'into' with two or more fields");
  }
  if (!s.file_name_regex.empty()) {
    try {
      std::regex re(s.file_name_regex);
    } catch (const std::regex_error& e) {
      throw ProfileError(fmt::format("{}: bad file_name pattern: {}", where, e.what()));
    }
  }
  return s;
}

// Every field a profile fills: its own and those its splits fill.
std::set<Field> filled_fields(const Profile& p) {
  std::set<Field> out;
  for (const auto& [f, spec] : p.fields) {
    if (spec.split.empty()) {
      out.insert(f);
    } else {
      out.insert(spec.into.begin(), spec.into.end());
    }
  }
  return out;
}

}  // namespace

std::string_view field_name(Field f) {
  return kFieldNames[static_cast<size_t>(f)];
}

std::optional<Field> field_by_name(std::string_view name) {
  for (size_t i = 0; i < kFieldNames.size(); ++i) {
    if (kFieldNames[i] == name) return static_cast<Field>(i);
  }
  return std::nullopt;
}

std::string Profile::canonical_header() const {
  std::string out;
  for (Field f : order) {
    const FieldSpec& spec = fields.at(f);
    if (!spec.columns.empty()) out += (out.empty() ? "" : ",") + spec.columns.front();
  }
  return out;
}

Profile parse_profile(std::string_view yaml_text, const std::string& origin) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml_text));
  } catch (const YAML::Exception& e) {
    throw ProfileError(fmt::format("profile {}: not YAML: {}", origin, e.what()));
  }
  if (!root.IsMap()) throw ProfileError(fmt::format("profile {}: not a YAML map", origin));
  Profile p;
  p.origin = origin;
  try {
    p.name = root["name"] ? root["name"].as<std::string>() : "";
    p.target = root["target"] ? root["target"].as<std::string>() : "";
    if (root["description"]) p.description = trim(root["description"].as<std::string>());
    std::string where = fmt::format("profile {} ({})", p.name, origin);
    if (p.name.empty()) throw ProfileError(where + ": no name");
    if (!required_fields().count(p.target)) {
      throw ProfileError(
          fmt::format("{}: target '{}' is not prop_lines, games, injuries or player_boxscores",
                      where, p.target));
    }
    if (!root["fields"] || !root["fields"].IsMap()) throw ProfileError(where + ": no fields map");
    for (const auto& kv : root["fields"]) {
      std::string name = kv.first.as<std::string>();
      std::string fw = where + " field " + name;
      // A split's own key is a free label ("game"); any other key must be a field.
      FieldSpec spec = parse_field(kv.second, fw);
      Field f;
      if (!spec.split.empty()) {
        f = spec.into.front();
        if (p.fields.count(f)) throw ProfileError(fw + ": fills a field twice");
      } else {
        f = need_field(name, fw);
      }
      p.fields[f] = std::move(spec);
      p.order.push_back(f);
    }
    std::set<Field> filled = filled_fields(p);
    for (Field f : required_fields().at(p.target)) {
      bool ok = filled.count(f) > 0;
      if (f == Field::kGameDate && filled.count(Field::kTipoff)) ok = true;
      if (!ok) {
        throw ProfileError(
            fmt::format("{}: target {} needs field {}", where, p.target, field_name(f)));
      }
    }
    if (p.target == "prop_lines") {
      bool wide = filled.count(Field::kOverPrice) || filled.count(Field::kUnderPrice);
      bool long_shape = filled.count(Field::kSide) && filled.count(Field::kPrice);
      if (wide == long_shape) {
        throw ProfileError(where + ": prop_lines needs over_price/under_price or side and price");
      }
    }
  } catch (const YAML::Exception& e) {
    throw ProfileError(fmt::format("profile {}: {}", origin, e.what()));
  }
  return p;
}

Profile load_profile_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw ProfileError("cannot read profile " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_profile(ss.str(), path);
}

std::span<const Profile> builtin_profiles() {
  static const std::vector<Profile> profiles = [] {
    std::vector<Profile> out;
    for (const auto& e : embedded_profiles()) {
      out.push_back(parse_profile(e.text, std::string("built-in profiles/") + e.file));
      out.back().origin = "built-in";
    }
    std::sort(out.begin(), out.end(),
              [](const Profile& a, const Profile& b) { return a.name < b.name; });
    return out;
  }();
  return profiles;
}

ProfileMatch match_profile(const Profile& p, const std::vector<std::string>& header) {
  std::map<std::string, int> pos;
  for (size_t i = 0; i < header.size(); ++i) pos.emplace(lower(trim(header[i])), i);
  ProfileMatch m;
  std::set<int> used;
  for (const auto& [f, spec] : p.fields) {
    if (spec.columns.empty()) continue;
    if (!spec.optional) ++m.wanted;
    bool found = false;
    for (const auto& c : spec.columns) {
      auto it = pos.find(lower(c));
      if (it != pos.end()) {
        used.insert(it->second);
        found = true;
        break;
      }
    }
    if (!found && !spec.optional) {
      std::string alts;
      for (const auto& c : spec.columns) alts += (alts.empty() ? "" : "|") + c;
      m.missing.push_back(alts);
    }
  }
  m.covered = used.size();
  m.matched = m.missing.empty();
  return m;
}

ProfilePlan compile_profile(const Profile& p, const std::vector<std::string>& header,
                            const std::string& file_name) {
  ProfilePlan plan;
  plan.profile = &p;
  plan.fields.resize(static_cast<size_t>(Field::kCount));
  for (const auto& [f, spec] : p.fields) {
    FieldPlan fp;
    fp.spec = &spec;
    if (spec.constant) {
      fp.fixed = *spec.constant;
    } else if (!spec.file_name_regex.empty()) {
      std::smatch m;
      std::regex re(spec.file_name_regex);
      if (!std::regex_search(file_name, m, re)) {
        throw ProfileError(fmt::format("file name {} does not match the pattern '{}' of {}",
                                       file_name, spec.file_name_regex, field_name(f)));
      }
      for (size_t g = 1; g < m.size(); ++g) fp.fixed += (g > 1 ? " " : "") + m[g].str();
      if (m.size() == 1) fp.fixed = m[0].str();
    } else {
      for (const auto& c : spec.columns) {
        for (size_t i = 0; i < header.size() && fp.column < 0; ++i) {
          if (lower(trim(header[i])) == lower(c)) {
            fp.column = static_cast<int>(i);
            fp.column_name = header[i];
          }
        }
        if (fp.column >= 0) break;
      }
    }
    plan.fields[static_cast<size_t>(f)] = fp;
  }
  return plan;
}

}  // namespace nbaprops
