/* Progressive enhancements shared by every page. The site works without this file. */
(function () {
  "use strict";
  // Opened from disk (file://), a link to a folder shows a listing instead of its page:
  // point such links at the folder's index.html, keeping a query (`../rencana/?stops=…`) and a fragment.
  // Scripts that add links later (search.js's cards) pass them through window.GuideSite.diskLinks.
  function diskLinks(root) {
    if (window.location.protocol !== "file:") { return; }
    root.querySelectorAll("a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      var path = href.split(/[?#]/)[0];
      if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href) && /\/$|^\.\.?$/.test(path)) {
        link.setAttribute("href", path.replace(/\/?$/, "/") + "index.html" + href.slice(path.length));
      }
    });
  }
  window.GuideSite = {diskLinks: diskLinks};
  diskLinks(document);
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


  // -- what a visitor asks first, and the phone layout (issue 19) ---------------------------------
  // Jakarta's clock (WIB, UTC+7 all year, no daylight saving), whatever the visitor's own zone.
  function jakartaNow() {
    var now = new Date(window.GUIDE_NOW || Date.now());
    var shifted = new Date(now.getTime() + 7 * 3600 * 1000);
    return {day: (shifted.getUTCDay() + 6) % 7, minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
            date: shifted.toISOString().slice(0, 10)};
  }

  function fill(text, params) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) { return name in params ? params[name] : whole; });
  }

  // "Open now · closes at 16:00" from the week of opening hours; the table stays the no-script answer.
  function openNowText(data, now) {
    var clock = function (m) {
      var h = Math.floor(m / 60) % 24, rest = m % 60;
      return (h < 10 && data.hourDigits !== 1 ? "0" : "") + h + data.sep + (rest < 10 ? "0" : "") + rest;
    };
    var always = data.week.every(function (spans) { return spans.some(function (s) { return s[0] === 0 && s[1] >= 1440; }); });
    if (always) { return {open: true, text: data.words.open_always}; }
    var current = data.week[now.day].filter(function (s) { return s[0] <= now.minutes && now.minutes < s[1]; })[0];
    if (current) {
      return {open: true, text: data.words.open_now + " · " + fill(data.words.closes_at, {time: clock(current[1])})};
    }
    for (var ahead = 0; ahead < 8; ahead++) {
      var day = (now.day + ahead) % 7;
      var next = data.week[day].filter(function (s) { return ahead > 0 || s[0] > now.minutes; })[0];
      if (next) {
        var when = ahead === 0 ? fill(data.words.opens_today, {time: clock(next[0])})
          : ahead === 1 ? fill(data.words.opens_tomorrow, {time: clock(next[0])})
          : fill(data.words.opens_day, {day: data.days[day], time: clock(next[0])});
        return {open: false, text: data.words.closed_now + " · " + when};
      }
    }
    return {open: false, text: data.words.closed_now};
  }

  document.querySelectorAll("[data-open-now]").forEach(function (line) {
    var data = JSON.parse(line.getAttribute("data-open-now"));
    var state = openNowText(data, jakartaNow());
    line.textContent = state.text + (data.holidays ? " " : "");
    if (data.holidays) {
      var note = document.createElement("span");
      note.className = "open-now__note";
      note.textContent = data.holidays;
      line.appendChild(note);
    }
    line.classList.add(state.open ? "open-now--open" : "open-now--closed");
    line.hidden = false;
  });

  // A workshop session whose last date has gone is marked as past (the page was built earlier).
  document.querySelectorAll(".sessions").forEach(function (list) {
    var today = jakartaNow().date;
    list.querySelectorAll("[data-last]").forEach(function (item) {
      if (item.getAttribute("data-last") < today) {
        item.classList.add("is-past");
        item.appendChild(document.createTextNode(" (" + list.getAttribute("data-past") + ")"));
      }
    });
  });

  // The language switch keeps what the visitor chose: the list's filter, the planner's plan.
  document.querySelectorAll(".lang-switch a[href]").forEach(function (link) {
    var base = link.getAttribute("href").split("?")[0];
    var carry = function () { link.setAttribute("href", base + window.location.search); };
    link.addEventListener("click", carry);
    link.addEventListener("focus", carry);
    link.addEventListener("pointerdown", carry);
  });

  // From disk, a form sent to a folder (the home page's search) would show a listing too.
  if (window.location.protocol === "file:") {
    document.querySelectorAll("form[action]").forEach(function (form) {
      var action = form.getAttribute("action");
      if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(action) && /\/$|^\.\.?$/.test(action)) {
        form.setAttribute("action", action.replace(/\/?$/, "/") + "index.html");
      }
    });
  }

  // The menu scrolls sideways on a phone: show the current page's entry, not the first ones only.
  var menu = document.querySelector(".site-nav__list");
  var current = menu && menu.querySelector("[aria-current=page]");
  if (current && menu.scrollWidth > menu.clientWidth) {
    var item = current.parentNode;
    if (item.offsetLeft + item.offsetWidth > menu.clientWidth) {
      menu.scrollLeft = item.offsetLeft - (menu.clientWidth - item.offsetWidth) / 2;
    }
  }

  // A print button only makes sense with script; without it, the browser's own Print works.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  // The list page keeps most cards as text in a <noscript> for search.js to make (render/views.py
  // LIST_CARDS). If search.js did not start the list (it or its index could not load), show them all
  // and hide its dead form. By the load event every deferred script has run.
  window.addEventListener("load", function () {
    var rest = document.getElementById("cards-rest");
    if (rest && document.getElementById("cards-more") && !(window.GuideSearch && window.GuideSearch.listStarted)) {
      var search = document.getElementById("search");
      if (search) { search.hidden = true; }
      var cards = document.createElement("template");
      cards.innerHTML = rest.textContent;
      diskLinks(cards.content);
      rest.parentNode.insertBefore(cards.content, rest.nextSibling);
    }
  });
})();
