// Preview only: reload when the site is rebuilt.
(function () {
  "use strict";
  var source = new EventSource("/__preview/events");
  var first = null;
  source.onmessage = function (event) {
    if (first === null) { first = event.data; return; }
    if (event.data !== first) { window.location.reload(); }
  };
  // Leaving the page closes the stream at once, so that held connections never pile up.
  window.addEventListener("pagehide", function () { source.close(); });
})();
