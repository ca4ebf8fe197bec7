// The pin layer of every map: reads the page's #map-data island and builds pins and popups with DOM
// calls. folium wraps it into assets/map.js as `(function (map) {...})(<the map>);`.
(function (map) {
  var island = document.getElementById("map-data");
  if (!island) { return; }
  var data = JSON.parse(island.textContent);
  var opener = null;  // the pin whose popup is open
  var layer = data.cluster && L.markerClusterGroup ? L.markerClusterGroup({showCoverageOnHover: false}) : L.featureGroup();
  data.pins.forEach(function (p) {
    var icon = document.createElement("span");
    var symbol = document.createElement("span");
    symbol.className = "pin__icon";
    symbol.setAttribute("aria-hidden", "true");
    symbol.textContent = p[4];
    var label = document.createElement("span");
    label.className = "visually-hidden";
    label.textContent = p[2];
    icon.appendChild(symbol);
    icon.appendChild(label);
    var marker = L.marker([p[0], p[1]], {
      title: p[2], alt: p[2], keyboard: true,
      icon: L.divIcon({html: icon, className: "pin pin--" + p[3], iconSize: [30, 30], iconAnchor: [15, 38], popupAnchor: [0, -34]})
    });
    var popup = document.createElement("div");
    var title = document.createElement(p[5] ? "a" : "strong");
    title.textContent = p[2];
    if (p[5]) { title.setAttribute("href", p[5]); }
    popup.appendChild(title);
    if (p[6]) { popup.appendChild(document.createElement("br")); popup.appendChild(document.createTextNode(p[6])); }
    marker.bindPopup(popup, {autoPanPaddingTopLeft: [52, 12]});  // clear of the zoom buttons
    marker.on("popupopen", function () { opener = marker; });
    marker.on("popupclose", function (event) { returnFocus(marker, event.popup.getElement()); });
    layer.addLayer(marker);
  });
  layer.addTo(map);
  var line = null;  // an optional route, [[lat, lon], ...]; a "change" event on the island redraws it
  function drawLine() {
    var points = JSON.parse(island.textContent).line || [];
    if (line) { map.removeLayer(line); line = null; }
    if (points.length > 1) { line = L.polyline(points, {className: "route-line", interactive: false}).addTo(map); }
  }
  drawLine();
  island.addEventListener("change", drawLine);
  var container = map.getContainer();
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
  if (data.area && data.pins.length) {  // around the kampung's own pin, the first (its outlets follow)
    L.circle([data.pins[0][0], data.pins[0][1]], {radius: data.area, color: data.color, weight: 2,
      fillOpacity: 0.12, interactive: false}).addTo(map);
  }
  if (data.fit && data.pins.length > 1) {
    map.fitBounds(layer.getBounds(), {paddingTopLeft: [30, 50], paddingBottomRight: [30, 20], maxZoom: 16, animate: false});
  } else {
    map.setView(data.center, data.zoom, {animate: false});  // the page opens on its view, no fly-in
  }
  if (window.location.protocol === "file:") {  // folder links need index.html from disk
    map.on("popupopen", function (event) {
      var link = event.popup.getElement().querySelector("a[href$='/']");
      if (link) { link.setAttribute("href", link.getAttribute("href") + "index.html"); }
    });
  }
})
