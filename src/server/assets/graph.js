// Graph view: a small self-written force layout drawn on <svg>.
// Without ?iri it shows the zone-to-policy network (/api/network); with one it
// shows the entity's neighbourhood (/api/neighbourhood) and expands a node
// when it is clicked. Colours by class, filters by relation. Labels are SVG
// text nodes set with textContent.
(function () {
  "use strict";
  const svg = document.getElementById("graph");
  if (!svg) return;
  const NS = "http://www.w3.org/2000/svg";
  const W = 960, H = 640;
  const COLOURS = {
    FreeTradeZone: "#b3261e", Area: "#e8710a", SpecialZone: "#f9ab00", Firm: "#1e8e3e",
    GovernmentBody: "#1a73e8", Institution: "#12b5cb", Policy: "#9334e6", Practice: "#e52592",
    Platform: "#5f6368", Recognition: "#c5221f", Place: "#80868b"
  };
  const nodes = new Map();   // iri -> {iri, label, class, x, y, vx, vy, el}
  const edges = new Map();   // key -> {source, target, property, el}
  const expanded = new Set();
  const edgeLayer = document.createElementNS(NS, "g");
  const nodeLayer = document.createElementNS(NS, "g");
  svg.appendChild(edgeLayer);
  svg.appendChild(nodeLayer);
  let heat = 1;
  let running = false;

  function enabled(property) {
    const box = document.querySelector('input[data-property="' + property + '"]');
    return !box || box.checked;
  }

  function addNode(n, near) {
    if (nodes.has(n.iri)) return nodes.get(n.iri);
    const angle = Math.random() * 2 * Math.PI;
    const origin = near || { x: W / 2, y: H / 2 };
    const node = Object.assign({}, n, {
      x: origin.x + Math.cos(angle) * 60, y: origin.y + Math.sin(angle) * 60, vx: 0, vy: 0
    });
    const g = document.createElementNS(NS, "g");
    g.setAttribute("class", "node");
    const c = document.createElementNS(NS, "circle");
    c.setAttribute("r", "9");
    c.setAttribute("fill", COLOURS[n.class] || "#999");
    const title = document.createElementNS(NS, "title");
    title.textContent = n.label + " (" + n.class + ")";
    c.appendChild(title);
    const t = document.createElementNS(NS, "text");
    t.setAttribute("dx", "12");
    t.setAttribute("dy", "4");
    t.textContent = n.label.length > 18 ? n.label.slice(0, 17) + "…" : n.label;
    g.appendChild(c);
    g.appendChild(t);
    g.addEventListener("click", function () { expand(node); });
    g.addEventListener("dblclick", function () {
      window.location.href = "/entity?iri=" + encodeURIComponent(node.iri);
    });
    nodeLayer.appendChild(g);
    node.el = g;
    nodes.set(n.iri, node);
    return node;
  }

  function addEdge(e) {
    const key = e.source + "|" + e.property + "|" + e.target;
    if (edges.has(key) || !nodes.has(e.source) || !nodes.has(e.target)) return;
    const g = document.createElementNS(NS, "g");
    const line = document.createElementNS(NS, "line");
    const label = document.createElementNS(NS, "text");
    label.setAttribute("class", "edge");
    label.textContent = e.property;
    g.appendChild(line);
    g.appendChild(label);
    edgeLayer.appendChild(g);
    edges.set(key, Object.assign({}, e, { el: g, line: line, label: label }));
  }

  function merge(data, near) {
    for (const n of data.nodes) addNode(n, near);
    for (const e of data.edges) addEdge(e);
    legend();
    applyFilter();
    heat = 1;
    if (!running) { running = true; requestAnimationFrame(tick); }
  }

  function expand(node) {
    if (expanded.has(node.iri)) return;
    expanded.add(node.iri);
    fetch("/api/neighbourhood?iri=" + encodeURIComponent(node.iri))
      .then(function (r) { return r.json(); })
      .then(function (data) { merge(data, node); });
  }

  function applyFilter() {
    const visible = new Set();
    const root = svg.dataset.iri;
    if (root) visible.add(root);
    for (const e of edges.values()) {
      const on = enabled(e.property);
      e.el.style.display = on ? "" : "none";
      if (on) { visible.add(e.source); visible.add(e.target); }
    }
    for (const n of nodes.values()) {
      n.hidden = !visible.has(n.iri);
      n.el.style.display = n.hidden ? "none" : "";
    }
  }

  function legend() {
    const ul = document.getElementById("legend");
    if (!ul) return;
    const classes = new Set();
    for (const n of nodes.values()) classes.add(n.class);
    ul.replaceChildren();
    for (const c of classes) {
      const li = document.createElement("li");
      const dot = document.createElement("span");
      dot.style.background = COLOURS[c] || "#999";
      li.appendChild(dot);
      li.appendChild(document.createTextNode(c));
      ul.appendChild(li);
    }
  }

  // One step of the layout: pairwise repulsion, springs along edges, a pull
  // to the centre; velocities damped, movement scaled by a cooling "heat".
  function tick() {
    const list = Array.from(nodes.values()).filter(function (n) { return !n.hidden; });
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      for (let j = i + 1; j < list.length; j++) {
        const b = list[j];
        let dx = a.x - b.x, dy = a.y - b.y;
        let d2 = dx * dx + dy * dy;
        if (d2 < 1) { dx = Math.random(); dy = Math.random(); d2 = 1; }
        const f = 1800 / d2;
        const d = Math.sqrt(d2);
        a.vx += f * dx / d; a.vy += f * dy / d;
        b.vx -= f * dx / d; b.vy -= f * dy / d;
      }
    }
    for (const e of edges.values()) {
      if (!enabled(e.property)) continue;
      const a = nodes.get(e.source), b = nodes.get(e.target);
      const dx = b.x - a.x, dy = b.y - a.y;
      const d = Math.sqrt(dx * dx + dy * dy) || 1;
      const f = (d - 90) * 0.04;
      a.vx += f * dx / d; a.vy += f * dy / d;
      b.vx -= f * dx / d; b.vy -= f * dy / d;
    }
    for (const n of list) {
      if (n.fixed) { n.vx = 0; n.vy = 0; continue; }
      n.vx += (W / 2 - n.x) * 0.005;
      n.vy += (H / 2 - n.y) * 0.005;
      n.x += Math.max(-20, Math.min(20, n.vx * heat));
      n.y += Math.max(-20, Math.min(20, n.vy * heat));
      n.x = Math.max(15, Math.min(W - 15, n.x));
      n.y = Math.max(15, Math.min(H - 15, n.y));
      n.vx *= 0.5; n.vy *= 0.5;
    }
    draw();
    heat *= 0.985;
    if (heat > 0.02) requestAnimationFrame(tick); else running = false;
  }

  function draw() {
    for (const e of edges.values()) {
      const a = nodes.get(e.source), b = nodes.get(e.target);
      e.line.setAttribute("x1", a.x); e.line.setAttribute("y1", a.y);
      e.line.setAttribute("x2", b.x); e.line.setAttribute("y2", b.y);
      e.label.setAttribute("x", (a.x + b.x) / 2); e.label.setAttribute("y", (a.y + b.y) / 2);
    }
    for (const n of nodes.values()) n.el.setAttribute("transform", "translate(" + n.x + "," + n.y + ")");
  }

  // Dragging a node pins it where it is dropped.
  let dragging = null;
  svg.addEventListener("mousedown", function (ev) {
    const g = ev.target.closest && ev.target.closest("g.node");
    if (!g) return;
    for (const n of nodes.values()) if (n.el === g) dragging = n;
  });
  svg.addEventListener("mousemove", function (ev) {
    if (!dragging) return;
    const p = svg.createSVGPoint();
    p.x = ev.clientX; p.y = ev.clientY;
    const q = p.matrixTransform(svg.getScreenCTM().inverse());
    dragging.x = q.x; dragging.y = q.y; dragging.fixed = true;
    draw();
  });
  window.addEventListener("mouseup", function () { dragging = null; });

  document.querySelectorAll("input[data-property]").forEach(function (box) {
    box.addEventListener("change", function () {
      applyFilter(); heat = 0.6;
      if (!running) { running = true; requestAnimationFrame(tick); }
    });
  });

  const root = svg.dataset.iri;
  const source = root ? "/api/neighbourhood?iri=" + encodeURIComponent(root) : "/api/network";
  if (root) expanded.add(root);
  fetch(source)
    .then(function (r) { return r.json(); })
    .then(function (data) {
      merge(data, null);
      svg.dataset.nodes = String(nodes.size);
    });
})();
