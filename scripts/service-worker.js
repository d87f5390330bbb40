// The portal's service worker (template: scripts/offline.mjs writes dist/sw.js from it with
// the build's VERSION and PRECACHE list). It makes the portal work offline after one visit:
//
// - Install: every file in PRECACHE (the app, its styles and icons, the section and document
//   pages) into a cache named after this build. No skipWaiting: a new build waits until the
//   parent taps "update" (the page sends "skip-waiting"), so a page never runs on a mix of
//   two builds' files.
// - Activate: delete the caches of older builds, and take over open pages.
// - Fetch: a precached file from this build's cache; a page from the cache, else the network,
//   else (offline, a clause page never opened) the portal's page shell, in which the app
//   renders the page from its own data. A data file not precached (a corpus too large to
//   precache whole: scripts/offline.mjs precaches only its manifest) from this build's cache,
//   else the network, keeping it in the cache: its name is its content, so a copy never goes
//   stale, and a new build's worker starts a cache of its own. Everything else goes to the
//   network.
const VERSION = '__RUXUE_VERSION__';
const PRECACHE = __RUXUE_PRECACHE__;
const CACHE = `ruxue-${VERSION}`;
const scope = new URL(self.registration.scope);
const precached = new Set(PRECACHE.map((file) => new URL(file, scope).href));
// A data file's path ends so (scripts/dist-files.mjs, DATA_FILE).
const DATA_FILE = new RegExp(__RUXUE_DATA_FILE__);

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([...precached])));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('ruxue-') && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== scope.origin || !url.href.startsWith(scope.href)) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(url));
  } else if (precached.has(url.origin + url.pathname)) {
    event.respondWith(caches.open(CACHE).then((cache) => cache.match(url.origin + url.pathname)).then((hit) => hit ?? fetch(request)));
  } else if (DATA_FILE.test(url.pathname)) {
    event.respondWith(keptAsUsed(url.origin + url.pathname));
  }
});

/** A data file from this build's cache, else from the network, kept for next time. */
async function keptAsUsed(href) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(href);
  if (hit) return hit;
  const response = await fetch(href);
  if (response.ok) await cache.put(href, response.clone());
  return response;
}

/** A page: its file from this build's cache, the network, or the shell. */
async function page(url) {
  const cache = await caches.open(CACHE);
  const folder = url.origin + url.pathname.replace(/index\.html$/, '').replace(/([^/])$/, '$1/');
  const hit = await cache.match(folder);
  if (hit) return hit;
  try {
    return await fetch(url.href);
  } catch (offline) {
    return shell(cache, url);
  }
}

/**
 * The home page file as a shell for a page that is not cached: its <base> is set to the
 * portal's root (it is served at another depth) and its prerendered home is replaced by the
 * loading message, so the app, which reads its page from the address, shows the right one.
 */
async function shell(cache, url) {
  const home = await cache.match(scope.href);
  if (!home) return Response.error();
  const html = (await home.text())
    .replace(/<base href="[^"]*">/, `<base href="${scope.href}">`)
    .replace(/<div id="rx-prerendered">[\s\S]*<\/div>(?=\s*<script data-rx-subject)/,
      '<div id="rx-loading" class="rx-loading"><p>正在加载……<span lang="en">Loading…</span></p></div>');
  return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
}
