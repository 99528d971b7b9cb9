/* reqlens report page: sortable tables and the charts (Chart.js is inlined above). */
(function () {
  'use strict';

  function sortValue(td, numeric) {
    var v = td.hasAttribute('data-v') ? td.getAttribute('data-v') : td.textContent;
    if (numeric) {
      var n = parseFloat(v);
      return isNaN(n) ? -Infinity : n;
    }
    return v.toLowerCase();
  }

  function makeSortable(table) {
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (th, col) {
      th.addEventListener('click', function () {
        var numeric = th.classList.contains('num');
        var desc = th.classList.contains('asc') || (!th.classList.contains('desc') && numeric);
        Array.prototype.forEach.call(headers, function (h) { h.classList.remove('asc', 'desc'); });
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
      });
    });
  }

  document.querySelectorAll('table.sortable').forEach(makeSortable);

  var data = JSON.parse(document.getElementById('report-data').textContent);
  var palette = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777',
    '#4b5563'];
  Chart.defaults.animation = false;
  Chart.defaults.font.size = 12;

  function busiest(n) {
    return data.routes.slice().sort(function (a, b) { return b.requests - a.requests; }).slice(0, n);
  }

  var top = busiest(8);
  new Chart(document.getElementById('chart-latency'), {
    type: 'line',
    data: {
      labels: data.percentiles.map(function (p) { return p === 0 ? 'min' : p === 100 ? 'max' : 'p' + p; }),
      datasets: top.map(function (r, i) {
        return { label: r.name, data: r.curveMs.map(function (v) { return Math.max(v, 0.001); }),
          borderColor: palette[i % palette.length], backgroundColor: palette[i % palette.length],
          tension: 0.2, pointRadius: 2 };
      })
    },
    options: { maintainAspectRatio: false, scales: { y: { type: 'logarithmic',
      title: { display: true, text: 'ms' } } }, plugins: { legend: { position: 'right',
      labels: { boxWidth: 12 } } } }
  });

  var bucketLabels = data.bucketUpperMs.map(function (ms) {
    return '≤' + (ms >= 1000 ? ms / 1000 + 's' : ms + 'ms');
  });
  bucketLabels.push('>' + bucketLabels[bucketLabels.length - 1].substring(1));
  var select = document.getElementById('route-select');
  busiest(data.routes.length).forEach(function (r, i) {
    var o = document.createElement('option');
    o.value = String(data.routes.indexOf(r));
    o.textContent = r.name;
    select.appendChild(o);
  });
  var histogram = new Chart(document.getElementById('chart-histogram'), {
    type: 'bar',
    data: { labels: bucketLabels, datasets: [{ label: 'requests (estimated)', data: [],
      backgroundColor: '#2563eb' }] },
    options: { maintainAspectRatio: false, plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true, title: { display: true, text: 'requests' } } } }
  });
  function showRoute() {
    var r = data.routes[Number(select.value)];
    histogram.data.datasets[0].data = r ? r.buckets : [];
    histogram.update();
  }
  select.addEventListener('change', showRoute);
  showRoute();

  function label(ms) {
    var d = new Date(ms);
    return d.toISOString().substring(5, 16).replace('T', ' ') + 'Z';
  }
  new Chart(document.getElementById('chart-timeline'), {
    type: 'line',
    data: { labels: data.timeline.startMs.map(label), datasets: [
      { label: 'requests/min', data: data.timeline.requests, borderColor: '#2563eb',
        backgroundColor: 'rgba(37,99,235,0.15)', fill: true, pointRadius: 0, tension: 0.2 },
      { label: 'errors/min', data: data.timeline.errors, borderColor: '#dc2626',
        backgroundColor: '#dc2626', pointRadius: 0, tension: 0.2 }] },
    options: { maintainAspectRatio: false, interaction: { mode: 'index', intersect: false },
      scales: { y: { beginAtZero: true }, x: { ticks: { maxTicksLimit: 12 } } } }
  });
})();
