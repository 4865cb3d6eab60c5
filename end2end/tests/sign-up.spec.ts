// Signing up: a refusal shows each error beside its field and in the summary, keeps what was
// typed (never the password), and a corrected form goes through. Every run uses new e-mails
// and identification numbers.
import { test, expect } from './support/test';
import { t } from './support/i18n';
import { pageLang, settle, signIn } from './support/portal';
import { confirmEmail, outboxText, sendIprLine } from './support/messages';
import { expectNoAxeViolations } from './support/axe';
import { uniqueEmail, validBin, validIin, withWrongCheckDigit } from './support/ids';
import type { Page } from '@playwright/test';

const PASSWORD = 'steppe horses run at dawn';

async function submit(page: Page, action: string): Promise<void> {
  await page.locator(`main form[action="${action}"] button[type="submit"]`).click();
  await page.waitForLoadState('load');
  await settle(page);
}

test('a recipient who mistypes the IIN sees the error beside it with the other answers kept, corrects it, confirms the e-mail and is asked to prove the IIN', async ({ page }) => {
  const fullName = 'Серикова Айгуль Бекқызы';
  const email = uniqueEmail('recipient');
  const iin = validIin({ female: true });
  const mistyped = withWrongCheckDigit(iin);

  await page.goto('/sign-up/recipient');
  await page.locator('#f-full_name').fill(fullName);
  await page.locator('#f-iin').fill(mistyped);
  await page.locator('#f-region').selectOption('ALA');
  await page.locator('#f-email').fill(email);
  await page.locator('#f-password').fill(PASSWORD);
  await submit(page, '/api/sign_up_recipient');

  await expect(page).toHaveURL(/\/sign-up\/recipient\?/);
  const lang = await pageLang(page);
  const message = t(lang, 'err-bad_checksum');
  const summary = page.locator('.app-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.locator('a')).toHaveCount(1);
  await expect(summary.locator('a[href="#f-iin"]')).toHaveText(message);
  await expect(page.locator('#f-iin-error')).toContainText(message);
  const iinField = page.locator('#f-iin');
  await expect(iinField).toHaveAttribute('aria-invalid', 'true');
  await expect(iinField).toHaveAttribute('aria-describedby', /\bf-iin-error\b/);
  await expect(iinField).toHaveValue(mistyped);
  for (const other of ['full_name', 'region', 'email', 'password']) {
    await expect(page.locator(`#f-${other}-error`), `${other} has no error`).toHaveCount(0);
  }
  await expect(page.locator('#f-full_name')).toHaveValue(fullName);
  await expect(page.locator('#f-region')).toHaveValue('ALA');
  await expect(page.locator('#f-email')).toHaveValue(email);
  await expect(page.locator('#f-password'), 'a password is never put back').toHaveValue('');

  await iinField.fill(iin);
  await page.locator('#f-password').fill(PASSWORD);
  await submit(page, '/api/sign_up_recipient');

  await expect(page).toHaveURL(/\/sign-up\/sent$/);
  await expect(page.locator('main h1')).toHaveText(t(lang, 'sign-up-sent-title'));
  await expectNoAxeViolations(page, `sign-up sent [${lang}]`);
  await confirmEmail(page, email);
  await expect(page.locator('main [role="status"]')).toContainText(t(lang, 'done-email_confirmed'));
  await signIn(page, email, PASSWORD);
  await expect(page.locator('main h1')).toHaveText(t(lang, 'dashboard-title'));
  await expect(page.locator('header .app-nav__who')).toHaveText(fullName);
  // The IIN typed is a claim: nothing of that person opens before it is proven.
  await expect(page.locator('main')).toContainText(t(lang, 'dashboard-prove-identity'));
  await expect(page.locator('main a[href="/account/identity"]')).toBeVisible();
});

test('signing up with an address that has an account, or with a registered IIN, answers as for a new one, and only the address learns it', async ({ page }) => {
  const lang = 'kk';
  const taken = 'recipient@demo.kz';
  const fresh = uniqueEmail('fresh');
  const withRegisteredIin = uniqueEmail('registered-iin');
  // An IIN whose record the health information system has just sent.
  const registered = validIin();
  await sendIprLine(page, registered, '+77017770000', `ИПАР-E2E-${Date.now().toString(36)}`);
  const answers: string[] = [];
  for (const [email, iin] of [[taken, validIin()], [withRegisteredIin, registered], [fresh, validIin()]]) {
    await page.goto('/sign-up/recipient');
    await page.locator('#f-full_name').fill('Серикова Айгуль');
    await page.locator('#f-iin').fill(iin);
    await page.locator('#f-region').selectOption('ALA');
    await page.locator('#f-email').fill(email);
    await page.locator('#f-password').fill(PASSWORD);
    await submit(page, '/api/sign_up_recipient');
    await expect(page).toHaveURL(/\/sign-up\/sent$/);
    answers.push(await page.locator('main').innerText());
  }
  expect(answers[0]).toBe(answers[2]);
  expect(answers[1]).toBe(answers[2]);
  expect(answers[0]).toContain(t(lang, 'sign-up-sent-lead'));
  expect(await outboxText(page, taken, 'sign_up_exists')).toContain('/sign-in');
  expect(await outboxText(page, fresh, 'email_confirm')).toContain('/confirm-email?token=');
});

test('a supplier who mistypes the BIN and leaves out the region sees both errors, corrects them and starts its application as a draft', async ({ page }) => {
  const organisation = `ТОО «Тест ${Date.now().toString(36)}»`;
  const email = uniqueEmail('supplier');
  const bin = validBin();

  await page.goto('/sign-up/supplier');
  await page.locator('#f-organisation').fill(organisation);
  await page.locator('#f-bin').fill(bin.slice(0, 10));
  await page.locator('#f-email').fill(email);
  await page.locator('#f-password').fill(PASSWORD);
  await submit(page, '/api/sign_up_supplier');

  await expect(page).toHaveURL(/\/sign-up\/supplier\?/);
  const lang = await pageLang(page);
  const summary = page.locator('.app-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.locator('a[href="#f-bin"]')).toHaveText(t(lang, 'err-not_12_digits'));
  await expect(summary.locator('a[href="#f-region"]')).toHaveText(t(lang, 'err-region-required'));
  await expect(page.locator('#f-bin-error')).toContainText(t(lang, 'err-not_12_digits'));
  await expect(page.locator('#f-region-error')).toContainText(t(lang, 'err-region-required'));
  await expect(page.locator('#f-region')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#f-organisation')).toHaveValue(organisation);
  await expect(page.locator('#f-bin')).toHaveValue(bin.slice(0, 10));
  await expect(page.locator('#f-email')).toHaveValue(email);
  await expect(page.locator('#f-password')).toHaveValue('');

  await page.locator('#f-bin').fill(bin);
  await page.locator('#f-region').selectOption('AST');
  await page.locator('#f-password').fill(PASSWORD);
  await submit(page, '/api/sign_up_supplier');

  await expect(page).toHaveURL(/\/sign-up\/sent$/);
  await confirmEmail(page, email);
  await signIn(page, email, PASSWORD);
  await expect(page.locator('header .app-nav__who')).toHaveText(organisation);
  // The ministry sees it once the supplier submits a complete application.
  await expect(page.locator('main')).toContainText(t(lang, 'supplier_status-draft'));
});
