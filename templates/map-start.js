// When a page's map is made: as it comes within a screen of being seen, never before. Pages whose map
// lies further down (the planner's, a route's) load none of the map's scripts until then: Leaflet and
// its cluster layer are named in #map's data-scripts, so a visitor who never scrolls to the map never
// downloads them. Pages whose map is in a phone's first screens (data-scripts empty) load them with
// the page. folium's set-up of the map becomes `build`; assets/map.js calls
// `(function (element, build) {...})(#map, build);`.
(function (element, build) {
  var started = false, observer = null;
  function load(scripts) {  // fetched side by side, run in order: the cluster layer needs Leaflet
    scripts.slice(1).forEach(function (src) {
      var early = document.createElement("link");
      early.rel = "preload";
      early.as = "script";
      early.href = src;
      document.head.appendChild(early);
    });
    (function next(i) {
      if (i === scripts.length) {
        if (window.L) { build(); } else { failed(); }
        return;
      }
      var script = document.createElement("script");
      script.src = scripts[i];
      script.onload = function () { next(i + 1); };
      script.onerror = failed;
      document.head.appendChild(script);
    })(0);
  }
  function failed() {  // offline before the scripts were ever saved: say so where the map would be
    var notice = document.createElement("p");
    notice.className = "map-offline";
    notice.setAttribute("role", "status");
    notice.textContent = element.getAttribute("data-unavailable");
    element.parentNode.insertBefore(notice, element.nextSibling);
  }
  function start() {
    if (started) { return; }
    started = true;
    if (observer) { observer.disconnect(); }
    load((element.getAttribute("data-scripts") || "").split(" ").filter(Boolean));
  }
  if ("IntersectionObserver" in window) {
    observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) { start(); }
    }, {rootMargin: "100% 0px"});  // a screen ahead: ready by the time it is scrolled to
    observer.observe(element);
  } else {
    start();
  }
})
