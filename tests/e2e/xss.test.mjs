// An XSS matrix (issue 12): hostile payloads, raw, percent-encoded and double-encoded, through
// every URL parameter of every page, every text input, and every widget attribute. After each,
// no dialog opened, no payload element or event-handler attribute exists, the payload's global
// was never set, and no Content-Security-Policy violation was reported (support/browser.mjs
// fails the test on any console error, which is where violations are reported).
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { assertNoUnexpectedErrors, openPage, waitForApp } from './support/browser.mjs';
import { startHost } from './support/host.mjs';
import { startPortal } from './support/portal.mjs';

// Each payload, if it ran, would set window.__xss or add an element with id="xss".
const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img id=xss src=x onerror="window.__xss=1">',
  '<svg id=xss onload="window.__xss=1">',
  '"><img id=xss src=x onerror=window.__xss=1>',
  "'><img id=xss src=x onerror=window.__xss=1>",
  '</textarea><img id=xss src=x onerror=window.__xss=1>',
  '</title><img id=xss src=x onerror=window.__xss=1>',
  '<iframe id=xss srcdoc="<script>parent.__xss=1</script>">',
  '<a id=xss href="javascript:window.__xss=1">x</a>',
  'javascript:window.__xss=1',
  'JaVaScRiPt:window.__xss=1',
  'data:text/html,<script>window.__xss=1</script>',
  '<body onload=window.__xss=1>',
  '<details id=xss open ontoggle=window.__xss=1>',
  '<input id=xss autofocus onfocus=window.__xss=1>',
  '<math><mtext><img id=xss src=x onerror=window.__xss=1>',
  '<style>@import "javascript:window.__xss=1"</style>',
  '<link rel=stylesheet href=javascript:window.__xss=1>',
  '<meta http-equiv=refresh content="0;url=javascript:window.__xss=1">',
  '<object id=xss data="javascript:window.__xss=1">',
  '<embed id=xss src="javascript:window.__xss=1">',
  '<video id=xss><source onerror=window.__xss=1>',
  '<audio id=xss src=x onerror=window.__xss=1>',
  '<marquee id=xss onstart=window.__xss=1>',
  '<form id=xss action=javascript:window.__xss=1><button>x</button></form>',
  '{{constructor.constructor("window.__xss=1")()}}',
  '${window.__xss=1}',
  '#/search?q=<img id=xss src=x onerror=window.__xss=1>',
  '%3Cimg%20id%3Dxss%20src%3Dx%20onerror%3Dwindow.__xss%3D1%3E',
  '%253Cscript%253Ewindow.__xss%253D1%253C%252Fscript%253E',
  '&lt;img id=xss src=x onerror=window.__xss=1&gt;',
  '\u003cimg id=xss src=x onerror=window.__xss=1\u003e',
  '<img id=xss src=x onerror=window.__xss=1',
  '<scr<script>ipt>window.__xss=1</scr</script>ipt>',
  '<IMG ID=xss SRC=x ONERROR=window.__xss=1>',
  '<img id=xss src=x onerror&#61;window.__xss=1>',
  '<svg><animate id=xss onbegin=window.__xss=1 attributeName=x dur=1s>',
  '<base href="javascript:window.__xss=1//">',
  '<template><img id=xss src=x onerror=window.__xss=1></template>',
  '<noscript><p title="</noscript><img id=xss src=x onerror=window.__xss=1>">',
  '\u202e<img id=xss src=x onerror=window.__xss=1>',
  '\u0000<script>window.__xss=1</script>',
  '闵行区<img id=xss src=x onerror=window.__xss=1>',
  'mh-2023-6/<img id=xss src=x onerror=window.__xss=1>',
  '#005ea5;background:url(javascript:window.__xss=1)',
  'expression(window.__xss=1)',
];

const encodings = {
  raw: (p) => p,
  encoded: (p) => encodeURIComponent(p),
  'double-encoded': (p) => encodeURIComponent(encodeURIComponent(p)),
};

// Every page's parameters, set together; the path segments of the reader too.
const ROUTES = [
  (v) => `#/search?q=${v}&kind=${v}&district=${v}&doc=${v}`,
  (v) => `#/lookup?q=${v}&pick=${v}`,
  (v) => `#/lookup?q=x&pick=school:${v}`,
  (v) => `#/guide?statement=${v}&dates=${v}&stage=${v}`,
  (v) => `#/guide/check?birth=${v}&district=${v}&household=${v}`,
  (v) => `#/policies?district=${v}&year=${v}&kind=${v}&status=${v}`,
  (v) => `#/policies/${v}`,
  (v) => `#/policies/mh-2023-6/${v}`,
  (v) => `#/embed?view=${v}&district=${v}&lang=${v}&theme=${v}&item=${v}`,
  (v) => `#/${v}`,
];
const EMBED_QUERY = (v) => `?embed=1&view=${v}&district=${v}&lang=${v}&theme=${v}&item=${v}&host=${v}`;
const INPUTS = [
  ['#/search', '#rx-search-input'],
  ['#/lookup', '#rx-lookup-input'],
  ['#/guide/check', '#rx-birth-year'],
  ['#/embed', '#rx-embed-theme'],
  ['#/embed?view=item', '#rx-embed-item'],
  ['#/', 'header input[type=search], header input'],
];

let portal;
let host;
const tried = { urls: 0, inputs: 0, attributes: 0 };

before(async () => {
  portal = await startPortal();
  host = await startHost();
});

