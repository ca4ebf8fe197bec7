// The guide's service worker. The build writes it to sw.js at the site root and fills in CONFIG
// (kampung_guide/outputs/offline.py); a site may override this file in content/templates/.
// Same-origin files only: map tiles and every other host are left to the network and never stored
// (OpenStreetMap's tile policy forbids keeping tiles).
//
// Three caches, so that a deploy never deletes what a visitor saved:
// - "kampung-guide-shell-<version>": styles, scripts, icons, the home, list and offline pages of every
//   language. Each deploy makes a new one; a file whose revision did not change is copied from the
//   previous one instead of downloaded again.
// - "kampung-guide-saved": the pages a visitor saved with "save for offline", and their photos. Kept by
//   every new version, refreshed from the network when online, at most CONFIG.savedPages pages and
//   CONFIG.savedBytes bytes (the oldest saved goes first).
// - "kampung-guide-recent": the other pages and photos the visitor opened, the CONFIG.recentEntries
//   most recent ones.
"use strict";
var CONFIG = {
 "networkWait": 4000,
 "offline": {"": "offline/"},
 "recentEntries": 80,
 "savedBytes": 40000000,
 "savedPages": 50,
 "shell": [
  ["./", "876676762179"],
  ["kampung/", "95628e13a4c4"],
  ["offline/", "c45f5fcbd1f5"],
  ["assets/agenda.js?v=d0f97dabe3", "d0f97dabe366"],
  ["assets/categories.css?v=6b9bc446e0", "6b9bc446e0c4"],
  ["assets/map.js?v=216f50bd30", "c3e201304a8c"],
  ["assets/places-en.js?v=08c82f669b", "08c82f669bd8"],
  ["assets/plan.js?v=3db12f8d0f", "3db12f8d0f0b"],
  ["assets/print.css?v=e629376142", "e6293761426d"],
  ["assets/search-en.js?v=abde42b62e", "abde42b62ea6"],
  ["assets/search.js?v=7d36a8f8ba", "7d36a8f8baba"],
  ["assets/site.js?v=dfa09c5253", "dfa09c52535d"],
  ["assets/style.css?v=491353b471", "491353b4718b"],
  ["assets/vendor/leaflet/leaflet.css", "a78371028241"],
  ["assets/vendor/leaflet/leaflet.js", "db49d009c841"],
  ["assets/icons/icon-192.png", "84c231af403b"],
  ["assets/icons/icon-512.png", "319e4c55ff6c"],
  ["assets/icons/icon-maskable-512.png", "fe9ea7cf5457"],
  ["manifest.webmanifest", "36b83344049d"]
 ],
 "version": "bdced2bbe62faf33"
};
var PREFIX = "kampung-guide-";
var SHELL = PREFIX + "shell-" + CONFIG.version;
var SAVED = PREFIX + "saved";
var RECENT = PREFIX + "recent";
var SCOPE = new URL("./", self.location).href;
var SHELL_INDEX = absolute("__shell__.json");  // url -> revision of the files in a shell cache
var SAVED_INDEX = absolute("__saved__.json");  // [{url, title, lang, files, bytes, time}], oldest first
var SHELL_URLS = CONFIG.shell.map(function (entry) { return absolute(entry[0]); });

function absolute(url) {
  return new URL(url, self.location).href;
}

function withoutQuery(url) {
  var parsed = new URL(url);
  parsed.search = "";
  parsed.hash = "";
  return parsed.href;
}

function usable(response) {  // a page or file worth keeping: complete, same origin, not a redirect
  return response && response.ok && response.type === "basic" && !response.redirected;
}

function json(value) {
  return new Response(JSON.stringify(value), {headers: {"Content-Type": "application/json"}});
}

function readJson(cacheName, key, otherwise) {
  return caches.open(cacheName).then(function (cache) { return cache.match(key); }).then(function (hit) {
    return hit ? hit.json() : otherwise;
  }).catch(function () { return otherwise; });
}

// -- install: the new shell, reusing unchanged files ------------------------------------------------
self.addEventListener("install", function (event) {
  event.waitUntil(previousShells().then(function (previous) {
    return caches.open(SHELL).then(function (cache) {
      var revisions = {};
      return Promise.all(CONFIG.shell.map(function (entry) {
        var url = absolute(entry[0]), revision = entry[1], old = previous[url];
        revisions[url] = revision;
        var kept = old && old.revision === revision ? old.cache.match(url) : Promise.resolve(null);
        return kept.then(function (hit) {
          return hit || fetch(new Request(url, {cache: "reload"})).then(function (response) {
            if (!usable(response)) { throw new Error(url + ": " + response.status); }
            return response;
          });
        }).then(function (response) { return cache.put(url, response); });
      })).then(function () { return cache.put(SHELL_INDEX, json(revisions)); });
    });
  }).then(function () { return self.skipWaiting(); }));
});

