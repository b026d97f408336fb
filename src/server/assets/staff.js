// Staff pages: upload a newsletter, reject a relation, merge, rename,
// alias, retype. Every write carries "Authorization: Bearer TOKEN"; the
// token is kept in this tab's sessionStorage only.
(function () {
  "use strict";
  var tokenBox = document.getElementById("token");
  var status = document.getElementById("status");
  if (tokenBox) {
    tokenBox.value = sessionStorage.getItem("ftzkg-token") || "";
    tokenBox.addEventListener("input", function () {
      sessionStorage.setItem("ftzkg-token", tokenBox.value.trim());
    });
  }
  function say(text, ok) {
    status.textContent = text;
    status.className = "status " + (ok ? "ok" : "error");
  }
  function send(url, body, type) {
    var headers = { Authorization: "Bearer " + (tokenBox ? tokenBox.value.trim() : "") };
    if (type) headers["Content-Type"] = type;
    return fetch(url, { method: "POST", headers: headers, body: body, credentials: "same-origin" })
      .then(function (r) {
        return r.text().then(function (t) {
          var data;
          try { data = JSON.parse(t); } catch (e) { data = { error: t }; }
          return { ok: r.ok, status: r.status, data: data };
        });
      });
  }
  function curate(request, done) {
    say("…", true);
    send("/api/curate", JSON.stringify(request), "application/json").then(function (r) {
      if (r.ok) {
        say("已记录 " + r.data.line, true);
        if (done) done();
      } else {
        say(r.status + " " + (r.data.error || ""), false);
      }
    });
  }
  var form = document.getElementById("upload-form");
  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var file = document.getElementById("upload-file").files[0];
      if (!file) { say("请选择文件 choose a file", false); return; }
      say("导入中 ingesting " + file.name + " …", true);
      send("/api/upload?name=" + encodeURIComponent(file.name), file).then(function (r) {
        if (r.ok) {
          var s = r.data;
          say("已导入 ingested " + file.name + ": " + s.articles + " 篇文章 articles, " +
              s.entities + " 个实体 entities, " + s.relations + " 条关系 relations", true);
        } else {
          say(r.status + " " + (r.data.error || (r.data.errors || []).join("; ")), false);
        }
      });
    });
  }
  document.querySelectorAll("button.reject").forEach(function (button) {
    button.addEventListener("click", function () {
      curate({ verb: "reject", subject: button.dataset.subject, property: button.dataset.property,
               object: button.dataset.object, why: "web" }, function () {
        button.closest("tr").classList.add("rejected");
        button.disabled = true;
      });
    });
  });
  document.querySelectorAll("form.curate").forEach(function (f) {
    f.addEventListener("submit", function (event) {
      event.preventDefault();
      var request = { verb: f.dataset.verb, why: f.elements.why.value };
      var value = f.elements.value.value.trim();
      if (f.dataset.verb === "merge") {
        request.keep = f.dataset.entity;
        request.other = value;
      } else {
        request.entity = f.dataset.entity;
        request[f.dataset.field] = value;
      }
      curate(request);
    });
  });
})();
