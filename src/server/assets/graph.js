// Graph pictures drawn with the vendored Cytoscape.js and its fcose layout.
// Every <div class="graph" data-src="/api/graph?…"> is filled with the
// elements the server returns (the same JSON as `ftzkg graph --format json`):
// colours come from the data (src/graph/style.rs), node size grows with the
// degree, labels are the short names (full name on hover) and appear as the
// user zooms in. Click a node to highlight its links, double-click to open
// it. On /graph the filter form and the search-to-focus box keep their state
// in the URL. Text reaches the page through textContent only.
(function () {
  "use strict";
  if (typeof cytoscape === "undefined") return;
  const zh = document.body.dataset.lang !== "en";

  // Few nodes (a neighbourhood, the zone overview): larger names, shown
  // from further out.
  function styles(maxDegree, few) {
    const top = Math.max(2, maxDegree);
    const small = few ? 13 : 11, large = few ? 22 : 20;
    return [
      { selector: "node", style: {
        "background-color": "data(color)", "border-color": "data(border)", "border-width": 1.5,
        "label": "data(short)", "font-size": "mapData(degree, 0, " + top + ", " + small + ", " + large + ")",
        "width": "mapData(degree, 0, " + top + ", 14, 54)", "height": "mapData(degree, 0, " + top + ", 14, 54)",
        "text-valign": "bottom", "text-margin-y": 3, "color": "#1d2733",
        "text-background-color": "#ffffff", "text-background-opacity": 0.85, "text-background-padding": 1,
        "min-zoomed-font-size": few ? 6 : 9, "text-max-width": 160,
        "font-family": "Noto Sans CJK SC, WenQuanYi Micro Hei, Microsoft YaHei, PingFang SC, sans-serif"
      } },
      { selector: ":parent", style: {
        "background-color": "#f7f3ee", "background-opacity": 0.6, "border-color": "data(border)",
        "border-width": 1.5, "shape": "round-rectangle", "padding": 14,
        "text-valign": "top", "text-halign": "center", "font-size": 22, "font-weight": "bold",
        "text-margin-y": -2, "min-zoomed-font-size": 4
      } },
      { selector: "edge", style: {
        "line-color": "data(color)", "target-arrow-color": "data(color)", "target-arrow-shape": "triangle",
        "curve-style": "bezier", "width": 1.2, "opacity": 0.65, "arrow-scale": 0.8
      } },
      { selector: "edge[weight]", style: {
        "width": "mapData(weight, 1, 6, 1.5, 7)", "label": "data(label)", "font-size": 10,
        "color": "#8a3b00", "text-background-color": "#ffffff", "text-background-opacity": 0.8,
        "min-zoomed-font-size": 8
      } },
      { selector: ".faded", style: { "opacity": 0.12 } },
      { selector: "node.focus", style: { "border-width": 4, "border-color": "#b3261e", "z-index": 10 } },
      { selector: "node.centre", style: { "border-width": 3, "border-color": "#7a1b14" } }
    ];
  }

  function legend(list, cy) {
    if (!list) return;
    list.replaceChildren();
    const seen = new Map();
    cy.nodes().forEach(function (n) {
      if (!seen.has(n.data("class"))) seen.set(n.data("class"), [n.data("class_zh"), n.data("color"), n.data("border")]);
    });
    const edgeSeen = new Map();
    cy.edges().forEach(function (e) {
      const key = e.data("property");
      if (key && !edgeSeen.has(key)) edgeSeen.set(key, [e.data("weight") ? (zh ? "复制推广（线宽=项数）" : "copied (width = practices)") : e.data("label"), e.data("color")]);
    });
    seen.forEach(function (v, cls) {
      const li = document.createElement("li");
      const dot = document.createElement("span");
      dot.className = "dot";
      dot.style.background = v[1];
      dot.style.borderColor = v[2];
      li.appendChild(dot);
      li.appendChild(document.createTextNode(zh ? v[0] : cls));
      list.appendChild(li);
    });
    edgeSeen.forEach(function (v, prop) {
      const li = document.createElement("li");
      const line = document.createElement("span");
      line.className = "line";
      line.style.background = v[1];
      li.appendChild(line);
      li.appendChild(document.createTextNode(zh ? v[0] : prop));
      list.appendChild(li);
    });
  }

  function tooltip(box, cy) {
    const tip = document.createElement("div");
    tip.className = "graph-tip";
    box.appendChild(tip);
    cy.on("mouseover", "node", function (ev) {
      const n = ev.target;
      const extra = n.data("originated") !== undefined
        ? (zh ? " · 首创 " : " · made ") + n.data("originated") + (zh ? " · 复制 " : " · copied ") + n.data("copied")
        : "";
      tip.textContent = n.data("label") + " [" + (zh ? n.data("class_zh") : n.data("class")) + "]" + extra;
      const p = ev.renderedPosition;
      tip.style.left = (p.x + 12) + "px";
      tip.style.top = (p.y + 12) + "px";
      tip.style.display = "block";
    });
    cy.on("mouseover", "edge[practices]", function (ev) {
      tip.textContent = ev.target.data("practices").join("、");
      const p = ev.renderedPosition;
      tip.style.left = (p.x + 12) + "px";
      tip.style.top = (p.y + 12) + "px";
      tip.style.display = "block";
    });
    cy.on("mouseout", "node, edge", function () { tip.style.display = "none"; });
  }

  function highlight(cy, node) {
    cy.elements().removeClass("faded focus");
    if (!node) return;
    const near = node.closedNeighborhood().union(node.closedNeighborhood().parents());
    cy.elements().not(near).addClass("faded");
    node.addClass("focus");
  }

  function find(cy, text) {
    const want = text.trim().toLowerCase();
    if (!want) { highlight(cy, null); return null; }
    const score = function (n) {
      const names = [n.data("label"), n.data("short")].concat(n.data("aliases") || []);
      let best = 9;
      names.forEach(function (s) {
        s = String(s || "").toLowerCase();
        if (s === want) best = Math.min(best, 0);
        else if (s.indexOf(want) === 0) best = Math.min(best, 1);
        else if (s.indexOf(want) >= 0) best = Math.min(best, 2);
      });
      return best;
    };
    let found = null, rank = 9;
    cy.nodes().forEach(function (n) {
      const s = score(n);
      if (s < rank || (s === rank && found && n.degree() > found.degree())) { found = n; rank = s; }
    });
    if (!found || rank === 9) return null;
    highlight(cy, found);
    cy.animate({ fit: { eles: found.closedNeighborhood(), padding: 60 } }, { duration: 400 });
    return found;
  }

  function draw(box, data) {
    const status = document.getElementById("graph-status");
    const elements = data.elements || data;
    const maxDegree = elements.nodes.reduce(function (m, n) { return Math.max(m, n.data.degree || 0); }, 0);
    const few = elements.nodes.length <= 120;
    const cy = cytoscape({
      container: box, elements: elements, style: styles(maxDegree, few),
      minZoom: 0.05, maxZoom: 5, wheelSensitivity: 0.3
    });
    const compound = cy.nodes(":parent").length > 0;
    const layout = cy.layout({
      name: cy.nodes().length > 1 ? "fcose" : "grid", quality: "proof", randomize: true, animate: false,
      nodeRepulsion: function () { return compound ? 4500 : 9000; },
      idealEdgeLength: function () { return compound ? 70 : 90; },
      nodeSeparation: compound ? 60 : 90, gravity: 0.2, gravityRange: 3.8, packComponents: true,
      nodeDimensionsIncludeLabels: true, numIter: 3000, tile: true, fit: true, padding: 30
    });
    layout.one("layoutstop", function () {
      box.dataset.nodes = String(cy.nodes().length);
      box.dataset.edges = String(cy.edges().length);
      box.dataset.ready = "1";
      if (status) status.textContent = (zh ? "节点 " : "nodes ") + cy.nodes().length + (zh ? " · 关系 " : " · edges ") + cy.edges().length;
      const iri = box.dataset.centre || new URLSearchParams(location.search).get("focus");
      if (iri) cy.nodes().filter(function (n) { return n.data("iri") === iri; }).addClass("centre");
      const mark = new URLSearchParams(location.search).get("find");
      const input = document.getElementById("find");
      if (mark && input) { input.value = mark; find(cy, mark); }
    });
    layout.run();
    legend(box.parentNode.querySelector(".legend") || document.getElementById("legend"), cy);
    tooltip(box, cy);
    cy.on("tap", "node", function (ev) { highlight(cy, ev.target); });
    cy.on("tap", function (ev) { if (ev.target === cy) highlight(cy, null); });
    cy.on("dbltap", "node", function (ev) {
      window.location.href = "/entity?iri=" + encodeURIComponent(ev.target.data("iri"));
    });
    const input = document.getElementById("find");
    if (input && box.id === "graph") {
      input.addEventListener("keydown", function (ev) {
        if (ev.key !== "Enter") return;
        ev.preventDefault();
        const hit = find(cy, input.value);
        const params = new URLSearchParams(location.search);
        if (input.value.trim()) params.set("find", input.value.trim()); else params.delete("find");
        history.replaceState(null, "", location.pathname + "?" + params.toString());
        if (status && !hit && input.value.trim()) status.textContent = zh ? "图中没有该名称" : "not in this picture";
      });
    }
    window.ftzkgGraph = cy;
  }

  // The filter form: checkboxes become comma lists; empty fields and
  // all-checked lists are left out of the URL.
  const form = document.getElementById("filters");
  if (form) {
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      const params = new URLSearchParams();
      form.querySelectorAll("input[name], select[name]").forEach(function (el) {
        if (el.value.trim()) params.set(el.name, el.value.trim());
      });
      form.querySelectorAll("fieldset.checks").forEach(function (set) {
        const boxes = Array.from(set.querySelectorAll("input[type=checkbox]"));
        const on = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
        if (on.length && on.length < boxes.length) params.set(set.dataset.name, on.join(","));
      });
      const find = document.getElementById("find");
      if (find && find.value.trim()) params.set("find", find.value.trim());
      window.location.href = "/graph?" + params.toString();
    });
  }

  document.querySelectorAll("div.graph[data-src]").forEach(function (box) {
    fetch(box.dataset.src)
      .then(function (r) {
        if (!r.ok) return r.text().then(function (t) { throw new Error(t); });
        return r.json();
      })
      .then(function (data) { draw(box, data); })
      .catch(function (e) {
        const status = document.getElementById("graph-status");
        const p = document.createElement("p");
        p.className = "error";
        p.textContent = e.message;
        (status || box).replaceChildren(p);
        box.dataset.ready = "error";
      });
  });
})();
