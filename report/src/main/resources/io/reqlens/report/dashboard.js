/*
 * reqlens serve: the dashboard's pages. Each page polls its /api/v1 document every 2 seconds and
 * redraws when the data changed; sort order, filters and zoom survive a redraw. Formats, charts,
 * table sorting (ui.js) and the flame graph (flamegraph.js) are shared with report --html.
 */
(function () {
  'use strict';
  var R = window.Reqlens;
  var F = R.fmt;
  var POLL_MS = 2000;
  var app = document.getElementById('app');
  var live = document.getElementById('live');
  var state = { sort: {}, filter: '', charts: {}, version: null, flame: {} };

  // ---- small DOM helpers -------------------------------------------------------------------

  function h(tag, attrs, kids) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === 'text') { e.textContent = attrs[k]; } else if (k === 'cls') { e.className = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
      });
    }
    (kids || []).forEach(function (c) {
      if (c !== null && c !== undefined) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); }
    });
    return e;
  }

  function clear(e) { while (e.firstChild) { e.removeChild(e.firstChild); } return e; }

  function section(id, title, note) {
    var s = h('section', { id: id }, [h('h2', { text: title })]);
    if (note) { s.appendChild(h('p', { cls: 'note', text: note })); }
    var body = h('div', { cls: 'body' });
    s.appendChild(body);
    return { el: s, body: body };
  }

  function link(href, text) { return h('a', { href: href, text: text }); }

  function routeHref(r) {
    var q = '?route=' + encodeURIComponent(r.route === null ? '' : r.route) + '&method=' +
      encodeURIComponent(r.method || '');
    if (r.service !== null && r.service !== undefined) { q += '&service=' + encodeURIComponent(r.service); }
    return '/route' + q;
  }

  function requestHref(traceId) { return '/request?trace_id=' + encodeURIComponent(traceId); }

  function routeName(r) { return (r.method || '?') + ' ' + (r.route === null ? '(no route)' : r.route); }

  /**
   * A sortable table: columns [{title, num, sort(row), cell(row) -> string|node}]. The sort the
   * user chose is kept in state.sort[id] and applied again after each redraw.
   */
  function table(id, columns, rows, rowClass) {
    var head = h('tr', {}, columns.map(function (c) { return h('th', { cls: c.num ? 'num' : '', text: c.title }); }));
    var body = h('tbody');
    rows.forEach(function (r) {
      var tr = h('tr', { cls: rowClass ? rowClass(r) : '' });
      columns.forEach(function (c) {
        var v = c.cell(r);
        var td = h('td', { cls: c.num ? 'num' : '' }, [typeof v === 'string' || typeof v === 'number' ? String(v) : v]);
        var s = c.sort ? c.sort(r) : null;
        if (s !== null && s !== undefined) { td.setAttribute('data-v', String(s)); }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    var t = h('table', { id: id, cls: 'sortable' }, [h('thead', {}, [head]), body]);
    R.sortable(t, function (col, desc) { state.sort[id] = { col: col, desc: desc }; });
    var saved = state.sort[id];
    if (saved) { R.sortBy(t, saved.col, saved.desc); }
    if (rows.length === 0) { return h('p', { cls: 'empty', text: 'none' }); }
    return h('div', { cls: 'scroll' }, [t]);
  }

  function cards(list) {
    return h('div', { cls: 'cards' }, list.map(function (c) {
      return h('div', { cls: 'card' }, [h('div', { cls: 'label', text: c[0] }), h('div', { cls: 'value', text: c[1] })]);
    }));
  }

  function chartBox(id, caption, wide) {
    return h('figure', { cls: wide ? 'wide' : '' }, [h('figcaption', { text: caption }),
      h('div', { cls: 'chart' }, [h('canvas', { id: id })])]);
  }

  function requestColumns() {
    return [
      { title: 'Time', cell: function (r) { return F.time(r.ts_ns); }, sort: function (r) { return r.ts_ns; } },
      { title: 'Duration', num: true, cell: function (r) { return F.duration(r.dur_ns); }, sort: function (r) { return r.dur_ns; } },
      { title: 'Status', num: true, cell: function (r) { return r.status === null ? '-' : String(r.status); }, sort: function (r) { return r.status; } },
      { title: 'Queries', num: true, cell: function (r) { return String(r.queries); }, sort: function (r) { return r.queries; } },
      { title: 'DB time', num: true, cell: function (r) { return F.duration(r.db_dur_ns); }, sort: function (r) { return r.db_dur_ns; } },
      { title: 'Route', cell: function (r) { return routeName(r); } },
      { title: 'Path', cell: function (r) { return h('code', { text: r.path || '-' }); } },
      { title: 'Trace', cell: function (r) { return h('a', { href: requestHref(r.trace_id), cls: 'mono', text: r.trace_id }); } }
    ];
  }

  function errorColumns() {
    return [
      { title: 'Time', cell: function (r) { return F.time(r.ts_ns); }, sort: function (r) { return r.ts_ns; } },
      { title: 'Status', num: true, cell: function (r) { return r.status === null ? '-' : String(r.status); }, sort: function (r) { return r.status; } },
      { title: 'Route', cell: function (r) { return routeName(r); } },
      { title: 'Exception', cell: function (r) {
        if (!r.exception_type) { return h('i', { text: 'no exception recorded' }); }
        return h('details', {}, [h('summary', {}, [h('b', { text: r.exception_type }), ': ' + (r.exception_message || '')]),
          h('pre', { text: (r.frames || []).join('\n') })]);
      }, sort: function (r) { return r.exception_type || ''; } },
      { title: 'Trace', cell: function (r) { return h('a', { href: requestHref(r.trace_id), cls: 'mono', text: r.trace_id }); } }
    ];
  }

  function queryColumns() {
    return [
      { title: 'Statement', cell: function (q) { return h('code', { text: q.statement }); } },
      { title: 'Total', num: true, cell: function (q) { return F.duration(q.total_ns); }, sort: function (q) { return q.total_ns; } },
      { title: 'Calls', num: true, cell: function (q) { return F.grouped(q.calls); }, sort: function (q) { return q.calls; } },
      { title: 'Mean', num: true, cell: function (q) { return F.duration(q.calls ? q.total_ns / q.calls : 0); }, sort: function (q) { return q.calls ? q.total_ns / q.calls : 0; } },
      { title: 'Max', num: true, cell: function (q) { return F.duration(q.max_ns); }, sort: function (q) { return q.max_ns; } },
      { title: 'Errors', num: true, cell: function (q) { return String(q.errors); }, sort: function (q) { return q.errors; } },
      { title: 'Requests', num: true, cell: function (q) { return F.grouped(q.requests); }, sort: function (q) { return q.requests; } }
    ];
  }

  function nPlusOneColumns() {
    return [
      { title: 'Route', cell: function (n) { return routeName(n); } },
      { title: 'Statement', cell: function (n) { return h('code', { text: n.statement }); } },
      { title: 'Requests', num: true, cell: function (n) { return String(n.requests); }, sort: function (n) { return n.requests; } },
      { title: 'Max repeats', num: true, cell: function (n) { return String(n.max_repeats); }, sort: function (n) { return n.max_repeats; } },
      { title: 'Mean repeats', num: true, cell: function (n) { return n.mean_repeats.toFixed(1); }, sort: function (n) { return n.mean_repeats; } },
      { title: 'Example', cell: function (n) { return h('a', { href: requestHref(n.example_trace_id), cls: 'mono', text: n.example_trace_id }); } }
    ];
  }

  // ---- polling -------------------------------------------------------------------------------

  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', cache: 'no-store' }).then(function (res) {
      if (res.status === 401) { throw new Error('401: open the URL that reqlens serve printed'); }
      return res.json().then(function (body) { return { status: res.status, body: body }; });
    });
  }

  /** Fetches {@code url} now and every POLL_MS; {@code draw(body, status)} when it changed. */
  function poll(url, draw, versionOf) {
    var last = {};
    function tick() {
      getJson(url).then(function (r) {
        var v = versionOf ? versionOf(r.body) : JSON.stringify(r.body).length + ':' + r.status;
        var reading = r.body.window && r.body.window.ready === false;
        live.className = reading ? 'live stale' : 'live ok';
        live.textContent = (reading ? 'reading the files… ' : 'live · ') +
          new Date().toISOString().substring(11, 19) + 'Z';
        if (v !== last) {
          last = v;
          draw(r.body, r.status);
        }
      }).catch(function (e) {
        live.className = 'live down';
        live.textContent = String(e.message || e);
      }).then(function () { setTimeout(tick, POLL_MS); });
    }
    tick();
  }

  function reportVersion(body) { return body.window ? body.window.data_version : null; }

  function windowNote(w) {
    var s = 'window: last ' + w.window + ' · ' + F.grouped(w.requests) + ' requests held';
    if (w.capped) { s += ' (at most ' + F.grouped(w.max_requests) + ': older ones evicted, the window is shorter)'; }
    return s;
  }

  // ---- overview ------------------------------------------------------------------------------

  function overview() {
    document.getElementById('nav-overview').classList.add('here');
    clear(app);
    var head = h('div');
    var hl = section('highlights', 'Highlights');
    var routes = section('routes-section', 'Routes', 'Click a route for its page, a header to sort. Requests: kept; estimated, error %, percentiles and means re-weighted by 1/sample_rate.');
    var filter = h('input', { type: 'search', id: 'route-filter', placeholder: 'filter routes', value: state.filter });
    routes.el.insertBefore(h('div', { cls: 'toolbar' }, [filter]), routes.body);
    var charts = h('section', { id: 'charts' }, [h('h2', { text: 'Latency and load' }), h('div', { cls: 'grid' }, [
      chartBox('chart-latency', 'Latency percentiles per route (ms, log scale; busiest 8)'),
      chartBox('chart-timeline', 'Requests and errors per minute (estimated)')])]);
    var slowest = section('slowest-section', 'Slowest requests', 'Open one for its queries, exception and profile.');
    var errors = section('errors-section', 'Recent errors');
    var nplus = section('n-plus-one-section', 'N+1 suspects');
    var queries = section('queries-section', 'Queries by total time');
    [head, hl.el, routes.el, charts, slowest.el, errors.el, nplus.el, queries.el].forEach(function (e) { app.appendChild(e); });
    var last = null;
    filter.addEventListener('input', function () { state.filter = filter.value; if (last) { drawRoutes(last); } });

    function drawRoutes(doc) {
      var rep = doc.report;
      var nByRoute = {};
      rep.n_plus_one.forEach(function (n) {
        var k = n.method + ' ' + n.route;
        nByRoute[k] = Math.max(nByRoute[k] || 0, n.max_repeats);
      });
      var f = state.filter.toLowerCase();
      var rows = rep.routes.filter(function (r) { return routeName(r).toLowerCase().indexOf(f) >= 0; });
      clear(routes.body).appendChild(table('routes', [
        { title: 'Route', cell: function (r) {
          var k = r.method + ' ' + r.route;
          return h('span', {}, [link(routeHref(r), routeName(r)), nByRoute[k] ? h('span', { cls: 'badge warn', text: 'N+1 ×' + nByRoute[k] }) : null]);
        }, sort: function (r) { return routeName(r); } },
        { title: 'Requests', num: true, cell: function (r) { return F.grouped(r.requests); }, sort: function (r) { return r.requests; } },
        { title: 'Estimated', num: true, cell: function (r) { return F.count(Math.round(r.estimated_requests)); }, sort: function (r) { return r.estimated_requests; } },
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

    poll('/api/v1/overview', function (doc) {
      last = doc;
      var rep = doc.report;
      var t = rep.totals;
      clear(head).appendChild(h('div', { cls: 'title-row' }, [h('h1', { text: 'Overview' }),
        h('span', { cls: 'sub', text: windowNote(doc.window) + (t.filters ? ' · filter: ' + t.filters : '') })]));
      head.appendChild(cards([['Requests', F.grouped(t.requests)], ['Estimated', F.count(Math.round(t.estimated_requests))],
        ['Errors', F.pct(t.error_pct) + '%'], ['Routes', String(t.routes)],
        ['Slowest p95', rep.routes.length ? F.duration(Math.max.apply(null, rep.routes.map(function (r) { return r.p95_ns; }))) : '-']]));
      var hi = rep.highlights;
      var dl = h('dl', { cls: 'highlights' });
      function item(term, node) { dl.appendChild(h('dt', { text: term })); dl.appendChild(h('dd', {}, [node])); }
      var slow = rep.routes.filter(function (r) { return routeName(r) === hi.slowest_route_p95; })[0];
      item('Slowest route (p95)', slow ? h('span', {}, [link(routeHref(slow), routeName(slow)), ' p95 ' + F.duration(slow.p95_ns)]) : h('span', { text: 'none' }));
      item('Costliest query', h('code', { text: hi.costliest_query || 'none' }));
      item('N+1 suspect', h('span', { text: hi.n_plus_one_route || 'none' }));
      item('Latest error', hi.latest_error_trace_id ? link(requestHref(hi.latest_error_trace_id), hi.latest_error_trace_id) : h('span', { text: 'none' }));
      clear(hl.body).appendChild(dl);
      drawRoutes(doc);
      var busiest = doc.charts.routes.slice().sort(function (a, b) { return b.requests - a.requests; }).slice(0, 8);
      if (!state.charts.latency) {
        state.charts.latency = R.charts.latencyCurves(document.getElementById('chart-latency'), doc.charts.percentiles, busiest);
        state.charts.timeline = R.charts.timeSeries(document.getElementById('chart-timeline'), doc.charts.timeline.startMs, R.charts.loadSeries(doc.charts.timeline));
      } else {
        R.charts.setLatencyCurves(state.charts.latency, busiest);
        R.charts.setTimeSeries(state.charts.timeline, doc.charts.timeline.startMs, R.charts.loadSeries(doc.charts.timeline));
      }
      clear(slowest.body).appendChild(table('slowest', requestColumns(), rep.slowest));
      clear(errors.body).appendChild(table('recent-errors', errorColumns(), rep.recent_errors.slice(0, 10)));
      clear(nplus.body).appendChild(table('n-plus-one', nPlusOneColumns(), rep.n_plus_one));
      clear(queries.body).appendChild(table('queries', queryColumns(), rep.queries.by_total_time));
    }, reportVersion);
  }

  // ---- route page ----------------------------------------------------------------------------

  function routePage(params) {
    var key = { service: params.get('service'), method: params.get('method'), route: params.get('route') };
    clear(app);
    var head = h('div');
    var charts = h('section', { id: 'charts' }, [h('h2', { text: 'Latency' }), h('div', { cls: 'grid' }, [
      chartBox('chart-histogram', 'Latency distribution (estimated requests)'),
      chartBox('chart-over-time', 'Latency over time (p50, p95, p99)'),
      chartBox('chart-timeline', 'Requests and errors per minute (estimated)', true)])]);
    var slowest = section('slowest-section', 'Slowest requests');
    var errors = section('errors-section', 'Recent errors');
    var queries = section('queries-section', 'Top queries');
    var nplus = section('n-plus-one-section', 'N+1 suspects');
    var flame = section('flame-section', 'Where the time goes (profiler)', 'Merged stack samples of this route\'s profiled requests (newest 500). Click a frame to zoom in.');
    var flameBox = h('div', { id: 'flame' });
    flame.body.appendChild(flameBox);
    [head, charts, slowest.el, errors.el, queries.el, nplus.el, flame.el].forEach(function (e) { app.appendChild(e); });
    var url = '/api/v1/route?route=' + encodeURIComponent(key.route || '') + '&method=' + encodeURIComponent(key.method || '') +
      (key.service !== null ? '&service=' + encodeURIComponent(key.service) : '');
    poll(url, function (doc) {
      var rep = doc.report;
      var r = rep.routes[0];
      clear(head).appendChild(h('div', { cls: 'title-row' }, [h('h1', { text: routeName(key) }),
        key.service ? h('span', { cls: 'sub', text: 'service ' + key.service }) : null]));
      if (!r) { head.appendChild(h('p', { cls: 'empty', text: 'No request of this route in the window (yet).' })); return; }
      var nMax = 0;
      rep.n_plus_one.forEach(function (n) { nMax = Math.max(nMax, n.max_repeats); });
      head.appendChild(cards([['Requests', F.grouped(r.requests)], ['Estimated', F.count(Math.round(r.estimated_requests))],
        ['Errors', F.pct(r.error_pct) + '%'], ['p50', F.duration(r.p50_ns)], ['p95', F.duration(r.p95_ns)], ['p99', F.duration(r.p99_ns)],
        ['Queries/req', r.mean_queries.toFixed(1)], ['N+1', nMax ? '×' + nMax : 'none']]));
      var cr = doc.charts.routes[0];
      var lot = doc.latency_over_time.buckets;
      var startMs = lot.map(function (b) { return b.start_ns / 1e6; });
      var series = [
        { label: 'p50 ms', data: lot.map(function (b) { return b.requests ? b.p50_ns / 1e6 : null; }), color: 'rgb(37,99,235)', points: true },
        { label: 'p95 ms', data: lot.map(function (b) { return b.requests ? b.p95_ns / 1e6 : null; }), color: 'rgb(217,119,6)', points: true },
        { label: 'p99 ms', data: lot.map(function (b) { return b.requests ? b.p99_ns / 1e6 : null; }), color: 'rgb(220,38,38)', points: true }];
      if (!state.charts.histogram) {
        state.charts.histogram = R.charts.histogram(document.getElementById('chart-histogram'), doc.charts.bucketUpperMs);
        state.charts.overTime = R.charts.timeSeries(document.getElementById('chart-over-time'), startMs, series, 'ms');
        state.charts.timeline = R.charts.timeSeries(document.getElementById('chart-timeline'), doc.charts.timeline.startMs, R.charts.loadSeries(doc.charts.timeline));
      } else {
        R.charts.setTimeSeries(state.charts.overTime, startMs, series);
        R.charts.setTimeSeries(state.charts.timeline, doc.charts.timeline.startMs, R.charts.loadSeries(doc.charts.timeline));
      }
      R.charts.setHistogram(state.charts.histogram, cr ? cr.buckets : []);
      clear(slowest.body).appendChild(table('slowest', requestColumns(), rep.slowest));
      clear(errors.body).appendChild(table('recent-errors', errorColumns(), rep.recent_errors));
      clear(queries.body).appendChild(table('queries', queryColumns(), rep.queries.by_total_time));
      clear(nplus.body).appendChild(table('n-plus-one', nPlusOneColumns(), rep.n_plus_one));
      var tree = doc.profile ? doc.profile.tree : null;
      if (doc.profile) { flame.el.querySelector('.note').textContent = doc.profile.profiles + ' profiled requests, ' + F.grouped(doc.profile.samples) + ' samples. Click a frame to zoom in.'; }
      if (!state.flame.route) { state.flame.route = R.flameGraph(flameBox, tree, { empty: 'No profile in the window: requests of this route were not stack-sampled (OTEL_REQLENS_PROFILER).' }); } else { state.flame.route.update(tree); }
    }, reportVersion);
  }

  // ---- request page --------------------------------------------------------------------------

  function requestPage(params) {
    var traceId = (params.get('trace_id') || '').toLowerCase();
    clear(app);
    var head = h('div');
    var wf = section('waterfall-section', 'Local trace');
    var qs = section('queries-section', 'Queries');
    var ex = section('exceptions-section', 'Exception');
    var fl = section('flame-section', 'Profile', 'Stack samples of this request. Click a frame to zoom in.');
    var flameBox = h('div', { id: 'flame' });
    fl.body.appendChild(flameBox);
    var notes = h('ul', { cls: 'notes', id: 'notes' });
    [head, wf.el, qs.el, ex.el, fl.el, notes].forEach(function (e) { app.appendChild(e); });
    poll('/api/v1/request?trace_id=' + encodeURIComponent(traceId), function (doc, status) {
      if (status !== 200) {
        clear(head).appendChild(h('div', { cls: 'title-row' }, [h('h1', { text: 'Trace ' + traceId })]));
        head.appendChild(h('p', { cls: 'empty', text: doc.error || 'not found' }));
        return;
      }
      drawRequest(doc, head, wf.body, qs.body, ex.body, flameBox, notes);
    });
  }

  function drawRequest(doc, head, wfBody, qsBody, exBody, flameBox, notes) {
    var r = doc.request;
    clear(head);
    var title = r ? routeName(r) : 'Trace';
    head.appendChild(h('div', { cls: 'title-row' }, [h('h1', { text: title }),
      r ? h('span', { cls: r.error ? 'bad' : 'sub', text: (r.status === null ? '' : r.status + ' · ') + F.duration(r.dur_ns) }) : null,
      r && r.route ? link(routeHref(r), 'route page') : null]));
    var copy = h('button', { cls: 'copy', type: 'button', text: 'copy' });
    copy.addEventListener('click', function () { if (navigator.clipboard) { navigator.clipboard.writeText(doc.trace_id); } });
    var idLine = h('p', {}, ['trace id ', h('code', { id: 'trace-id', text: doc.trace_id }), ' ', copy,
      doc.trace_link ? h('span', {}, [' · ', h('a', { href: doc.trace_link, rel: 'noreferrer', text: 'open in the trace UI' })]) : h('span', { cls: 'sub', text: ' · search this id in Jaeger (or your APM) for the whole distributed trace' })]);
    head.appendChild(idLine);
    if (r) {
      head.appendChild(cards([['Duration', F.duration(r.dur_ns)], ['Status', r.status === null ? '-' : String(r.status)],
        ['Queries', String(r.queries)], ['DB time', F.duration(r.db_dur_ns)], ['Path', r.path || '-'],
        ['Time (UTC)', F.time(r.ts_ns)], ['Sample rate', String(r.sample_rate)]]));
    }
    var nSpans = {};
    doc.n_plus_one.forEach(function (g) { g.span_ids.forEach(function (id) { nSpans[id] = g; }); });
    clear(wfBody).appendChild(waterfall(doc, nSpans));
    var qTable = table('queries', [
      { title: '#', num: true, cell: function (q) { return String(q.i + 1); }, sort: function (q) { return q.i; } },
      { title: 'Start', num: true, cell: function (q) { return r ? '+' + F.duration(Math.max(0, q.ts_ns - r.ts_ns)) : F.time(q.ts_ns); }, sort: function (q) { return q.ts_ns; } },
      { title: 'Duration', num: true, cell: function (q) { return F.duration(q.dur_ns); }, sort: function (q) { return q.dur_ns; } },
      { title: 'Statement', cell: function (q) {
        return h('span', {}, [h('code', { text: q.statement || (q.operation + ' ' + q.collection) }), nSpans[q.span_id] ? h('span', { cls: 'badge warn', text: 'N+1 ×' + nSpans[q.span_id].count }) : null]);
      } },
      { title: 'Rows', num: true, cell: function (q) { return q.rows === null ? '-' : String(q.rows); }, sort: function (q) { return q.rows; } },
      { title: 'Caller', cell: function (q) { return h('code', { text: q.caller || '-' }); } }
    ], doc.queries.map(function (q, i) { q.i = i; return q; }), function (q) { return nSpans[q.span_id] ? 'nplus1' : ''; });
    clear(qsBody);
    if (doc.n_plus_one.length) {
      doc.n_plus_one.forEach(function (g) {
        qsBody.appendChild(h('p', { cls: 'n-plus-one-group' }, [h('span', { cls: 'badge warn', text: 'N+1' }), ' ',
          h('code', { text: g.statement }), ' ran ' + g.count + '× in this request (' + F.duration(g.total_ns) + ' in total)' + (g.caller ? ', from ' + g.caller : '')]));
      });
    }
    qsBody.appendChild(qTable);
    clear(exBody);
    var exceptions = doc.exceptions.slice();
    doc.spans.forEach(function (s) {
      s.exceptions.forEach(function (e) {
        if (!exceptions.some(function (x) { return x.type === e.type && x.message === e.message; })) {
          exceptions.push({ type: e.type, message: e.message, traceback: e.stacktrace });
        }
      });
    });
    if (!exceptions.length) { exBody.appendChild(h('p', { cls: 'empty', text: 'none recorded' })); }
    exceptions.forEach(function (e) {
      exBody.appendChild(h('div', { cls: 'exception' }, [h('b', { text: e.type || '(no type)' }), ': ' + (e.message || ''),
        h('pre', { text: e.traceback || '' })]));
    });
    var tree = doc.profile ? doc.profile.tree : null;
    if (!state.flame.request) { state.flame.request = R.flameGraph(flameBox, tree, { empty: 'This request was not stack-sampled (profiles are taken of requests running longer than OTEL_REQLENS_PROFILER_AFTER).' }); } else { state.flame.request.update(tree); }
    clear(notes);
    doc.notes.forEach(function (n) { notes.appendChild(h('li', { text: n })); });
  }

  /** Spans from the span files; without them, the request and its events. */
  function waterfallSpans(doc) {
    if (doc.spans.length) {
      return doc.spans.map(function (s) {
        return { id: s.span_id, parent: s.parent_span_id, name: s.statement ? s.statement : s.name, kind: s.kind,
          start: s.start_ns, dur: s.dur_ns, error: s.status === 'ERROR', attrs: s.attributes, db: !!s.db_system, span: s };
      });
    }
    var out = [];
    var r = doc.request;
    if (r) { out.push({ id: r.span_id, parent: null, name: routeName(r), kind: 'SERVER', start: r.ts_ns, dur: r.dur_ns, error: r.error, attrs: { path: r.path, status: String(r.status) } }); }
    doc.queries.forEach(function (q) {
      out.push({ id: q.span_id, parent: q.parent_span_id, name: q.statement || (q.operation + ' ' + q.collection), kind: 'CLIENT', db: true,
        start: q.ts_ns, dur: q.dur_ns, error: q.error, attrs: { 'db.system': q.db_system, rows: q.rows === null ? '-' : String(q.rows), caller: q.caller || '-' } });
    });
    doc.functions.forEach(function (f) {
      out.push({ id: f.span_id, parent: f.parent_span_id, name: f.fn, kind: 'INTERNAL', start: f.ts_ns, dur: f.dur_ns, error: false, attrs: {} });
    });
    return out;
  }

  /** Depth-first by start time under each parent: the order a waterfall reads. */
  function ordered(spans) {
    var byId = {};
    spans.forEach(function (s) { byId[s.id] = s; s.kids = []; });
    var roots = [];
    spans.forEach(function (s) { if (s.parent && byId[s.parent]) { byId[s.parent].kids.push(s); } else { roots.push(s); } });
    var out = [];
    function walk(s, depth) {
      s.depth = depth;
      out.push(s);
      s.kids.sort(function (a, b) { return a.start - b.start; }).forEach(function (k) { walk(k, depth + 1); });
    }
    roots.sort(function (a, b) { return a.start - b.start; }).forEach(function (s) { walk(s, 0); });
    return out;
  }

  function waterfall(doc, nSpans) {
    var spans = ordered(waterfallSpans(doc));
    var box = h('div', { cls: 'waterfall', id: 'waterfall' });
    if (!spans.length) { box.appendChild(h('p', { cls: 'empty', text: 'no spans' })); return box; }
    var t0 = Math.min.apply(null, spans.map(function (s) { return s.start; }));
    var t1 = Math.max.apply(null, spans.map(function (s) { return s.start + Math.max(0, s.dur); }));
    var total = Math.max(1, t1 - t0);
    var legend = h('div', { cls: 'legend' }, [h('span', {}, [h('i', { cls: 'server' }), 'server']), h('span', {}, [h('i', { cls: 'db' }), 'query']),
      h('span', {}, [h('i', { cls: 'nplus1' }), 'N+1 group']), h('span', {}, [h('i', { cls: 'internal' }), 'function']),
      h('span', {}, [h('i', { cls: 'client' }), 'other client']), h('span', {}, [h('i', { cls: 'error' }), 'error']),
      h('span', { text: doc.spans.length ? 'from the span files' : 'from the event files (no span lines)' })]);
    box.appendChild(legend);
    spans.forEach(function (s) {
      var cls = s.error ? 'error' : nSpans[s.id] ? 'nplus1' : s.db ? 'db' : s.kind === 'SERVER' ? 'server' : s.kind === 'INTERNAL' ? 'internal' : s.kind === 'CLIENT' ? 'client' : '';
      var bar = h('div', { cls: 'wf-bar ' + cls });
      bar.style.left = (100 * (s.start - t0) / total).toFixed(3) + '%';
      bar.style.width = (100 * Math.max(0, s.dur) / total).toFixed(3) + '%';
      var name = h('div', { cls: 'wf-name', title: s.name });
      name.style.paddingLeft = (s.depth * 14) + 'px';
      name.textContent = s.name;
      var row = h('div', { cls: 'wf-row', 'data-kind': s.kind || '' }, [name, h('div', { cls: 'wf-track' }, [bar]), h('div', { cls: 'wf-dur', text: F.duration(s.dur) })]);
      var detail = null;
      row.addEventListener('click', function () {
        if (detail) { detail.remove(); detail = null; row.classList.remove('selected'); return; }
        var dl = h('dl');
        [['span', s.id], ['kind', s.kind], ['start', '+' + F.duration(s.start - t0)], ['duration', F.duration(s.dur)]].forEach(function (kv) {
          dl.appendChild(h('dt', { text: kv[0] })); dl.appendChild(h('dd', { text: kv[1] || '-' }));
        });
        Object.keys(s.attrs || {}).forEach(function (k) { dl.appendChild(h('dt', { text: k })); dl.appendChild(h('dd', { text: String(s.attrs[k]) })); });
        detail = h('div', { cls: 'wf-detail' }, [dl]);
        row.classList.add('selected');
        row.after(detail);
      });
      box.appendChild(row);
    });
    return box;
  }

  // ---- errors and compare --------------------------------------------------------------------

  function errorsPage() {
    document.getElementById('nav-errors').classList.add('here');
    clear(app);
    var head = h('div');
    var charts = h('section', { id: 'charts' }, [h('div', { cls: 'grid' }, [chartBox('chart-timeline', 'Requests and errors per minute (estimated)', true)])]);
    var types = section('exception-types-section', 'Exceptions by type');
    var recent = section('errors-section', 'Recent errors', 'Newest first (100 at most); open a row for the first frames, the trace for the whole request.');
    [head, charts, types.el, recent.el].forEach(function (e) { app.appendChild(e); });
    poll('/api/v1/errors', function (doc) {
      var t = doc.report.totals;
      clear(head).appendChild(h('div', { cls: 'title-row' }, [h('h1', { text: 'Errors' }), h('span', { cls: 'sub', text: windowNote(doc.window) })]));
      head.appendChild(cards([['Failed requests', F.grouped(t.errors)], ['Error rate', F.pct(t.error_pct) + '%'], ['Types', String(doc.report.exception_types.length)]]));
      if (!state.charts.timeline) {
        state.charts.timeline = R.charts.timeSeries(document.getElementById('chart-timeline'), doc.charts.timeline.startMs, R.charts.loadSeries(doc.charts.timeline));
      } else {
        R.charts.setTimeSeries(state.charts.timeline, doc.charts.timeline.startMs, R.charts.loadSeries(doc.charts.timeline));
      }
      clear(types.body).appendChild(table('exception-types', [
        { title: 'Exception type', cell: function (c) { return h('code', { text: c.type }); } },
        { title: 'Count', num: true, cell: function (c) { return String(c.count); }, sort: function (c) { return c.count; } }], doc.report.exception_types));
      clear(recent.body).appendChild(table('recent-errors', errorColumns(), doc.report.recent_errors));
    }, reportVersion);
  }

  function comparePage(params) {
    document.getElementById('nav-compare').classList.add('here');
    clear(app);
    var head = h('div', {}, [h('h1', { text: 'Compare' })]);
    var a = h('select', { id: 'version-a' });
    var b = h('select', { id: 'version-b' });
    var win = h('input', { id: 'compare-window', type: 'text', value: params.get('windows') || '1h', size: '6' });
    var byVersions = h('button', { type: 'button', text: 'compare versions' });
    var byWindows = h('button', { type: 'button', text: 'compare windows' });
    var controls = h('div', { cls: 'toolbar' }, ['versions A ', a, ' B ', b, byVersions, ' · last ', win, ' against the one before ', byWindows]);
    var result = section('compare-section', 'Per route');
    [head, controls, result.el].forEach(function (e) { app.appendChild(e); });
    byVersions.addEventListener('click', function () { location.search = '?versions=' + encodeURIComponent(a.value + ',' + b.value); });
    byWindows.addEventListener('click', function () { location.search = '?windows=' + encodeURIComponent(win.value); });
    getJson('/api/v1/status').then(function (r) {
      var versions = Object.keys(r.body.versions).filter(function (v) { return v !== 'null'; });
      var chosen = (params.get('versions') || '').split(',');
      [a, b].forEach(function (sel, i) {
        versions.forEach(function (v) { sel.appendChild(h('option', { value: v, text: v })); });
        sel.value = chosen[i] || versions[Math.max(0, versions.length - 2 + i)] || '';
      });
    });
    var q = params.get('versions') ? '?versions=' + encodeURIComponent(params.get('versions')) : params.get('windows') ? '?windows=' + encodeURIComponent(params.get('windows')) : '';
    poll('/api/v1/compare' + q, function (doc, status) {
      if (status !== 200) { clear(result.body).appendChild(h('p', { cls: 'error-box', text: doc.error })); return; }
      var c = doc.report.compare;
      result.el.querySelector('h2').textContent = 'A = ' + c.a + ', B = ' + c.b + ' (' + c.mode + ')';
      clear(result.body).appendChild(table('compare', [
        { title: 'Route', cell: function (x) { return routeName(x); } },
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

  // ---- start ---------------------------------------------------------------------------------

  document.getElementById('trace-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var id = document.getElementById('trace-input').value.trim().toLowerCase();
    if (/^[0-9a-f]{32}$/.test(id)) { location.href = requestHref(id); }
  });
  getJson('/api/v1/status').then(function (r) {
    document.getElementById('footer').textContent = 'reqlens ' + r.body.reqlens + ' · times in UTC · data polled every 2 s · read-only';
  }).catch(function () {});
  var params = new URLSearchParams(location.search);
  var path = location.pathname;
  if (path === '/route') { routePage(params); } else if (path === '/request') { requestPage(params); } else if (path === '/errors') { errorsPage(); } else if (path === '/compare') { comparePage(params); } else { overview(); }
})();
