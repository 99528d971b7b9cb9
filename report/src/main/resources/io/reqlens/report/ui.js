/*
 * reqlens UI pieces shared by the static report (report --html, inlined) and the live dashboard
 * (serve, served as a file): number formats, sortable tables and the Chart.js charts. Needs
 * Chart.js loaded first for the chart functions. No inline styles: the dashboard's CSP forbids them.
 */
(function (root) {
  'use strict';

  function fixed(v, d) { return v.toFixed(d); }

  /** 850µs, 12.3ms, 1.24s, 2.5m: as the terminal report prints them. */
  function duration(ns) {
    if (ns === null || ns === undefined || ns < 0) { return '-'; }
    if (ns < 1e6) { return Math.floor(ns / 1000) + 'µs'; }
    if (ns < 1e9) { var ms = ns / 1e6; return ms < 100 ? fixed(ms, 1) + 'ms' : fixed(ms, 0) + 'ms'; }
    var s = ns / 1e9;
    if (s < 120) { return s < 10 ? fixed(s, 2) + 's' : fixed(s, 1) + 's'; }
    return fixed(s / 60, 1) + 'm';
  }

  function count(n) {
    if (n === null || n === undefined || isNaN(n)) { return '-'; }
    if (n < 10000) { return n === Math.round(n) ? String(n) : fixed(n, 1); }
    if (n < 1e7) { return fixed(n / 1e3, 1) + 'K'; }
    return fixed(n / 1e6, 1) + 'M';
  }

  function grouped(n) { return (n === null || n === undefined) ? '-' : Number(n).toLocaleString('en-US'); }

  function bytes(b) {
    if (b === null || b === undefined || isNaN(b)) { return '-'; }
    if (b < 1024) { return fixed(b, 0) + 'B'; }
    if (b < 1048576) { return fixed(b / 1024, 1) + 'K'; }
    if (b < 1073741824) { return fixed(b / 1048576, 1) + 'M'; }
    return fixed(b / 1073741824, 1) + 'G';
  }

  function pct(p) { return (p === null || p === undefined || isNaN(p)) ? '-' : fixed(p, 1); }

  /** yyyy-MM-dd HH:mm:ss in UTC (the API's times are epoch nanoseconds). */
  function time(ns) {
    if (!ns) { return '-'; }
    return new Date(ns / 1e6).toISOString().substring(0, 19).replace('T', ' ');
  }

  function sortValue(td, numeric) {
    var v = td.hasAttribute('data-v') ? td.getAttribute('data-v') : td.textContent;
    if (numeric) { var n = parseFloat(v); return isNaN(n) ? -Infinity : n; }
    return v.toLowerCase();
  }

  /** Sorts the body of {@code table} by column {@code col}; cells may carry data-v. */
  function sortBy(table, col, desc) {
    var th = table.tHead.rows[0].cells[col];
    var numeric = th.classList.contains('num');
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) {
      h.classList.remove('asc', 'desc');
    });
    th.classList.add(desc ? 'desc' : 'asc');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = sortValue(a.cells[col], numeric);
      var y = sortValue(b.cells[col], numeric);
      var c = x < y ? -1 : x > y ? 1 : 0;
      return desc ? -c : c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }

  /** Click a header to sort (numbers descending first); {@code onSort(col, desc)} is told. */
  function sortable(table, onSort) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      th.title = 'Click to sort';
      th.addEventListener('click', function () {
        var numeric = th.classList.contains('num');
        var desc = th.classList.contains('asc') || (!th.classList.contains('desc') && numeric);
        sortBy(table, col, desc);
        if (onSort) { onSort(col, desc); }
      });
    });
  }

  var palette = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777',
    '#4b5563'];

  function chartDefaults() {
    Chart.defaults.animation = false;
    Chart.defaults.font.size = 12;
  }

  function percentileLabel(p) { return p === 0 ? 'min' : p === 100 ? 'max' : 'p' + p; }

  /** Latency percentile curves (ms, log scale) of routes [{name, curveMs}]. */
  function latencyCurves(canvas, percentiles, routes) {
    chartDefaults();
    var chart = new Chart(canvas, {
      type: 'line',
      data: { labels: percentiles.map(percentileLabel), datasets: [] },
      options: { maintainAspectRatio: false, scales: { y: { type: 'logarithmic',
        title: { display: true, text: 'ms' } } }, plugins: { legend: { position: 'right',
        labels: { boxWidth: 12 } } } }
    });
    setLatencyCurves(chart, routes);
    return chart;
  }

  function setLatencyCurves(chart, routes) {
    chart.data.datasets = routes.map(function (r, i) {
      return { label: r.name, data: r.curveMs.map(function (v) { return Math.max(v, 0.001); }),
        borderColor: palette[i % palette.length], backgroundColor: palette[i % palette.length],
        tension: 0.2, pointRadius: 2 };
    });
    chart.update();
  }

  /** Requests per latency bucket; bucketUpperMs are the upper bounds (last bucket: above). */
  function histogram(canvas, bucketUpperMs) {
    chartDefaults();
    var labels = bucketUpperMs.map(function (ms) {
      return '≤' + (ms >= 1000 ? ms / 1000 + 's' : ms + 'ms');
    });
    labels.push('>' + labels[labels.length - 1].substring(1));
    return new Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: [{ label: 'requests (estimated)', data: [],
        backgroundColor: '#2563eb' }] },
      options: { maintainAspectRatio: false, plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, title: { display: true, text: 'requests' } } } }
    });
  }

  function setHistogram(chart, buckets) {
    chart.data.datasets[0].data = buckets || [];
    chart.update();
  }

  function minuteLabel(ms) {
    return new Date(ms).toISOString().substring(5, 16).replace('T', ' ') + 'Z';
  }

  /** Lines over time: series [{label, data, color, fill}] against startMs. */
  function timeSeries(canvas, startMs, series, yTitle) {
    chartDefaults();
    var chart = new Chart(canvas, {
      type: 'line',
      data: { labels: [], datasets: [] },
      options: { maintainAspectRatio: false, interaction: { mode: 'index', intersect: false },
        scales: { y: { beginAtZero: true, title: { display: !!yTitle, text: yTitle || '' } },
          x: { ticks: { maxTicksLimit: 12 } } } }
    });
    setTimeSeries(chart, startMs, series);
    return chart;
  }

  function setTimeSeries(chart, startMs, series) {
    chart.data.labels = startMs.map(minuteLabel);
    chart.data.datasets = series.map(function (s) {
      return { label: s.label, data: s.data, borderColor: s.color,
        backgroundColor: s.fill ? s.color.replace('rgb(', 'rgba(').replace(')', ',0.15)') : s.color,
        fill: !!s.fill, pointRadius: s.points ? 2 : 0, spanGaps: !!s.points, tension: 0.2 };
    });
    chart.update();
  }

  /** Requests and errors per minute, from the report's timeline. */
  function loadSeries(timeline) {
    return [
      { label: 'requests/min', data: timeline.requests, color: 'rgb(37,99,235)', fill: true },
      { label: 'errors/min', data: timeline.errors, color: 'rgb(220,38,38)' }];
  }

  root.Reqlens = root.Reqlens || {};
  var R = root.Reqlens;
  R.fmt = { duration: duration, count: count, grouped: grouped, bytes: bytes, pct: pct, time: time };
  R.sortable = sortable;
  R.sortBy = sortBy;
  R.charts = { latencyCurves: latencyCurves, setLatencyCurves: setLatencyCurves,
    histogram: histogram, setHistogram: setHistogram, timeSeries: timeSeries,
    setTimeSeries: setTimeSeries, loadSeries: loadSeries };
})(window);
