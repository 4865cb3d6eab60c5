// Identity before a record opens: a person whose record arrived with the IPR signs up,
// confirms the e-mail, and proves the IIN with the code sent by SMS to the phone on the
// record; an officer prints an activation letter that links a legal representative. JS on
// and off (the two projects), axe on every page, in Kazakh, Russian and English.
import { test, expect } from './support/test';
import { LANGS, t, type Lang } from './support/i18n';
import { expectNoAxeViolations } from './support/axe';
import { uniqueEmail, validIin } from './support/ids';
import { confirmEmail, outboxText, sendIprLine, smsCode } from './support/messages';
import { chooseLanguage, open, pageLang, restoreRussian, settle, signIn, signOut } from './support/portal';
import type { Page } from '@playwright/test';

const PASSWORD = 'steppe horses run at dawn';

async function submit(page: Page, action: string): Promise<void> {
  await page.locator(`main form[action="${action}"] button[type="submit"]`).click();
  await page.waitForLoadState('load');
  await settle(page);
}

/** A phone number no other test uses. */
function uniquePhone(): string {
  return `+7701${String(Date.now() % 10_000_000).padStart(7, '0')}`;
}

/** Signs up with `iin`, confirms the e-mail and signs in. */
async function signUpAndIn(page: Page, email: string, iin: string, lang: Lang): Promise<void> {
  await page.goto('/sign-up/recipient');
  await chooseLanguage(page, lang);
  await page.locator('#f-full_name').fill('Сапарова Динара');
  await page.locator('#f-iin').fill(iin);
  await page.locator('#f-region').selectOption('ALA');
  await page.locator('#f-email').fill(email);
  await page.locator('#f-password').fill(PASSWORD);
  await submit(page, '/api/sign_up_recipient');
  await expect(page).toHaveURL(/\/sign-up\/sent$/);
  await confirmEmail(page, email);
  await expectNoAxeViolations(page, `sign-in after confirming [${lang}]`);
  await signIn(page, email, PASSWORD);
}

