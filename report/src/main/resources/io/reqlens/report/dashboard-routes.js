/* reqlens serve: the overview and a route's page (dashboard.js has the common parts). */
window.Reqlens.dash.define(function (R, F, D, h) {
  'use strict';

  /** An estimated count with its interval when the report gives one and it is not a point. */
  function estimate(x) {
    var est = F.count(Math.round(x.estimated_requests));
    var lo = x.estimated_requests_low;
    var hi = x.estimated_requests_high;
    if (lo === undefined || lo === null || hi === null || Math.round(lo) === Math.round(hi)) { return est; }
    return est + ' (' + F.count(Math.round(lo)) + '–' + F.count(Math.round(hi)) + ')';
  }

  // ---- overview ------------------------------------------------------------------------------

  function overview() {
    document.getElementById('nav-overview').classList.add('here');
    D.clear(D.app);
    var head = h('div');
    var hl = D.section('highlights', 'Highlights');
    var routes = D.section('routes-section', 'Routes', 'Click a route for its page, a header to sort. Requests: kept; estimated (with its interval), error %, percentiles and means re-weighted by 1/sample_rate.');
    var filter = h('input', { type: 'search', id: 'route-filter', placeholder: 'filter routes', value: D.state.filter });
    routes.el.insertBefore(h('div', { cls: 'toolbar' }, [filter]), routes.body);
    var charts = h('section', { id: 'charts' }, [h('h2', { text: 'Latency and load' }), h('div', { cls: 'grid' }, [
      D.chartBox('chart-latency', 'Latency percentiles per route (ms, log scale; busiest 8)'),
      D.chartBox('chart-timeline', 'Requests and errors per minute (estimated)')])]);
    var slowest = D.section('slowest-section', 'Slowest requests', 'Open one for its queries, exception and profile.');
    var errors = D.section('errors-section', 'Recent errors');
    var nplus = D.section('n-plus-one-section', 'N+1 suspects');
    var queries = D.section('queries-section', 'Queries by total time');
    [head, hl.el, routes.el, charts, slowest.el, errors.el, nplus.el, queries.el].forEach(function (e) { D.app.appendChild(e); });
    var last = null;
    filter.addEventListener('input', function () { D.state.filter = filter.value; if (last) { drawRoutes(last); } });

    function drawRoutes(doc) {
      var rep = doc.report;
      var nByRoute = {};
      rep.n_plus_one.forEach(function (n) {
        var k = n.method + ' ' + n.route;
        nByRoute[k] = Math.max(nByRoute[k] || 0, n.max_repeats);
      });
      var f = D.state.filter.toLowerCase();
      var rows = rep.routes.filter(function (r) { return D.routeName(r).toLowerCase().indexOf(f) >= 0; });
      D.clear(routes.body).appendChild(D.table('routes', [
        { title: 'Route', cell: function (r) {
          var k = r.method + ' ' + r.route;
          return h('span', {}, [D.link(D.routeHref(r), D.routeName(r)), nByRoute[k] ? h('span', { cls: 'badge warn', text: 'N+1 ×' + nByRoute[k] }) : null]);
        }, sort: function (r) { return D.routeName(r); } },
        { title: 'Requests', num: true, cell: function (r) { return F.grouped(r.requests); }, sort: function (r) { return r.requests; } },
        { title: 'Estimated', num: true, cell: function (r) { return estimate(r); }, sort: function (r) { return r.estimated_requests; } },
        { title: 'Error %', num: true, cell: function (r) { return F.pct(r.error_pct); }, sort: function (r) { return r.error_pct; } },
        { title: 'p50', num: true, cell: function (r) { return F.duration(r.p50_ns); }, sort: function (r) { return r.p50_ns; } },
        { title: 'p95', num: true, cell: function (r) { return F.duration(r.p95_ns); }, sort: function (r) { return r.p95_ns; } },
        { title: 'p99', num: true, cell: function (r) { return F.duration(r.p99_ns); }, sort: function (r) { return r.p99_ns; } },
        { title: 'Max', num: true, cell: function (r) { return F.duration(r.max_ns); }, sort: function (r) { return r.max_ns; } },
        { title: 'Queries/req', num: true, cell: function (r) { return r.mean_queries.toFixed(1); }, sort: function (r) { return r.mean_queries; } },
        { title: 'N+1 ×', num: true, cell: function (r) { var n = nByRoute[r.method + ' ' + r.route]; return n ? String(n) : '-'; }, sort: function (r) { return nByRoute[r.method + ' ' + r.route] || 0; } },
        { title: 'DB %', num: true, cell: function (r) { return F.pct(r.db_share_pct); }, sort: function (r) { return r.db_share_pct; } }
      ], rows));
    }

    D.poll('/api/v1/overview', function (doc) {
      last = doc;
      var rep = doc.report;
      var t = rep.totals;
      D.clear(head).appendChild(h('div', { cls: 'title-row' }, [h('h1', { text: 'Overview' }),
        h('span', { cls: 'sub', text: D.windowNote(doc.window) + (t.filters ? ' · filter: ' + t.filters : '') })]));
      head.appendChild(D.cards([['Requests', F.grouped(t.requests)], ['Estimated', estimate(t)],
        ['Errors', F.pct(t.error_pct) + '%'], ['Routes', String(t.routes)],
        ['Slowest p95', rep.routes.length ? F.duration(Math.max.apply(null, rep.routes.map(function (r) { return r.p95_ns; }))) : '-']]));
      var hi = rep.highlights;
      var dl = h('dl', { cls: 'highlights' });
      function item(term, node) { dl.appendChild(h('dt', { text: term })); dl.appendChild(h('dd', {}, [node])); }
      var slow = rep.routes.filter(function (r) { return D.routeName(r) === hi.slowest_route_p95; })[0];
      item('Slowest route (p95)', slow ? h('span', {}, [D.link(D.routeHref(slow), D.routeName(slow)), ' p95 ' + F.duration(slow.p95_ns)]) : h('span', { text: 'none' }));
      item('Costliest query', h('code', { text: hi.costliest_query || 'none' }));
      item('N+1 suspect', h('span', { text: hi.n_plus_one_route || 'none' }));
      item('Latest error', hi.latest_error_trace_id ? D.link(D.requestHref(hi.latest_error_trace_id), hi.latest_error_trace_id) : h('span', { text: 'none' }));
      D.clear(hl.body).appendChild(dl);
      drawRoutes(doc);
      var busiest = doc.charts.routes.slice().sort(function (a, b) { return b.requests - a.requests; }).slice(0, 8);
      if (!D.state.charts.latency) {
        D.state.charts.latency = R.charts.latencyCurves(document.getElementById('chart-latency'), doc.charts.percentiles, busiest);
        D.state.charts.timeline = R.charts.timeSeries(document.getElementById('chart-timeline'), doc.charts.timeline.startMs, R.charts.loadSeries(doc.charts.timeline));
      } else {
        R.charts.setLatencyCurves(D.state.charts.latency, busiest);
        R.charts.setTimeSeries(D.state.charts.timeline, doc.charts.timeline.startMs, R.charts.loadSeries(doc.charts.timeline));
      }
      D.clear(slowest.body).appendChild(D.table('slowest', D.requestColumns(), rep.slowest));
      D.clear(errors.body).appendChild(D.table('recent-errors', D.errorColumns(), rep.recent_errors.slice(0, 10)));
      D.clear(nplus.body).appendChild(D.table('n-plus-one', D.nPlusOneColumns(), rep.n_plus_one));
      D.clear(queries.body).appendChild(D.table('queries', D.queryColumns(), rep.queries.by_total_time));
    }, D.reportVersion);
  }

  // ---- route page ----------------------------------------------------------------------------

  function routePage(params) {
    var key = { service: params.get('service'), method: params.get('method'), route: params.get('route') };
    D.clear(D.app);
    var head = h('div');
    var charts = h('section', { id: 'charts' }, [h('h2', { text: 'Latency' }), h('div', { cls: 'grid' }, [
      D.chartBox('chart-histogram', 'Latency distribution (estimated requests)'),
      D.chartBox('chart-over-time', 'Latency over time (p50, p95, p99)'),
      D.chartBox('chart-timeline', 'Requests and errors per minute (estimated)', true)])]);
    var slowest = D.section('slowest-section', 'Slowest requests');
    var errors = D.section('errors-section', 'Recent errors');
    var queries = D.section('queries-section', 'Top queries');
    var nplus = D.section('n-plus-one-section', 'N+1 suspects');
    var flame = D.section('flame-section', 'Where the time goes (profiler)', 'Merged stack samples of this route\'s profiled requests (newest 500). Click a frame to zoom in.');
    var flameBox = h('div', { id: 'flame' });
    flame.body.appendChild(flameBox);
    [head, charts, slowest.el, errors.el, queries.el, nplus.el, flame.el].forEach(function (e) { D.app.appendChild(e); });
    var url = '/api/v1/route?route=' + encodeURIComponent(key.route || '') + '&method=' + encodeURIComponent(key.method || '') +
      (key.service !== null ? '&service=' + encodeURIComponent(key.service) : '');
    D.poll(url, function (doc) {
      var rep = doc.report;
      var r = rep.routes[0];
      D.clear(head).appendChild(h('div', { cls: 'title-row' }, [h('h1', { text: D.routeName(key) }),
        key.service ? h('span', { cls: 'sub', text: 'service ' + key.service }) : null]));
      if (!r) { head.appendChild(h('p', { cls: 'empty', text: 'No request of this route in the window (yet).' })); return; }
      var nMax = 0;
      rep.n_plus_one.forEach(function (n) { nMax = Math.max(nMax, n.max_repeats); });
      head.appendChild(D.cards([['Requests', F.grouped(r.requests)], ['Estimated', estimate(r)],
        ['Errors', F.pct(r.error_pct) + '%'], ['p50', F.duration(r.p50_ns)], ['p95', F.duration(r.p95_ns)], ['p99', F.duration(r.p99_ns)],
        ['Queries/req', r.mean_queries.toFixed(1)], ['N+1', nMax ? '×' + nMax : 'none']]));
      var cr = doc.charts.routes[0];
      var lot = doc.latency_over_time.buckets;
      var startMs = lot.map(function (b) { return b.start_ns / 1e6; });
      var series = [
        { label: 'p50 ms', data: lot.map(function (b) { return b.requests ? b.p50_ns / 1e6 : null; }), color: 'rgb(37,99,235)', points: true },
        { label: 'p95 ms', data: lot.map(function (b) { return b.requests ? b.p95_ns / 1e6 : null; }), color: 'rgb(217,119,6)', points: true },
        { label: 'p99 ms', data: lot.map(function (b) { return b.requests ? b.p99_ns / 1e6 : null; }), color: 'rgb(220,38,38)', points: true }];
      if (!D.state.charts.histogram) {
        D.state.charts.histogram = R.charts.histogram(document.getElementById('chart-histogram'), doc.charts.bucketUpperMs);
        D.state.charts.overTime = R.charts.timeSeries(document.getElementById('chart-over-time'), startMs, series, 'ms');
        D.state.charts.timeline = R.charts.timeSeries(document.getElementById('chart-timeline'), doc.charts.timeline.startMs, R.charts.loadSeries(doc.charts.timeline));
      } else {
        R.charts.setTimeSeries(D.state.charts.overTime, startMs, series);
        R.charts.setTimeSeries(D.state.charts.timeline, doc.charts.timeline.startMs, R.charts.loadSeries(doc.charts.timeline));
      }
      R.charts.setHistogram(D.state.charts.histogram, cr ? cr.buckets : []);
      D.clear(slowest.body).appendChild(D.table('slowest', D.requestColumns(), rep.slowest));
      D.clear(errors.body).appendChild(D.table('recent-errors', D.errorColumns(), rep.recent_errors));
      D.clear(queries.body).appendChild(D.table('queries', D.queryColumns(), rep.queries.by_total_time));
      D.clear(nplus.body).appendChild(D.table('n-plus-one', D.nPlusOneColumns(), rep.n_plus_one));
      var tree = doc.profile ? doc.profile.tree : null;
      if (doc.profile) { flame.el.querySelector('.note').textContent = doc.profile.profiles + ' profiled requests, ' + F.grouped(doc.profile.samples) + ' samples. Click a frame to zoom in.'; }
      if (!D.state.flame.route) { D.state.flame.route = R.flameGraph(flameBox, tree, { empty: 'No profile in the window: requests of this route were not stack-sampled (OTEL_REQLENS_PROFILER).' }); } else { D.state.flame.route.update(tree); }
    }, D.reportVersion);
  }


  D.pages.overview = overview;
  D.pages.route = routePage;
});
