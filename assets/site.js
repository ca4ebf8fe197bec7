/* Progressive enhancements shared by every page. The site works without this file. */
(function () {
  "use strict";
  // Opened from disk (file://), a link to a folder shows a listing instead of its page:
  // point such links at the folder's index.html.
  if (window.location.protocol === "file:") {
    document.querySelectorAll("a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      if (!/^[a-z][a-z0-9+.-]*:|^#|^\/\//i.test(href) && /\/$|^\.\.?$/.test(href.split("#")[0])) {
        var parts = href.split("#");
        parts[0] = parts[0].replace(/\/?$/, "/") + "index.html";
        link.setAttribute("href", parts.join("#"));
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
})();
