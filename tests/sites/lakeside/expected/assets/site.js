/* Progressive enhancements shared by every page. The site works without this file. */
(function () {
  "use strict";
  // Opened from disk (file://), a link to a folder shows a listing instead of its page:
  // point such links at the folder's index.html, keeping a query (`../rencana/?stops=…`) and a fragment.
  if (window.location.protocol === "file:") {
    document.querySelectorAll("a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      var path = href.split(/[?#]/)[0];
      if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href) && /\/$|^\.\.?$/.test(path)) {
        link.setAttribute("href", path.replace(/\/?$/, "/") + "index.html" + href.slice(path.length));
      }
    });
  }
  // The 404 page has a <base href> because it is served at any missing address; against it a bare
  // "#main" (the skip link) would mean the home page. Point same-page links at this address instead.
  if (document.querySelector("base[href]")) {
    document.querySelectorAll('a[href^="#"]').forEach(function (link) {
      link.setAttribute("href", window.location.pathname + window.location.search + link.getAttribute("href"));
    });
  }
  // Offline: a service worker keeps the pages and photos a visitor opens (not from file://).
  var root = document.documentElement.getAttribute("data-root") || "";
  if ("serviceWorker" in navigator && /^https?:$/.test(window.location.protocol)) {
    navigator.serviceWorker.register(root + "sw.js").catch(function () {});
    var save = document.querySelector("[data-save-offline]");
    if (save) {
      navigator.serviceWorker.ready.then(function (registration) {
        save.parentNode.hidden = false;
        var status = save.parentNode.querySelector("[role=status]");
        navigator.serviceWorker.addEventListener("message", function (event) {
          if (event.data && event.data.type === "saved") {
            status.textContent = save.getAttribute(event.data.ok ? "data-saved" : "data-failed");
          }
        });
        save.addEventListener("click", function () {
          var urls = [window.location.href.split("#")[0]];
          document.querySelectorAll("link[rel=stylesheet], script[src], img").forEach(function (el) {
            var url = el.currentSrc || el.href || el.src;
            if (url) { urls.push(url); }
          });
          registration.active.postMessage({type: "save", urls: urls});
        });
      });
    }
  }

  // A print button only makes sense with script; without it, the browser's own Print works.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
