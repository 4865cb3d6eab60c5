// axe (WCAG 2.2 AA) on every page, in Kazakh, Russian and English, with JS on and off:
// visitors' pages, the forms with their errors shown, the 404 page, each role's dashboard
// and the audit log. A failure lists each rule, its impact and the failing elements.
import { test, expect } from './support/test';
import { LANGS, t, type Lang } from './support/i18n';
import { expectNoAxeViolations } from './support/axe';
import {
  DEMO_ACCOUNTS,
  type DemoAccount,
  chooseLanguage,
  expectDashboardOf,
  pageLang,
  restoreRussian,
  settle,
  signIn,
} from './support/portal';
import type { Page } from '@playwright/test';

async function submitEmpty(page: Page, action: string): Promise<void> {
  await page.locator(`main form[action="${action}"] button[type="submit"]`).click();
  await page.waitForLoadState('load');
  await expect(page.locator('.app-error-summary')).toBeVisible();
}

interface VisitorPage {
  name: string;
  path: string;
  heading: string;
  status?: number;
  /** What to do before the scan, e.g. send the form empty to show every error. */
  prepare?: (page: Page) => Promise<void>;
}

const VISITOR_PAGES: VisitorPage[] = [
  { name: 'home page', path: '/', heading: 'home-title' },
  { name: 'sign-in page', path: '/sign-in', heading: 'sign-in-title' },
  { name: 'sign-in page showing errors', path: '/sign-in', heading: 'sign-in-title', prepare: (p) => submitEmpty(p, '/api/sign_in') },
  { name: 'sign-up choice', path: '/sign-up', heading: 'sign-up-title' },
  { name: 'recipient sign-up form', path: '/sign-up/recipient', heading: 'sign-up-recipient-title' },
  { name: 'recipient sign-up form showing errors', path: '/sign-up/recipient', heading: 'sign-up-recipient-title', prepare: (p) => submitEmpty(p, '/api/sign_up_recipient') },
  { name: 'supplier sign-up form', path: '/sign-up/supplier', heading: 'sign-up-supplier-title' },
  { name: 'supplier sign-up form showing errors', path: '/sign-up/supplier', heading: 'sign-up-supplier-title', prepare: (p) => submitEmpty(p, '/api/sign_up_supplier') },
  { name: '404 page', path: '/no-such-page', heading: 'not-found-title', status: 404 },
  { name: 'open data API page', path: '/api/v1', heading: 'open-data-title' },
];

test.describe('visitors’ pages pass axe', () => {
  for (const lang of LANGS) {
    for (const target of VISITOR_PAGES) {
      test(`the ${target.name} in ${lang} has no axe violations`, async ({ page, context, baseURL }) => {
        await context.addCookies([{ name: 'ssp_lang', value: lang, url: baseURL as string }]);
        const res = await page.goto(target.path);
        expect(res?.status()).toBe(target.status ?? 200);
        if (target.prepare) await target.prepare(page);
        await settle(page);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await expect(page.locator('main h1')).toHaveText(t(lang, target.heading));
        await expectNoAxeViolations(page, `${target.name} [${lang}]`);
      });
    }
  }
});

/** Checks that `path` shows what it should for `account`, then scans it. */
async function checkAndScan(page: Page, account: DemoAccount, path: string, lang: Lang): Promise<void> {
  if (path === '/dashboard') {
    await expectDashboardOf(page, account);
    await expectNoAxeViolations(page, `dashboard of ${account.email} [${lang}]`);
    return;
  }
  if (account.staff) {
    await expect(page.locator('main h1')).toHaveText(t(lang, 'audit-title'));
    await expect(page.locator('main table')).toBeVisible();
    await expectNoAxeViolations(page, `audit log seen by ${account.email} [${lang}]`);
  } else {
    // Refused before anything of the page renders: a heading that says so, and the reason.
    await expect(page.locator('main h1')).toHaveText(t(lang, 'forbidden-title'));
    await expect(page.locator('main [role="alert"]')).toHaveText(t(lang, 'err-forbidden'));
    await expect(page.locator('main table')).toHaveCount(0);
    await expectNoAxeViolations(page, `audit log refused to ${account.email} [${lang}]`);
  }
}

test.describe('signed-in pages pass axe', () => {
  for (const account of DEMO_ACCOUNTS) {
    // Staff see the audit log; the recipient sees it refused, which is a page too.
    const paths = account.staff || account.email === 'recipient@demo.kz' ? ['/dashboard', '/staff/audit'] : ['/dashboard'];
    const what = account.staff ? 'dashboard and audit log' : paths.length > 1 ? 'dashboard and refused audit log' : 'dashboard';
    test(`the ${account.role}’s ${what} in kk, ru and en have no axe violations`, async ({ page }) => {
      await signIn(page, account.email);
      try {
        // Russian last: the choice is saved on the account, and the demo accounts use Russian.
        for (const lang of ['kk', 'en', 'ru'] as Lang[]) {
          // The switch comes back to the page it was used on: scan that one first.
          await chooseLanguage(page, lang);
          const here = new URL(page.url()).pathname;
          const order = [here, ...paths.filter((p) => p !== here)];
          for (const [i, path] of order.entries()) {
            if (i > 0) await page.goto(path);
            await settle(page);
            await expect(page.locator('html')).toHaveAttribute('lang', lang);
            await checkAndScan(page, account, path, lang);
          }
        }
      } finally {
        if ((await pageLang(page).catch(() => 'ru')) !== 'ru') await restoreRussian(page);
      }
    });
  }
});
