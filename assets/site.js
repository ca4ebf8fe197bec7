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
  // Offline: a service worker (sw.js) keeps the shell, the pages a visitor saves and those they open
  // (not from file://). Pages talk to it with messages: "save" a page, "list" what is kept.
  var root = document.documentElement.getAttribute("data-root") || "";
  if ("serviceWorker" in navigator && /^https?:$/.test(window.location.protocol)) {
    navigator.serviceWorker.register(root + "sw.js").catch(function () {});
    var here = window.location.href.split(/[?#]/)[0];
    var save = document.querySelector("[data-save-offline]");
    var lists = document.querySelectorAll("[data-offline-list]");
    navigator.serviceWorker.addEventListener("message", function (event) {
      var data = event.data || {};
      if (data.type === "saved" && save && data.url === here) {
        showSaved(data.ok ? "data-saved" : "data-failed");
      } else if (data.type === "list") {
        if (save && data.saved.some(function (page) { return page.url === here; })) { showSaved("data-saved"); }
        Array.prototype.forEach.call(lists, function (list) { fillList(list, data[list.getAttribute("data-offline-list")]); });
      }
    });
    navigator.serviceWorker.ready.then(function (registration) {
      if (save) {
        save.parentNode.hidden = false;
        save.addEventListener("click", function () { savePage(registration.active); });
      }
      if (save || lists.length) { registration.active.postMessage({type: "list"}); }
    });
  }

  function showSaved(attribute) {
    save.parentNode.querySelector("[role=status]").textContent = save.getAttribute(attribute);
  }

  // The page with its photos (lazy ones loaded now), styles and scripts; the worker skips those its shell has.
  function savePage(worker) {
    var images = Array.prototype.slice.call(document.images);
    Promise.all(images.map(function (image) {
      image.loading = "eager";
      return image.complete ? null : new Promise(function (done) {
        image.addEventListener("load", done);
        image.addEventListener("error", done);
        window.setTimeout(done, 15000);
      });
    })).then(function () {
      var urls = images.map(function (image) { return image.currentSrc || image.src; });
      document.querySelectorAll("link[rel=stylesheet], script[src]").forEach(function (el) { urls.push(el.href || el.src); });
      var title = document.querySelector("main h1");
      worker.postMessage({type: "save", url: here, files: urls.filter(Boolean), lang: document.documentElement.lang,
                          title: title ? title.textContent.trim() : document.title});
    });
  }

  // The offline page: the pages kept on this phone, newest first.
  function fillList(section, pages) {
    var list = section.querySelector("ul"), empty = section.querySelector("[data-offline-empty]");
    list.textContent = "";
    (pages || []).forEach(function (page) {
      var link = document.createElement("a");
      link.href = page.url;
      link.textContent = page.title || page.url;
      if (page.lang && page.lang !== document.documentElement.lang) { link.lang = page.lang; }
      var item = document.createElement("li");
      item.appendChild(link);
      list.appendChild(item);
    });
    section.hidden = !list.children.length && !empty;
    if (empty) { empty.hidden = list.children.length > 0; }
  }
  document.querySelectorAll("[data-retry]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.location.reload(); });
  });

  // A print button only makes sense with script; without it, the browser's own Print works.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
