// What every journey needs: the demo accounts, signing in and out, the page language and
// the language switch, all through the portal's own forms (they work with and without JS).
import { test as base, expect, type Page } from '@playwright/test';
import { createHmac } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { asLang, t, type Lang } from './i18n';

/** The password of every demo account. */
export const DEMO_PASSWORD = 'demo-portal-2026';

/** The authenticator key of the demo staff and admin accounts (base32). */
export const DEMO_TOTP_SECRET = 'DEMOPORTALSOCIALSERVICESKZTWOSIX';

function base32(secret: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/[\s=]/g, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** The RFC 6238 code (SHA-1, 6 digits, 30-second steps) of `secret` for time step `step`. */
export function totp(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  return ((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).toString().padStart(6, '0');
}

/**
 * A code the portal has not accepted yet for `email`: each code works once, so the steps used
 * are kept in a file (per portal port) and the next sign-in takes a later step, waiting for
 * it when the current and the next one are both used.
 */
export async function freshCode(email: string, secret = DEMO_TOTP_SECRET): Promise<string> {
  const file = path.join(os.tmpdir(), `ssp-e2e-totp-${process.env.APP_PORT ?? '3123'}.json`);
  const used: Record<string, number> = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  for (;;) {
    const now = Math.floor(Date.now() / 1000 / 30);
    const step = Math.max(now, (used[email] ?? 0) + 1);
    if (step <= now + 1) {
      used[email] = step;
      fs.writeFileSync(file, JSON.stringify(used));
      return totp(secret, step);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Types the second factor's code on the page that asks for it. */
export async function submitSecondFactor(page: Page, email: string): Promise<void> {
  await page.locator('#f-code').fill(await freshCode(email));
  await page.locator('main form[action="/api/second_factor_verify"] button[type="submit"]').click();
  await page.waitForLoadState('load');
}

/** What a demo account's dashboard should show beyond the heading. */
export type DashboardMark = { text: string } | { key: string } | { auditLink: true };

export interface DemoAccount {
  /** How the tests speak of it. */
  role: string;
  email: string;
  /** Display name in the header; null where the demo data picks it at random. */
  name: string | null;
  /** What only this role's dashboard shows. */
  marks: DashboardMark[];
  /** Whether the account may open /staff/audit. */
  staff: boolean;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { role: 'recipient', email: 'recipient@demo.kz', name: 'Асель Жумабаева', marks: [{ key: 'dashboard-open-entitlements' }], staff: false },
  { role: 'legal representative', email: 'parent@demo.kz', name: 'Гульнара Ахметова', marks: [{ key: 'dashboard-acting-for' }, { text: 'Ахметов Алихан Ерланович' }], staff: false },
  { role: 'approved supplier', email: 'supplier@demo.kz', name: 'ТОО «Медтехника Алматы»', marks: [{ key: 'supplier_status-approved' }], staff: false },
  { role: 'pending supplier', email: 'pending@demo.kz', name: null, marks: [{ key: 'supplier_status-pending' }], staff: false },
  { role: 'central staff', email: 'staff@demo.kz', name: 'Айгерим Нурланова', marks: [{ key: 'dashboard-staff-central' }, { auditLink: true }], staff: true },
  { role: 'regional staff', email: 'staff.almaty@demo.kz', name: 'Ерлан Сапаров', marks: [{ key: 'dashboard-pending-suppliers' }, { auditLink: true }], staff: true },
  { role: 'admin', email: 'admin@demo.kz', name: 'Администратор портала', marks: [{ key: 'dashboard-pending-suppliers' }, { auditLink: true }], staff: true },
];

export function demoAccount(email: string): DemoAccount {
  const account = DEMO_ACCOUNTS.find((a) => a.email === email);
  if (!account) throw new Error(`no demo account ${email}`);
  return account;
}

/** The language the page was rendered in. */
export async function pageLang(page: Page): Promise<Lang> {
  return asLang(await page.locator('html').getAttribute('lang'));
}

/** Whether this project runs pages with JavaScript. */
export function jsEnabled(): boolean {
  return base.info().project.use.javaScriptEnabled !== false;
}

/**
 * Waits until the page is done: with JS on, until the wasm has loaded and hydrated (no
 * requests for half a second); with JS off the HTML is all there is.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  if (jsEnabled()) await page.waitForLoadState('networkidle');
}

/** Opens `url`, checks that it answers without an error status and waits for it to settle. */
export async function open(page: Page, url: string): Promise<void> {
  const res = await page.goto(url);
  expect(res?.status(), `${url} should answer`).toBeLessThan(400);
  await settle(page);
}

/**
 * Fills in and sends the sign-in form on the current page; for staff and admins, also the
 * code of the second factor when the portal asks for it.
 */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.locator('#f-email').fill(email);
  await page.locator('#f-password').fill(password);
  await page.locator('main form[action="/api/sign_in"] button[type="submit"]').click();
  await page.waitForLoadState('load');
  if (new URL(page.url()).pathname === '/sign-in/two-factor') {
    await settle(page);
    await submitSecondFactor(page, email);
  }
}

/** Signs in through the sign-in page and waits for the dashboard. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await submitSignIn(page, email, password);
  await expect(page, `signing in as ${email} should open the dashboard`).toHaveURL(/\/dashboard$/);
}

/** Signs out with the header's button. */
export async function signOut(page: Page): Promise<void> {
  await page.locator('header form.app-nav__signout button[type="submit"]').click();
  await page.waitForLoadState('load');
}

/** Chooses `lang` with the header's language buttons (a no-op when it is already shown). */
export async function chooseLanguage(page: Page, lang: Lang): Promise<void> {
  if ((await pageLang(page)) === lang) return;
  await page.locator(`header form.app-lang button[name="lang"][value="${lang}"]`).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await page.waitForLoadState('load');
}

/** Sets the account's language back to Russian, as the demo data has it. */
export async function restoreRussian(page: Page): Promise<void> {
  const origin = new URL(page.url()).origin;
  const res = await page.request.post('/lang', {
    form: { lang: 'ru', next: '/' },
    headers: { Origin: origin },
    maxRedirects: 0,
  });
  expect(res.status(), 'POST /lang should redirect back').toBeGreaterThanOrEqual(300);
  expect(res.status(), 'POST /lang should redirect back').toBeLessThan(400);
}

/** Checks the dashboard of `account` in the page's language. */
export async function expectDashboardOf(page: Page, account: DemoAccount): Promise<void> {
  const lang = await pageLang(page);
  await expect(page.locator('main h1')).toHaveText(t(lang, 'dashboard-title'));
  const who = page.locator('header .app-nav__who');
  if (account.name) await expect(who).toHaveText(account.name);
  else await expect(who).not.toBeEmpty();
  for (const mark of account.marks) {
    if ('text' in mark) await expect(page.locator('main')).toContainText(mark.text);
    else if ('key' in mark) await expect(page.locator('main')).toContainText(t(lang, mark.key));
    else await expect(page.locator('header nav a[href="/staff/audit"]')).toBeVisible();
  }
}
