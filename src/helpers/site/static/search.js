/* Offline full-text search over the index written at build time (search-index.js sets
   window.SEARCH_INDEX = [[kind, title, text, url], ...]). Every word of the query must occur;
   title hits rank first. Works from file:// (no fetch). */
(function () {
  "use strict";
  var KINDS = { notebook: "Notebook", claim: "Claim", source: "Source", institution: "Institution", country: "Country", page: "Page" };
  var root = document.documentElement.getAttribute("data-root") || "";

  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  // words start after a space: "nis" finds "NIS", not "miNIStry"
  function words(s) {
    return " " + fold(s).replace(/[^\p{L}\p{N}]+/gu, " ");
  }

  var prepared = null;
  function prepare() {
    if (!prepared) {
      prepared = (window.SEARCH_INDEX || []).map(function (e) { return { e: e, title: words(e[1]), text: words(e[2]) }; });
    }
    return prepared;
  }

  function search(query) {
    var terms = fold(query).split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 0; });
    if (!terms.length) return [];
    var hits = [];
    prepare().forEach(function (p, i) {
      var score = 0;
      for (var k = 0; k < terms.length; k++) {
        var inTitle = p.title.indexOf(" " + terms[k]) >= 0;
        if (!inTitle && p.text.indexOf(" " + terms[k]) < 0) return;
        score += inTitle ? 3 : 1;
      }
      if (p.title.trim() === words(query).trim()) score += 10;
      if (p.e[0] === "institution" || p.e[0] === "country") score += 1;
      hits.push({ score: score, i: i, e: p.e });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.i - b.i; });
    return hits;
  }

  function snippet(text, query) {
    var terms = fold(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    var at = terms.length ? fold(text).indexOf(terms[0]) : -1;
    var from = Math.max(0, at - 80);
    return (from > 0 ? "…" : "") + text.slice(from, from + 240) + (from + 240 < text.length ? "…" : "");
  }

  function render(form, list, status) {
    var q = form.q.value;
    var hits = search(q);
    list.textContent = "";
    var shown = hits.slice(0, 200);
    shown.forEach(function (h) {
      var li = document.createElement("li");
      li.className = "hit hit-" + h.e[0];
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = KINDS[h.e[0]] || h.e[0];
      var a = document.createElement("a");
      a.href = root + h.e[3];
      a.textContent = h.e[1];
      var p = document.createElement("p");
      p.className = "meta";
      p.textContent = snippet(h.e[2], q);
      li.appendChild(kind);
      li.appendChild(a);
      li.appendChild(p);
      list.appendChild(li);
    });
    status.textContent = q.trim() ? (hits.length + " result" + (hits.length === 1 ? "" : "s") +
      (hits.length > shown.length ? ", the first " + shown.length + " shown" : "") + " for “" + q.trim() + "”") : "";
  }

  function start() {
    var form = document.getElementById("search-form");
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    if (!form || !list) return;
    var params = new URLSearchParams(window.location.search);
    if (params.get("q")) form.q.value = params.get("q");
    form.addEventListener("submit", function (ev) { ev.preventDefault(); render(form, list, status); });
    form.q.addEventListener("input", function () { render(form, list, status); });
    render(form, list, status);
    document.documentElement.setAttribute("data-search", "ready");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
