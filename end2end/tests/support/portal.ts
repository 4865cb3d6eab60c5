// What every journey needs: the demo accounts, signing in and out, the page language and
// the language switch, all through the portal's own forms (they work with and without JS).
import { test as base, expect, type Page } from '@playwright/test';
import { asLang, t, type Lang } from './i18n';

/** The password of every demo account. */
export const DEMO_PASSWORD = 'demo-portal-2026';

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

/** Fills in and sends the sign-in form on the current page. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.locator('#f-email').fill(email);
  await page.locator('#f-password').fill(password);
  await page.locator('main form[action="/api/sign_in"] button[type="submit"]').click();
  await page.waitForLoadState('load');
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
