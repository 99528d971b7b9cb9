/* reqlens serve: one request in full: its local trace as a waterfall, queries, N+1 group, exception, profile. */
window.Reqlens.dash.define(function (R, F, D, h) {
  'use strict';

  // ---- request page --------------------------------------------------------------------------

  function requestPage(params) {
    var traceId = (params.get('trace_id') || '').toLowerCase();
    D.clear(D.app);
    var head = h('div');
    var wf = D.section('waterfall-section', 'Local trace');
    var qs = D.section('queries-section', 'Queries');
    var ex = D.section('exceptions-section', 'Exception');
    var fl = D.section('flame-section', 'Profile', 'Stack samples of this request. Click a frame to zoom in.');
    var flameBox = h('div', { id: 'flame' });
    fl.body.appendChild(flameBox);
    var notes = h('ul', { cls: 'notes', id: 'notes' });
    [head, wf.el, qs.el, ex.el, fl.el, notes].forEach(function (e) { D.app.appendChild(e); });
    D.poll('/api/v1/request?trace_id=' + encodeURIComponent(traceId), function (doc, status) {
      if (status !== 200) {
        D.clear(head).appendChild(h('div', { cls: 'title-row' }, [h('h1', { text: 'Trace ' + traceId })]));
        head.appendChild(h('p', { cls: 'empty', text: doc.error || 'not found' }));
        return;
      }
      drawRequest(doc, head, wf.body, qs.body, ex.body, flameBox, notes);
    });
  }

  function drawRequest(doc, head, wfBody, qsBody, exBody, flameBox, notes) {
    var r = doc.request;
    D.clear(head);
    var title = r ? D.routeName(r) : 'Trace';
    head.appendChild(h('div', { cls: 'title-row' }, [h('h1', { text: title }),
      r ? h('span', { cls: r.error ? 'bad' : 'sub', text: (r.status === null ? '' : r.status + ' · ') + F.duration(r.dur_ns) }) : null,
      r && r.route ? D.link(D.routeHref(r), 'route page') : null]));
    var copy = h('button', { cls: 'copy', type: 'button', text: 'copy' });
    copy.addEventListener('click', function () { if (navigator.clipboard) { navigator.clipboard.writeText(doc.trace_id); } });
    var idLine = h('p', {}, ['trace id ', h('code', { id: 'trace-id', text: doc.trace_id }), ' ', copy,
      doc.trace_link ? h('span', {}, [' · ', h('a', { href: doc.trace_link, rel: 'noreferrer', text: 'open in the trace UI' })]) : h('span', { cls: 'sub', text: ' · search this id in Jaeger (or your APM) for the whole distributed trace' })]);
    head.appendChild(idLine);
    if (r) {
      head.appendChild(D.cards([['Duration', F.duration(r.dur_ns)], ['Status', r.status === null ? '-' : String(r.status)],
        ['Queries', String(r.queries)], ['DB time', F.duration(r.db_dur_ns)], ['Path', r.path || '-'],
        ['Time (UTC)', F.time(r.ts_ns)], ['Sample rate', String(r.sample_rate)]]));
    }
    var nSpans = {};
    doc.n_plus_one.forEach(function (g) { g.span_ids.forEach(function (id) { nSpans[id] = g; }); });
    D.clear(wfBody).appendChild(waterfall(doc, nSpans));
    var qTable = D.table('queries', [
      { title: '#', num: true, cell: function (q) { return String(q.i + 1); }, sort: function (q) { return q.i; } },
      { title: 'Start', num: true, cell: function (q) { return r ? '+' + F.duration(Math.max(0, q.ts_ns - r.ts_ns)) : F.time(q.ts_ns); }, sort: function (q) { return q.ts_ns; } },
      { title: 'Duration', num: true, cell: function (q) { return F.duration(q.dur_ns); }, sort: function (q) { return q.dur_ns; } },
      { title: 'Statement', cell: function (q) {
        return h('span', {}, [h('code', { text: q.statement || (q.operation + ' ' + q.collection) }), nSpans[q.span_id] ? h('span', { cls: 'badge warn', text: 'N+1 ×' + nSpans[q.span_id].count }) : null]);
      } },
      { title: 'Rows', num: true, cell: function (q) { return q.rows === null ? '-' : String(q.rows); }, sort: function (q) { return q.rows; } },
      { title: 'Caller', cell: function (q) { return h('code', { text: q.caller || '-' }); } }
    ], doc.queries.map(function (q, i) { q.i = i; return q; }), function (q) { return nSpans[q.span_id] ? 'nplus1' : ''; });
    D.clear(qsBody);
    if (doc.n_plus_one.length) {
      doc.n_plus_one.forEach(function (g) {
        qsBody.appendChild(h('p', { cls: 'n-plus-one-group' }, [h('span', { cls: 'badge warn', text: 'N+1' }), ' ',
          h('code', { text: g.statement }), ' ran ' + g.count + '× in this request (' + F.duration(g.total_ns) + ' in total)' + (g.caller ? ', from ' + g.caller : '')]));
      });
    }
    qsBody.appendChild(qTable);
    D.clear(exBody);
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
    if (!D.state.flame.request) { D.state.flame.request = R.flameGraph(flameBox, tree, { empty: 'This request was not stack-sampled (profiles are taken of requests running longer than OTEL_REQLENS_PROFILER_AFTER).' }); } else { D.state.flame.request.update(tree); }
    D.clear(notes);
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
    if (r) { out.push({ id: r.span_id, parent: null, name: D.routeName(r), kind: 'SERVER', start: r.ts_ns, dur: r.dur_ns, error: r.error, attrs: { path: r.path, status: String(r.status) } }); }
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


  D.pages.request = requestPage;
});
