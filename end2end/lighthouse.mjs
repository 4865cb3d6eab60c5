// Lighthouse on the pages people on cheap phones open most: home, the catalogue, an offering,
// the order check page (signed in as the demo recipient) and the staff dashboard (signed in as
// central staff, second factor included), and the order form for sessions, the page with an
// island (signed in as the demo representative). Mobile preset, simulated throttling, Debian's
// Chromium. Prints a Markdown table and keeps each report in `target/lighthouse/`.
//
//   node end2end/lighthouse.mjs <base URL> <lighthouse binary> <output folder>
import { chromium } from '@playwright/test';
import { execFileSync } from 'child_process';
import { createHmac } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

const [base, lighthouse, out] = process.argv.slice(2);
if (!base || !lighthouse || !out) {
  console.error('usage: node end2end/lighthouse.mjs <base URL> <lighthouse binary> <output folder>');
  process.exit(2);
}
const CHROMIUM = '/usr/bin/chromium';
const PASSWORD = 'demo-portal-2026';
const TOTP_SECRET = 'DEMOPORTALSOCIALSERVICESKZTWOSIX';

function totp(secret) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 1000 / 30)));
  const mac = createHmac('sha1', Buffer.from(bytes)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  return ((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).toString().padStart(6, '0');
}

/** Signs in through the portal's own forms (JavaScript off) and gives the session cookie. */
async function session(browser, email, then) {
  const context = await browser.newContext({ baseURL: base, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.locator('#f-email').fill(email);
  await page.locator('#f-password').fill(PASSWORD);
  await page.locator('main form[action="/api/sign_in"] button[type="submit"]').click();
  await page.waitForLoadState('load');
  if (new URL(page.url()).pathname === '/sign-in/two-factor') {
    await page.locator('#f-code').fill(totp(TOTP_SECRET));
    await page.locator('main form[action="/api/second_factor_verify"] button[type="submit"]').click();
    await page.waitForLoadState('load');
  }
  if (new URL(page.url()).pathname !== '/dashboard') throw new Error(`signing in as ${email} ended on ${page.url()}`);
  const url = then ? await then(page) : '/dashboard';
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  await context.close();
  return { url, cookie };
}

/** Starts an order of the dearest manual wheelchair and saves it: the check page's address. */
async function orderCheck(page) {
  await page.goto('/catalogue?item_type=wheelchair_manual&sort=price_desc');
  await page.locator('.app-result .app-result__title a').first().click();
  await page.waitForLoadState('load');
  await page.locator('main a[href^="/order/"]').click();
  await page.waitForLoadState('load');
  if (!(await page.locator('#f-address').inputValue())) await page.locator('#f-address').fill('ул. Абая, 1, кв. 1');
  await page.locator('main form[action="/api/order_save"] button[type="submit"]').click();
  await page.waitForLoadState('load');
  const url = new URL(page.url());
  if (!url.pathname.endsWith('/check')) throw new Error(`saving the order ended on ${page.url()}`);
  return url.pathname + url.search;
}

/** The order form of a sign-language offering: the page with an island (the place of sessions). */
async function sessionsForm(page) {
  await page.goto('/catalogue?item_type=sign_language_hour&region=all');
  const href = await page.locator('.app-result .app-result__title a').first().getAttribute('href');
  const id = href?.match(/\/offerings\/(\d+)/)?.[1];
  if (!id) throw new Error('the catalogue lists no sign-language offering');
  return `/order/${id}`;
}

const browser = await chromium.launch({ executablePath: CHROMIUM });
const recipient = await session(browser, 'recipient@demo.kz', orderCheck);
const staff = await session(browser, 'staff@demo.kz');
const representative = await session(browser, 'parent@demo.kz', sessionsForm);
await browser.close();

const pages = [
  { name: 'home', url: '/' },
  { name: 'catalogue', url: '/catalogue' },
  { name: 'an offering', url: '/offerings/2' },
  { name: 'order check (recipient)', url: recipient.url, cookie: recipient.cookie },
  { name: 'staff dashboard', url: staff.url, cookie: staff.cookie },
  { name: 'order form with an island (sessions)', url: representative.url, cookie: representative.cookie },
];

fs.mkdirSync(out, { recursive: true });
const rows = [];
for (const [i, p] of pages.entries()) {
  const file = path.join(out, `${i + 1}.json`);
  const args = [
    base + p.url,
    '--quiet',
    '--output=json',
    `--output-path=${file}`,
    '--form-factor=mobile',
    '--throttling-method=simulate',
    '--only-categories=performance,accessibility,best-practices',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
  ];
  if (p.cookie) args.push(`--extra-headers=${JSON.stringify({ Cookie: p.cookie })}`);
  execFileSync(lighthouse, args, { stdio: 'inherit', env: { ...process.env, CHROME_PATH: CHROMIUM } });
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  const score = (c) => Math.round(report.categories[c].score * 100);
  const audit = (a) => report.audits[a].numericValue;
  const requests = report.audits['network-requests'].details.items;
  const wasm = requests.filter((r) => r.url.endsWith('.wasm')).reduce((n, r) => n + r.transferSize, 0);
  const js = requests.filter((r) => r.resourceType === 'Script').reduce((n, r) => n + r.transferSize, 0);
  rows.push(
    `| ${p.name} | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ` +
      `${(audit('largest-contentful-paint') / 1000).toFixed(1)} s | ${Math.round(audit('total-blocking-time'))} ms | ` +
      `${audit('cumulative-layout-shift').toFixed(3)} | ${(wasm / 1024).toFixed(0)} KB | ${(js / 1024).toFixed(0)} KB |`,
  );
}
console.log('| Page | Performance | Accessibility | Best practices | LCP | TBT | CLS | wasm (transferred) | JS (transferred) |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