for (const lang of LANGS as readonly Lang[]) {
  test(`a person whose record came with the IPR proves the IIN with the SMS code and sees the entitlement (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    const iin = validIin();
    const phone = uniquePhone();
    const ipr = `ИПАР-E2E-${Date.now().toString(36)}`;
    await sendIprLine(page, iin, phone, ipr);
    await signUpAndIn(page, uniqueEmail(`claim-${lang}`), iin, lang);
    expect(await pageLang(page)).toBe(lang);
    // Nothing of the person before the proof.
    const refused = await page.goto('/entitlements');
    expect(refused?.status(), 'a rule refuses: prove who you are first').toBe(409);
    await settle(page);
    await expect(page.locator('main')).toContainText(t(lang, 'err-no_one_to_act_for'));
    await expect(page.locator('main')).not.toContainText(ipr);
    await expect(page.locator('main a[href="/account/identity"]')).toBeVisible();
    await open(page, '/account/identity');
    await expect(page.locator('main h1')).toHaveText(t(lang, 'identity-title'));
    await expect(page.locator('main')).toContainText(iin);
    await expectNoAxeViolations(page, `identity page [${lang}]`);
    await submit(page, '/api/send_claim_code');
    await expect(page.locator('main [role="status"]')).toContainText(t(lang, 'done-claim_code_sent'));
    const code = await smsCode(page, phone);
    // A wrong code is refused beside the field.
    await page.locator('#f-code').fill(code === '000000' ? '111111' : '000000');
    await submit(page, '/api/prove_identity');
    await expect(page.locator('#f-code-error')).toContainText(t(lang, 'err-code_invalid'));
    await expect(page.locator('#f-code')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page, `identity page with a wrong code [${lang}]`);
    await page.locator('#f-code').fill(code);
    await submit(page, '/api/prove_identity');
    await expect(page).toHaveURL(/\/dashboard\?done=identity_proven$/);
    await expect(page.locator('main [role="status"]')).toContainText(t(lang, 'done-identity_proven'));
    await open(page, '/entitlements');
    await expect(page.locator('main')).toContainText(ipr);
    await restoreRussian(page);
  });
}

test('an officer prints an activation letter that makes a parent the legal representative', async ({ page, browser, baseURL }) => {
  test.setTimeout(150_000);
  const child = validIin();
  const ipr = `ИПАР-E2E-${Date.now().toString(36)}`;
  await sendIprLine(page, child, uniquePhone(), ipr);
  // The officer, after seeing the parent's documents.
  const office = await browser.newContext({ baseURL, locale: 'kk-KZ', javaScriptEnabled: test.info().project.use.javaScriptEnabled !== false });
  const officer = await office.newPage();
  let code = '';
  try {
    await signIn(officer, 'staff@demo.kz');
    await open(officer, '/staff/letters');
    const lang = await pageLang(officer);
    await expect(officer.locator('main h1')).toHaveText(t(lang, 'letters-title'));
    await expectNoAxeViolations(officer, `letters page [${lang}]`);
    await officer.locator('#f-iin').fill(child);
    await officer.locator('input[name="for_whom"][value="representative"]').check();
    await submit(officer, '/api/staff_issue_letter');
    await expect(officer).toHaveURL(/\/staff\/letters\/print$/);
    await expect(officer.locator('main')).toContainText(child);
    await expectNoAxeViolations(officer, `printed letter [${lang}]`);
    code = (await officer.locator('main code.app-secret').innerText()).trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    // Shown once: reloading shows no code.
    await open(officer, '/staff/letters/print');
    await expect(officer.locator('main code.app-secret')).toHaveCount(0);
  } finally {
    await office.close();
  }
  // The parent signs up with their own IIN and types the letter's code.
  await signUpAndIn(page, uniqueEmail('parent'), validIin({ female: true }), 'kk');
  await open(page, '/account/identity');
  await page.locator('#f-code').fill(code.toLowerCase());
  await submit(page, '/api/prove_identity');
  await expect(page).toHaveURL(/\/dashboard\?done=identity_proven$/);
  await expect(page.locator('main')).toContainText(t('kk', 'done-identity_proven'));
  await open(page, '/entitlements');
  await expect(page.locator('main')).toContainText(ipr);
  await signOut(page);
});

test('a person who forgot the password sets a new one from the e-mailed link, and the old session ends', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail('reset');
  await signUpAndIn(page, email, validIin(), 'ru');
  // Another browser, on a device where the person has forgotten the password; the first
  // one stays signed in.
  const other = await browser.newContext({ baseURL, locale: 'kk-KZ', javaScriptEnabled: test.info().project.use.javaScriptEnabled !== false });
  const elsewhere = await other.newPage();
  try {
    await elsewhere.goto('/sign-in');
    await settle(elsewhere);
    await elsewhere.locator('main a[href="/forgot-password"]').click();
    await elsewhere.waitForLoadState('load');
    await settle(elsewhere);
    const lang = await pageLang(elsewhere);
    await expect(elsewhere.locator('main h1')).toHaveText(t(lang, 'forgot-title'));
    await expectNoAxeViolations(elsewhere, `forgot password [${lang}]`);
    await elsewhere.locator('#f-email').fill(email);
    await submit(elsewhere, '/api/request_password_reset');
    await expect(elsewhere.locator('main [role="status"]')).toContainText(t(lang, 'done-reset_sent'));
    const text = await outboxText(elsewhere, email, 'password_reset');
    const link = text.match(/\/reset-password\?token=[A-Za-z0-9_-]+/);
    expect(link).not.toBeNull();
    await elsewhere.goto(link?.[0] ?? '/');
    await settle(elsewhere);
    await expect(elsewhere.locator('main h1')).toHaveText(t(lang, 'reset-title'));
    await expectNoAxeViolations(elsewhere, `reset password [${lang}]`);
    await elsewhere.locator('#f-new_password').fill('qwertyuiop123');
    await submit(elsewhere, '/api/reset_password');
    await expect(elsewhere.locator('#f-new_password-error')).toContainText(t(lang, 'err-password_too_common'));
    await elsewhere.locator('#f-new_password').fill(`a new password ${Date.now().toString(36)} for me`);
    const fresh = await elsewhere.locator('#f-new_password').inputValue();
    await submit(elsewhere, '/api/reset_password');
    await expect(elsewhere).toHaveURL(/\/sign-in\?done=password_reset$/);
    await expect(elsewhere.locator('main [role="status"]')).toContainText(t(lang, 'done-password_reset'));
    await signIn(elsewhere, email, fresh);
  } finally {
    await other.close();
  }
  // The first browser's session ended with the reset.
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('a person with a phone on the record sets a new password with a code sent by SMS', async ({ page }) => {
  test.setTimeout(150_000);
  const iin = validIin();
  const phone = uniquePhone();
  const email = uniqueEmail('reset-sms');
  await sendIprLine(page, iin, phone, `ИПАР-E2E-${Date.now().toString(36)}`);
  await signUpAndIn(page, email, iin, 'kk');
  await open(page, '/account/identity');
  await submit(page, '/api/send_claim_code');
  await page.locator('#f-code').fill(await smsCode(page, phone));
  await submit(page, '/api/prove_identity');
  await expect(page).toHaveURL(/\/dashboard\?done=identity_proven$/);
  await signOut(page);
  await page.goto('/forgot-password');
  await settle(page);
  const lang = await pageLang(page);
  await page.locator('#f-email').fill(email);
  await page.locator('input[name="how"][value="sms"]').check();
  await submit(page, '/api/request_password_reset');
  await expect(page).toHaveURL(/\/reset-password\/code\?done=reset_code_sent$/);
  await expect(page.locator('main h1')).toHaveText(t(lang, 'reset-code-title'));
  await expect(page.locator('main [role="status"]')).toContainText(t(lang, 'done-reset_code_sent'));
  await expectNoAxeViolations(page, `reset with an SMS code [${lang}]`);
  const text = await outboxText(page, phone, 'reset_code');
  const code = text.match(/\b\d{6}\b/)?.[0] ?? '';
  expect(code).toMatch(/^\d{6}$/);
  // A wrong code is refused beside its field; the e-mail typed stays.
  await page.locator('#f-email').fill(email);
  await page.locator('#f-code').fill(code === '000000' ? '111111' : '000000');
  await page.locator('#f-new_password').fill(`a new password ${Date.now().toString(36)} by sms`);
  await submit(page, '/api/reset_password_with_code');
  await expect(page.locator('#f-code-error')).toContainText(t(lang, 'err-code_invalid'));
  await expect(page.locator('#f-email')).toHaveValue(email);
  await expectNoAxeViolations(page, `reset with a wrong SMS code [${lang}]`);
  await page.locator('#f-code').fill(code);
  const fresh = `a new password ${Date.now().toString(36)} by sms`;
  await page.locator('#f-new_password').fill(fresh);
  await submit(page, '/api/reset_password_with_code');
  await expect(page).toHaveURL(/\/sign-in\?done=password_reset$/);
  await signIn(page, email, fresh);
  await restoreRussian(page);
});
