// etalase: the offline worker, written by the build at the site root, so its scope is the whole
// site in every language. Pages are network-first: online, a visitor always gets the newest
// build; offline, the copy kept when they last opened the page, else the offline page of its
// language. Photos, versioned styles and scripts, the versioned list file and the search index's
// content-named files never change under their names: cache-first. The search index's entry
// (`products/search/index.json`, always at that address) is network-first like a page. Nothing off-site and nothing but GET is touched.
// See docs/publishing.md, "Offline and installing on a phone".
"use strict";

// What this build holds; the build writes it (its version is a hash of the site's content, so
// a new build is a new sw.js byte for byte, and browsers update the worker).
var BUILD = "BUILD";

var SCOPE = self.registration.scope;
var SCOPE_PATH = new URL(SCOPE).pathname;
// Cache names start with this site's scope: another site on the same origin keeps its own.
// Only the precache carries the build's version. Pages and files outlive a build, so that what
// was browsed yesterday is still there at a fair without signal today; they are bounded, the
// oldest dropped first, and online they are always refreshed from the network.
var PREFIX = "etalase " + SCOPE + " ";
var STATIC = PREFIX + "static " + BUILD.version;
var PAGES = PREFIX + "pages";
var FILES = PREFIX + "files";
var LIMITS = {};
LIMITS[PAGES] = 200;
LIMITS[FILES] = 600;
// How long a page may take before its kept copy is shown instead: a weak signal.
var PATIENCE = 4000;

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(STATIC).then(function (cache) {
    return cache.addAll(BUILD.precache.map(function (path) { return SCOPE + path; }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && [STATIC, PAGES, FILES].indexOf(name) === -1;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  // Other origins (WhatsApp, marketplaces) and other sites of this origin are left alone.
  if (request.method !== "GET" || request.url.indexOf(SCOPE) !== 0) return;
  var url = new URL(request.url);
  var path = url.pathname.slice(SCOPE_PATH.length);
  if (request.mode === "navigate") {
    event.respondWith(page(event, path));
  } else if (unchanging(url, path)) {
    event.respondWith(cacheFirst(event, request.url, path));
  } else if (path.indexOf("__etalase/") !== 0) {
    // The favicon, icons, a product's QR code: the newest, else the kept copy.
    event.respondWith(fetch(request).then(function (response) {
      keepLater(event, FILES, request.url, response);
      return response;
    }, function () {
      return caches.match(request.url).then(orError);
    }));
  }
});

// The page that installed the worker was loaded without it: it sends its address and what it
// loaded, to be kept as if they had come through the worker.
self.addEventListener("message", function (event) {
  if (!Array.isArray(event.data)) return;
  event.waitUntil(Promise.all(event.data.map(function (href, index) {
    if (typeof href !== "string" || href.indexOf(SCOPE) !== 0) return null;
    var url = new URL(href);
    var path = url.pathname.slice(SCOPE_PATH.length);
    if (index === 0) {
      return fetch(SCOPE + path).then(function (response) {
        return keepable(response) ? keep(PAGES, SCOPE + path, response).then(function () {
          return related(path);
        }) : null;
      }, function () { return null; });
    }
    return unchanging(url, path) ? cacheFirst(event, href, path).catch(function () {}) : null;
  })));
});

// Files whose content is in their name: photos, versioned styles and scripts, `*.json?v=`,
// the search index's shards (`products/search/t-0123456789.json`).
function unchanging(url, path) {
  return inFiles(path) || (/\.json$/.test(path) && url.searchParams.has("v"));
}

// What goes into the bounded cache of files rather than of pages: a large catalogue's search
// shards would otherwise push out the pages kept for offline use.
function inFiles(path) {
  return /^(assets|media)\/|\/products\/search\/[a-z]-[0-9a-f]+\.json$/.test(path);
}

// A page: the network's, kept under its address without the query (the filters of the
// products page and a shared list's contents live there, and the file is the same); without
// a network, the kept copy, else the offline page.
function page(event, path) {
  var key = SCOPE + path;
  return new Promise(function (resolve) {
    var done = false;
    function answer(response) {
      if (response && !done) {
        done = true;
        resolve(response);
      }
    }
    fetch(event.request).then(function (response) {
      if (keepLater(event, PAGES, key, response)) {
        extend(event, related(path));
      }
      answer(response);
    }, function () {
      caches.match(key).then(function (kept) {
        return kept || caches.match(SCOPE + offlinePage(path));
      }).then(function (response) { answer(orError(response)); });
    });
    setTimeout(function () { caches.match(key).then(answer); }, PATIENCE);
  });
}

// The products page's search index and the inquiry page's product file, kept with their page.
function related(path) {
  var file = BUILD.data[path.replace(/page\/[0-9]+\/$/, "")];
  if (!file) return Promise.resolve();
  return caches.match(SCOPE + file).then(function (kept) {
    return kept || fetch(SCOPE + file).then(function (response) {
      return keepable(response) ? keep(PAGES, SCOPE + file, response) : null;
    }, function () { return null; });
  });
}

function offlinePage(path) {
  var lang = path.split("/")[0];
  return "offline/" + (BUILD.languages.indexOf(lang) === -1 ? BUILD.languages[0] : lang) + "/";
}

function cacheFirst(event, href, path) {
  return caches.match(href).then(function (kept) {
    return kept || fetch(href).then(function (response) {
      keepLater(event, inFiles(path) ? FILES : PAGES, href, response);
      return response;
    });
  });
}

// Keeps a copy of a good response while the event lasts; whether it did.
function keepLater(event, name, key, response) {
  if (!keepable(response)) return false;
  extend(event, keep(name, key, response.clone()));
  return true;
}

// Keeps the worker alive for `promise`. A page answered from the cache after PATIENCE has
// finished its event when the network's copy arrives: that copy is then kept all the same.
function extend(event, promise) {
  try {
    event.waitUntil(promise);
  } catch (finished) {
    promise.catch(function () {});
  }
}

// A complete answer of this site: not an error, not a redirect (a page answered with a
// redirected response would fail to load).
function keepable(response) {
  return response.ok && response.type === "basic" && !response.redirected;
}

// Stores a response and drops the oldest entries beyond the cache's limit.
function keep(name, key, response) {
  return caches.open(name).then(function (cache) {
    return cache.put(key, response).then(function () {
      return cache.keys();
    }).then(function (keys) {
      var extra = keys.slice(0, Math.max(0, keys.length - LIMITS[name]));
      return Promise.all(extra.map(function (old) { return cache.delete(old); }));
    });
  });
}

function orError(response) {
  return response || Response.error();
}
