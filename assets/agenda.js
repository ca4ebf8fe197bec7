/* What's on: sorts the events a page lists into upcoming and past by the visitor's date in Jakarta
   (WIB, UTC+7 all year). The build cannot: its output must not change with the day it runs.
   Each entry carries data-first and data-last (YYYY-MM-DD) and, for separate dates, data-days.
   Without this file the agenda lists every event by date, and the home page links to it. */
(function () {
  "use strict";

  function jakartaToday() {  // YYYY-MM-DD
    var now = window.GUIDE_NOW ? new Date(window.GUIDE_NOW) : new Date();
    return new Date(now.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
  }

  var today = jakartaToday();

  function nextDay(item) {  // the event's first day from today on, or "" when it is over
    var days = item.getAttribute("data-days");
    if (days) {
      return days.split(" ").filter(function (day) { return day >= today; })[0] || "";
    }
    var first = item.getAttribute("data-first");
    return item.getAttribute("data-last") < today ? "" : (first > today ? first : today);
  }

  function byNextDay(a, b) {
    return a.next < b.next ? -1 : a.next > b.next ? 1 : a.index - b.index;
  }

  function entries(list) {
    return Array.prototype.map.call(list.children, function (item, index) {
      return {item: item, index: index, next: nextDay(item)};
    });
  }

  function badge(item, text, className) {
    var label = document.createElement("span");
    label.className = "badge " + className;
    label.textContent = text;
    var heading = item.querySelector(".event__name");
    var link = item.querySelector(".event-line__name");
    if (heading) {
      heading.append(" ", label);
    } else {
      link.parentNode.insertBefore(label, link.nextSibling);
    }
  }

  function sortAgenda(section) {  // the agenda page: upcoming by their next day, past ones below, latest first
    var upcoming = document.getElementById("agenda-upcoming");
    var past = document.getElementById("agenda-past");
    var all = entries(upcoming);
    var coming = all.filter(function (e) { return e.next; }).sort(byNextDay);
    var gone = all.filter(function (e) { return !e.next; }).reverse();
    coming.forEach(function (e) {
      upcoming.appendChild(e.item);
      if (e.next === today) { badge(e.item, section.getAttribute("data-today"), "badge--today"); }
    });
    gone.forEach(function (e) { past.appendChild(e.item); });
    document.getElementById("agenda-upcoming-title").hidden = coming.length === 0;
    document.getElementById("agenda-none").hidden = coming.length > 0;
    document.getElementById("agenda-past-title").hidden = past.hidden = gone.length === 0;
  }

  function sortList(list) {  // a short list: the next few only (home page), or the past ones marked and last
    var all = entries(list);
    var coming = all.filter(function (e) { return e.next; }).sort(byNextDay);
    var gone = all.filter(function (e) { return !e.next; });
    var next = parseInt(list.getAttribute("data-agenda-next") || "0", 10);
    coming.forEach(function (e, i) {
      list.appendChild(e.item);
      if (e.next === today) { badge(e.item, list.getAttribute("data-today"), "badge--today"); }
      if (next) { e.item.hidden = i >= next; }
    });
    gone.forEach(function (e) {
      list.appendChild(e.item);
      if (!next) {
        e.item.classList.add("event-line--past");
        badge(e.item, list.getAttribute("data-past"), "badge--past");
      }
    });
    var none = list.parentNode.querySelector("[data-agenda-none]");
    if (none) { none.hidden = coming.length > 0; }
  }

  var agenda = document.querySelector(".agenda");
  if (agenda) { sortAgenda(agenda); }
  Array.prototype.forEach.call(document.querySelectorAll("[data-agenda-list]"), sortList);
})();