after(async () => {
  console.log(`xss matrix: ${PAYLOADS.length} payloads; ${tried.urls} URL loads, ${tried.inputs} typed inputs, ${tried.attributes} widget attribute sets`);
  await portal?.stop();
  await host?.close();
});

afterEach(assertNoUnexpectedErrors);

/** Nothing the payloads would leave behind, in `frame` (a page or an iframe). */
async function inert(frame, label) {
  const found = await frame.evaluate(() => {
    const handlers = [...document.querySelectorAll('*')].filter((e) =>
      [...e.attributes].some((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)),
    );
    return {
      global: window.__xss,
      element: document.getElementById('xss')?.outerHTML,
      handlers: handlers.map((e) => e.outerHTML.slice(0, 120)),
    };
  });
  assert.deepEqual(found, { global: undefined, element: undefined, handlers: [] }, label);
}

/**
 * Runs `check` once the page has settled. Enter may submit a form as a real navigation (a
 * search form works without the app too); a check that the navigation interrupts is run again
 * on the page it led to, so every payload is still checked where it landed.
 */
async function afterAnyNavigation(page, check) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await page.waitForLoadState('load');
      await waitForApp(page);
      return await check();
    } catch (error) {
      if (attempt >= 3 || !/context was destroyed|navigat/i.test(String(error?.message))) throw error;
    }
  }
}

async function session() {
  const s = await openPage(portal.browser);
  s.dialogs = [];
  s.page.on('dialog', (dialog) => {
    s.dialogs.push(dialog.message());
    dialog.dismiss();
  });
  return s;
}

describe('xss matrix', () => {
  test('every URL parameter of every page', async () => {
    const s = await session();
    await s.page.goto(`${portal.server.url}#/`);
    await waitForApp(s.page);
    for (const payload of PAYLOADS) {
      for (const [name, encode] of Object.entries(encodings)) {
        for (const route of ROUTES) {
          const hash = route(encode(payload));
          // A fragment change re-renders the page without a reload: thousands stay fast.
          await s.page.evaluate((h) => { location.hash = h; }, hash);
          await s.page.waitForSelector('main#rx-main h1');
          tried.urls += 1;
          await inert(s.page, `${name} ${hash}`);
        }
      }
    }
    assert.deepEqual(s.dialogs, []);
    await s.context.close();
  });

  test('every widget parameter, on a fresh load of the widget entry', async () => {
    const s = await session();
    for (const payload of PAYLOADS) {
      for (const [name, encode] of Object.entries(encodings)) {
        await s.page.goto(`${portal.server.url}embed.html${EMBED_QUERY(encode(payload))}`);
        await s.page.waitForSelector('main#rx-main');
        tried.urls += 1;
        await inert(s.page, `${name} embed ${payload}`);
      }
    }
    assert.deepEqual(s.dialogs, []);
    await s.context.close();
  });

  test('every text input', async () => {
    const s = await session();
    for (const [hash, selector] of INPUTS) {
      await s.page.goto(`${portal.server.url}${hash}`);
      // Typed into the app, not into the prerendered page it replaces (whose form Enter would
      // submit natively, reloading the page under the checks).
      await waitForApp(s.page);
      await s.page.waitForSelector(selector);
      for (const payload of PAYLOADS) {
        const input = s.page.locator(selector).first();
        await input.fill(payload.replace(/\u0000/g, ''));
        await input.press('Enter').catch(() => {});
        tried.inputs += 1;
        await afterAnyNavigation(s.page, () => inert(s.page, `${hash} ${selector} ${payload}`));
        if (!(await s.page.locator(selector).count())) {
          await s.page.goto(`${portal.server.url}${hash}`);
          await waitForApp(s.page);
        }
      }
    }
    assert.deepEqual(s.dialogs, []);
    await s.context.close();
  });

  test('every widget attribute', async () => {
    const loader = `<script src="${portal.server.url}widget.js" defer></script>`;
    const s = await session();
    for (const [i, payload] of PAYLOADS.entries()) {
      const attribute = payload.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
      const attributes = ['view', 'item', 'district', 'lang', 'theme', 'title'].map((a) => `${a}="${attribute}"`).join(' ');
      host.pages.set(`/attr-${i}`, `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,"></head><body>${loader}<ruxue-widget ${attributes}></ruxue-widget></body></html>`);
      await s.page.goto(`${host.url}/attr-${i}`);
      const handle = await s.page.locator('ruxue-widget iframe').elementHandle();
      const frame = await handle.contentFrame();
      await frame.waitForSelector('main#rx-main', { timeout: 15000 });
      tried.attributes += 1;
      await inert(frame, `attribute ${payload}`);
      // Set again after the element is connected, as a framework would.
      await s.page.evaluate((p) => {
        for (const a of ['view', 'district', 'lang', 'theme']) document.querySelector('ruxue-widget').setAttribute(a, p);
      }, payload);
      await frame.waitForSelector('main#rx-main', { timeout: 15000 }).catch(() => {});
      const again = await (await s.page.locator('ruxue-widget iframe').elementHandle()).contentFrame();
      await again.waitForSelector('main#rx-main', { timeout: 15000 });
      tried.attributes += 1;
      await inert(again, `attribute set later ${payload}`);
      const hostFound = await s.page.evaluate(() => ({ global: window.__xss, element: document.getElementById('xss')?.outerHTML }));
      assert.deepEqual(hostFound, { global: undefined, element: undefined }, payload);
    }
    assert.deepEqual(s.dialogs, []);
    await s.context.close();
  });
});
