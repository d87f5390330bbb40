// Renders public/icon.svg (the app icon: full-bleed, its mark inside the central safe zone so
// launchers may mask it) to the PNG sizes installers need, public/icon-192.png and
// public/icon-512.png. Run by hand after changing the icon (`node scripts/icons.mjs`); the
// PNGs are committed, so a build needs no browser.
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const svg = await readFile('public/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env.RUXUE_CHROMIUM ?? '/usr/bin/chromium' });
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>html,body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
  await page.screenshot({ path: `public/icon-${size}.png` });
  await page.close();
}
await browser.close();
console.log('icons: wrote public/icon-192.png and public/icon-512.png');
