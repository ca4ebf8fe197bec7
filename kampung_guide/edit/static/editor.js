/* The editor's script: checks while typing, list changes without reloading the page, photo uploads,
   the pin map and the address search. Every form works without it too: each button posts the form
   and the server answers with the whole page. */
(function () {
  "use strict";
  var words = JSON.parse(document.getElementById("editor-words").textContent);

  function say(template, params) {
    return template.replace(/\{(\w+)\}/g, function (_, name) { return params[name]; });
  }

  // -- the contents page: a filter over the list of kampung ---------------------------------------
  var filterBox = document.querySelector("[data-filter]");
  if (filterBox) {
    filterBox.hidden = false;
    var filter = document.getElementById("filter");
    var count = document.getElementById("filter-count");
    var entries = document.querySelectorAll("#kampung-list .entry");
    filter.addEventListener("input", function () {
      var query = filter.value.trim().toLowerCase();
      var shown = 0;
      entries.forEach(function (entry) {
        var match = !query || entry.getAttribute("data-search").indexOf(query) !== -1;
        entry.hidden = !match;
        if (match) { shown += 1; }
      });
      count.textContent = query ? shown + " / " + entries.length : "";
    });
  }

  var form = document.getElementById("edit-form");
  if (!form) { return; }
  var csrf = form.querySelector("input[name=_csrf]").value;
  var status = document.getElementById("check-status");
  var dirty = false;
  // A new form shows a field's problems once the field was filled in (or after a save was tried).
  var fresh = form.hasAttribute("data-fresh");
  var touched = [];

  function wasTouched(id) {
    var target = document.getElementById(id);
    return target && touched.some(function (name) {
      var el = document.getElementById(name);
      return el && (el === target || target.contains(el));
    });
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST", body: body, credentials: "same-origin", headers: {"X-CSRF-Token": csrf}
    }).then(function (response) {
      return response.json().then(function (data) { data.httpStatus = response.status; return data; });
    });
  }

  function formData() {
    return new URLSearchParams(new FormData(form));
  }

  // -- problems next to their fields ---------------------------------------------------------------
  function clearProblems() {
    form.querySelectorAll(".problems").forEach(function (box) { box.textContent = ""; });
    form.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
    form.querySelectorAll("[data-refs]").forEach(function (el) {
      var refs = el.getAttribute("data-refs");
      if (refs) { el.setAttribute("aria-describedby", refs); } else { el.removeAttribute("aria-describedby"); }
    });
  }

  function showProblem(problem) {
    if (fresh && !wasTouched(problem.target)) { return; }
    var box = document.getElementById(problem.target + "-problems");
    var control = document.getElementById(problem.target);
    if (!box || !control) { return; }
    var line = document.createElement("p");
    line.className = "problem" + (problem.warning ? " problem--warning" : "");
    line.id = problem.id;
    var kind = document.createElement("span");
    kind.className = "problem__kind";
    kind.textContent = problem.warning ? words.warning_prefix : words.error_prefix;
    line.appendChild(kind);
    line.appendChild(document.createTextNode(" " + problem.message));
    box.appendChild(line);
    var described = (control.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    described.push(problem.id);
    control.setAttribute("aria-describedby", described.join(" "));
    if (!problem.warning && /^(INPUT|SELECT|TEXTAREA)$/.test(control.tagName) && control.type !== "hidden") {
      control.setAttribute("aria-invalid", "true");
    }
  }

  function showSummary(result) {
    var summary = document.getElementById("summary");
    summary.hidden = fresh || result.problems.length === 0;
    summary.classList.toggle("summary--errors", result.errors > 0);
    summary.classList.toggle("summary--warnings", result.errors === 0 && result.problems.length > 0);
    document.getElementById("summary-title").textContent = result.counts;
    var lead = summary.querySelector(".summary__lead");
    if (lead) { lead.hidden = result.errors === 0; }
    var list = summary.querySelector(".summary__list");
    list.textContent = "";
    result.problems.forEach(function (problem) {
      var item = document.createElement("li");
      item.className = problem.warning ? "summary__warning" : "summary__error";
      var link = document.createElement("a");
      link.href = "#" + problem.target;
      link.textContent = problem.where || problem.target;
      item.appendChild(link);
      item.appendChild(document.createTextNode(": " + problem.message));
      list.appendChild(item);
    });
  }

  function showPreviews(result) {
    Object.keys(result.previews).forEach(function (id) {
      var box = document.getElementById(id + "-preview");
      // The server renders the Markdown with the site's own sanitizer (nh3): no script survives.
      if (box) { box.querySelector(".md-preview__body").innerHTML = result.previews[id]; }
    });
    Object.keys(result.hours).forEach(function (id) {
      var week = document.getElementById(id + "-week");
      if (!week) { return; }
      var table = week.querySelector("table"), body = table.querySelector("tbody");
      body.textContent = "";
      result.hours[id].forEach(function (row) {
        var tr = document.createElement("tr"), th = document.createElement("th"), td = document.createElement("td");
        th.scope = "row";
        th.textContent = row[0];
        td.textContent = row[1];
        tr.appendChild(th);
        tr.appendChild(td);
        body.appendChild(tr);
      });
      table.hidden = result.hours[id].length === 0;
      week.querySelector(".week__empty").hidden = result.hours[id].length > 0;
    });
  }

  function show(result) {
    if (!result.problems) { return; }
    clearProblems();
    result.problems.forEach(showProblem);
    showSummary(result);
    showPreviews(result);
    // The status is a live region: it speaks when the counts change, not on every keystroke.
    if (status.textContent !== result.counts) { status.textContent = result.counts; }
    var slug = form.querySelector("[data-slug]");
    if (slug && result.slug !== undefined && !slug.getAttribute("data-touched")) { slug.value = result.slug; }
  }

  var timer = null, asked = 0;
  function check() {
    var number = ++asked;
    post("/_editor/api/check/", formData()).then(function (result) {
      if (number === asked) { show(result); form.removeAttribute("data-checking"); }
    }, function () { form.removeAttribute("data-checking"); });
  }

  function changed(event) {
    if (!event.target.name || event.target.type === "file") { return; }
    if (event.target.hasAttribute("data-slug")) { event.target.setAttribute("data-touched", "1"); }
    if (event.target.id && touched.indexOf(event.target.id) === -1) { touched.push(event.target.id); }
    dirty = true;
    form.setAttribute("data-checking", "");
    clearTimeout(timer);
    timer = setTimeout(check, 350);
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function () { dirty = false; status.textContent = words.saving; });
  window.addEventListener("beforeunload", function (event) {
    if (dirty) { event.preventDefault(); event.returnValue = words.unsaved; }
  });

  // -- lists: add, remove, move without reloading ----------------------------------------------------
  function replaceList(result) {
    var old = document.getElementById(result.list);
    if (!old || !result.html) { return; }
    var holder = document.createElement("div");
    holder.innerHTML = result.html;
    var list = holder.querySelector("#" + CSS.escape(result.list));
    old.replaceWith(list);
    show(result);
    dirty = true;
    var target = result.focus && document.getElementById(result.focus);
    if (!target || !target.matches("input, select, textarea, button")) {
      target = list.querySelector(".button--add");  // the list is empty now: offer to add again
    }
    target.focus();
  }

  form.addEventListener("click", function (event) {
    var button = event.target.closest("button[name=_op]");
    if (!button) { return; }
    event.preventDefault();
    var data = formData();
    data.set("_op", button.value);
    var action = button.value.split(":")[0];
    post("/_editor/api/op/", data).then(function (result) {
      replaceList(result);
      status.textContent = action === "add" ? say(words.item_added, {item: button.textContent.trim()})
        : action === "remove" ? words.item_removed : words.item_moved;
    });
  });

  // -- photos: upload, then the new photo appears in the list with its alt text to fill in -----------
  document.addEventListener("change", function (event) {
    if (event.target.id !== "photo-upload") { return; }
    var input = event.target, file = input.files[0];
    var note = document.getElementById("upload-status");
    if (!file) { return; }
    var limit = Number(input.getAttribute("data-max-mb"));
    if (file.size > limit * 1000000) {
      note.textContent = say(words.photo_too_big, {max: limit});
      input.value = "";
      return;
    }
    var data = new FormData(form);
    data.append("photo", file, file.name);
    note.textContent = words.uploading;
    post("/_editor/api/upload/", data).then(function (result) {
      if (result.error) {
        document.getElementById("upload-status").textContent = result.error;
        input.value = "";
        return;
      }
      replaceList(result);
    }, function () { note.textContent = words.upload_failed; });
  });

  // -- the pin map ----------------------------------------------------------------------------------
  var mapBox = document.querySelector("[data-pinmap]");
  var lat = document.getElementById("f-location-lat"), lon = document.getElementById("f-location-lon");
  if (mapBox && window.L && lat && lon) {
    mapBox.hidden = false;
    var data = JSON.parse(document.getElementById("map-data").textContent);
    var mapStatus = document.getElementById("pinmap-status");
    var map = L.map("pinmap", {scrollWheelZoom: false}).setView(data.center, data.zoom);
    var tiles = L.tileLayer(data.tiles, {attribution: data.attribution, maxZoom: 19}).addTo(map);
    var offline = false;
    tiles.on("tileerror", function () {
      if (!offline) { offline = true; mapStatus.textContent = words.map_offline; }
    });
    if (navigator.onLine === false) { offline = true; mapStatus.textContent = words.map_offline; }
    data.others.forEach(function (other) {
      L.circleMarker([other[0], other[1]], {radius: 6, color: "#5c5c5c", weight: 1, fillColor: "#8a8a8a",
        fillOpacity: 0.45, className: "pinmap__other"}).bindTooltip(other[2]).addTo(map);
    });
    var pin = null;
    var number = function (value) { return String(Number(value.toFixed(6))); };
    var place = function (point, write) {
      if (!pin) {
        pin = L.marker(point, {draggable: true, keyboard: true, title: words.pin_label, alt: words.pin_label});
        pin.addTo(map);
        pin.on("dragend", function () { place(pin.getLatLng(), true); });
      } else {
        pin.setLatLng(point);
      }
      if (write) {
        lat.value = number(point.lat);
        lon.value = number(point.lng);
        lat.dispatchEvent(new Event("input", {bubbles: true}));
        lon.dispatchEvent(new Event("input", {bubbles: true}));
        mapStatus.textContent = say(words.pin_moved, {lat: lat.value, lon: lon.value});
      }
    };
    if (data.placed) { place(L.latLng(data.center[0], data.center[1]), false); }
    map.on("click", function (event) { place(event.latlng, true); });
    mapBox.querySelector("[data-pin-center]").addEventListener("click", function () { place(map.getCenter(), true); });
    var typed = function () {
      var a = Number(lat.value), b = Number(lon.value);
      if (lat.value.trim() && lon.value.trim() && isFinite(a) && isFinite(b) && Math.abs(a) <= 90 && Math.abs(b) <= 180) {
        place(L.latLng(a, b), false);
        map.panTo([a, b]);
      }
    };
    lat.addEventListener("change", typed);
    lon.addEventListener("change", typed);

    // The address search: only when asked (Nominatim's usage policy forbids searching while typing).
    var query = document.getElementById("place-search");
    var searchButton = mapBox.querySelector("[data-place-search]");
    var searchStatus = document.getElementById("place-search-status");
    var results = document.getElementById("place-search-results");
    var search = function () {
      if (!query.value.trim() || searchButton.disabled) { return; }
      searchButton.disabled = true;
      searchStatus.textContent = words.search_searching;
      results.textContent = "";
      var body = new URLSearchParams({q: query.value, _csrf: csrf});
      post("/_editor/api/geocode/", body).then(function (result) {
        searchButton.disabled = false;
        if (result.error) { searchStatus.textContent = result.error; return; }
        searchStatus.textContent = result.places.length ? "" : words.search_none;
        result.places.forEach(function (place_) {
          var item = document.createElement("li"), choose = document.createElement("button");
          choose.type = "button";
          choose.className = "button button--small button--text";
          choose.textContent = place_.name;
          choose.addEventListener("click", function () {
            place(L.latLng(place_.lat, place_.lon), true);
            map.setView([place_.lat, place_.lon], 17);
          });
          item.appendChild(choose);
          results.appendChild(item);
        });
        var credit = document.createElement("li");
        credit.className = "hint";
        credit.textContent = "© OpenStreetMap contributors (Nominatim)";
        if (result.places.length) { results.appendChild(credit); }
      }, function () { searchButton.disabled = false; searchStatus.textContent = words.search_offline; });
    };
    searchButton.addEventListener("click", search);
    query.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); search(); }
    });
  }

  // -- where to start: the summary after a refused save, or the item a list change made -------------
  var focus = form.getAttribute("data-focus");
  var start = focus && document.getElementById(focus);
  if (start) { start.focus(); }
})();
