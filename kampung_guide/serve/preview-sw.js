// The preview's stand-in for the site's service worker. The real one caches pages and would take
// over the preview's own streams (/__preview/events): after a few pages every connection the
// browser allows was held by the worker and pages stopped loading. This one has no fetch handler,
// so it never sees a request; it removes itself and any caches the real worker left on this
// address (a published copy of the guide served on the same port, say).
"use strict";
self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("kampung-guide-") === 0;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.registration.unregister(); }));
});
self.addEventListener("message", function (event) {  // "save for offline" has nothing to keep here
  if (event.data && event.data.type === "save" && event.source) {
    event.source.postMessage({type: "saved", ok: false});
  }
});
