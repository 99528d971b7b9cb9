/*
 * reqlens report page: sortable tables, the charts and the hot code's flame graphs (ui.js,
 * Chart.js and flamegraph.js, shared with reqlens serve, are inlined above).
 */
(function () {
  'use strict';
  var R = window.Reqlens;

  document.querySelectorAll('table.sortable').forEach(function (t) { R.sortable(t); });

  var data = JSON.parse(document.getElementById('report-data').textContent);

  function busiest(n) {
    return data.routes.slice().sort(function (a, b) { return b.requests - a.requests; }).slice(0, n);
  }

  R.charts.latencyCurves(document.getElementById('chart-latency'), data.percentiles, busiest(8));

  var select = document.getElementById('route-select');
  busiest(data.routes.length).forEach(function (r) {
    var o = document.createElement('option');
    o.value = String(data.routes.indexOf(r));
    o.textContent = r.name;
    select.appendChild(o);
  });
  var histogram = R.charts.histogram(document.getElementById('chart-histogram'), data.bucketUpperMs);
  function showRoute() {
    var r = data.routes[Number(select.value)];
    R.charts.setHistogram(histogram, r ? r.buckets : []);
  }
  select.addEventListener('change', showRoute);
  showRoute();

  R.charts.timeSeries(document.getElementById('chart-timeline'), data.timeline.startMs,
    R.charts.loadSeries(data.timeline));

  // Each <div class="flamegraph" data-flame="hotCode/N"> (or slowestProfiles/N) draws its tree.
  var hot = JSON.parse(document.getElementById('hot-code-data').textContent);
  document.querySelectorAll('div.flamegraph[data-flame]').forEach(function (box) {
    var at = box.getAttribute('data-flame').split('/');
    var entry = (hot[at[0]] || [])[Number(at[1])];
    if (entry) {
      R.flameGraph(box, entry.tree);
    }
  });
})();
