/* The service worker of the portal (served as /sw.js by offline/views.py, which puts
   self.PORTAL in front: content version, languages, offline pages, paths never stored).

   - Pages (navigations): network first; a public answer is stored, so that what the reader
     opened stays readable offline. Offline: the stored copy, else the offline page of the
     URL's language (pre-cached for every language at install).
   - Static files: cache first (their names carry a hash). Images: network first, stored.
   - Stored only: same-origin GET without a query string, status 200, not redirected, and
     without "private" or "no-store" in Cache-Control (the server marks signed-in readers,
     the admin, forms and restricted pages so: operations/page_cache.py). Never: the admin,
     documents, search, Wagtail's /_util/ forms, the worker itself.
   - The caches are named by the site's content version: a new publication changes this
     file, the new worker re-fetches every stored page on activation (a page now gone or
     restricted is dropped) and deletes the old caches.
   - "Save this field of action" (offline.js) sends a list of URLs; they are fetched without
     credentials (the public version) and stored by the same rules. */
"use strict";

var CONFIG = self.PORTAL;
var PREFIX = "beckum-";
var PAGES = PREFIX + "pages-v" + CONFIG.version;
var STATIC = PREFIX + "static-v" + CONFIG.version;

function offlinePages() {
  return CONFIG.languages.map(function (code) { return CONFIG.offlinePages[code]; });
}

function sameOrigin(url) {
  return url.origin === self.location.origin;
}

function neverStored(url) {
  if (!sameOrigin(url) || url.search) { return true; }
  var path = url.pathname;
  return CONFIG.neverPrefixes.some(function (prefix) { return path.indexOf(prefix) === 0; }) ||
    CONFIG.neverParts.some(function (part) { return path.indexOf(part) !== -1; });
}

function storable(response) {
  if (!response || response.status !== 200 || response.type !== "basic" || response.redirected) {
    return false;
  }
  var control = (response.headers.get("Cache-Control") || "").toLowerCase();
  return control.indexOf("private") === -1 && control.indexOf("no-store") === -1;
}

function languageOf(url) {
  var first = url.pathname.split("/")[1];
  return CONFIG.languages.indexOf(first) !== -1 ? first : CONFIG.defaultLanguage;
}

function store(cacheName, url, response) {
  return caches.open(cacheName).then(function (cache) { return cache.put(url, response); });
}

function fetchAndStore(url, cacheName, init) {
  return fetch(url, init).then(function (response) {
    if (!storable(response)) { return false; }
    return store(cacheName, url, response).then(function () { return true; });
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(STATIC).then(function (cache) {
      var requests = CONFIG.precache.concat(offlinePages()).map(function (url) {
        return new Request(url, { credentials: "omit" });
      });
      return cache.addAll(requests);
    }).then(function () { return self.skipWaiting(); })
  );
});

/* Copies of an older content version: fetched again and stored under the new name; kept as
   they were when the network fails; dropped when the server no longer gives them publicly. */
function renew(oldName) {
  return caches.open(oldName).then(function (old) {
    return old.keys().then(function (requests) {
      return Promise.all(requests.map(function (request) {
        return fetch(request.url, { credentials: "omit" }).then(function (response) {
          return storable(response) ? store(PAGES, request.url, response) : null;
        }, function () {
          return old.match(request).then(function (kept) {
            return kept ? store(PAGES, request.url, kept) : null;
          });
        });
      }));
    });
  }).then(function () { return caches.delete(oldName); });
}

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.map(function (name) {
        if (name.indexOf(PREFIX) !== 0 || name === PAGES || name === STATIC) { return null; }
        return name.indexOf(PREFIX + "pages-") === 0 ? renew(name) : caches.delete(name);
      }));
    }).then(function () { return self.clients.claim(); })
  );
});

function fromCache(url) {
  return caches.match(url, { ignoreSearch: false, ignoreVary: true });
}

function page(event, url) {
  return fetch(event.request).then(function (response) {
    if (!neverStored(url) && storable(response)) {
      var copy = response.clone();
      event.waitUntil(store(PAGES, url.href, copy));
    }
    if (response.status >= 500) {  // the server is down (503 page): a stored copy is better
      return fromCache(url.href).then(function (stored) { return stored || response; });
    }
    return response;
  }, function () {
    return fromCache(url.href).then(function (stored) {
      return stored || fromCache(CONFIG.offlinePages[languageOf(url)]);
    }).then(function (answer) {
      return answer || Response.error();
    });
  });
}

function staticFile(event) {
  return fromCache(event.request.url).then(function (stored) {
    return stored || fetch(event.request).then(function (response) {
      if (storable(response)) { event.waitUntil(store(STATIC, event.request.url, response.clone())); }
      return response;
    });
  });
}

function image(event, url) {
  return fetch(event.request).then(function (response) {
    if (!neverStored(url) && storable(response)) {
      event.waitUntil(store(PAGES, url.href, response.clone()));
    }
    return response;
  }, function () {
    return fromCache(url.href).then(function (stored) { return stored || Response.error(); });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  var url = new URL(request.url);
  if (!sameOrigin(url)) { return; }
  if (request.mode === "navigate") {
    if (url.pathname.indexOf("/admin/") === 0) { return; }  // the admin: the browser alone
    event.respondWith(page(event, url));
  } else if (url.pathname.indexOf(CONFIG.staticPrefix) === 0) {
    event.respondWith(staticFile(event));
  } else if (request.destination === "image" && url.pathname.indexOf("/media/images/") === 0) {
    event.respondWith(image(event, url));
  }
});

/* {type: "save-section", urls: [...]} from offline.js; answers {saved, failed} on the port. */
self.addEventListener("message", function (event) {
  var data = event.data || {};
  var port = event.ports && event.ports[0];
  if (data.type !== "save-section" || !Array.isArray(data.urls) || !port) { return; }
  var urls = data.urls.slice(0, 500).map(function (href) { return new URL(href, self.location.origin); })
    .filter(function (url) { return !neverStored(url); });
  event.waitUntil(Promise.all(urls.map(function (url) {
    return fetchAndStore(url.href, PAGES, { credentials: "omit" }).catch(function () { return false; });
  })).then(function (results) {
    var saved = results.filter(Boolean).length;
    port.postMessage({ saved: saved, failed: results.length - saved, total: data.urls.length });
  }));
});
