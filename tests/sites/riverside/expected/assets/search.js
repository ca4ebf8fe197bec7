/* Search and filters on the kampung list page. Needs the index script (window.GUIDE_SEARCH) loaded
   before it. It shows, hides and orders the cards the page has, making those the build left as text
   in a <noscript> when they are first shown: without JavaScript the page lists every kampung and
   style.css hides the form. Words are normalised exactly as in
   kampung_guide/outputs/searchtext.py and ranked exactly as in kampung_guide/outputs/searchrank.py
   (tests/test_search_browser.py compares them). */
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

  // -- ranking: the twin of kampung_guide/outputs/searchrank.py (read its docstring for the rules) ----
  var EXACT = [0, 3, 6], VARIANT = [0, 2, 5], TYPO = [0, 1, 4];  // score by level: not found, other language, own
  var SITE_SCORE = 1, MIN_TYPO = 4, MIN_PART = 3;
  var LETTERS = /^[a-z]+$/;

  function typoAllowance(length) {
    return length >= 8 ? 2 : length >= 5 ? 1 : 0;
  }

  function editDistance(a, b, limit) {  // a letter added, dropped, changed or two neighbours swapped
    if (Math.abs(a.length - b.length) > limit) { return limit + 1; }
    var before = [], previous = [], i, j;
    for (j = 0; j <= b.length; j++) { previous.push(j); }
    for (i = 1; i <= a.length; i++) {
      var current = [i], lowest = i;
      for (j = 1; j <= b.length; j++) {
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          value = Math.min(value, before[j - 2] + 1);
        }
        current.push(value);
        lowest = Math.min(lowest, value);
      }
      if (lowest > limit) { return limit + 1; }
      before = previous;
      previous = current;
    }
    return Math.min(previous[b.length], limit + 1);
  }

  function lowerBound(sorted, value) {
    var low = 0, high = sorted.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (sorted[middle] < value) { low = middle + 1; } else { high = middle; }
    }
    return low;
  }

  function startsWith(word, start) {
    return word.lastIndexOf(start, 0) === 0;
  }

  // One language's index, ready to rank queries: each token's rows (in the page's language and in the
  // others), so that a keystroke looks words up instead of scanning every row.
  function Ranker(index) {
    var at = {}, postings = Object.create(null), count = index.kampung.length;
    index.fields.forEach(function (name, i) { at[name] = i; });
    function add(text, r, which) {
      text.split(" ").forEach(function (token) {
        if (token) { (postings[token] || (postings[token] = [[], []]))[which].push(r); }
      });
    }
    index.kampung.forEach(function (row, r) {
      add(row[at.tokens], r, 0);
      add(row[at.other], r, 1);
    });
    var tokens = Object.keys(postings).sort(), known = Object.create(null);
    tokens.forEach(function (token) {
      known[token] = true;
      wordForms(token, index.lang).forEach(function (form) { known[form] = true; });
    });
    var variants = Object.create(null);
    index.variants.forEach(function (group) {
      group.forEach(function (word) { variants[word] = group.filter(function (other) { return other !== word; }); });
    });
    this.lang = index.lang;
    this.count = count;
    this.slugs = index.kampung.map(function (row) { return row[at.slug]; });
    this.postings = postings;
    this.tokens = tokens;
    this.known = known;
    this.vocabulary = Object.keys(known).sort();
    this.variants = variants;
    this.site = " " + index.site;
    this.slots = Object.create(null);  // word -> its scores per row, kept while the visitor types the next word
    this.kept = 0;
  }

  Ranker.prototype.partLevels = function (forms) {  // per row: 2 a form starts a token of the page's language, 1 of another
    var found = new Uint8Array(this.count), tokens = this.tokens, postings = this.postings;
    forms.forEach(function (form) {
      for (var i = lowerBound(tokens, form); i < tokens.length && startsWith(tokens[i], form); i++) {
        var own = postings[tokens[i]][0], other = postings[tokens[i]][1], k;
        for (k = 0; k < own.length; k++) { found[own[k]] = 2; }
        for (k = 0; k < other.length; k++) { if (!found[other[k]]) { found[other[k]] = 1; } }
      }
    });
    return found;
  };

  Ranker.prototype.levels = function (parts) {  // as level() in searchrank.py: every part must be found
    var result = this.partLevels(parts[0]);
    for (var p = 1; p < parts.length; p++) {
      var more = this.partLevels(parts[p]);
      for (var r = 0; r < this.count; r++) { result[r] = Math.min(result[r], more[r]); }
    }
    return result;
  };

  Ranker.prototype.startsAWord = function (forms) {
    var vocabulary = this.vocabulary;
    return forms.some(function (form) {
      var i = lowerBound(vocabulary, form);
      return i < vocabulary.length && startsWith(vocabulary[i], form);
    });
  };

  Ranker.prototype.nearWords = function (word) {  // the guide's words a typo away (not those it starts)
    var near = [];
    if (word.length < MIN_TYPO) { return near; }
    for (var i = lowerBound(this.vocabulary, word[0]); i < this.vocabulary.length; i++) {
      var other = this.vocabulary[i];
      if (other[0] !== word[0]) { break; }
      var allowed = typoAllowance(Math.max(word.length, other.length));
      if (other.length < MIN_TYPO || !allowed || startsWith(other, word) || Math.abs(other.length - word.length) > allowed) {
        continue;
      }
      var distance = editDistance(word, other, allowed);
      if (distance > 0 && distance <= allowed) { near.push(other); }
    }
    return near;
  };

  Ranker.prototype.ways = function (word) {  // [scores by level, parts that must all be found (lists of forms)]
    var lang = this.lang, variants = this.variants, forms = wordForms(word, lang);
    var found = [[EXACT, [forms]]], alike = [];
    forms.forEach(function (form) {
      (variants[form] || []).forEach(function (other) { if (alike.indexOf(other) === -1) { alike.push(other); } });
    });
    alike.forEach(function (other) { found.push([VARIANT, [wordForms(other, lang)]]); });
    if (LETTERS.test(word)) {
      this.nearWords(word).forEach(function (near) { found.push([TYPO, [[near]]]); });
      if (word.length >= 2 * MIN_PART && !this.startsAWord(forms)) {
        for (var i = MIN_PART; i <= word.length - MIN_PART; i++) {
          var left = word.slice(0, i), right = word.slice(i);
          if (this.known[left] && this.known[right]) {
            found.push([VARIANT, [wordForms(left, lang), wordForms(right, lang)]]);
          }
        }
      }
    }
    return found;
  };

  Ranker.prototype.slot = function (word) {  // a query word's score for each row
    if (!this.slots[word]) {
      if (++this.kept > 200) { this.slots = Object.create(null); this.kept = 1; }
      var scores = new Uint8Array(this.count);
      this.ways(word).forEach(function (way) {
        var levels = this.levels(way[1]);
        for (var r = 0; r < this.count; r++) { scores[r] = Math.max(scores[r], way[0][levels[r]]); }
      }, this);
      this.slots[word] = scores;
    }
    return Uint8Array.from(this.slots[word]);
  };

  // [[row, slots found, score], ...] of the rows found, best first; null for an empty query.
  Ranker.prototype.rank = function (text) {
    var words = splitWords(text), count = this.count, lang = this.lang, site = this.site, r;
    if (!words.length) { return null; }
    var scores = words.map(this.slot, this);
    for (var i = 0; i + 1 < words.length; i++) {
      var joined = words[i] + words[i + 1];
      if (this.startsAWord([joined])) {
        var levels = this.levels([[joined]]);
        for (r = 0; r < count; r++) {
          scores[i][r] = Math.max(scores[i][r], VARIANT[levels[r]]);
          scores[i + 1][r] = Math.max(scores[i + 1][r], VARIANT[levels[r]]);
        }
      }
    }
    words.forEach(function (word, w) {
      if (wordForms(word, lang).some(function (form) { return site.indexOf(" " + form) !== -1; })) {
        for (r = 0; r < count; r++) { scores[w][r] = Math.max(scores[w][r], SITE_SCORE); }
      }
    });
    var found = [];
    for (r = 0; r < count; r++) {
      var matched = 0, total = 0;
      for (var s = 0; s < scores.length; s++) {
        matched += scores[s][r] ? 1 : 0;
        total += scores[s][r];
      }
      if (matched) { found.push([r, matched, total]); }
    }
    return found.sort(function (a, b) { return b[1] - a[1] || b[2] - a[2] || a[0] - b[0]; });
  };

  var ranker = null;  // made from the index on the first query

  function rankFor(index) {
    if (!ranker) { ranker = new Ranker(index); }
    return ranker;
  }

  window.GuideSearch = {
    foldText: foldText,
    wordForms: wordForms,
    queryTerms: queryTerms,
    editDistance: editDistance,
    rank: function (text) {  // [[slug, slots found, score], ...] as searchrank.Ranker.rank gives
      var ranked = rankFor(window.GUIDE_SEARCH);
      var found = ranked.rank(text);
      return found === null ? ranked.slugs.map(function (slug) { return [slug, 0, 0]; })
        : found.map(function (entry) { return [ranked.slugs[entry[0]], entry[1], entry[2]]; });
    }
  };

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
  if (!form) {
    return;
  }

  // -- the rest of the cards: the build lays out the first ones (render/views.py LIST_CARDS) and puts the
  // others in a <noscript>, which a browser running scripts keeps as text. A card is made from its markup
  // when a filter or "Show more" first shows it; most visitors never make one.
  var rest = document.getElementById("cards-rest");
  var more = document.getElementById("cards-more");
  var first = document.querySelector(".cards > [data-slug]");
  var list = first && first.parentNode;
  if (!data) {  // the index did not load: no form that would do nothing (site.js then shows every card)
    form.hidden = true;
    return;
  }
  var controls = form.elements;
  var status = document.getElementById("search-status");
  var F = {};
  data.fields.forEach(function (name, i) { F[name] = i; });

  // The index has a row for every kampung of the list, in its order (outputs/search.py): the first are
  // cards, the others markup in the <noscript>, read when a card of them is first wanted.
  var made = Object.create(null);  // slug -> its card in the page
  Array.prototype.forEach.call(list ? list.children : [], function (card) { made[card.getAttribute("data-slug")] = card; });
  var tail = null;  // slug -> the markup of its card, not made yet

  function readTail() {
    tail = Object.create(null);
    var text = rest ? rest.textContent : "";
    text.slice(text.indexOf(">") + 1, text.lastIndexOf("</ul>")).split("</li>").forEach(function (part) {
      var slug = /data-slug="([^"]*)"/.exec(part);
      if (slug && !made[slug[1]]) { tail[slug[1]] = part + "</li>"; }
    });
    return tail;
  }

  function areaValue(area) {
    return area[0] + "-" + splitWords(area[1]).join("-");
  }

  var entries = [];  // by the index's row number: what the filters read, made when first asked for
  var shownOnce = [];  // the entries whose card is made (shown once at least, or laid out by the build)

  function entry(r) {
    if (entries[r] === undefined) {
      var row = data.kampung[r];
      entries[r] = {
        slug: row[F.slug], card: null, r: r, category: data.categories[row[F.category]][0],
        areas: row[F.areas].map(function (i) { return areaValue(data.areas[i]); }),
        workshop: row[F.workshop] === 1, price: row[F.price],
        week: row[F.hours] === null ? null : data.weeks[row[F.hours]], visit: visitFields(row)};
    }
    return entries[r];
  }

  function withCard(found) {  // make the cards these entries still lack (hidden, at the end of the list)
    var wanted = found.filter(function (e) { return !made[e.slug]; });
    if (wanted.length) {
      var markup = tail || readTail(), template = document.createElement("template");
      template.innerHTML = wanted.map(function (e) { return markup[e.slug] || ""; }).join("");
      if (window.GuideSite) {  // from disk, links to folders point at their index.html (site.js)
        window.GuideSite.diskLinks(template.content);
      }
      Array.prototype.forEach.call(template.content.children, function (card) {
        card.hidden = true;
        made[card.getAttribute("data-slug")] = card;
        delete markup[card.getAttribute("data-slug")];
      });
      list.appendChild(template.content);
    }
    found.forEach(function (e) {
      if (!e.card && made[e.slug]) {
        e.card = made[e.slug];
        e.card.guideRow = e;
        e.at = Array.prototype.indexOf.call(list.children, e.card);
        shownOnce.push(e);
      }
    });
    return found.filter(function (e) { return e.card; });
  }

  var rowOf = Object.create(null);  // slug -> the index's row number
  data.kampung.forEach(function (row, r) { rowOf[row[F.slug]] = r; });
  withCard(Object.keys(made).filter(function (slug) { return slug in rowOf; }).map(function (slug) {
    return entry(rowOf[slug]);
  }));

  // -- the visit filters: watching the making (now, or on a day), children, sorting by freshness ----
  // Kept apart from the text search: they only read their own fields of a row and their own controls.
  function visitFields(row) {
    return {making: row[F.making] === null ? null : data.weeks[row[F.making]], children: row[F.children] === 1,
            checked: row[F.checked]};
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

  // Most recently checked first (never checked last); a stable sort keeps the order found within a date.
  function sortShown(shown, order) {
    if (order !== "checked") { return shown; }
    return shown.map(function (row, i) { return [row, i]; }).sort(function (a, b) {
      var x = a[0].visit.checked, y = b[0].visit.checked;
      return x !== y ? (x < y ? 1 : -1) : a[1] - b[1];
    }).map(function (pair) { return pair[0]; });
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

  // The build leaves out a filter nothing could pass (render/filters.py), and switches "open now"
  // off with a note when no kampung has hours: the form says which filters count.
  function usefulFilters() {
    var useful = {};
    Array.prototype.forEach.call(form.querySelectorAll("[id^='search-field-']"), function (field) {
      useful[field.id.slice("search-field-".length)] = !field.hidden;
    });
    useful.open = !controls.open.disabled;  // shown, switched off when no kampung has hours
    return useful;
  }

  // The list's heading ("7 kampung") counts what the filter shows.
  function followHeading(count) {
    var heading = document.getElementById("kampung-title");
    var text = count === 1 ? form.getAttribute("data-count-one")
      : form.getAttribute("data-count-many").replace("{n}", String(count));
    if (heading && heading.textContent !== text) {
      heading.textContent = text;
    }
  }

  function readState() {
    var max = parseInt(controls.max.value, 10);
    return readVisitState({q: controls.q.value, cat: controls.cat.value, area: useful.area ? controls.area.value : "",
            workshop: useful.workshop && controls.workshop.checked, open: useful.open && controls.open.checked,
            max: useful.max && max >= 0 ? max : null});
  }

  function passes(row, state, clock) {  // the filters beside the words
    return !((state.cat && row.category !== state.cat) || (state.area && row.areas.indexOf(state.area) === -1) ||
        (state.workshop && !row.workshop) || (state.open && !isOpen(row.week, clock)) ||
        !passesVisitFilters(row, state, clock) ||
        (state.max !== null && !(row.price && row.price[0] <= state.max)));
  }

  // Put the shown cards in `shown`'s order, moving as few as possible: those outside the longest run
  // already in order (hidden cards may stay anywhere).
  function arrange(shown) {
    var inOrder = true, i;
    for (i = 1; i < shown.length && inOrder; i++) { inOrder = shown[i - 1].at < shown[i].at; }
    if (inOrder) { return; }
    var tails = [], previous = new Array(shown.length);
    for (i = 0; i < shown.length; i++) {  // the longest increasing run of positions, O(n log n)
      var low = 0, high = tails.length;
      while (low < high) {
        var middle = (low + high) >> 1;
        if (shown[tails[middle]].at < shown[i].at) { low = middle + 1; } else { high = middle; }
      }
      previous[i] = low > 0 ? tails[low - 1] : -1;
      tails[low] = i;
    }
    var stays = {};
    for (i = tails.length ? tails[tails.length - 1] : -1; i !== -1; i = previous[i]) { stays[i] = true; }
    var anchor = null;
    for (i = shown.length - 1; i >= 0; i--) {
      if (!stays[i]) { list.insertBefore(shown[i].card, anchor); }
      anchor = shown[i].card;
    }
    Array.prototype.forEach.call(list.children, function (card, at) { if (card.guideRow) { card.guideRow.at = at; } });
  }

  function countText(count) {
    if (count === 0) {
      return form.getAttribute("data-count-none");
    }
    return count === 1 ? form.getAttribute("data-count-one")
      : form.getAttribute("data-count-many").replace("{n}", String(count));
  }

  function showStatus(count, partial) {  // the count, and under it why some cards match only some words
    var text = countText(count), note = partial ? form.getAttribute("data-partial") : "";
    if (status.textContent === text + (note ? " " + note : "")) { return; }
    status.textContent = text;
    if (note) {
      var span = document.createElement("span");
      span.className = "search__partial";
      span.textContent = " " + note;
      status.appendChild(span);
    }
  }

  var page = more ? parseInt(more.getAttribute("data-page"), 10) : Infinity;  // cards shown at a time
  var limit = page;

  function update() {
    var started = performance.now();
    var state = readState(), shown = [], partial = false, total = data.kampung.length, r;
    if (!stateParams(state).toString()) {  // no words, no filter: the first cards in the page's order
      for (r = 0; r < data.kampung.length && shown.length < limit; r++) {
        shown.push(entry(r));
      }
    } else {
      var found = state.q.trim() ? rankFor(data).rank(state.q) : null;
      var clock = state.open || state.watch ? jakartaClock(currentTime()) : null;
      if (found === null) {  // no words: every card that passes the filters, in the page's order
        for (r = 0; r < data.kampung.length; r++) {
          if (passes(entry(r), state, clock)) { shown.push(entry(r)); }
        }
      } else {
        var words = splitWords(state.q).length;
        found.forEach(function (hit) {
          if (passes(entry(hit[0]), state, clock)) { shown.push(entry(hit[0])); }
        });
        partial = words > 1 && shown.length > 0 && found.every(function (hit) {
          return hit[1] < words || !passes(entry(hit[0]), state, clock);
        });
      }
      total = shown.length;
      shown = sortShown(shown, state.sort).slice(0, limit);
    }
    shown = withCard(shown);
    var visible = {};
    shown.forEach(function (e) { visible[e.r] = true; });
    shownOnce.forEach(function (e) {
      var show = visible[e.r] === true;
      if (e.card.hidden === show) {
        e.card.hidden = !show;
      }
    });
    arrange(shown);
    showMore(total - shown.length);
    showStatus(total, partial);
    followHeading(total);
    window.GUIDE_SEARCH_LAST_MS = performance.now() - started;
    writeUrl(state);
  }

  function showMore(hidden) {  // the button under the cards: how many more it would show
    if (!more) { return; }
    more.parentNode.hidden = hidden <= 0;
    more.textContent = more.getAttribute("data-label").replace("{n}", String(Math.min(page, hidden)));
  }

  function showNextPage() {
    var next = limit;
    limit += page;
    update();
    // the keyboard goes on at the first card the button brought, where the button was
    var card = Array.prototype.filter.call(list.children, function (c) { return !c.hidden; })[next];
    var link = card && card.querySelector("a");
    if (link) { link.focus(); }
  }

  // -- the address keeps the state, so a filtered list can be shared and survives a reload ------
  function stateParams(state) {
    var params = new URLSearchParams();
    if (state.q.trim()) { params.set("q", state.q.trim()); }
    if (state.cat) { params.set("cat", state.cat); }
    if (state.area) { params.set("area", state.area); }
    if (state.workshop) { params.set("workshop", "1"); }
    if (state.open) { params.set("open", "1"); }
    if (state.max !== null) { params.set("max", String(state.max)); }
    writeVisitParams(params, state);
    return params;
  }

  function writeUrl(state) {
    var query = stateParams(state).toString();
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
  var useful = usefulFilters();
  readUrl();
  function changed() {  // the form changed: its first page of cards
    limit = page;
    update();
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function (event) { event.preventDefault(); changed(); });
  form.addEventListener("reset", function () { window.setTimeout(changed, 0); });
  if (more) {
    more.addEventListener("click", showNextPage);
  }
  update();
  window.GuideSearch.listStarted = true;  // this script shows the list's other cards (site.js asks)
  // The word lookup is made once the visitor comes to the form (a task of its own, not the first keystroke's).
  form.addEventListener("focusin", function () { window.setTimeout(function () { rankFor(data); }, 0); }, {once: true});
})();
