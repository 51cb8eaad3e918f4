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

  // the query's words, folded as the index is
  function termsOf(query) {
    return fold(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  function search(query) {
    var terms = termsOf(query);
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
      // the query as a phrase ("Art. 127", "Kursk Oblast") outranks its words scattered over an entry
      var phrase = words(query).trimEnd();
      if (terms.length > 1 && p.title.indexOf(phrase) >= 0) score += 8;
      else if (terms.length > 1 && p.text.indexOf(phrase) >= 0) score += 5;
      if (p.e[0] === "institution" || p.e[0] === "country") score += 1;
      hits.push({ score: score, i: i, e: p.e });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.i - b.i; });
    return hits;
  }

  function escaped(t) { return t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  // Where the snippet starts: at the query as a phrase if the text has it, else at its first word (at a word start).
  function snippet(text, query) {
    var terms = termsOf(query);
    var folded = fold(text);
    var at = -1;
    if (terms.length) {
      var start = "(?:^|[^\\p{L}\\p{N}])";
      var phrase = new RegExp(start + terms.map(escaped).join("[^\\p{L}\\p{N}]+"), "u").exec(folded);
      var word = phrase || new RegExp(start + escaped(terms[0]), "u").exec(folded);
      if (word) at = word.index;
    }
    var from = Math.max(0, at - 80);
    return (from > 0 ? "…" : "") + text.slice(from, from + 240) + (from + 240 < text.length ? "…" : "");
  }

  // Append `text` to `el` with every query word (at a word start, case and accents aside) in a <mark>;
  // built from text nodes, so nothing from the data ever becomes markup.
  function highlight(el, text, query) {
    var terms = termsOf(query);
    var folded = fold(text);
    if (folded.length !== text.length || !terms.length) { el.textContent = text; return; }
    var marks = [];
    terms.forEach(function (t) {
      var at = -1;
      while ((at = folded.indexOf(t, at + 1)) >= 0) {
        if (at === 0 || /[^\p{L}\p{N}]/u.test(folded[at - 1])) marks.push([at, at + t.length]);
      }
    });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var pos = 0;
    marks.forEach(function (m) {
      if (m[0] < pos) return;
      el.appendChild(document.createTextNode(text.slice(pos, m[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(m[0], m[1]);
      el.appendChild(mark);
      pos = m[1];
    });
    el.appendChild(document.createTextNode(text.slice(pos)));
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
      highlight(p, snippet(h.e[2], q), q);
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
