/* Offline reading, progressive enhancement (offline/README.md). Without service workers (or
   without JavaScript) nothing happens: the save button stays hidden, pages work as before.
   1. Registers the service worker /sw.js (data-sw-url of this script) for the whole site.
   2. "Save this field of action": asks the section's public URLs (JSON) and hands them to
      the worker, which stores them; the result is announced in a live region.
   3. On the offline page: lists the pages stored on this device (titles read from the copies). */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.caches || !window.fetch || !window.Promise) { return; }
  var script = document.currentScript || document.querySelector("script[data-sw-url]");
  var workerUrl = script && script.getAttribute("data-sw-url");
  if (!workerUrl) { return; }
  var controlled = !!navigator.serviceWorker.controller;
  var ready = navigator.serviceWorker.register(workerUrl, { scope: "/" }).then(function () {
    return navigator.serviceWorker.ready;
  });
  ready.catch(function () { /* offline reading is optional */ });

  function onReady(callback) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", callback);
    } else {
      callback();
    }
  }

  function ask(worker, message) {
    return new Promise(function (resolve) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) { resolve(event.data); };
      worker.postMessage(message, [channel.port2]);
    });
  }

  function setUpSaveButton(box) {
    var button = box.querySelector("button");
    var status = box.querySelector("[role=status]");
    box.hidden = false;
    button.addEventListener("click", function () {
      button.disabled = true;
      status.textContent = box.getAttribute("data-saving");
      window.fetch(box.getAttribute("data-section-url"), {
        credentials: "omit", headers: { Accept: "application/json" }
      }).then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      }).then(function (data) {
        return ready.then(function (registration) {
          return ask(registration.active, { type: "save-section", urls: data.urls });
        });
      }).then(function (result) {
        var complete = result && result.saved > 0 && result.failed === 0;
        status.textContent = box.getAttribute(complete ? "data-saved" : "data-failed");
        box.setAttribute("data-result", complete ? "saved" : "failed");
      }).catch(function () {
        status.textContent = box.getAttribute("data-failed");
        box.setAttribute("data-result", "failed");
      }).then(function () { button.disabled = false; });
    });
  }

  function titleOf(html, fallback) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var heading = doc.querySelector("main h1");
    return (heading && heading.textContent.trim()) || doc.title.trim() || fallback;
  }

  function listStoredPages(box) {
    var skip = (box.getAttribute("data-skip") || "").split(" ");
    var list = box.querySelector("ul");
    var empty = box.querySelector("[data-empty]");
    var reader = document.documentElement.lang;
    caches.keys().then(function (names) {
      names = names.filter(function (name) { return name.indexOf("beckum-pages-") === 0; });
      return Promise.all(names.map(function (name) {
        return caches.open(name).then(function (cache) {
          return cache.keys().then(function (requests) {
            return Promise.all(requests.map(function (request) {
              var url = new URL(request.url);
              if (skip.indexOf(url.pathname) !== -1) { return null; }
              return cache.match(request).then(function (response) {
                var type = response && response.headers.get("Content-Type") || "";
                if (type.indexOf("text/html") !== 0) { return null; }
                return response.text().then(function (html) {
                  return { path: url.pathname, title: titleOf(html, url.pathname), lang: url.pathname.split("/")[1] };
                });
              });
            }));
          });
        });
      }));
    }).then(function (groups) {
      var pages = [].concat.apply([], groups).filter(Boolean);
      pages.sort(function (a, b) {
        return (a.lang === reader ? 0 : 1) - (b.lang === reader ? 0 : 1) || (a.path < b.path ? -1 : 1);
      });
      pages.forEach(function (page) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = page.path;
        link.textContent = page.title;
        if (page.lang && page.lang !== reader) { link.setAttribute("hreflang", page.lang); link.setAttribute("lang", page.lang); }
        item.appendChild(link);
        list.appendChild(item);
      });
      if (pages.length) {
        list.hidden = false;
        empty.hidden = true;
      }
    }).catch(function () { /* the list stays empty */ });
  }

  /* The first page of a visit was loaded before the worker existed: it asks the worker to
     store this page too (by the same rules as every other page). */
  if (!controlled && !window.location.search) {
    ready.then(function (registration) {
      return ask(registration.active, { type: "save-section", urls: [window.location.pathname] });
    }).catch(function () { /* optional */ });
  }

  onReady(function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-offline-section]"), setUpSaveButton);
    var stored = document.querySelector("[data-offline-stored]");
    if (stored) { listStoredPages(stored); }
  });
})();
