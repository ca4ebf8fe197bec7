// When a page's map is made: as it comes near the screen, or once the browser has nothing else to do,
// whichever comes first, so the first screen of the page paints and answers before any map work.
// folium's set-up of the map becomes `build`; assets/map.js calls `(function (element, build) {...})(#map, build);`.
(function (element, build) {
  var started = false, observer = null;
  function start() {
    if (started) { return; }
    started = true;
    if (observer) { observer.disconnect(); }
    build();
  }
  if ("IntersectionObserver" in window) {
    observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) { start(); }
    }, {rootMargin: "300px 0px"});
    observer.observe(element);
  }
  if ("requestIdleCallback" in window) {
    window.requestIdleCallback(start, {timeout: 5000});
  } else {
    window.setTimeout(start, 1000);
  }
})