function previousShells() {  // url -> {revision, cache} over the shell caches of earlier versions
  return caches.keys().then(function (names) {
    var found = {};
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX + "shell-") === 0 && name !== SHELL;
    }).map(function (name) {
      return caches.open(name).then(function (cache) {
        return readJson(name, SHELL_INDEX, {}).then(function (revisions) {
          Object.keys(revisions).forEach(function (url) { found[url] = {revision: revisions[url], cache: cache}; });
        });
      });
    })).then(function () { return found; });
  });
}

// -- activate: drop old shells, keep what was saved and opened, refresh the saved pages -------------
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && [SHELL, SAVED, RECENT].indexOf(name) === -1;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
  refreshSaved();  // not awaited: pages wait for the worker's activation, not for this
});

function refreshSaved() {  // a new version: saved pages get the new content (and its shell) when online
  return readJson(SAVED, SAVED_INDEX, []).then(function (index) {
    return caches.open(SAVED).then(function (cache) {
      return Promise.all(index.map(function (page) {
        return fetch(page.url, {cache: "no-store"}).then(function (response) {
          return usable(response) ? cache.put(page.url, response) : null;
        }).catch(function () { return null; });  // offline or gone: the saved copy stays
      }));
    });
  });
}

// -- fetch ----------------------------------------------------------------------------------------
self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(SCOPE) !== 0) { return; }
  event.respondWith(request.mode === "navigate" ? openPage(event) : openFile(event));
});

// Pages: the network first, so an online visitor always sees the current site; on weak data a stored
// copy answers after CONFIG.networkWait ms (the network's answer still refreshes it); offline, a page
// never stored gets the offline page of its language.
function openPage(event) {
  var key = withoutQuery(event.request.url), keeping = null;
  // no-store: past the browser's HTTP cache, which may hold an older copy (and answer with it offline).
  var network = fetch(new Request(event.request, {cache: "no-store"})).then(function (response) {
    if (usable(response)) { keeping = keepPage(key, response.clone()); }
    return response;
  });
  event.waitUntil(network.then(function () { return keeping; }).catch(function () { return null; }));
  return new Promise(function (resolve) {
    var answered = false;
    function answer(response) {
      if (!answered && response) {
        answered = true;
        resolve(response);
      }
    }
    network.then(answer, function () {
      storedPage(key).then(function (hit) { return hit || offlinePage(key); }).then(answer);
    });
    setTimeout(function () { storedPage(key).then(answer); }, CONFIG.networkWait);
  });
}

function storedPage(key) {
  return [SAVED, SHELL, RECENT].reduce(function (found, name) {
    return found.then(function (hit) {
      return hit || caches.open(name).then(function (cache) { return cache.match(key); });
    });
  }, Promise.resolve(undefined));
}

function keepPage(key, response) {
  if (SHELL_URLS.indexOf(key) !== -1) {  // unless a newer version has removed this one's shell meanwhile
    return caches.has(SHELL).then(function (has) {
      return has ? caches.open(SHELL).then(function (cache) { return cache.put(key, response); }) : null;
    });
  }
  return readJson(SAVED, SAVED_INDEX, []).then(function (index) {
    if (index.some(function (page) { return page.url === key; })) {
      return caches.open(SAVED).then(function (cache) { return cache.put(key, response); });
    }
    return keepRecent(key, response);
  });
}

function keepRecent(key, response) {  // put, then drop the oldest beyond the limit
  return caches.open(RECENT).then(function (cache) {
    return cache.put(key, response).then(function () { return cache.keys(); }).then(function (keys) {
      var extra = keys.length - CONFIG.recentEntries;
      return Promise.all(keys.slice(0, Math.max(0, extra)).map(function (old) { return cache.delete(old); }));
    });
  });
}

