// The SPARQL page: canned queries as examples, results as a table, downloads.
// Results are written with textContent only.
(function () {
  "use strict";
  const area = document.getElementById("sparql");
  const canned = document.getElementById("canned");
  const run = document.getElementById("run");
  const status = document.getElementById("status");
  const results = document.getElementById("results");
  const csv = document.getElementById("download-csv");
  const json = document.getElementById("download-json");
  function links() {
    const q = encodeURIComponent(area.value);
    csv.href = "/api/download?format=csv&query=" + q;
    json.href = "/api/download?format=json&query=" + q;
  }
  function cell(term) {
    if (!term) return "";
    return term.value;
  }
  function table(data) {
    results.replaceChildren();
    if (typeof data.boolean === "boolean") {
      const p = document.createElement("p");
      p.textContent = String(data.boolean);
      results.appendChild(p);
      return 1;
    }
    const vars = data.head.vars;
    const t = document.createElement("table");
    t.id = "result-table";
    const head = t.insertRow();
    for (const v of vars) {
      const th = document.createElement("th");
      th.textContent = v;
      head.appendChild(th);
    }
    for (const b of data.results.bindings) {
      const row = t.insertRow();
      for (const v of vars) {
        const td = row.insertCell();
        const term = b[v];
        if (term && term.type === "uri" && term.value.indexOf("https://w3id.org/ftzkg/id/") === 0) {
          const a = document.createElement("a");
          a.href = (term.value.indexOf("/article/") > 0 && term.value.indexOf("/evidence/") < 0 && term.value.indexOf("/statistic/") < 0
            ? "/article?iri=" : "/entity?iri=") + encodeURIComponent(term.value);
          a.textContent = term.value.replace("https://w3id.org/ftzkg/id/", "ftzr:");
          td.appendChild(a);
        } else {
          td.textContent = cell(term);
        }
      }
    }
    results.appendChild(t);
    return data.results.bindings.length;
  }
  function execute() {
    status.textContent = "…";
    const started = performance.now();
    fetch("/sparql", {
      method: "POST",
      headers: { "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json" },
      body: area.value
    }).then(function (r) {
      if (!r.ok) return r.text().then(function (t) { throw new Error(r.status + ": " + t); });
      return r.json();
    }).then(function (data) {
      const n = table(data);
      status.textContent = n + " rows · " + Math.round(performance.now() - started) + " ms";
      status.dataset.rows = String(n);
    }).catch(function (e) {
      results.replaceChildren();
      const p = document.createElement("p");
      p.className = "error";
      p.textContent = e.message;
      results.appendChild(p);
      status.textContent = "";
    });
  }
  canned.addEventListener("change", function () {
    area.value = canned.selectedOptions[0].dataset.sparql;
    links();
  });
  area.addEventListener("input", links);
  run.addEventListener("click", execute);
  links();
})();
