/* The visit planner on the "plan your visit" page: tick kampung, get a short visiting order, legs,
   times, opening-hours clashes, the route on the map, GPX/GeoJSON downloads and a map-app link.
   The sums are those of kampung_guide/util/travel.py (same formulas, same order of operations): keep them in step.
   The plan lives in the address (?stops=a,b&start=a&mode=walk&t=09:00&day=0&v=45). The kampung come
   from the site's places script (window.GUIDE_PLACES); a small guide's page lists them all to tick, a
   larger one's lists those a search by name finds (and the ticked ones). Without this file the page
   shows the suggested routes. */
(function () {
  "use strict";
  var EARTH_RADIUS_KM = 6371.0088;
  var RAD = Math.PI / 180;

  function distance(a, b) {  // haversine, as kampung_guide/util/geo.py distance_km
    var p1 = a[0] * RAD, p2 = b[0] * RAD;
    var dp = p2 - p1, dl = (b[1] - a[1]) * RAD;
    var s1 = Math.sin(dp / 2), s2 = Math.sin(dl / 2);
    var h = s1 * s1 + Math.cos(p1) * Math.cos(p2) * s2 * s2;
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  function matrix(points) {
    return points.map(function (a) { return points.map(function (b) { return distance(a, b); }); });
  }

  function pathLength(m, order) {
    var total = 0;
    for (var i = 1; i < order.length; i++) { total += m[order[i - 1]][order[i]]; }
    return total;
  }

  function nearestNeighbour(m, start) {
    var order = [start], left = [];
    for (var i = 0; i < m.length; i++) { if (i !== start) { left.push(i); } }
    while (left.length) {
      var here = order[order.length - 1], best = 0;
      for (var k = 1; k < left.length; k++) {
        if (m[here][left[k]] < m[here][left[best]]) { best = k; }
      }
      order.push(left.splice(best, 1)[0]);
    }
    return order;
  }

  function twoOpt(m, order, epsilon) {
    order = order.slice();
    var n = order.length, improved = true;
    while (improved) {
      improved = false;
      for (var i = 1; i < n - 1; i++) {
        for (var j = i + 1; j < n; j++) {
          var a = order[i - 1], b = order[i], c = order[j];
          var before = m[a][b] + (j + 1 < n ? m[c][order[j + 1]] : 0);
          var after = m[a][c] + (j + 1 < n ? m[b][order[j + 1]] : 0);
          if (after < before - epsilon) {
            var middle = order.slice(i, j + 1).reverse();
            Array.prototype.splice.apply(order, [i, middle.length].concat(middle));
            improved = true;
          }
        }
      }
    }
    return order;
  }

  function visitingOrder(points, start, epsilon) {
    if (!points.length) { return []; }
    var m = matrix(points), given = [start];
    for (var i = 0; i < points.length; i++) { if (i !== start) { given.push(i); } }
    var found = twoOpt(m, nearestNeighbour(m, start), epsilon);
    return pathLength(m, found) < pathLength(m, given) - epsilon ? found : given;
  }

  // -- making times: the order that reaches each kampung while its making can be watched -----------
  // The twin of travel.watch and travel.making_order in kampung_guide/util/travel.py: keep them in step.
  var WATCH_MINUTES = 15, MAX_PERMUTED = 8;

  function watch(stay, spans) {
    if (!spans) { return "unknown"; }
    var end = Math.max(stay[1], stay[0] + 1), need = Math.min(WATCH_MINUTES, end - stay[0]);
    return spans.some(function (s) { return Math.min(end, s[1]) - Math.max(stay[0], s[0]) >= need; }) ? "ok" : "clash";
  }

  function eachOrder(first, rest, visit) {  // every order of `rest` after `first`, in lexicographic order
    (function extend(order, left) {
      if (!left.length) { visit(order); return; }
      for (var i = 0; i < left.length; i++) {
        extend(order.concat([left[i]]), left.slice(0, i).concat(left.slice(i + 1)));
      }
    })([first], rest);
  }

  function makingOrder(points, start, windows, plan, epsilon) {
    var base = visitingOrder(points, start, epsilon);
    if (points.length > MAX_PERMUTED || windows.every(function (w) { return !w; })) { return base; }
    var m = matrix(points);
    var misses = function (order) {
      var minute = plan.depart, missed = 0;
      order.forEach(function (stop, i) {
        if (watch([minute, minute + plan.v], windows[stop]) === "clash") { missed += 1; }
        if (i + 1 < order.length) { minute += plan.v + plan.travel(m[stop][order[i + 1]]); }
      });
      return missed;
    };
    var best = base, bestMisses = misses(base), bestKm = pathLength(m, base);
    if (bestMisses === 0) { return base; }
    var rest = [];
    for (var i = 0; i < points.length; i++) { if (i !== start) { rest.push(i); } }
    eachOrder(start, rest, function (order) {
      var missed = misses(order), km = pathLength(m, order);
      if (missed < bestMisses || (missed === bestMisses && km < bestKm - epsilon)) {
        best = order; bestMisses = missed; bestKm = km;
      }
    });
    return best;
  }

  window.GuidePlan = {distance: distance, visitingOrder: visitingOrder, makingOrder: makingOrder, watch: watch};

  var island = document.getElementById("plan-data");
  var form = document.getElementById("planner");
  if (!island || !form) { return; }
  var data = JSON.parse(island.textContent);
  var places = window.GUIDE_PLACES;
  if (!places) { return; }
  var words = data.words;
  var fromDisk = window.location.protocol === "file:";
  var el = function (id) { return document.getElementById(id); };
  var blobs = [];

  // -- the kampung, from the site's places script (assets/places-<lang>.js) --------------------
  var F = {};
  places.fields.forEach(function (name, i) { F[name] = i; });
  var root = document.documentElement.getAttribute("data-root") || "";
  var rowOf = {}, made = {};  // slug -> its row's index; slug -> [lat, lon, name, href, week, approximate], made when asked
  places.kampung.forEach(function (row, i) { rowOf[row[F.slug]] = i; });

  function place(slug) {  // a place to buy (`<slug>.<n>`) comes made in the page's data
    if (data.outlets.hasOwnProperty(slug)) { return data.outlets[slug]; }
    if (!made[slug]) {
      var row = places.kampung[rowOf[slug]];
      made[slug] = [row[F.lat], row[F.lon], row[F.name], root + places.href.replace("{slug}", slug),
        row[F.hours] === null ? null : places.weeks[row[F.hours]], row[F.approximate] === 1,
        row[F.making] === null ? null : places.weeks[row[F.making]]];  // place[6]: when making can be watched
    }
    return made[slug];
  }

  function fill(text, params) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) { return name in params ? params[name] : whole; });
  }

  var formats = data.formats;  // CLDR patterns of the page's language (i18n.Language.script_formats)
  var plurals = window.Intl && Intl.PluralRules ? new Intl.PluralRules(data.lang) : null;

  function unit(n, name, text) {  // as i18n.Language.unit: CLDR's pattern for n's plural category
    var patterns = formats.units[name];
    var category = plurals ? plurals.select(n) : "other";
    return fill(patterns[category] || patterns.other, {n: text === undefined ? n : text});
  }

  function formatDistance(km) {  // as i18n.Language.distance
    if (km < 1) { return unit(Math.round(km * 1000 / 10) * 10, "m"); }
    return unit(km, "km", km.toFixed(1).replace(".", formats.decimal));
  }

  function formatDuration(minutes) {  // as i18n.Language.duration
    var hours = Math.floor(minutes / 60), rest = minutes % 60;
    if (!hours) { return unit(minutes, "minute"); }
    return rest ? fill(words.hours_minutes, {hours: unit(hours, "hour"), minutes: unit(rest, "minute")})
      : unit(hours, "hour");
  }

  function clock(minutes) {  // as i18n.Language.clock
    minutes = ((minutes % 1440) + 1440) % 1440;
    var h = String(Math.floor(minutes / 60)), m = minutes % 60;
    while (h.length < formats.hourDigits) { h = "0" + h; }
    return h + formats.timeSep + (m < 10 ? "0" : "") + m;
  }

  function travelMinutes(km, mode) {  // as routes.travel_minutes
    return Math.floor(km * data.detour / data.speeds[mode] * 60 + 0.5);
  }

  function clash(stay, spans) {  // as routes.clash
    if (!spans) { return "unknown"; }
    for (var i = 0; i < spans.length; i++) {
      if (spans[i][0] <= stay[0] && stay[1] <= spans[i][1]) { return "ok"; }
    }
    return "clash";
  }

  function today() {  // the weekday in Asia/Jakarta (UTC+7, no daylight saving), Monday = 0
    var now = new Date(window.GUIDE_NOW || Date.now());
    return (new Date(now.getTime() + 7 * 3600 * 1000).getUTCDay() + 6) % 7;
  }

  // -- the plan and the address -----------------------------------------------------------------
  function readAddress() {
    var query = {};
    window.location.search.replace(/^\?/, "").split("&").forEach(function (pair) {
      var parts = pair.split("=");
      if (parts[0]) { query[decodeURIComponent(parts[0])] = decodeURIComponent((parts[1] || "").replace(/\+/g, " ")); }
    });
    var stops = [];
    (query.stops || "").split(",").forEach(function (slug) {
      if ((rowOf.hasOwnProperty(slug) || data.outlets.hasOwnProperty(slug)) && stops.indexOf(slug) < 0) { stops.push(slug); }
    });
    var visit = parseInt(query.v, 10);
    var day = parseInt(query.day, 10);
    return {
      stops: stops, start: stops.indexOf(query.start) >= 0 ? query.start : (stops[0] || ""),
      mode: data.speeds[query.mode] ? query.mode : "walk",
      t: /^([01]\d|2[0-3]):[0-5]\d$/.test(query.t || "") ? query.t : "09:00",
      day: day >= 0 && day <= 6 ? day : today(), v: visit >= 0 && visit <= 480 ? visit : 45
    };
  }

  function writeAddress(plan) {
    var query = plan.stops.length ? "?stops=" + plan.stops.join(",") + "&start=" + plan.start + "&mode=" + plan.mode
      + "&t=" + plan.t + "&day=" + plan.day + "&v=" + plan.v : "";
    window.history.replaceState(null, "", window.location.pathname + query + window.location.hash);
  }

  function showPlan(plan) {
    form.querySelectorAll("input[name=stop]").forEach(function (box) { box.checked = plan.stops.indexOf(box.value) >= 0; });
    if (search && !listShown) { showMatches(plan); listShown = true; }
    var start = el("plan-start");
    start.textContent = "";
    plan.stops.forEach(function (slug) {
      var option = document.createElement("option");
      option.value = slug;
      option.textContent = place(slug)[2];
      start.appendChild(option);
    });
    start.value = plan.start;
    start.disabled = plan.stops.length === 0;
    el("plan-mode").value = plan.mode;
    el("plan-day").value = String(plan.day);
    el("plan-time").value = plan.t;
    el("plan-visit").value = String(plan.v);
  }

  function readForm(plan, changed) {
    if (changed && changed.name === "stop") {
      var at = plan.stops.indexOf(changed.value);
      if (changed.checked && at < 0) { plan.stops.push(changed.value); }
      if (!changed.checked && at >= 0) { plan.stops.splice(at, 1); }
    } else if (changed && changed.id === "plan-start") {
      plan.start = changed.value;
    }
    if (plan.stops.indexOf(plan.start) < 0) { plan.start = plan.stops[0] || ""; }
    plan.mode = data.speeds[el("plan-mode").value] ? el("plan-mode").value : "walk";
    plan.day = parseInt(el("plan-day").value, 10) || 0;
    plan.t = /^\d\d:\d\d$/.test(el("plan-time").value) ? el("plan-time").value : "09:00";
    var visit = parseInt(el("plan-visit").value, 10);
    plan.v = visit >= 0 && visit <= 480 ? visit : 45;
    return plan;
  }

  // -- the list of kampung to tick: all of a small guide; of a larger one, those a search finds ----
  var list = el("plan-list"), search = el("plan-search"), boxes = {};  // slug -> its <li>, made once
  Array.prototype.forEach.call(list.children, function (item) { boxes[item.querySelector("input").value] = item; });

  function number(n) {  // grouped as the page's own counts are (i18n.format_number): 1.000 or 1,000
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, data.lang === "id" ? "." : ",");
  }

  function fold(text) {  // as foldText in search.js: lower case, accents off (most names need no more)
    text = String(text).toLowerCase();
    return /^[\x00-\x7f]*$/.test(text) ? text : text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }

  var texts = null;  // each kampung's name and category as searched, made at the first search

  function searchText(i) {
    if (!texts) {
      texts = places.kampung.map(function (row) {
        return fold(row[F.name] + " " + places.categories[row[F.category]][1]).replace(/[^a-z0-9]+/g, " ");
      });
    }
    return texts[i];
  }

  function box(i) {
    var row = places.kampung[i], slug = row[F.slug];
    if (!boxes[slug]) {
      var item = document.createElement("li");
      item.className = "planner__check cat--" + places.categories[row[F.category]][0];
      var input = document.createElement("input");
      input.type = "checkbox";
      input.id = "plan-k-" + slug;
      input.name = "stop";
      input.value = slug;
      var label = document.createElement("label");
      label.htmlFor = input.id;
      label.textContent = row[F.name];
      item.appendChild(input);
      item.appendChild(label);
      boxes[slug] = item;
    }
    return boxes[slug];
  }

  function showMatches(plan) {  // the ticked kampung and the first matches, in name order
    var terms = fold(search.value).split(/[^a-z0-9]+/).filter(Boolean);
    var found = 0, shown = [];
    places.kampung.forEach(function (row, i) {
      var ticked = plan.stops.indexOf(row[F.slug]) >= 0;
      var match = terms.every(function (term) { return searchText(i).indexOf(term) >= 0; });
      if (match) { found++; }
      if (ticked || (match && found <= data.matches)) { shown.push(box(i)); }
    });
    list.textContent = "";
    shown.forEach(function (item) {
      item.querySelector("input").checked = plan.stops.indexOf(item.querySelector("input").value) >= 0;
      list.appendChild(item);
    });
    var status = !found ? data.words.plan_search_none : found > data.matches
      ? fill(data.words.plan_search_count, {shown: number(data.matches), n: number(found)})
      : fill(found === 1 ? data.words.kampung_count_1 : data.words.kampung_count_n, {n: number(found)});
    if (el("plan-search-status").textContent !== status) { el("plan-search-status").textContent = status; }
  }

  // -- the route --------------------------------------------------------------------------------
  function route(plan) {
    var points = plan.stops.map(place);
    var minute = parseInt(plan.t.slice(0, 2), 10) * 60 + parseInt(plan.t.slice(3), 10);
    var windows = points.map(function (place) { return place[6] ? place[6][plan.day] : null; });
    var start = Math.max(0, plan.stops.indexOf(plan.start));
    var timing = {depart: minute, v: plan.v, travel: function (km) { return travelMinutes(km, plan.mode); }};
    var order = makingOrder(points, start, windows, timing, data.improvement);
    var shortest = visitingOrder(points, start, data.improvement);
    var stops = order.map(function (i) { return {slug: plan.stops[i], place: points[i], making: windows[i]}; });
    var straight = 0, travel = 0;
    stops.forEach(function (stop, i) {
      stop.stay = [minute, minute + plan.v];
      stop.spans = stop.place[4] ? stop.place[4][plan.day] : null;
      stop.status = clash(stop.stay, stop.spans);
      stop.watch = watch(stop.stay, stop.making);
      if (i + 1 < stops.length) {
        stop.km = distance(stop.place, stops[i + 1].place);
        stop.minutes = travelMinutes(stop.km, plan.mode);
        straight += stop.km;
        travel += stop.minutes;
        minute += plan.v + stop.minutes;
      }
    });
    return {stops: stops, straight: straight, travel: travel, end: minute + plan.v,
      reordered: order.join() !== shortest.join(),
      missed: stops.filter(function (stop) { return stop.watch === "clash"; }).length};
  }

  // -- the route named from its stops, and its files (as travel.route_gpx and route_geojson) -----
  function stopNames(stops) {  // "A, B and C"
    var names = stops.map(function (s) { return s.place[2]; });
    return names.length < 2 ? names.join("") : names.slice(0, -1).join(", ") + " " + words.and + " " + names[names.length - 1];
  }

  function routeName(stops) {
    return fill(words.route_named, {stops: stops.map(function (s) { return s.place[2]; }).join(" – ")});
  }

  function fileStem(stops) {  // rute-batik-majapahit-onde-onde, kept short enough for any disk
    var stem = words.route_file_name;
    for (var i = 0; i < stops.length && (stem + "-" + stops[i].slug).length <= 100; i++) {
      stem += "-" + stops[i].slug;
    }
    return stem;
  }

  function gpx(name, stops) {
    var escape = function (text) {
      return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
    };
    var rough = stops.some(function (s) { return s.place[5]; });
    var desc = function (indent, show) { return show ? [indent + "<desc>" + escape(data.pinsNote) + "</desc>"] : []; };
    var point = function (tag, s, indent) {
      return [indent + "<" + tag + " lat=\"" + s.place[0] + "\" lon=\"" + s.place[1] + "\">",
        indent + "  <name>" + escape(s.place[2]) + "</name>"].concat(desc(indent + "  ", s.place[5]),
        [indent + "</" + tag + ">"]).join("\n");
    };
    return ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
      "<gpx xmlns=\"" + data.gpxNamespace + "\" version=\"1.1\" creator=\"" + escape(data.creator) + "\">",
      "  <metadata>", "    <name>" + escape(name) + "</name>"].concat(desc("    ", rough), ["  </metadata>"],
        stops.map(function (s) { return point("wpt", s, "  "); }),
        ["  <rte>", "    <name>" + escape(name) + "</name>"], desc("    ", rough),
        stops.map(function (s) { return point("rtept", s, "    "); }), ["  </rte>", "</gpx>", ""]).join("\n");
  }

  function geojson(name, mode, result) {  // RFC 7946: positions are [longitude, latitude]
    var line = result.stops.map(function (s) { return [s.place[1], s.place[0]]; });
    var properties = {name: name, mode: mode, straight_km: Math.round(result.straight * 1000) / 1000,
      road_km_estimate: Math.round(result.straight * data.detour * 1000) / 1000};
    if (result.stops.some(function (s) { return s.place[5]; })) { properties.note = data.pinsNote; }
    var features = [{type: "Feature", geometry: {type: "LineString", coordinates: line}, properties: properties}];
    result.stops.forEach(function (s, i) {
      features.push({type: "Feature", geometry: {type: "Point", coordinates: line[i]},
        properties: {name: s.place[2], stop: i + 1, approximate: !!s.place[5]}});
    });
    return JSON.stringify({type: "FeatureCollection", features: features});
  }

  // "My plan to visit A, B and C: <address>"; from disk the address would be a file of this computer.
  function shareLink(result) {
    return data.share + encodeURIComponent(fill(words.share_plan_text, {stops: stopNames(result.stops),
      url: window.location.href}));
  }

  function mapAppUrl(stops, mode) {  // as routes.map_app_url
    var shown = stops.slice(0, data.maxWaypoints + 2);
    var where = function (s) { return s.place[0].toFixed(6) + "," + s.place[1].toFixed(6); };
    var url = data.mapApp + "&origin=" + encodeURIComponent(where(shown[0]))
      + "&destination=" + encodeURIComponent(where(shown[shown.length - 1])) + "&travelmode=" + data.travelmode[mode];
    var middle = shown.slice(1, -1).map(where);
    return url + (middle.length ? "&waypoints=" + encodeURIComponent(middle.join("|")) : "");
  }

  // -- showing it -------------------------------------------------------------------------------
  function add(parent, tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    parent.appendChild(node);
    return node;
  }

  function pageHref(href) {
    return fromDisk ? href.replace(/\/(#[^\/]*)?$/, "/index.html$1") : href;  // a shop's link ends in /#beli-1
  }

  function spansText(spans) {
    return spans && spans.length ? spans.map(function (s) { return clock(s[0]) + "–" + clock(s[1]); }).join(", ")
      : words.closed;
  }

  function showStops(result, mode) {
    var list = el("plan-stops");
    list.textContent = "";
    result.stops.forEach(function (stop, i) {
      var item = add(list, "li", "stop");
      add(item, "span", "stop__number", String(i + 1)).setAttribute("aria-hidden", "true");
      var body = add(item, "div", "stop__body");
      add(body, "a", "stop__name", stop.place[2]).setAttribute("href", pageHref(stop.place[3]));
      add(body, "p", "stop__stay", fill(words.stay, {arrive: clock(stop.stay[0]), leave: clock(stop.stay[1])}));
      var hours = stop.status === "ok" ? words.hours_ok : stop.status === "clash"
        ? fill(words.hours_clash, {hours: spansText(stop.spans)}) : fill(words.no_hours, {office: data.office});
      add(body, "p", "stop__hours stop__hours--" + stop.status, hours);
      if (stop.watch !== "unknown") {
        var making = stop.watch === "ok" ? fill(words.making_ok, {hours: spansText(stop.making)})
          : fill(words.making_clash, {hours: stop.making.length ? spansText(stop.making) : words.making_none_day});
        add(body, "p", "stop__making stop__making--" + stop.watch, making);
      }
      if (stop.km !== undefined) {
        add(item, "p", "stop__leg", "↓ " + fill(words.route_leg, {distance: formatDistance(stop.km),
          time: formatDuration(Math.max(stop.minutes, 1))}));
      }
    });
    var totals = el("plan-totals");
    totals.textContent = "";
    [[words.route_straight, formatDistance(result.straight)],
      [words.route_road, formatDistance(result.straight * data.detour)],
      [words.route_travel + " (" + el("plan-mode").selectedOptions[0].textContent.toLowerCase() + ")",
        formatDuration(Math.max(result.travel, 1))],
      [words.route_total, clock(result.end)]].forEach(function (row) {
      var group = add(totals, "div");
      add(group, "dt", "", row[0]);
      add(group, "dd", "", row[1]);
    });
  }

  function download(text, type) {
    var url = URL.createObjectURL(new Blob([text], {type: type}));
    blobs.push(url);
    return url;
  }

  function showActions(result, mode) {
    blobs.forEach(function (url) { URL.revokeObjectURL(url); });
    blobs = [];
    var actions = el("plan-actions");
    actions.textContent = "";
    var name = routeName(result.stops), stem = fileStem(result.stops);
    var links = [
      [words.open_map_app, mapAppUrl(result.stops, mode), "button", ""],
      [words.download_gpx, download(gpx(name, result.stops), "application/gpx+xml"), "button button--quiet", "gpx"],
      [words.download_geojson, download(geojson(name, mode, result), "application/geo+json"),
        "button button--quiet", "geojson"]
    ];
    if (!fromDisk) {
      links.push([words.share_whatsapp, shareLink(result), "button button--quiet", ""]);
    }
    links.forEach(function (spec) {
      var link = add(add(actions, "li"), "a", spec[2], spec[0]);
      link.setAttribute("href", spec[1]);
      if (spec[3]) {
        link.setAttribute("download", stem + "." + spec[3]);
        link.id = "plan-" + spec[3];
      } else {
        link.setAttribute("rel", "noopener");
      }
    });
    if (fromDisk) {
      add(add(actions, "li", "plan-share-offline"), "p", "note", words.share_plan_offline).id = "plan-share-offline";
    }
    var partial = el("plan-partial");
    partial.hidden = result.stops.length <= data.maxWaypoints + 2;
    partial.textContent = fill(words.map_app_partial, {n: data.maxWaypoints + 2});
  }

  function drawLine(points) {  // map.js redraws the route when its data island changes
    var mapIsland = document.getElementById("map-data");
    if (!mapIsland) { return; }
    var mapData = JSON.parse(mapIsland.textContent);
    mapData.line = points;
    mapIsland.textContent = JSON.stringify(mapData);
    mapIsland.dispatchEvent(new Event("change"));
  }

  function update(plan) {
    writeAddress(plan);
    showPlan(plan);
    var enough = plan.stops.length >= 2;
    el("plan-result").hidden = !enough;
    if (!enough) {
      el("plan-status").textContent = words.plan_pick_more;
      drawLine([]);
      return;
    }
    var result = route(plan);
    showStops(result, plan.mode);
    showActions(result, plan.mode);
    el("plan-status").textContent = fill(words.route_all_stops, {n: result.stops.length}) + " · "
      + formatDistance(result.straight) + " · " + formatDuration(Math.max(result.travel, 1))
      + (result.missed ? " · " + fill(words.making_missed, {n: result.missed}) : "");
    el("plan-making").hidden = !result.reordered;
    el("plan-making").textContent = words.making_reordered;
    drawLine(result.stops.map(function (s) { return [s.place[0], s.place[1]]; }));
  }

  var plan = readAddress(), listShown = false;
  el("plan-options").hidden = false;
  if (search) {
    search.disabled = false;
    search.addEventListener("input", function () { showMatches(plan); });
  }
  form.addEventListener("change", function (event) {
    if (event.target !== search) { update(readForm(plan, event.target)); }
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  update(plan);
})();
