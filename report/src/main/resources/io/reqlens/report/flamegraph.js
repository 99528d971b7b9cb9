/*
 * reqlens flame graph: draws a call tree {name, value, children} (FlameGraph.java writes it from
 * folded stacks) as an icicle in SVG: the root on top, callees below, widths proportional to
 * samples. Hover a frame for its samples; click to zoom into it, click a grey caller above it to
 * zoom out, "Reset zoom" to see the whole tree again; type in the search box to highlight the
 * frames whose name contains the text (case-insensitive) and see their share of all samples.
 * Shared by the dashboard and the static report; no dependency, no inline styles (CSP).
 *
 * Why not d3-flame-graph? It is not published as a WebJar (org.webjars.npm:d3-flame-graph is not
 * on Maven Central), and pulling d3 (~280 KB) for a partition layout this small is not light.
 */
(function (root) {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var ROW = 18;

  function hash(s) {
    var h = 0;
    for (var i = 0; i < s.length; i++) { h = (h * 31 + s.charCodeAt(i)) | 0; }
    return Math.abs(h);
  }

  /** Warm colours by package, cool ones for thread-state pseudo-frames ([WAITING] ...). */
  function colour(name) {
    if (name.charAt(0) === '[') { return 'hsl(210,40%,' + (70 + hash(name) % 10) + '%)'; }
    var cls = name.replace(/\.[^.]*$/, '').replace(/\.[^.]*$/, '');
    var h = hash(cls);
    return 'hsl(' + (10 + h % 45) + ',' + (70 + h % 20) + '%,' + (55 + (h >> 3) % 15) + '%)';
  }

  function el(tag, attrs, parent) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(e); }
    return e;
  }

  function depth(n) {
    var d = 0;
    (n.children || []).forEach(function (c) { d = Math.max(d, depth(c)); });
    return d + 1;
  }

  /** Samples under frames whose name contains {@code term}, each subtree counted once. */
  function matched(n, term) {
    if (n.name.toLowerCase().indexOf(term) >= 0) { return n.value; }
    var sum = 0;
    (n.children || []).forEach(function (c) { sum += matched(c, term); });
    return sum;
  }

  function byPath(tree, path) {
    var n = tree;
    var trail = [tree];
    for (var i = 0; i < path.length; i++) {
      var next = null;
      (n.children || []).forEach(function (c) { if (c.name === path[i]) { next = c; } });
      if (!next) { return { node: tree, trail: [tree], path: [] }; }
      n = next;
      trail.push(n);
    }
    return { node: n, trail: trail, path: path };
  }

  /**
   * Draws {@code tree} into {@code container}; returns {update(tree)} to redraw with new data
   * (the zoom is kept while its frame still exists).
   */
  function flameGraph(container, tree, options) {
    var opts = options || {};
    var state = { tree: tree, path: [], term: '' };
    container.classList.add('flamegraph');
    var tools = document.createElement('div');
    tools.className = 'flame-tools';
    var search = document.createElement('input');
    search.type = 'search';
    search.className = 'flame-search';
    search.placeholder = 'Search frames';
    search.setAttribute('aria-label', 'search frames');
    var reset = document.createElement('button');
    reset.type = 'button';
    reset.className = 'flame-reset';
    reset.textContent = 'Reset zoom';
    var note = document.createElement('span');
    note.className = 'flame-match';
    tools.appendChild(search);
    tools.appendChild(reset);
    tools.appendChild(note);
    var canvas = document.createElement('div');
    canvas.className = 'flame-canvas';
    container.appendChild(tools);
    container.appendChild(canvas);
    search.addEventListener('input', function () {
      state.term = search.value.trim().toLowerCase();
      draw();
    });
    reset.addEventListener('click', function () {
      state.path = [];
      draw();
    });

    function frame(svg, n, x, y, w, total, path, ancestor) {
      var cls = ancestor ? 'frame ancestor' : 'frame';
      if (state.term && n.name.toLowerCase().indexOf(state.term) >= 0) { cls += ' match'; }
      var g = el('g', { 'class': cls }, svg);
      el('rect', { x: x.toFixed(2), y: y, width: Math.max(w - 0.5, 0.5).toFixed(2),
        height: ROW - 1, rx: 2, fill: ancestor ? '#e5e7eb' : colour(n.name) }, g);
      var t = el('title', {}, g);
      t.textContent = n.name + '\n' + n.value + ' samples (' +
        (100 * n.value / total).toFixed(1) + '%)';
      if (w > 30) {
        var label = el('text', { x: (x + 4).toFixed(2), y: y + ROW - 5 }, g);
        var chars = Math.floor((w - 8) / 6.5);
        label.textContent = n.name.length > chars ? n.name.substring(0, chars - 1) + '…' : n.name;
      }
      g.addEventListener('click', function () {
        state.path = path;
        draw();
      });
    }

    function children(svg, n, x, y, w, total, path) {
      var scale = n.value > 0 ? w / n.value : 0;
      var cx = x;
      (n.children || []).forEach(function (c) {
        var cw = c.value * scale;
        if (cw >= 0.5) {
          var p = path.concat([c.name]);
          frame(svg, c, cx, y, cw, total, p, false);
          children(svg, c, cx, y + ROW, cw, total, p);
        }
        cx += cw;
      });
    }

    function draw() {
      while (canvas.firstChild) { canvas.removeChild(canvas.firstChild); }
      var t = state.tree;
      if (!t || !t.value) {
        tools.hidden = true;
        var p = document.createElement('p');
        p.className = 'empty';
        p.textContent = opts.empty || 'no profile samples';
        canvas.appendChild(p);
        return;
      }
      tools.hidden = false;
      if (state.term) {
        var m = matched(t, state.term);
        note.textContent = 'matched ' + m + ' of ' + t.value + ' samples (' +
          (100 * m / t.value).toFixed(1) + '%)';
      } else {
        note.textContent = '';
      }
      var at = byPath(t, state.path);
      state.path = at.path;
      var width = Math.max(container.clientWidth || 0, 300);
      var rows = at.trail.length - 1 + depth(at.node);
      var svg = el('svg', { width: width, height: rows * ROW, 'class': 'flame-svg',
        role: 'img', 'aria-label': 'flame graph' }, canvas);
      // The zoomed frame's callers stay on top, full width and grey: click one to zoom out.
      for (var i = 0; i < at.trail.length - 1; i++) {
        frame(svg, at.trail[i], 0, i * ROW, width, t.value, at.path.slice(0, i), true);
      }
      var y = (at.trail.length - 1) * ROW;
      frame(svg, at.node, 0, y, width, t.value, at.path, false);
      children(svg, at.node, 0, y + ROW, width, t.value, at.path);
    }

    draw();
    return {
      update: function (next) { state.tree = next; draw(); },
      redraw: draw
    };
  }

  root.Reqlens = root.Reqlens || {};
  root.Reqlens.flameGraph = flameGraph;
})(window);
