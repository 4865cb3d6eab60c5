// axe (WCAG 2.2 AA) on every page, in Kazakh, Russian and English, with JS on and off:
// visitors' pages, the forms with their errors shown, the 404 page, each role's dashboard
// and the audit log. A failure lists each rule, its impact and the failing elements.
import { test, expect } from './support/test';
import { LANGS, t, type Lang } from './support/i18n';
import { expectNoAxeViolations } from './support/axe';
import {
  DEMO_ACCOUNTS,
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

test.describe('signed-in pages pass axe', () => {
  for (const account of DEMO_ACCOUNTS) {
    const pages = account.staff ? 'dashboard and audit log' : 'dashboard';
    test(`the ${account.role}’s ${pages} in kk, ru and en have no axe violations`, async ({ page }) => {
      await signIn(page, account.email);
      try {
        // Russian last: the language is saved on the account, and the demo accounts use Russian.
        for (const lang of ['kk', 'en', 'ru'] as Lang[]) {
          await page.goto('/dashboard');
          await chooseLanguage(page, lang);
          await settle(page);
          await expectDashboardOf(page, account);
          await expectNoAxeViolations(page, `dashboard of ${account.email} [${lang}]`);

          if (!account.staff && account.email !== 'recipient@demo.kz') continue;
          await page.goto('/staff/audit');
          await settle(page);
          await expect(page.locator('main h1')).toHaveText(t(lang, 'audit-title'));
          if (account.staff) {
            await expect(page.locator('main table')).toBeVisible();
            await expectNoAxeViolations(page, `audit log seen by ${account.email} [${lang}]`);
          } else {
            // The refusal is a page too.
            await expect(page.locator('main [role="alert"]')).toHaveText(t(lang, 'err-forbidden'));
            await expectNoAxeViolations(page, `audit log refused to ${account.email} [${lang}]`);
          }
        }
      } finally {
        if ((await pageLang(page).catch(() => 'ru')) !== 'ru') await restoreRussian(page);
      }
    });
  }
});
