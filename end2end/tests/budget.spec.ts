// The wasm budget of a page, read from the files the page loads: on every page of every role,
// a page without an island loads no wasm and no JS glue at all, and a page with one loads at
// most 150 KB of wasm and 15 KB of JS glue, gzipped as the portal sends them. The sizes are
// those of the built files in the site's pkg folder (scripts/test.sh builds the wasm as it
// ships, release and wasm-opt). Runs with JavaScript on only: without it nothing loads.
import { test, expect } from './support/test';
import { DEMO_ACCOUNTS, settle, signIn, signOut } from './support/portal';
import type { Page } from '@playwright/test';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

const WASM_BUDGET = 150_000;
const JS_BUDGET = 15_000;
const SITE = process.env.LEPTOS_SITE_ROOT ?? path.resolve(__dirname, '../../target/site');

/** Gzipped size of a built file, as the portal's compression sends it. */
function gzipped(urlPath: string): number {
  const file = path.join(SITE, urlPath);
  expect(fs.existsSync(file), `${urlPath} is a built file of the site`).toBe(true);
  return zlib.gzipSync(fs.readFileSync(file)).length;
}

interface Weighed {
  page: string;
  islands: number;
  wasm: number;
  js: number;
}

/** Opens `url` and weighs the wasm and JS glue it loads from the site's pkg folder. */
async function weigh(page: Page, url: string): Promise<Weighed> {
  const loaded = new Set<string>();
  const seen = (req: { url(): string }) => {
    const p = new URL(req.url()).pathname;
    if (/^\/pkg\/.+\.(js|wasm)$/.test(p)) loaded.add(p);
  };
  page.on('request', seen);
  await page.goto(url);
  await settle(page);
  page.off('request', seen);
  const files = [...loaded];
  const islands = await page.locator('leptos-island').count();
  const sum = (ext: string) => files.filter((f) => f.endsWith(ext)).reduce((n, f) => n + gzipped(f), 0);
  const w = { page: url, islands, wasm: sum('.wasm'), js: sum('.js') };
  if (islands === 0) {
    expect(files, `${url} has no island, so it loads no wasm and no JS glue`).toEqual([]);
  } else {
    expect(files.some((f) => f.endsWith('.wasm')), `${url} has islands, so it loads the wasm`).toBe(true);
    expect(w.wasm, `wasm of ${url}, gzipped`).toBeLessThanOrEqual(WASM_BUDGET);
    expect(w.js, `JS glue of ${url}, gzipped`).toBeLessThanOrEqual(JS_BUDGET);
  }
  return w;
}

/** Every page the header's navigation offers on the current page, and the account page. */
async function navigation(page: Page): Promise<string[]> {
  const hrefs = await page.locator('header nav a.app-nav__link').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs.filter((h) => h.startsWith('/')))];
}

const VISITOR_PAGES = ['/', '/catalogue', '/offerings/2', '/sign-in', '/sign-up', '/sign-up/recipient', '/sign-up/supplier', '/forgot-password'];

test('a visitor’s pages load no wasm, as they have no island', async ({ page }) => {
  for (const url of VISITOR_PAGES) {
    const w = await weigh(page, url);
    expect(w.islands, `${url} has no island`).toBe(0);
  }
});

test('the order form for sessions wakes its island within the budget', async ({ page }) => {
  await signIn(page, 'parent@demo.kz');
  await page.goto('/catalogue?item_type=sign_language_hour&region=all');
  const href = await page.locator('.app-result .app-result__title a').first().getAttribute('href');
  const offering = href?.match(/\/offerings\/(\d+)/)?.[1];
  expect(offering, 'the catalogue lists a sign-language offering').toBeTruthy();
  const w = await weigh(page, `/order/${offering}`);
  expect(w.islands, 'the order form for sessions has its island').toBeGreaterThan(0);
  expect(w.wasm).toBeGreaterThan(0);
  test.info().annotations.push({ type: 'weight', description: `wasm ${w.wasm} B, JS glue ${w.js} B gzipped` });
  // The island does its work: the place of sessions hides for online sessions.
  await page.locator('input[name="mode"][value="online"]').check();
  await expect(page.locator('#f-address')).toBeHidden();
  await page.locator('input[name="mode"][value="in_person"]').check();
  await expect(page.locator('#f-address')).toBeVisible();
});

for (const account of DEMO_ACCOUNTS) {
  test(`every page of the ${account.role}’s navigation keeps the budget`, async ({ page }) => {
    await signIn(page, account.email);
    const pages = [...(await navigation(page)), '/account', '/account/messages', '/account/sessions'];
    for (const url of pages) await weigh(page, url);
    await signOut(page);
  });
}
