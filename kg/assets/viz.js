// litkg graph viewer: a small force layout on a canvas, no external library.
// Data: {title, types: {type: colour}, nodes: [{id, label, type, papers: [..], facts: [[k, v]], evidence: [{quote, page, fact}]}],
//        edges: [[source index, target index, predicate]], papers: [{id, label}]}
(function () {
  "use strict";
  var hook = document.getElementById("test-hook");
  var errorsEl = document.getElementById("console-errors");
  var errors = [];
  function recordError(msg) {
    errors.push(String(msg));
    errorsEl.textContent = errors.join("\n");
    hook.setAttribute("data-errors", String(errors.length));
  }
  window.addEventListener("error", function (e) { recordError(e.message || e); });
  window.addEventListener("unhandledrejection", function (e) { recordError(e.reason); });
  var origError = console.error;
  console.error = function () {
    recordError(Array.prototype.join.call(arguments, " "));
    origError.apply(console, arguments);
  };

  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var nodes = data.nodes, edges = data.edges, n = nodes.length;
  var canvas = document.getElementById("graph");
  var ctx = canvas.getContext("2d");
  var hiddenTypes = {}, paperFilter = "", matches = null, selected = -1;
  (data.hidden || []).forEach(function (t) { hiddenTypes[t] = true; });
  var view = { x: 0, y: 0, k: 1 };
  var adj = [];
  for (var i = 0; i < n; i++) adj.push([]);
  edges.forEach(function (e) { adj[e[0]].push(e[1]); adj[e[1]].push(e[0]); });

  // --- layout: deterministic seed, then a fixed number of force iterations
  function layout() {
    var seed = 1;
    function rnd() { seed = (seed * 16807) % 2147483647; return seed / 2147483647; }
    // each paper's nodes start around a centre of their own (papers on a circle),
    // and are pulled back to it: a study and its arms, outcomes and AEs stay together
    var groups = {}, ng = 0;
    data.papers.forEach(function (p) { groups[p.id] = ng++; });
    var R = ng > 1 ? 140 * Math.sqrt(ng) : 0;
    function centre(g) {
      var a = 2 * Math.PI * g / Math.max(1, ng) - Math.PI / 2;
      return { x: R * Math.cos(a), y: R * Math.sin(a) };
    }
    nodes.forEach(function (d, i) {
      var g = d.papers.length && d.papers[0] in groups ? groups[d.papers[0]] : -1;
      var c = g >= 0 ? centre(g) : { x: 0, y: 0 };
      var a = 2 * Math.PI * rnd(), r = (g >= 0 ? 60 : R * 0.5 + 30) * Math.sqrt(rnd());
      d.group = g; d.cx = c.x; d.cy = c.y;
      d.x = c.x + r * Math.cos(a); d.y = c.y + r * Math.sin(a); d.vx = 0; d.vy = 0;
      d.r = d.type === "Study" ? 11 : 4 + Math.min(8, Math.sqrt(adj[i].length) * 1.5);
    });
    var iters = Math.max(30, Math.min(300, Math.floor(4e7 / Math.max(1, n * n))));
    var k = 40, alpha = 1;
    for (var it = 0; it < iters; it++) {
      for (var a = 0; a < n; a++) {
        var p = nodes[a];
        if (hiddenTypes[p.type]) continue;
        for (var b = a + 1; b < n; b++) {
          if (hiddenTypes[nodes[b].type]) continue;
          var q = nodes[b], dx = p.x - q.x, dy = p.y - q.y, d2 = dx * dx + dy * dy + 0.01;
          if (d2 > 250000) continue;
          var f = (k * k) / d2 * alpha;
          p.vx += dx * f; p.vy += dy * f; q.vx -= dx * f; q.vy -= dy * f;
        }
      }
      edges.forEach(function (e) {
        var p = nodes[e[0]], q = nodes[e[1]];
        if (hiddenTypes[p.type] || hiddenTypes[q.type]) return;  // laid out when shown
        var dx = q.x - p.x, dy = q.y - p.y;
        var d = Math.sqrt(dx * dx + dy * dy) + 0.01, f = (d - k) / d * 0.1 * alpha;
        p.vx += dx * f; p.vy += dy * f; q.vx -= dx * f; q.vy -= dy * f;
      });
      nodes.forEach(function (p) {
        var pull = p.group >= 0 ? 0.03 : 0.002;
        p.vx -= (p.x - p.cx) * pull * alpha; p.vy -= (p.y - p.cy) * pull * alpha;
        var v = Math.sqrt(p.vx * p.vx + p.vy * p.vy), max = 20;
        if (v > max) { p.vx *= max / v; p.vy *= max / v; }
        p.x += p.vx; p.y += p.vy; p.vx *= 0.5; p.vy *= 0.5;
      });
      alpha *= 0.99;
    }
    // the nodes the page opens without: next to what they link to
    nodes.forEach(function (d, i) {
      if (!hiddenTypes[d.type]) return;
      var near = adj[i].filter(function (j) { return !hiddenTypes[nodes[j].type]; });
      if (!near.length) return;
      var x = 0, y = 0;
      near.forEach(function (j) { x += nodes[j].x; y += nodes[j].y; });
      var a = 2 * Math.PI * rnd();
      d.x = x / near.length + 25 * Math.cos(a); d.y = y / near.length + 25 * Math.sin(a);
    });
  }

  function visible(d) {
    if (hiddenTypes[d.type]) return false;
    if (paperFilter && d.papers.length && d.papers.indexOf(paperFilter) < 0) return false;
    if (paperFilter && !d.papers.length) {
      // a shared node (trial, concept, cited work) shows when linked to a visible node
      return adjVisible(d);
    }
    return true;
  }
  function adjVisible(d) {
    var i = nodes.indexOf(d);
    return adj[i].some(function (j) {
      var m = nodes[j];
      return !hiddenTypes[m.type] && m.papers.indexOf(paperFilter) >= 0;
    });
  }

  function resize() {
    var rect = canvas.getBoundingClientRect();
    var dpr = window.devicePixelRatio || 1;
    canvas.width = Math.max(1, rect.width * dpr);
    canvas.height = Math.max(1, rect.height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  }

  function fit() {
    var shown = nodes.filter(visible);
    if (!shown.length) shown = nodes;
    var xs = shown.map(function (d) { return d.x; }), ys = shown.map(function (d) { return d.y; });
    if (!n) return;
    var w = canvas.clientWidth || 800, h = canvas.clientHeight || 600;
    var minx = Math.min.apply(null, xs), maxx = Math.max.apply(null, xs);
    var miny = Math.min.apply(null, ys), maxy = Math.max.apply(null, ys);
    view.k = Math.min(w / (maxx - minx + 80), h / (maxy - miny + 80), 2);
    view.x = w / 2 - view.k * (minx + maxx) / 2;
    view.y = h / 2 - view.k * (miny + maxy) / 2;
  }

  function draw() {
    var w = canvas.clientWidth, h = canvas.clientHeight;
    ctx.clearRect(0, 0, w, h);
    ctx.save();
    ctx.translate(view.x, view.y);
    ctx.scale(view.k, view.k);
    var vis = nodes.map(visible);
    ctx.lineWidth = 1 / view.k;
    ctx.strokeStyle = "rgba(120,120,120,0.35)";
    ctx.beginPath();
    var drawnEdges = 0;
    edges.forEach(function (e) {
      if (!vis[e[0]] || !vis[e[1]]) return;
      var p = nodes[e[0]], q = nodes[e[1]];
      ctx.moveTo(p.x, p.y); ctx.lineTo(q.x, q.y); drawnEdges++;
    });
    ctx.stroke();
    var drawn = 0;
    nodes.forEach(function (d, i) {
      if (!vis[i]) return;
      drawn++;
      var dim = matches && !matches[i];
      ctx.globalAlpha = dim ? 0.15 : 1;
      ctx.beginPath();
      ctx.arc(d.x, d.y, d.r, 0, 2 * Math.PI);
      ctx.fillStyle = data.types[d.type] || "#999";
      ctx.fill();
      if (i === selected || (matches && matches[i])) {
        ctx.lineWidth = 3 / view.k; ctx.strokeStyle = "#000"; ctx.stroke();
      }
      var study = d.type === "Study";
      var near = selected >= 0 && adj[selected].indexOf(i) >= 0;
      if (study || view.k > 1.6 || i === selected || near || (matches && matches[i])) {
        ctx.fillStyle = study ? "#000" : "#333";
        ctx.font = (study ? "600 " + (13 / view.k) : (10 / view.k)) + "px system-ui, sans-serif";
        var max = study ? 72 : 48;
        var text = d.label.length > max ? d.label.slice(0, max - 1) + "\u2026" : d.label;
        if (study) {
          var w = ctx.measureText(text).width;
          ctx.fillStyle = "rgba(255,255,255,0.85)";
          ctx.fillRect(d.x - w / 2 - 3 / view.k, d.y - d.r - 17 / view.k, w + 6 / view.k, 16 / view.k);
          ctx.fillStyle = "#000";
          ctx.fillText(text, d.x - w / 2, d.y - d.r - 5 / view.k);
        } else {
          ctx.fillText(text, d.x + d.r + 2, d.y + 3);
        }
      }
    });
    ctx.globalAlpha = 1;
    ctx.restore();
    hook.setAttribute("data-drawn", String(drawn));
    hook.setAttribute("data-edges", String(drawnEdges));
  }

  // --- legend and filters
  function buildLegend() {
    var counts = {};
    nodes.forEach(function (d) { counts[d.type] = (counts[d.type] || 0) + 1; });
    var ul = document.getElementById("legend-list");
    Object.keys(data.types).forEach(function (t) {
      if (!counts[t]) return;
      var li = document.createElement("li");
      var box = document.createElement("input");
      box.type = "checkbox"; box.checked = !hiddenTypes[t]; box.setAttribute("data-type", t);
      box.addEventListener("change", function () { hiddenTypes[t] = !box.checked; draw(); });
      var sw = document.createElement("span");
      sw.className = "swatch"; sw.style.background = data.types[t];
      var label = document.createElement("label");
      label.appendChild(box); label.appendChild(sw);
      label.appendChild(document.createTextNode(" " + t + " (" + counts[t] + ")" +
        (hiddenTypes[t] ? " \u2013 tick to show" : "")));
      li.appendChild(label);
      ul.appendChild(li);
    });
    var sel = document.getElementById("paper-filter");
    data.papers.forEach(function (p) {
      var o = document.createElement("option");
      o.value = p.id; o.textContent = p.label;
      sel.appendChild(o);
    });
    sel.addEventListener("change", function () { paperFilter = sel.value; draw(); });
  }

  // --- search
  function search(term) {
    var t = (term || "").trim().toLowerCase();
    var status = document.getElementById("search-status");
    if (!t) { matches = null; status.textContent = ""; hook.setAttribute("data-search", ""); draw(); return 0; }
    matches = nodes.map(function (d) {
      return d.label.toLowerCase().indexOf(t) >= 0 || d.id.toLowerCase().indexOf(t) >= 0;
    });
    var found = [];
    matches.forEach(function (m, i) { if (m) found.push(i); });
    status.textContent = found.length + " match" + (found.length === 1 ? "" : "es");
    hook.setAttribute("data-search", JSON.stringify({ term: term, count: found.length,
      labels: found.slice(0, 20).map(function (i) { return nodes[i].label; }) }));
    if (found.length) { select(found[0]); }
    draw();
    return found.length;
  }
  window.litkgSearch = search;

  // --- details panel
  function el(tag, text) { var e = document.createElement(tag); if (text != null) e.textContent = text; return e; }
  function select(i) {
    selected = i;
    var d = nodes[i], box = document.getElementById("details");
    box.innerHTML = "";
    box.appendChild(el("h2", d.label));
    var dl = el("ul");
    dl.className = "facts";
    function fact(k, v) {
      var li = el("li"); li.appendChild(el("b", k + ": ")); li.appendChild(document.createTextNode(v));
      dl.appendChild(li);
    }
    fact("type", d.type);
    d.facts.forEach(function (f) { fact(f[0], f[1]); });
    fact("IRI", d.id);
    box.appendChild(dl);
    if (d.evidence.length) {
      box.appendChild(el("h2", "Evidence"));
      d.evidence.forEach(function (ev) {
        var q = el("blockquote", "\u201c" + ev.quote + "\u201d" + (ev.page != null ? " (p. " + ev.page + ")" : ""));
        box.appendChild(q);
      });
    }
    var linked = adj[i];
    if (linked.length) {
      box.appendChild(el("h2", "Linked (" + linked.length + ")"));
      var ul = el("ul");
      linked.slice(0, 60).forEach(function (j) {
        var li = el("li"), a = el("a", nodes[j].label + " [" + nodes[j].type + "]");
        a.addEventListener("click", function () { select(j); draw(); });
        li.appendChild(a); ul.appendChild(li);
      });
      box.appendChild(ul);
    }
    hook.setAttribute("data-selected", d.id);
  }

  // --- interaction: pan, zoom, click, drag
  function toGraph(ev) {
    var rect = canvas.getBoundingClientRect();
    return { x: (ev.clientX - rect.left - view.x) / view.k, y: (ev.clientY - rect.top - view.y) / view.k };
  }
  function hit(pt) {
    var best = -1, bd = Infinity;
    nodes.forEach(function (d, i) {
      if (!visible(d)) return;
      var dx = d.x - pt.x, dy = d.y - pt.y, dd = dx * dx + dy * dy;
      if (dd < (d.r + 4 / view.k) * (d.r + 4 / view.k) && dd < bd) { bd = dd; best = i; }
    });
    return best;
  }
  var drag = null;
  canvas.addEventListener("mousedown", function (ev) {
    var pt = toGraph(ev), i = hit(pt);
    drag = { node: i, sx: ev.clientX, sy: ev.clientY, vx: view.x, vy: view.y, moved: false };
  });
  window.addEventListener("mousemove", function (ev) {
    if (!drag) return;
    var dx = ev.clientX - drag.sx, dy = ev.clientY - drag.sy;
    if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
    if (drag.node >= 0) { var pt = toGraph(ev); nodes[drag.node].x = pt.x; nodes[drag.node].y = pt.y; }
    else { view.x = drag.vx + dx; view.y = drag.vy + dy; }
    draw();
  });
  window.addEventListener("mouseup", function () {
    if (drag && !drag.moved && drag.node >= 0) { select(drag.node); draw(); }
    drag = null;
  });
  canvas.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var rect = canvas.getBoundingClientRect(), mx = ev.clientX - rect.left, my = ev.clientY - rect.top;
    var f = ev.deltaY < 0 ? 1.15 : 1 / 1.15;
    view.x = mx - (mx - view.x) * f; view.y = my - (my - view.y) * f; view.k *= f;
    draw();
  }, { passive: false });
  window.addEventListener("resize", function () { resize(); draw(); });
  var input = document.getElementById("search");
  input.addEventListener("input", function () { search(input.value); });

  // --- start
  layout();
  buildLegend();
  resize();
  fit();
  draw();
  hook.setAttribute("data-nodes", String(n));
  var m = /[#&]search=([^&]*)/.exec(window.location.hash);
  if (m) { input.value = decodeURIComponent(m[1]); search(input.value); }
  hook.setAttribute("data-ready", "1");
})();
