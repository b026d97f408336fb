// Search suggestions for the home and search pages: asks /api/search as the
// user types and lists the hits. Data goes into the page with textContent only.
(function () {
  "use strict";
  const input = document.getElementById("q");
  const list = document.getElementById("suggestions");
  if (!input || !list) return;
  let timer = null;
  let seq = 0;
  function show(hits, mine) {
    if (mine !== seq) return;
    list.replaceChildren();
    for (const hit of hits) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = "/entity?iri=" + encodeURIComponent(hit.iri);
      a.className = "entity c-" + hit.class;
      a.textContent = hit.label;
      const cls = document.createElement("span");
      cls.className = "class";
      cls.textContent = document.body.dataset.lang === "en" ? hit.class : hit.class_zh;
      a.appendChild(cls);
      if (hit.matched !== hit.label) {
        const alias = document.createElement("span");
        alias.className = "alias";
        alias.textContent = " (" + hit.matched + ")";
        a.appendChild(alias);
      }
      li.appendChild(a);
      list.appendChild(li);
    }
  }
  input.addEventListener("input", function () {
    clearTimeout(timer);
    const q = input.value.trim();
    const mine = ++seq;
    if (!q) { list.replaceChildren(); return; }
    timer = setTimeout(function () {
      fetch("/api/search?q=" + encodeURIComponent(q))
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (hits) { show(hits, mine); })
        .catch(function () { show([], mine); });
    }, 150);
  });
  document.addEventListener("click", function (e) {
    if (!list.contains(e.target) && e.target !== input) list.replaceChildren();
  });
})();
