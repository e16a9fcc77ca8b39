// The nbaprops report: renders window.NBAPROPS (data.js, written by `nbaprops publish`).
// Opens from disk (file://): no fetch, no server. Charts use Chart.js (chart.min.js beside
// this file). For the browser test, #page-check holds the board's row count and any errors.
(function () {
  "use strict";
  var errors = [];
  window.addEventListener("error", function (e) { errors.push(String(e.message)); report(); });

  function report() {
    var check = document.getElementById("page-check");
    var rows = document.querySelectorAll("#board tbody tr").length;
    check.setAttribute("data-rows", String(rows));
    check.setAttribute("data-errors", String(errors.length));
    check.textContent = "rows=" + rows + " errors=" + errors.length + (errors.length ? " " + errors.join(" | ") : "");
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function fmt(v, digits, signed) {
    if (v === null || v === undefined) return "-";
    var s = Number(v).toFixed(digits);
    return signed && v > 0 ? "+" + s : s;
  }
  function price(v) { return v === null || v === undefined ? "-" : (v > 0 ? "+" + v : String(v)); }

  // A table from column definitions {title, value(row) -> sortable, text(row), num, cls(row)}.
  function table(id, columns, rows, rowClass) {
    var t = document.getElementById(id);
    var head = t.querySelector("thead"), body = t.querySelector("tbody");
    head.innerHTML = ""; body.innerHTML = "";
    var tr = el("tr");
    columns.forEach(function (c, i) {
      var th = el("th", null, c.title);
      th.addEventListener("click", function () { sortBy(i, th); });
      tr.appendChild(th);
    });
    head.appendChild(tr);
    var state = { col: -1, dir: 1 };
    function render(list) {
      body.innerHTML = "";
      list.forEach(function (r) {
        var row = el("tr", rowClass ? { "class": rowClass(r) } : null);
        columns.forEach(function (c) {
          var td = el("td", c.num ? { "class": "num" } : (c.nowrap ? { "class": "nowrap" } : null));
          var content = c.text ? c.text(r) : c.value(r);
          if (content instanceof Node) td.appendChild(content); else td.textContent = content === null || content === undefined ? "-" : String(content);
          if (c.cls) td.classList.add(c.cls(r));
          row.appendChild(td);
        });
        body.appendChild(row);
      });
    }
    function sortBy(i, th) {
      state.dir = state.col === i ? -state.dir : 1;
      state.col = i;
      head.querySelectorAll("th").forEach(function (h) { h.classList.remove("sorted-asc", "sorted-desc"); });
      th.classList.add(state.dir > 0 ? "sorted-asc" : "sorted-desc");
      var c = columns[i];
      var sorted = rows.slice().sort(function (a, b) {
        var x = c.value(a), y = c.value(b);
        if (x === y) return 0;
        if (x === null || x === undefined) return 1;
        if (y === null || y === undefined) return -1;
        return (x < y ? -1 : 1) * state.dir;
      });
      render(sorted);
      report();
    }
    render(rows);
  }

  function reasonsList(reasons) {
    var ul = el("ul", { "class": "reasons" });
    (reasons || []).forEach(function (r) { ul.appendChild(el("li", null, r)); });
    return ul;
  }

  function board(data) {
    var picks = data.picks.picks;
    document.getElementById("board-empty").hidden = picks.length > 0;
    table("board", [
      { title: "#", value: function (p) { return p.rank; }, num: true },
      { title: "Player", value: function (p) { return p.player_name; } },
      { title: "Game", value: function (p) { return p.matchup; }, nowrap: true },
      { title: "Tip-off", value: function (p) { return p.tipoff_utc; }, text: function (p) { return p.tipoff_et || "-"; }, nowrap: true },
      { title: "Market", value: function (p) { return p.market; } },
      { title: "Book", value: function (p) { return p.bookmaker; } },
      { title: "Line", value: function (p) { return p.line; }, text: function (p) { return fmt(p.line, 1); }, num: true },
      { title: "Price", value: function (p) { return p.price; }, text: function (p) { return price(p.price); }, num: true },
      { title: "Pred", value: function (p) { return p.predicted; }, text: function (p) { return fmt(p.predicted, 1); }, num: true },
      { title: "Edge", value: function (p) { return Math.abs(p.edge); }, text: function (p) { return fmt(p.edge, 1, true); }, num: true },
      { title: "Conf", value: function (p) { return p.confidence; }, text: function (p) { return fmt(p.confidence, 0); }, num: true },
      { title: "P(over)", value: function (p) { return p.p_over; }, text: function (p) { return fmt(p.p_over, 2); }, num: true },
      { title: "EV", value: function (p) { return p.expected_value; }, text: function (p) { return fmt(p.expected_value, 3, true); }, num: true },
      { title: "Pick", value: function (p) { return p.status === "ACTIVE" ? p.side : "VOID"; }, cls: function (p) { return p.side; } },
      { title: "System", value: function (p) { return p.system_id; } },
      { title: "Reasons", value: function (p) { return p.reasons.join(" "); },
        text: function (p) { return p.status === "ACTIVE" ? reasonsList(p.reasons) : "voided: " + (p.void_reason || ""); } }
    ], picks, function (p) { return p.status; });
  }

  function chartsOn() { return typeof Chart !== "undefined"; }

  function cards(data) {
    var box = document.getElementById("cards");
    if (!data.cards.length) { box.appendChild(el("p", { "class": "muted" }, "No active picks.")); return; }
    data.cards.forEach(function (c, i) {
      var card = el("div", { "class": "card" });
      card.appendChild(el("h3", null, "#" + c.rank + " " + c.player_name + " (" + c.matchup + "): " + c.side + " " + fmt(c.line, 1) + " " + c.market));
      var charts = el("div", { "class": "charts" });
      var games = el("div"), zones = el("div");
      var gc = el("canvas", { id: "games-" + i }), zc = el("canvas", { id: "zones-" + i });
      games.appendChild(gc); zones.appendChild(zc);
      charts.appendChild(games); charts.appendChild(zones);
      card.appendChild(charts);
      card.appendChild(reasonsList(c.reasons));
      if (c.factors) {
        var f = c.factors, parts = [];
        [["fatigue", "fatigue_score"], ["shot-zone mismatch", "shot_zone_mismatch_score"], ["pace", "pace_score"],
         ["usage spike", "usage_spike_score"], ["travel", "travel_impact_score"], ["total adjustment", "total_composite_adjustment"]]
          .forEach(function (k) { if (f[k[1]] !== null && f[k[1]] !== undefined) parts.push(k[0] + " " + fmt(f[k[1]], 1)); });
        card.appendChild(el("p", { "class": "muted" }, "Tonight's factors: " + parts.join(", ")));
      }
      box.appendChild(card);
      if (!chartsOn()) return;
      var last = c.last_games.slice().reverse();
      new Chart(gc, {
        data: {
          labels: last.map(function (g) { return g.date.slice(5) + " " + (g.opponent || ""); }),
          datasets: [
            { type: "bar", label: "points", data: last.map(function (g) { return g.points; }),
              backgroundColor: last.map(function (g) { return g.line === null ? "#98a2b3" : (g.points > g.line ? "#32d583" : "#f97066"); }) },
            { type: "line", label: "line", data: last.map(function (g) { return g.line; }), borderColor: "#14213d", pointRadius: 2, spanGaps: true }
          ]
        },
        options: { maintainAspectRatio: false, plugins: { title: { display: true, text: "Last " + last.length + " games vs the line" } } }
      });
      if (c.shot_zones) {
        var z = c.shot_zones;
        new Chart(zc, {
          type: "doughnut",
          data: { labels: ["paint", "mid-range", "three"],
                  datasets: [{ data: [z.paint_rate_last_10, z.mid_range_rate_last_10, z.three_pt_rate_last_10],
                               backgroundColor: ["#2e90fa", "#fdb022", "#9e77ed"] }] },
          options: { maintainAspectRatio: false, plugins: { title: { display: true, text: "Shot zones, last 10" }, legend: { position: "bottom" } } }
        });
      }
    });
  }

  function results(data) {
    var day = document.getElementById("day-results");
    if (data.results) {
      var r = data.results.record;
      day.appendChild(el("p", null, data.date + ": " + r.wins + "-" + r.losses + "-" + r.pushes +
        (r.voided ? ", " + r.voided + " void" : "") + (r.pending ? ", " + r.pending + " pending" : "") +
        ", profit " + fmt(r.profit, 2, true) + " units"));
    } else {
      day.appendChild(el("p", { "class": "muted" }, "Results of " + data.date + " appear once its games are graded."));
    }
    var h = data.history;
    table("history", [
      { title: "Date", value: function (d) { return d.date; } },
      { title: "W-L-P", value: function (d) { return d.wins; }, text: function (d) { return d.wins + "-" + d.losses + "-" + d.pushes; } },
      { title: "Void", value: function (d) { return d.voided; }, num: true },
      { title: "Pending", value: function (d) { return d.pending; }, num: true },
      { title: "Profit", value: function (d) { return d.profit; }, text: function (d) { return fmt(d.profit, 2, true); }, num: true },
      { title: "Cumulative", value: function (d) { return d.cumulative_profit; }, text: function (d) { return fmt(d.cumulative_profit, 2, true); }, num: true }
    ], h.slice().reverse());
    if (!chartsOn() || !h.length) return;
    new Chart(document.getElementById("profit-chart"), {
      type: "line",
      data: { labels: h.map(function (d) { return d.date; }),
              datasets: [{ label: "cumulative profit (units)", data: h.map(function (d) { return d.cumulative_profit; }),
                           borderColor: "#2e90fa", backgroundColor: "rgba(46,144,250,.15)", fill: true, pointRadius: 1 }] },
      options: { maintainAspectRatio: false }
    });
  }

  function performance(data) {
    var health = {};
    data.health.systems.forEach(function (s) { health[s.system_id + "/" + s.market] = s; });
    function w(s, win, key, d, signed) { return fmt(s[win][key], d, signed); }
    table("performance", [
      { title: "System", value: function (s) { return s.system_id; } },
      { title: "Market", value: function (s) { return s.market; } },
      { title: "State", value: function (s) { var h = health[s.system_id + "/" + s.market]; return h ? h.state : null; },
        text: function (s) { var h = health[s.system_id + "/" + s.market]; return h ? el("span", { "class": "state " + h.state }, h.state) : "-"; } },
      { title: "7d hit %", value: function (s) { return s["7d"].hit_rate; }, text: function (s) { return w(s, "7d", "hit_rate", 1); }, num: true },
      { title: "30d hit %", value: function (s) { return s["30d"].hit_rate; }, text: function (s) { return w(s, "30d", "hit_rate", 1); }, num: true },
      { title: "Season hit %", value: function (s) { return s.season.hit_rate; }, text: function (s) { return w(s, "season", "hit_rate", 1); }, num: true },
      { title: "Season bets", value: function (s) { return s.season.recommendations; }, num: true },
      { title: "Season ROI %", value: function (s) { return s.season.roi; }, text: function (s) { return w(s, "season", "roi", 1, true); }, num: true },
      { title: "MAE vs line", value: function (s) { return s.season.mae_vs_line; }, text: function (s) { return w(s, "season", "mae_vs_line", 2, true); }, num: true }
    ], data.performance.systems);
    var f = data.performance.filters.season || {};
    var names = Object.keys(f).sort();
    table("filters", [
      { title: "Filter or cap", value: function (n) { return n; } },
      { title: "Removed", value: function (n) { return f[n].wins + f[n].losses + f[n].pushes + f[n].voided + f[n].pending; }, num: true },
      { title: "W-L-P", value: function (n) { return f[n].wins; }, text: function (n) { return f[n].wins + "-" + f[n].losses + "-" + f[n].pushes; } },
      { title: "Hit %", value: function (n) { return f[n].hit_rate; }, text: function (n) { return fmt(f[n].hit_rate, 1); }, num: true },
      { title: "ROI %", value: function (n) { return f[n].roi; }, text: function (n) { return fmt(f[n].roi, 1, true); }, num: true }
    ], names);
    if (!chartsOn()) return;
    var colors = ["#2e90fa", "#f79009", "#12b76a", "#9e77ed", "#f04438", "#667085"];
    var datasets = data.health.systems.map(function (s, i) {
      var byP = s.calibration.basis === "p_over";
      return { label: s.system_id + " (" + s.market + ")", showLine: true, borderColor: colors[i % colors.length],
               backgroundColor: colors[i % colors.length],
               data: s.calibration.bins.map(function (b) { return { x: byP ? b.predicted : (b.bin - 0.5) / 10, y: b.observed }; }) };
    });
    datasets.push({ label: "perfect", data: [{ x: 0, y: 0 }, { x: 1, y: 1 }], showLine: true, borderDash: [4, 4], borderColor: "#98a2b3", pointRadius: 0 });
    new Chart(document.getElementById("calibration-chart"), {
      type: "scatter", data: { datasets: datasets },
      options: { maintainAspectRatio: false,
                 scales: { x: { min: 0, max: 1, title: { display: true, text: "P(over) when known, else confidence decile midpoint / 100" } },
                           y: { min: 0, max: 1, title: { display: true, text: "observed hit rate" } } } }
    });
  }

  function status(data) {
    table("status", [
      { title: "Phase", value: function (p) { return p.phase; }, num: true },
      { title: "Processor", value: function (p) { return p.processor; } },
      { title: "Latest date", value: function (p) { return p.latest_date; } },
      { title: "Status", value: function (p) { return p.latest_status; } },
      { title: "Ran for " + data.date, value: function (p) { return p.ran_for_date ? "yes" : "no"; } },
      { title: "Age (h)", value: function (p) { return p.age_hours; }, text: function (p) { return fmt(p.age_hours, 1); }, num: true }
    ], data.status.processors);
  }

  function main() {
    var data = window.NBAPROPS;
    if (!data) throw new Error("data.js missing: run nbaprops publish");
    if (chartsOn()) { Chart.defaults.animation = false; }
    document.getElementById("date").textContent = data.date;
    var active = data.picks.active, games = data.games.length;
    document.getElementById("summary").textContent = active + " picks, " + games + " games; generated " + data.generated_at +
      (chartsOn() ? "" : " (charts unavailable: chart.min.js missing)");
    board(data);
    cards(data);
    results(data);
    performance(data);
    status(data);
  }

  try { main(); } catch (e) { errors.push(String(e && e.message ? e.message : e)); }
  report();
})();