// The offline page of the address's language. Served at another address, it gets a <base> so that
// its relative links and styles resolve from where it really lives.
function offlinePage(key) {
  var rest = key.slice(SCOPE.length);
  var prefix = Object.keys(CONFIG.offline).sort(function (a, b) { return b.length - a.length; })
    .filter(function (p) { return rest.indexOf(p) === 0; })[0];
  var page = absolute(CONFIG.offline[prefix === undefined ? "" : prefix]);
  return caches.open(SHELL).then(function (cache) { return cache.match(page); }).then(function (hit) {
    if (!hit) { return Response.error(); }
    if (key === page) { return hit; }
    return hit.text().then(function (html) {
      var base = '<head>\n<base href="' + page.replace(/"/g, "%22") + '">';
      return new Response(html.replace("<head>", base), {headers: {"Content-Type": "text/html; charset=utf-8"}});
    });
  });
}

// Styles, scripts and photos carry a version or never change: the cache first. Offline, a stored page
// made by an earlier version asks for earlier versions of the styles and scripts: the current ones answer.
function openFile(event) {
  var request = event.request;
  return caches.match(request).then(function (hit) {
    return hit || fetch(request).then(function (response) {
      if (usable(response) && /\/(assets|images)\//.test(request.url.slice(SCOPE.length - 1))) {
        event.waitUntil(keepRecent(request.url, response.clone()));
      }
      return response;
    }, function () {
      return currentVersion(request).then(function (current) { return current || Response.error(); });
    });
  });
}

function currentVersion(request) {
  if (request.url.indexOf(SCOPE + "assets/") !== 0 || request.url.indexOf("?") === -1) {
    return Promise.resolve(null);
  }
  return caches.open(SHELL).then(function (cache) { return cache.match(request, {ignoreSearch: true}); });
}

// -- messages from the pages: save one, list what is kept -----------------------------------------
self.addEventListener("message", function (event) {
  var data = event.data || {};
  var reply = function (message) { if (event.source) { event.source.postMessage(message); } };
  if (data.type === "save") {
    event.waitUntil(savePage(data).then(function (ok) { reply({type: "saved", ok: ok, url: withoutQuery(data.url)}); }));
  } else if (data.type === "list") {
    event.waitUntil(listPages().then(function (lists) { reply({type: "list", saved: lists[0], recent: lists[1]}); }));
  }
});

var indexQueue = Promise.resolve();  // one change of the saved index at a time

function changeIndex(change) {
  indexQueue = indexQueue.then(function () {
    return readJson(SAVED, SAVED_INDEX, []).then(change).then(function (index) {
      return caches.open(SAVED).then(function (cache) { return cache.put(SAVED_INDEX, json(index)); });
    });
  });
  return indexQueue;
}

function savePage(data) {
  var key = withoutQuery(data.url);
  var files = (data.files || []).filter(function (url, i, all) {
    return url.indexOf(SCOPE) === 0 && all.indexOf(url) === i && url !== key && SHELL_URLS.indexOf(url) === -1;
  });
  return caches.open(SAVED).then(function (cache) {
    return Promise.all([key].concat(files).map(function (url) {
      return fetch(url).then(function (response) {
        if (!usable(response)) { throw new Error(url + ": " + response.status); }
        return response.clone().blob().then(function (blob) {
          return cache.put(url, response).then(function () { return blob.size; });
        });
      });
    })).then(function (sizes) {
      return changeIndex(function (index) {
        var entry = {url: key, title: String(data.title || ""), lang: String(data.lang || ""), files: files,
                     bytes: sizes.reduce(function (a, b) { return a + b; }, 0), time: Date.now()};
        return evict(cache, index.filter(function (page) { return page.url !== key; }).concat([entry]));
      });
    });
  }).then(function () {
    return caches.open(RECENT).then(function (cache) { return cache.delete(key); });
  }).then(function () { return true; }, function () { return false; });
}

function evict(cache, index) {  // the oldest saved pages out until the rest fit (the newest always stays)
  var bytes = index.reduce(function (sum, page) { return sum + page.bytes; }, 0);
  var gone = [];
  while (index.length > 1 && (index.length > CONFIG.savedPages || bytes > CONFIG.savedBytes)) {
    bytes -= index[0].bytes;
    gone.push(index.shift());
  }
  var used = {};
  index.forEach(function (page) { page.files.concat([page.url]).forEach(function (url) { used[url] = true; }); });
  var unused = [];
  gone.forEach(function (page) {
    page.files.concat([page.url]).forEach(function (url) { if (!used[url]) { unused.push(url); } });
  });
  return Promise.all(unused.map(function (url) { return cache.delete(url); })).then(function () { return index; });
}

function listPages() {  // [saved pages, recently opened pages], newest first, as {url, title, lang}
  var saved = readJson(SAVED, SAVED_INDEX, []).then(function (index) {
    return index.slice().reverse().map(function (page) { return {url: page.url, title: page.title, lang: page.lang}; });
  });
  var recent = caches.open(RECENT).then(function (cache) {
    return cache.keys().then(function (requests) {
      return Promise.all(requests.filter(function (request) {
        return /\/$|\.html$/.test(new URL(request.url).pathname);
      }).reverse().map(function (request) {
        return cache.match(request).then(function (response) { return response.text(); }).then(function (html) {
          return {url: request.url, title: heading(html), lang: (/<html lang="([^"]*)"/.exec(html) || ["", ""])[1]};
        });
      }));
    });
  });
  return Promise.all([saved, recent]);
}

function heading(html) {  // the text of a page's <h1>
  var found = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html);
  var text = found ? found[1].replace(/<[^>]*>/g, "") : "";
  var entities = {amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'"};
  return text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, function (all, name) { return entities[name]; }).trim();
}
