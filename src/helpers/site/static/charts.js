/* Interactive claims charts: render each Vega-Lite spec embedded in the page with vega-embed (copied
   from the npm packages into assets/), and show the claim behind a hovered or tapped point in the
   panel under the chart: institution, date, figure with its qualifier, quote, source link, permalink. */
(function () {
  "use strict";
  var root = document.documentElement.getAttribute("data-root") || "";

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function showClaim(panel, d) {
    panel.textContent = "";
    var head = el("p", "claim-head");
    head.appendChild(el("strong", "claim-institution", d.institution));
    head.appendChild(document.createTextNode(", " + d.date_text + (d.speaker ? " (" + d.speaker + ")" : "")));
    panel.appendChild(head);
    var fig = el("p", "claim-figure");
    fig.appendChild(el("strong", null, d.figure));
    fig.appendChild(document.createTextNode(" · " + d.qualifier_text + " · " + d.side));
    panel.appendChild(fig);
    panel.appendChild(el("blockquote", "claim-quote", d.quote));
    var links = el("p", "claim-links meta");
    var a = el("a", "claim-source", "Source: " + d.publisher + (d.source_title ? ": " + d.source_title : ""));
    a.href = d.source_url;
    a.rel = "noreferrer";
    links.appendChild(a);
    links.appendChild(document.createTextNode(" · "));
    var p = el("a", "claim-permalink", "claim " + d.claim_id);
    p.href = root + "claims.html#claim-" + d.claim_id;
    links.appendChild(p);
    panel.appendChild(links);
    panel.hidden = false;
  }

  function mount(box) {
    var spec = JSON.parse(document.getElementById(box.getAttribute("data-spec")).textContent);
    var target = box.querySelector(".vl-target");
    var panel = box.querySelector(".claim-detail");
    // a narrow screen (a phone) lists each legend's entries in one column, so no label is cut at the edge
    if (target.clientWidth < 560 && spec.config && spec.config.legend) spec.config.legend.columns = 1;
    return vegaEmbed(target, spec, { actions: false, renderer: "svg", tooltip: { theme: "light" } }).then(function (res) {
      function pick(event, item) {
        if (item && item.datum && item.datum.claim_id) showClaim(panel, item.datum);
      }
      res.view.addEventListener("mouseover", pick);
      res.view.addEventListener("click", pick);
      box.classList.add("ready");
    });
  }

  function start() {
    var boxes = document.querySelectorAll(".vl-chart");
    var all = [];
    for (var i = 0; i < boxes.length; i++) all.push(mount(boxes[i]));
    Promise.all(all).then(function () { document.documentElement.setAttribute("data-charts", "ready"); },
      function (err) { console.error(err); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
