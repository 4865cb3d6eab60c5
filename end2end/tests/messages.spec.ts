// How the portal writes to a person, with JavaScript on and off (projects js and nojs): a new
// recipient opens the communication settings from the account page, is refused when no
// channel is left, keeps e-mail only with plain-text e-mails, switches the portal's language
// from there and back, and changes the password there. Once in Kazakh, once in Russian, once
// in English, with axe on every state of the page.
import { test, expect } from './support/test';
import { LANGS, t, type Lang } from './support/i18n';
import { expectNoAxeViolations } from './support/axe';
import { validIin } from './support/ids';
import { confirmEmail } from './support/messages';
import { chooseLanguage, open, pageLang, settle, signIn } from './support/portal';
import type { Page } from '@playwright/test';

const SAVE = '/api/save_contact_preferences';

async function axeHere(page: Page, what: string, lang: Lang): Promise<void> {
  await expect(page.locator('main h1')).toBeVisible();
  expect(await pageLang(page), `${what} is in the expected language`).toBe(lang);
  await expectNoAxeViolations(page, `${what} (${lang})`);
}

async function save(page: Page): Promise<void> {
  await page.locator(`main form[action="${SAVE}"] button[type="submit"]`).click();
  await page.waitForLoadState('load');
  await settle(page);
}

for (const lang of LANGS as readonly Lang[]) {
test(`a recipient chooses how the portal writes to them (${lang})`, async ({ page }) => {
  test.setTimeout(180_000);
  const stamp = `${Date.now().toString(36)}${lang}${test.info().project.name}`;
  const email = `dana.${stamp}@mail.kz`;
  const password = `green valley ${stamp} after the rain`;
  await page.goto('/sign-up/recipient');
  await chooseLanguage(page, lang);
  await page.locator('#f-full_name').fill('Сейткали Дана');
  await page.locator('#f-iin').fill(validIin());
  await page.locator('#f-region').selectOption('ALA');
  await page.locator('#f-email').fill(email);
  await page.locator('#f-password').fill(password);
  await page.locator('main form[action="/api/sign_up_recipient"] button[type="submit"]').click();
  await page.waitForLoadState('load');
  await settle(page);
  await confirmEmail(page, email);
  await signIn(page, email, password);
  await open(page, '/account');
  await page.locator(`main a[href="/account/messages"]`).click();
  await page.waitForLoadState('load');
  await settle(page);
  await expect(page).toHaveURL(/\/account\/messages$/);
  await expect(page.locator('main h1')).toHaveText(t(lang, 'messages-title'));
  // The defaults: e-mail and the portal's notifications; no phone on file, so no SMS.
  await expect(page.locator('input[name="channels[]"][value="email"]')).toBeChecked();
  await expect(page.locator('input[name="channels[]"][value="in_app"]')).toBeChecked();
  await expect(page.locator('input[name="channels[]"][value="sms"]')).toHaveCount(0);
  await expect(page.locator('main')).toContainText(t(lang, 'messages-no-phone'));
  await axeHere(page, 'communication settings', lang);

  // Nothing left: refused beside the field, and the error summary leads to it.
  await page.locator('input[name="channels[]"][value="email"]').uncheck();
  await page.locator('input[name="channels[]"][value="in_app"]').uncheck();
  await save(page);
  const summary = page.locator('.app-error-summary');
  await expect(summary.locator('a[href="#f-channels"]')).toHaveText(t(lang, 'err-no_channel'));
  await expect(page.locator('#f-channels-error')).toContainText(t(lang, 'err-no_channel'));
  await axeHere(page, 'communication settings refused', lang);
  await summary.locator('a[href="#f-channels"]').click();
  await expect(page.locator('#f-channels')).toBeFocused();

  // E-mail only, plain text.
  await page.locator('input[name="channels[]"][value="email"]').check();
  await page.locator('input[name="email_format"][value="plain"]').check();
  await save(page);
  await expect(page).toHaveURL(/\/account\/messages\?done=preferences_saved$/);
  await expect(page.locator('main [role="status"]').first()).toContainText(t(lang, 'done-preferences_saved'));
  await expect(page.locator('input[name="channels[]"][value="email"]')).toBeChecked();
  await expect(page.locator('input[name="channels[]"][value="in_app"]')).not.toBeChecked();
  await expect(page.locator('input[name="email_format"][value="plain"]')).toBeChecked();
  await axeHere(page, 'communication settings saved', lang);

  // The language chosen here is the portal's, the e-mails' and the SMS'.
  const other: Lang = lang === 'en' ? 'kk' : 'en';
  await page.locator(`input[name="language"][value="${other}"]`).check();
  await save(page);
  expect(await pageLang(page), 'the portal speaks the chosen language').toBe(other);
  await expect(page.locator('main h1')).toHaveText(t(other, 'messages-title'));
  await page.locator(`input[name="language"][value="${lang}"]`).check();
  await save(page);
  expect(await pageLang(page)).toBe(lang);
  await expect(page.locator('input[name="channels[]"][value="email"]')).toBeChecked();

  // The password is changed from the same page.
  const fresh = `quiet lake ${stamp} at noon`;
  await page.locator('#f-current_password').fill('not my password at all');
  await page.locator('#f-new_password').fill(fresh);
  await page.locator('main form[action="/api/change_password"] button[type="submit"]').click();
  await page.waitForLoadState('load');
  await settle(page);
  await expect(page).toHaveURL(/\/account\/messages/);
  await expect(page.locator('.app-error-summary a[href="#f-current_password"]')).toHaveText(t(lang, 'err-current_password_wrong'));
  await expect(page.locator('input[name="channels[]"][value="email"]')).toBeChecked();
  await axeHere(page, 'communication settings with a refused password', lang);
  await page.locator('#f-current_password').fill(password);
  await page.locator('#f-new_password').fill(fresh);
  await page.locator('main form[action="/api/change_password"] button[type="submit"]').click();
  await page.waitForLoadState('load');
  await settle(page);
  await expect(page).toHaveURL(/\/account\?done=password_changed$/);
});
}
