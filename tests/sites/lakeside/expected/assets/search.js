/* Search and filters on the kampung list page. Needs the index script (window.GUIDE_SEARCH) loaded
   before it. It only shows and hides the cards the page already has: without JavaScript the page
   lists every kampung and the form stays hidden. Words are normalised exactly as in
   kampung_guide/outputs/searchtext.py (tests/test_search_browser.py compares the two). */
(function () {
  "use strict";

  // -- words: the twin of kampung_guide/outputs/searchtext.py -------------------------------------------------
  var MIN_STEM = 4;
  var VOWELS = "aeiou";
  var PREFIXES = [
    ["meny", VOWELS, ["s"]], ["peny", VOWELS, ["s"]],
    ["meng", VOWELS, ["", "k"]], ["peng", VOWELS, ["", "k"]], ["meng", "gkh", [""]], ["peng", "gkh", [""]],
    ["mem", "bfpv", [""]], ["pem", "bfpv", [""]], ["mem", VOWELS, ["p", "m"]], ["pem", VOWELS, ["p", "m"]],
    ["men", "cdjstz", [""]], ["pen", "cdjstz", [""]], ["men", VOWELS, ["t", "n"]], ["pen", VOWELS, ["t", "n"]],
    ["ber", VOWELS, ["", "r"]], ["per", VOWELS, ["", "r"]], ["ter", VOWELS, ["", "r"]],
    ["ber", "", [""]], ["per", "", [""]], ["ter", "", [""]],
    ["me", "lrwymn", [""]], ["pe", "bcdfghjklmnpqrstvwxyz", [""]],
    ["di", "", [""]], ["ke", "", [""]]
  ];
  var SUFFIXES = ["kan", "an", "i"];

  function endsWith(word, end) {
    return word.length >= end.length && word.slice(word.length - end.length) === end;
  }

  function foldText(text) {
    return String(text).toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }

  function splitWords(text) {
    return foldText(text).match(/[a-z0-9]+/g) || [];
  }

  function stripSuffix(word) {
    if (endsWith(word, "nya") && word.length - 3 >= MIN_STEM) {
      word = word.slice(0, -3);
    }
    for (var i = 0; i < SUFFIXES.length; i++) {
      if (endsWith(word, SUFFIXES[i]) && word.length - SUFFIXES[i].length >= MIN_STEM) {
        return word.slice(0, -SUFFIXES[i].length);
      }
    }
    return word;
  }

  function stripPrefix(word) {
    for (var i = 0; i < PREFIXES.length; i++) {
      var prefix = PREFIXES[i][0], following = PREFIXES[i][1], restore = PREFIXES[i][2];
      var rest = word.slice(prefix.length);
      if (word.indexOf(prefix) === 0 && rest && (!following || following.indexOf(rest[0]) !== -1)) {
        return restore.map(function (letter) { return letter + rest; })
          .filter(function (root) { return root.length >= MIN_STEM; });
      }
    }
    return [];
  }

  function indonesianForms(word) {
    var stem = stripSuffix(word);
    return [stem].concat(stripPrefix(word), stripPrefix(stem));
  }

  function englishForms(word) {
    return endsWith(word, "s") && !endsWith(word, "ss") && word.length - 1 >= MIN_STEM ? [word.slice(0, -1)] : [];
  }

  function unique(list) {
    return list.filter(function (item, i) { return list.indexOf(item) === i; });
  }

  function wordForms(word, lang) {
    var forms = [word];
    if (/^[a-z]+$/.test(word)) {
      if (lang !== "id") {
        forms = forms.concat(englishForms(word));
      }
      forms = forms.concat(indonesianForms(word));
    }
    return unique(forms);
  }

  function queryTerms(text, lang) {
    return splitWords(text).map(function (word) { return wordForms(word, lang); });
  }

  window.GuideSearch = {foldText: foldText, wordForms: wordForms, queryTerms: queryTerms};

  // -- time in Jakarta (WIB, UTC+7 all year) ----------------------------------------------------
  var WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

  function currentTime() {
    return window.GUIDE_NOW ? new Date(window.GUIDE_NOW) : new Date();
  }

  function jakartaClock(date) {
    try {
      var parts = {};
      new Intl.DateTimeFormat("en-US", {timeZone: "Asia/Jakarta", weekday: "short", hour: "2-digit",
                                        minute: "2-digit", hourCycle: "h23"})
        .formatToParts(date).forEach(function (part) { parts[part.type] = part.value; });
      return {day: WEEKDAYS.indexOf(parts.weekday), minutes: (Number(parts.hour) % 24) * 60 + Number(parts.minute)};
    } catch (error) {  // no time zone data: Indonesia has no daylight saving, so UTC+7 is exact
      var shifted = new Date(date.getTime() + 7 * 3600 * 1000);
      return {day: (shifted.getUTCDay() + 6) % 7, minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes()};
    }
  }

  function isOpen(week, clock) {
    return !!week && week[clock.day].some(function (span) {
      return span[0] <= clock.minutes && clock.minutes < span[1];
    });
  }

  // -- the page ----------------------------------------------------------------------------------
  var data = window.GUIDE_SEARCH;
  var form = document.getElementById("search");
  if (!data || !form) {
    return;
  }
  var controls = form.elements;
  var status = document.getElementById("search-status");
  var F = {};
  data.fields.forEach(function (name, i) { F[name] = i; });

  function areaValue(area) {
    return area[0] + "-" + splitWords(area[1]).join("-");
  }

  function readRows() {
    var cards = {};
    Array.prototype.forEach.call(document.querySelectorAll(".cards [data-slug]"), function (card) {
      cards[card.getAttribute("data-slug")] = card;
    });
    return data.kampung.filter(function (row) { return cards[row[F.slug]]; }).map(function (row) {
      return {card: cards[row[F.slug]], text: " " + row[F.tokens], category: data.categories[row[F.category]][0],
              areas: row[F.areas].map(function (i) { return areaValue(data.areas[i]); }),
              workshop: row[F.workshop] === 1, price: row[F.price],
              week: row[F.hours] === null ? null : data.weeks[row[F.hours]], visit: visitFields(row)};
    });
  }

  // -- the visit filters: watching the making (now, or on a day), children, sorting by freshness ----
  // Kept apart from the text search: they only read their own fields of a row and their own controls.
  function visitFields(row) {
    return {making: row[F.making] === null ? null : data.weeks[row[F.making]], children: row[F.children] === 1,
            checked: row[F.checked], order: 0};
  }

  function usefulVisitFilters(useful) {
    var making = rows.some(function (row) { return row.visit.making; });
    useful.watch = useful.watchday = making;
    useful.children = rows.some(function (row) { return row.visit.children; });
    useful.sort = rows.some(function (row) { return row.visit.checked; });
    return useful;
  }

  function readVisitState(state) {
    var day = parseInt(controls.watchday.value, 10);
    state.watch = useful.watch && controls.watch.checked;
    state.watchday = useful.watchday && day >= 0 && day <= 6 ? day : null;
    state.children = useful.children && controls.children.checked;
    state.sort = useful.sort && controls.sort.value === "checked" ? "checked" : "";
    return state;
  }

  function passesVisitFilters(row, state, clock) {
    var making = row.visit.making;
    return !(state.watch && !isOpen(making, clock)) &&
      !(state.watchday !== null && !(making && making[state.watchday].length)) &&
      !(state.children && !row.visit.children);
  }

  var sortedBy = "";

  function sortCards(order) {  // most recently checked first, or back to the page's own order (by name)
    if (order === sortedBy) { return; }
    sortedBy = order;
    var sorted = rows.slice().sort(function (a, b) {
      if (order === "checked" && a.visit.checked !== b.visit.checked) {
        return a.visit.checked < b.visit.checked ? 1 : -1;
      }
      return a.visit.order - b.visit.order;
    });
    var list = sorted.length ? sorted[0].card.parentNode : null;
    sorted.forEach(function (row) { list.appendChild(row.card); });
  }

  function writeVisitParams(params, state) {
    if (state.watch) { params.set("watch", "1"); }
    if (state.watchday !== null) { params.set("watchday", String(state.watchday)); }
    if (state.children) { params.set("children", "1"); }
    if (state.sort) { params.set("sort", state.sort); }
  }

  function readVisitParams(params) {
    controls.watch.checked = params.get("watch") === "1";
    controls.watchday.value = /^[0-6]$/.test(params.get("watchday") || "") ? params.get("watchday") : "";
    controls.children.checked = params.get("children") === "1";
    controls.sort.value = params.get("sort") === "checked" ? "checked" : "";
  }

  var rows = readRows();
  rows.forEach(function (row, i) { row.visit.order = i; });

  function fillAreas() {
    var select = controls.area;
    ["kel", "kec"].forEach(function (kind) {
      var group = document.createElement("optgroup");
      group.label = select.getAttribute("data-" + kind);
      data.areas.forEach(function (area) {
        if (area[0] === kind) {
          group.appendChild(new Option(group.label + " " + area[1], areaValue(area)));
        }
      });
      if (group.children.length) {
        select.appendChild(group);
      }
    });
  }

  // A filter nothing could pass is left out, e.g. "open now" while no kampung has opening hours.
  function hideUselessFilters() {
    var useful = {
      area: data.areas.length > 0,
      workshop: rows.some(function (row) { return row.workshop; }),
      open: rows.some(function (row) { return row.week; }),
      max: rows.some(function (row) { return row.price; })
    };
    usefulVisitFilters(useful);
    Object.keys(useful).forEach(function (name) {
      document.getElementById("search-field-" + name).hidden = !useful[name];
    });
    return useful;
  }

  function readState() {
    var max = parseInt(controls.max.value, 10);
    return readVisitState({q: controls.q.value, cat: controls.cat.value, area: useful.area ? controls.area.value : "",
            workshop: useful.workshop && controls.workshop.checked, open: useful.open && controls.open.checked,
            max: useful.max && max >= 0 ? max : null});
  }

  function matches(row, state, terms, clock) {
    if ((state.cat && row.category !== state.cat) || (state.area && row.areas.indexOf(state.area) === -1) ||
        (state.workshop && !row.workshop) || (state.open && !isOpen(row.week, clock)) ||
        !passesVisitFilters(row, state, clock) ||
        (state.max !== null && !(row.price && row.price[0] <= state.max))) {
      return false;
    }
    return terms.every(function (forms) {  // as query_matches in kampung_guide/outputs/searchtext.py
      return forms.some(function (form) { return row.text.indexOf(" " + form) !== -1; });
    });
  }

  function countText(count) {
    if (count === 0) {
      return form.getAttribute("data-count-none");
    }
    return count === 1 ? form.getAttribute("data-count-one")
      : form.getAttribute("data-count-many").replace("{n}", String(count));
  }

  function update() {
    var started = performance.now();
    var state = readState();
    var terms = queryTerms(state.q, data.lang);
    var clock = state.open || state.watch ? jakartaClock(currentTime()) : null;
    sortCards(state.sort);
    var shown = 0;
    rows.forEach(function (row) {
      var show = matches(row, state, terms, clock);
      if (row.card.hidden === show) {
        row.card.hidden = !show;
      }
      shown += show ? 1 : 0;
    });
    if (status.textContent !== countText(shown)) {
      status.textContent = countText(shown);
    }
    window.GUIDE_SEARCH_LAST_MS = performance.now() - started;
    writeUrl(state);
  }

  // -- the address keeps the state, so a filtered list can be shared and survives a reload ------
  function writeUrl(state) {
    var params = new URLSearchParams();
    if (state.q.trim()) { params.set("q", state.q.trim()); }
    if (state.cat) { params.set("cat", state.cat); }
    if (state.area) { params.set("area", state.area); }
    if (state.workshop) { params.set("workshop", "1"); }
    if (state.open) { params.set("open", "1"); }
    if (state.max !== null) { params.set("max", String(state.max)); }
    writeVisitParams(params, state);
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      try {
        window.history.replaceState(window.history.state, "", url);
      } catch (error) {  // some browsers refuse on file://: the filter still works, only unshared
      }
    }
  }

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    controls.q.value = params.get("q") || "";
    ["cat", "area"].forEach(function (name) {
      var value = params.get(name) || "";
      var known = Array.prototype.some.call(controls[name].options, function (o) { return o.value === value; });
      controls[name].value = known ? value : "";
    });
    controls.workshop.checked = params.get("workshop") === "1";
    controls.open.checked = params.get("open") === "1";
    controls.max.value = /^\d+$/.test(params.get("max") || "") ? params.get("max") : "";
    readVisitParams(params);
  }

  fillAreas();
  var useful = hideUselessFilters();
  readUrl();
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
  form.addEventListener("reset", function () { window.setTimeout(update, 0); });
  form.hidden = false;
  update();
})();
