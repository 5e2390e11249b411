// The panic page's service worker: it keeps the page's own files, so the page opens with no network at all (a
// basement, a police van, a jammed cell) and the organizer can still press; the press then waits and retries, and
// the "send by SMS" link works. Network first, so a new version is used whenever there is a connection, but only
// briefly: on a connection that hangs, the kept copy is shown after a few seconds. API answers are never kept:
// status, config and tokens stay live, and the page keeps what it needs in localStorage.
"use strict";

const CACHE = "rapidresponse-page-v1";
const PAGE = "/api/app";
const FILES = [
  PAGE,
  "/api/app/assets/app.css",
  "/api/app/assets/i18n.js",
  "/api/app/assets/app.js",
  "/api/app/assets/icon.svg",
  "/api/app/assets/manifest.webmanifest",
];
const PATIENCE_MS = 3000;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || !FILES.includes(url.pathname)) {
    return; // the network, as without a service worker
  }
  event.respondWith(networkFirst(request, url.pathname));
});

async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  const fetched = fetch(request).then((response) => {
    if (response.ok) { cache.put(key, response.clone()); }
    return response;
  });
  const cached = await cache.match(key);
  if (!cached) { return fetched; }
  const late = new Promise((resolve) => setTimeout(() => resolve(cached), PATIENCE_MS));
  return Promise.race([fetched.catch(() => cached), late]);
}
