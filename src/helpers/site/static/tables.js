// Readers' tools for the collection's tables and claim lists, offline and without libraries.
// 1. Every table with class "data-table" sorts by a column when its header is clicked (numbers, dates, text).
// 2. A form with class "claim-filter" filters the list items carrying data-* attributes (origin, metric,
//    institution, lineage, list) and a free-text box; it says how many are shown and hides empty sections.
(function () {
  "use strict";
  var MONTHS = {Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11};

  function key(text) {
    var t = text.trim();
    // a figure in words sorts by its number: "at least 2,000 (1 lineage)", "about 11,000", "12%"
    var lead = /^(?:at least|at most|about|up to|exactly|more than)?\s*([-+]?\d[\d,\u00a0\u202f]*(?:\.\d+)?)(?:%|\b)/i.exec(t);
    if (lead && !/^\d{1,2} [A-Z][a-z]{2} \d{4}$/.test(t) && !/^\d{4}-\d{2}-\d{2}$/.test(t)) {
      return [0, parseFloat(lead[1].replace(/[,\u00a0\u202f]/g, ""))];
    }
    var d = /^(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})$/.exec(t);
    if (d && d[2] in MONTHS) return [0, Date.UTC(+d[3], MONTHS[d[2]], +d[1])];
    if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return [0, Date.parse(t)];
    return [t === "" ? 2 : 1, t.toLowerCase()];
  }

  function compare(a, b) {
    if (a[0] !== b[0]) return a[0] - b[0];
    return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
  }

  function sortable(table) {
    var head = table.tHead;
    var body = table.tBodies[0];
    if (!head || !body) return;
    var cells = head.rows[head.rows.length - 1].cells;
    Array.prototype.forEach.call(cells, function (th, col) {
      th.setAttribute("aria-sort", "none");
      th.tabIndex = 0;
      th.title = "Sort by this column";
      function sort() {
        var down = th.getAttribute("aria-sort") === "ascending";
        Array.prototype.forEach.call(cells, function (c) { c.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", down ? "descending" : "ascending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r, s) {
          var x = key(r.cells[col] ? r.cells[col].textContent : "");
          var y = key(s.cells[col] ? s.cells[col].textContent : "");
          return down ? compare(y, x) : compare(x, y);
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); } });
    });
  }

  function filtering(form) {
    var items = Array.prototype.slice.call(document.querySelectorAll(form.getAttribute("data-items")));
    var sections = Array.prototype.slice.call(document.querySelectorAll(form.getAttribute("data-sections") || "none"));
    var count = form.querySelector(".count");
    function apply() {
      var wanted = {};
      Array.prototype.forEach.call(form.querySelectorAll("select"), function (s) { if (s.value) wanted[s.name] = s.value; });
      var text = (form.querySelector("input[name=q]") || {value: ""}).value.trim().toLowerCase();
      var known = (form.querySelector("input[name=known]") || {value: ""}).value;  // ISO dates compare as text
      var shown = 0;
      items.forEach(function (li) {
        var ok = Object.keys(wanted).every(function (k) {
          return (" " + (li.getAttribute("data-" + k) || "") + " ").indexOf(" " + wanted[k] + " ") >= 0;
        });
        if (ok && text) ok = li.textContent.toLowerCase().indexOf(text) >= 0;
        if (ok && known) ok = (li.getAttribute("data-known") || "9999") <= known;
        li.hidden = !ok;
        if (ok) shown += 1;
      });
      sections.forEach(function (sec) { sec.hidden = !sec.querySelector("li:not([hidden])[data-origin]"); });
      if (count) count.textContent = shown + " of " + items.length + " claims shown";
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
    var params = new URLSearchParams(window.location.search);
    params.forEach(function (v, k) { var f = form.elements[k]; if (f) f.value = v; });
    apply();
  }

  Array.prototype.forEach.call(document.querySelectorAll("table.data-table"), sortable);
  Array.prototype.forEach.call(document.querySelectorAll("form.claim-filter"), filtering);
})();
