/* reqlens serve: the errors page and the comparison of versions or windows. */
window.Reqlens.dash.define(function (R, F, D, h) {
  'use strict';

  // ---- errors and compare --------------------------------------------------------------------

  function errorsPage() {
    document.getElementById('nav-errors').classList.add('here');
    D.clear(D.app);
    var head = h('div');
    var charts = h('section', { id: 'charts' }, [h('div', { cls: 'grid' }, [D.chartBox('chart-timeline', 'Requests and errors per minute (estimated)', true)])]);
    var types = D.section('exception-types-section', 'Exceptions by type');
    var recent = D.section('errors-section', 'Recent errors', 'Newest first (100 at most); open a row for the first frames, the trace for the whole request.');
    [head, charts, types.el, recent.el].forEach(function (e) { D.app.appendChild(e); });
    D.poll('/api/v1/errors', function (doc) {
      var t = doc.report.totals;
      D.clear(head).appendChild(h('div', { cls: 'title-row' }, [h('h1', { text: 'Errors' }), h('span', { cls: 'sub', text: D.windowNote(doc.window) })]));
      head.appendChild(D.cards([['Failed requests', F.grouped(t.errors)], ['Error rate', F.pct(t.error_pct) + '%'], ['Types', String(doc.report.exception_types.length)]]));
      if (!D.state.charts.timeline) {
        D.state.charts.timeline = R.charts.timeSeries(document.getElementById('chart-timeline'), doc.charts.timeline.startMs, R.charts.loadSeries(doc.charts.timeline));
      } else {
        R.charts.setTimeSeries(D.state.charts.timeline, doc.charts.timeline.startMs, R.charts.loadSeries(doc.charts.timeline));
      }
      D.clear(types.body).appendChild(D.table('exception-types', [
        { title: 'Exception type', cell: function (c) { return h('code', { text: c.type }); } },
        { title: 'Count', num: true, cell: function (c) { return String(c.count); }, sort: function (c) { return c.count; } }], doc.report.exception_types));
      D.clear(recent.body).appendChild(D.table('recent-errors', D.errorColumns(), doc.report.recent_errors));
    }, D.reportVersion);
  }

  function comparePage(params) {
    document.getElementById('nav-compare').classList.add('here');
    D.clear(D.app);
    var head = h('div', {}, [h('h1', { text: 'Compare' })]);
    var a = h('select', { id: 'version-a' });
    var b = h('select', { id: 'version-b' });
    var win = h('input', { id: 'compare-window', type: 'text', value: params.get('windows') || '1h', size: '6' });
    var byVersions = h('button', { type: 'button', text: 'compare versions' });
    var byWindows = h('button', { type: 'button', text: 'compare windows' });
    var controls = h('div', { cls: 'toolbar' }, ['versions A ', a, ' B ', b, byVersions, ' · last ', win, ' against the one before ', byWindows]);
    var result = D.section('compare-section', 'Per route');
    [head, controls, result.el].forEach(function (e) { D.app.appendChild(e); });
    byVersions.addEventListener('click', function () { location.search = '?versions=' + encodeURIComponent(a.value + ',' + b.value); });
    byWindows.addEventListener('click', function () { location.search = '?windows=' + encodeURIComponent(win.value); });
    D.getJson('/api/v1/status').then(function (r) {
      var versions = Object.keys(r.body.versions).filter(function (v) { return v !== 'null'; });
      var chosen = (params.get('versions') || '').split(',');
      [a, b].forEach(function (sel, i) {
        versions.forEach(function (v) { sel.appendChild(h('option', { value: v, text: v })); });
        sel.value = chosen[i] || versions[Math.max(0, versions.length - 2 + i)] || '';
      });
    });
    var q = params.get('versions') ? '?versions=' + encodeURIComponent(params.get('versions')) : params.get('windows') ? '?windows=' + encodeURIComponent(params.get('windows')) : '';
    D.poll('/api/v1/compare' + q, function (doc, status) {
      if (status !== 200) { D.clear(result.body).appendChild(h('p', { cls: 'error-box', text: doc.error })); return; }
      var c = doc.report.compare;
      result.el.querySelector('h2').textContent = 'A = ' + c.a + ', B = ' + c.b + ' (' + c.mode + ')';
      D.clear(result.body).appendChild(D.table('compare', [
        { title: 'Route', cell: function (x) { return D.routeName(x); } },
        { title: 'Requests A', num: true, cell: function (x) { return String(x.requests_a); }, sort: function (x) { return x.requests_a; } },
        { title: 'Requests B', num: true, cell: function (x) { return String(x.requests_b); }, sort: function (x) { return x.requests_b; } },
        { title: 'p50 A', num: true, cell: function (x) { return F.duration(x.p50_a_ns); }, sort: function (x) { return x.p50_a_ns; } },
        { title: 'p50 B', num: true, cell: function (x) { return F.duration(x.p50_b_ns); }, sort: function (x) { return x.p50_b_ns; } },
        { title: 'p95 A', num: true, cell: function (x) { return F.duration(x.p95_a_ns); }, sort: function (x) { return x.p95_a_ns; } },
        { title: 'p95 B', num: true, cell: function (x) { return F.duration(x.p95_b_ns); }, sort: function (x) { return x.p95_b_ns; } },
        { title: 'Error % A', num: true, cell: function (x) { return F.pct(x.error_pct_a); }, sort: function (x) { return x.error_pct_a; } },
        { title: 'Error % B', num: true, cell: function (x) { return F.pct(x.error_pct_b); }, sort: function (x) { return x.error_pct_b; } },
        { title: 'p-value', num: true, cell: function (x) { return x.p_value === null ? '-' : x.p_value.toPrecision(2); }, sort: function (x) { return x.p_value; } },
        { title: 'Verdict', cell: function (x) {
          if (x.p_value === null) { return 'too few requests'; }
          if (!x.significant) { return 'no significant change'; }
          return h('span', { cls: x.p50_b_ns > x.p50_a_ns ? 'bad' : '', text: x.p50_b_ns > x.p50_a_ns ? 'B slower' : 'B faster' });
        } }], c.routes));
      result.body.appendChild(h('p', { cls: 'note', text: 'Test: ' + c.test + '.' }));
    }, function (doc) { return doc.window ? doc.window.data_version : doc.error; });
  }


  D.pages.errors = errorsPage;
  D.pages.compare = comparePage;
});
