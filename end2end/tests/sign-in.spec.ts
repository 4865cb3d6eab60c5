// Signing in and out with every demo role, refusals shown in place, and the way back to the
// page that asked for sign-in. Each failed sign-in counts towards the throttle (5 failures per
// e-mail or per address in 15 minutes, and every test comes from 127.0.0.1), so this file
// makes exactly one failed attempt per project.
import { test, expect } from './support/test';
import { t } from './support/i18n';
import {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  demoAccount,
  expectDashboardOf,
  pageLang,
  settle,
  signIn,
  signOut,
  submitSignIn,
} from './support/portal';

test.describe('signing in and out', () => {
  for (const account of DEMO_ACCOUNTS) {
    test(`the ${account.role} signs in, sees their own dashboard, and signs out to the home page`, async ({ page }) => {
      await signIn(page, account.email);
      await expectDashboardOf(page, account);

      await signOut(page);
      await expect(page).toHaveURL(/\/\?done=signed_out$/);
      const lang = await pageLang(page);
      await expect(page.locator('main h1')).toHaveText(t(lang, 'home-title'));
      await expect(page.locator('main [role="status"]')).toContainText(t(lang, 'done-signed_out'));
      await expect(page.locator('header .app-nav__who')).toHaveCount(0);
      await expect(page.locator('main a[href="/sign-in"]')).toBeVisible();
      await expect(page.locator('main a[href="/sign-up"]')).toBeVisible();
    });
  }
});

test.describe('sign-in refusals', () => {
  test('a wrong password is refused in an error summary that takes focus, the e-mail is kept, and the right password then opens the dashboard', async ({ page }) => {
    const account = demoAccount('recipient@demo.kz');
    await page.goto('/sign-in');
    await submitSignIn(page, account.email, 'not-the-demo-password');
    await settle(page);

    await expect(page).toHaveURL(/\/sign-in\?/);
    const lang = await pageLang(page);
    const summary = page.locator('.app-error-summary');
    await expect(summary).toBeVisible();
    await expect(summary).toHaveAttribute('role', 'alert');
    await expect(summary).toHaveAttribute('tabindex', '-1');
    await expect(summary, 'the error summary should take focus when the page opens').toBeFocused();
    await expect(summary).toContainText(t(lang, 'error-summary-title'));
    await expect(summary).toContainText(t(lang, 'err-bad_credentials'));
    for (const href of await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      expect(href, 'error summary links go to a field').toMatch(/^#f-[\w-]+$/);
      await expect(page.locator(href as string), `${href} should exist`).toHaveCount(1);
    }
    await expect(page.locator('#f-email')).toHaveValue(account.email);
    await expect(page.locator('#f-password'), 'a password is never put back').toHaveValue('');

    await submitSignIn(page, account.email, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expectDashboardOf(page, account);
  });

  test('an empty sign-in form lists both fields in the error summary, each linked to its field and described by its error', async ({ page }) => {
    await page.goto('/sign-in');
    await page.locator('main form[action="/api/sign_in"] button[type="submit"]').click();
    await page.waitForLoadState('load');
    await settle(page);

    const lang = await pageLang(page);
    const summary = page.locator('.app-error-summary');
    await expect(summary).toBeFocused();
    for (const field of ['email', 'password']) {
      const message = t(lang, `err-${field}-required`);
      await expect(summary.locator(`a[href="#f-${field}"]`)).toHaveText(message);
      await expect(page.locator(`#f-${field}-error`)).toContainText(message);
      await expect(page.locator(`#f-${field}`)).toHaveAttribute('aria-invalid', 'true');
      await expect(page.locator(`#f-${field}`)).toHaveAttribute('aria-describedby', new RegExp(`\\bf-${field}-error\\b`));
    }
    await summary.locator('a[href="#f-email"]').click();
    await expect(page).toHaveURL(/#f-email$/);
  });
});

test.describe('returning after sign-in', () => {
  test('opening the dashboard signed out asks to sign in, then lands back on the dashboard', async ({ page }) => {
    await page.goto('/dashboard');
    await expect(page).toHaveURL(/\/sign-in\?next=(\/|%2F)dashboard$/);
    const lang = await pageLang(page);
    await expect(page.locator('main h1')).toHaveText(t(lang, 'sign-in-title'));

    await submitSignIn(page, 'parent@demo.kz', DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expectDashboardOf(page, demoAccount('parent@demo.kz'));
  });

  test('opening the audit log signed out asks to sign in, then lands back on the audit log', async ({ page }) => {
    await page.goto('/staff/audit');
    await expect(page).toHaveURL(/\/sign-in\?next=(\/|%2F)staff(\/|%2F)audit$/);

    await submitSignIn(page, 'staff@demo.kz', DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/staff\/audit$/);
    const lang = await pageLang(page);
    await expect(page.locator('main h1')).toHaveText(t(lang, 'audit-title'));
    await expect(page.locator('main table')).toBeVisible();
  });
});
