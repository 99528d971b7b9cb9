/*
 * reqlens serve: the dashboard's common parts (DOM helpers, tables, polling) and its start; the
 * pages are in dashboard-routes.js (overview, route), dashboard-request.js and dashboard-errors.js
 * (errors, compare). Each page polls its /api/v1 document every 2 seconds and redraws when the data
 * changed; sort order, filters and zoom survive a redraw. Formats, charts, table sorting (ui.js) and
 * the flame graph (flamegraph.js) are shared with report --html.
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


  // ---- shared with the page files (dashboard-*.js) and the start --------------------------------

  var pages = {};

  /**
   * Runs a page file's body with the handles every page uses (one preamble, here): the Reqlens
   * root, its number formats, this shared kit and the element builder h.
   */
  function define(body) { body(R, F, R.dash, h); }

  R.dash = { define: define, state: state, app: app, pages: pages, h: h, clear: clear, section: section, link: link, routeHref: routeHref, requestHref: requestHref, routeName: routeName, table: table, cards: cards, chartBox: chartBox, requestColumns: requestColumns, errorColumns: errorColumns, queryColumns: queryColumns, nPlusOneColumns: nPlusOneColumns, getJson: getJson, poll: poll, reportVersion: reportVersion, windowNote: windowNote };

  /** Runs after every script (the page files register their pages in R.dash.pages). */
  window.addEventListener('DOMContentLoaded', function () {
    document.getElementById('trace-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var id = document.getElementById('trace-input').value.trim().toLowerCase();
      if (/^[0-9a-f]{32}$/.test(id)) { location.href = requestHref(id); }
    });
    getJson('/api/v1/status').then(function (r) {
      document.getElementById('footer').textContent = 'reqlens ' + r.body.reqlens +
        ' · times in UTC · data polled every 2 s · read-only';
    }).catch(function () {});
    var params = new URLSearchParams(location.search);
    var page = { '/route': pages.route, '/request': pages.request, '/errors': pages.errors,
      '/compare': pages.compare }[location.pathname] || pages.overview;
    page(params);
  });
})();
