/* The guide's maps: made with folium; pins come from the page's #map-data. */
(function () {
"use strict";
var element = document.getElementById("map");
if (!element) { return; }
(function (element, build) {
  var started = false, observer = null;
  function load(scripts) {  // fetched side by side, run in order: the cluster layer needs Leaflet
    scripts.slice(1).forEach(function (src) {
      var early = document.createElement("link");
      early.rel = "preload";
      early.as = "script";
      early.href = src;
      document.head.appendChild(early);
    });
    (function next(i) {
      if (i === scripts.length) {
        if (window.L) { build(); } else { failed(); }
        return;
      }
      var script = document.createElement("script");
      script.src = scripts[i];
      script.onload = function () { next(i + 1); };
      script.onerror = failed;
      document.head.appendChild(script);
    })(0);
  }
  function failed() {  // offline before the scripts were ever saved: say so where the map would be
    var notice = document.createElement("p");
    notice.className = "map-offline";
    notice.setAttribute("role", "status");
    notice.textContent = element.getAttribute("data-unavailable");
    element.parentNode.insertBefore(notice, element.nextSibling);
  }
  function start() {
    if (started) { return; }
    started = true;
    if (observer) { observer.disconnect(); }
    load((element.getAttribute("data-scripts") || "").split(" ").filter(Boolean));
  }
  if ("IntersectionObserver" in window) {
    observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) { start(); }
    }, {rootMargin: "100% 0px"});  // a screen ahead: ready by the time it is scrolled to
    observer.observe(element);
  } else {
    start();
  }
})(element, function () {
var map_0001 = L.map(
"map",
{
crs: L.CRS.EPSG3857,
...{
"zoom": 14,
"zoomControl": true,
"preferCanvas": false,
"maxZoom": 19,
}
}
);
L.control.scale().addTo(map_0001);
(function (map) {
var island = document.getElementById("map-data");
if (!island) { return; }
var SLICE_MS = 8;  // the longest a slice of work may run: under 50 ms even where a tool counts it 4x (Lighthouse)
var data = JSON.parse(island.textContent);
var container = map.getContainer();
var opener = null;  // the pin whose popup is open
function placesPins(chosen) {  // [lat, lon, name, category, icon, url, note], from the shared places table
var places = window.GUIDE_PLACES;
if (!places) { return []; }
var root = document.documentElement.getAttribute("data-root") || "";
var F = {};
places.fields.forEach(function (name, i) { F[name] = i; });
var pins = [];
places.kampung.forEach(function (row) {
var category = places.categories[row[F.category]];
if (chosen.category && category[0] !== chosen.category) { return; }
pins.push([row[F.lat], row[F.lon], row[F.name], category[0], category[2],
chosen.link ? root + places.href.replace("{slug}", row[F.slug]) : "", category[1]]);
});
return pins;
}
var pins = data.places ? placesPins(data.places).concat(data.pins || []) : data.pins;
var clustered = data.cluster && L.markerClusterGroup;
var layer = clustered ? L.markerClusterGroup({showCoverageOnHover: false, chunkedLoading: true, chunkInterval: SLICE_MS})
: L.featureGroup();
var PinIcon = L.DivIcon.extend({  // its DOM made when the pin is first shown, not for every pin at start
createIcon: function (old) {
var div = L.DivIcon.prototype.createIcon.call(this, old);
var p = this.options.pin;
var symbol = document.createElement("span");
symbol.className = "pin__icon";
symbol.setAttribute("aria-hidden", "true");
symbol.textContent = p[4];
var label = document.createElement("span");
label.className = "visually-hidden";
label.textContent = p[2];
div.appendChild(symbol);
div.appendChild(label);
return div;
}
});
function popup(p) {
var box = document.createElement("div");
var title = document.createElement(p[5] ? "a" : "strong");
title.textContent = p[2];
if (p[5]) { title.setAttribute("href", fromDisk(p[5])); }
box.appendChild(title);
if (p[6]) { box.appendChild(document.createElement("br")); box.appendChild(document.createTextNode(p[6])); }
return box;
}
function marker(p) {
var made = L.marker([p[0], p[1]], {
title: p[2], alt: p[2], keyboard: true,
icon: new PinIcon({pin: p, className: "pin pin--" + p[3], iconSize: [30, 30], iconAnchor: [15, 38], popupAnchor: [0, -34]})
});
made.bindPopup(function () { return popup(p); }, {autoPanPaddingTopLeft: [52, 12]});  // clear of the zoom buttons
made.on("popupopen", function () { opener = made; });
made.on("popupclose", function (event) { returnFocus(made, event.popup.getElement()); });
return made;
}
function fromDisk(href) {  // opened from disk, a folder link needs its index.html
return window.location.protocol === "file:" && /\/$/.test(href) ? href + "index.html" : href;
}
function later(work) { window.setTimeout(work, 0); }
function addPins() {  // slices: make the markers, cluster them, then show what the view needs at once
var made = [], next = 0, clustering = 0;
var sliced = clustered && layer._addLayer && layer._gridClusters && layer._topClusterLevel;  // markercluster 1.5.3's own steps
function slice() {
var end = performance.now() + SLICE_MS;
while (next < pins.length && performance.now() < end) { made.push(marker(pins[next++])); }
later(next < pins.length ? slice : sliced ? cluster : show);
}
function cluster() {  // what addLayers does, with a clock read per marker instead of per 200
var end = performance.now() + SLICE_MS;
while (clustering < made.length && performance.now() < end) { layer._addLayer(made[clustering++], layer._maxZoom); }
later(clustering < made.length ? cluster : bounds);
}
var zoom = layer._maxZoom, queue = null;
function bounds() {  // each cluster's bounds and centre, the deepest first, so that each is quick
var end = performance.now() + SLICE_MS;
while (zoom >= map.getMinZoom() && performance.now() < end) {
if (!queue) {
queue = [];
layer._gridClusters[zoom].eachObject(function (c) { queue.push(c); });
}
while (queue.length && performance.now() < end) {
var c = queue.pop();
if (c._boundsNeedUpdate) { c._recalculateBounds(); }
}
if (!queue.length) { queue = null; zoom--; }
}
later(zoom >= map.getMinZoom() ? bounds : shown);
}
function shown() {
layer._topClusterLevel._recalculateBounds();
layer._refreshClustersIcons();
layer._topClusterLevel._recursivelyAddChildrenToMap(null, layer._zoom, layer._currentShownBounds);
ready();
}
function show() {
if (clustered) { layer.addLayers(made, true); } else { made.forEach(function (m) { layer.addLayer(m); }); }
ready();
}
function ready() {
container.setAttribute("data-pins", "ready");
if (window.performance && performance.mark) { performance.mark("guide-map-pins-ready"); }  // for bench/
}
slice();
}
function pinBounds() {
var south = 90, west = 180, north = -90, east = -180;
pins.forEach(function (p) {
south = Math.min(south, p[0]); north = Math.max(north, p[0]);
west = Math.min(west, p[1]); east = Math.max(east, p[1]);
});
return L.latLngBounds([south, west], [north, east]);
}
// The map has no view yet, and the tile layer (added after this script) waits for one: the view, the
// tiles, the pins' layer and the pins then come each in a task of their own.
later(function () {
var tiles = [];
map.eachLayer(function (added) {
if (added instanceof L.TileLayer) { tiles.push(added); }
});
tiles.forEach(function (tileLayer) { map.removeLayer(tileLayer); });  // back in the next task
if (data.fit && pins.length > 1) {  // from the data: tiles load only for the page's own view
map.fitBounds(pinBounds(), {paddingTopLeft: [30, 50], paddingBottomRight: [30, 20], maxZoom: 16, animate: false});
} else {
map.setView(data.center, data.zoom, {animate: false});  // the page opens on its view, no fly-in
}
later(function () {
tiles.forEach(function (tileLayer) { tileLayer.addTo(map); });
later(function () {
layer.addTo(map);
addPins();
});
});
});
var line = null;  // an optional route, [[lat, lon], ...]; a "change" event on the island redraws it
function drawLine() {
var points = JSON.parse(island.textContent).line || [];
if (line) { map.removeLayer(line); line = null; }
if (points.length > 1) { line = L.polyline(points, {className: "route-line", interactive: false}).addTo(map); }
}
drawLine();
island.addEventListener("change", drawLine);
// No tiles: say so under the map, where the notice covers no button and no popup; the pins and
// the page's address text still work.
function offline() {
var next = container.nextElementSibling;
if (next && next.className === "map-offline") { return; }
var notice = document.createElement("p");
notice.className = "map-offline";
notice.setAttribute("role", "status");
notice.textContent = container.getAttribute("data-offline");
container.parentNode.insertBefore(notice, next);
}
// The keyboard: Leaflet puts every popup after every pin, so Tab from a pin whose popup is open
// would skip its popup. Tab goes into the popup, out of it to the next pin, Shift+Tab back;
// Escape closes it and returns to its pin.
function focusables(element) {
return element ? Array.prototype.slice.call(element.querySelectorAll("a[href], button")) : [];
}
function returnFocus(marker, popupElement) {
var active = document.activeElement;
if (marker.getElement() && (!active || active === document.body || popupElement.contains(active))) {
marker.getElement().focus();
}
}
container.addEventListener("keydown", function (event) {
if (!opener || !opener.isPopupOpen() || !opener.getElement() || event.altKey || event.ctrlKey || event.metaKey) {
return;
}
var pin = opener.getElement(), inside = focusables(opener.getPopup().getElement());
var active = document.activeElement, at = inside.indexOf(active);
if (event.key === "Escape" && (active === pin || at !== -1)) {
event.preventDefault();
opener.closePopup();
pin.focus();
return;
}
if (event.key !== "Tab" || !inside.length) { return; }
var pins = Array.prototype.slice.call(container.querySelectorAll(".leaflet-marker-icon[tabindex]"));
var after = pins[pins.indexOf(pin) + 1];
var target = null;
if (!event.shiftKey && active === pin) { target = inside[0]; }
else if (!event.shiftKey && at === inside.length - 1) { target = after; }
else if (event.shiftKey && at === 0) { target = pin; }
else if (event.shiftKey && after && active === after) { target = inside[inside.length - 1]; }
if (target) {
event.preventDefault();
target.focus();
}
});
map.on("layeradd", function (event) {  // the tile layer is added after this script sets the view
if (event.layer instanceof L.TileLayer) { event.layer.on("tileerror", offline); }
});
if (navigator.onLine === false) { offline(); }
if (data.area && pins.length) {  // around the kampung's own pin, the first (its outlets follow)
L.circle([pins[0][0], pins[0][1]], {radius: data.area, color: data.color, weight: 2,
fillOpacity: 0.12, interactive: false}).addTo(map);
}
})(map_0001);
var tile_layer_0009 = L.tileLayer(
"https://tile.openstreetmap.org/{z}/{x}/{y}.png",
{
"minZoom": 0,
"maxZoom": 19,
"maxNativeZoom": 19,
"noWrap": false,
"attribution": "\u0026copy; \u003ca href=\"https://www.openstreetmap.org/copyright\"\u003eOpenStreetMap\u003c/a\u003e contributors",
"subdomains": "abc",
"detectRetina": false,
"tms": false,
"opacity": 1,
}
);
tile_layer_0009.addTo(map_0001);
});
})();
