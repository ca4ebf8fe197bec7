// When a page's map is made: as it comes within a screen of being seen, never before. Until then the
// page loads none of the map's scripts (Leaflet and its cluster layer, named in #map's data-scripts),
// so the first screen paints and answers at once, and a visitor who never looks at the map never
// downloads it. folium's set-up of the map becomes `build`; assets/map.js calls
// `(function (element, build) {...})(#map, build);`.
(function (element, build) {
  var started = false, observer = null;
  function load(scripts) {  // in order: the cluster layer needs Leaflet
    if (!scripts.length) { build(); return; }
    var script = document.createElement("script");
    script.src = scripts[0];
    script.onload = function () { load(scripts.slice(1)); };
    script.onerror = failed;
    document.head.appendChild(script);
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
