// One served release build and one browser per test file, and a helper that opens a page in
// a fresh context (a fresh tab in a new profile) and checks that the app started.
import { serveDist } from './server.mjs';
import { launch, openPage, waitForApp } from './browser.mjs';

/** Serves `root` (the release dist/ unless given) and launches the browser. */
export async function startPortal(root) {
  const server = await serveDist(root);
  const browser = await launch();
  return {
    server,
    browser,
    /** Opens `hash`; the session's `errors` also collect HTTP errors. */
    async open(hash = '', options = {}) {
      const session = await openPage(browser, options);
      session.page.on('response', (response) => {
        if (response.status() >= 400) session.errors.push(`HTTP ${response.status()} ${response.url()}`);
      });
      await session.page.goto(server.url + hash);
      await waitForApp(session.page);
      return session;
    },
    /** What follows the portal's folder in `url` (to open it again with `open`). */
    below(url) {
      return url.startsWith(server.url) ? url.slice(server.url.length) : url;
    },
    /** The app's location in `url` as `#/path?query`, decoded (see window.__route). */
    routeOfUrl(url) {
      const u = new URL(url);
      if (u.hash.startsWith('#/')) return decodeURIComponent(u.hash);
      const below = `${u.origin}${u.pathname}`.slice(server.url.length)
        .replace(/index\.html$/, '').replace(/\/+$/, '');
      return decodeURIComponent(`#/${below}${u.search}`);
    },
    /** The app's location on `page`, as `routeOfUrl`. */
    route(page) {
      return this.routeOfUrl(page.url());
    },
    async stop() {
      await browser.close();
      await server.close();
    },
  };
}

/** The text of the page's main heading. */
export const h1 = (page) => page.locator('main h1').innerText();

/** Switches the UI to English and waits until it has. */
export async function switchToEnglish(page) {
  await page.locator('button.rx-language-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
}
