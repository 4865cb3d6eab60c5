// One's own account, with JavaScript on and off (projects js and nojs): a new staff account
// sets up two-step sign-in at its first sign-in (QR code and text key), keeps its recovery
// codes, signs in again with a code and with a recovery code; a recipient changes their
// password and ends their other sessions. Each journey runs once in Kazakh, once in Russian
// and once in English, so every page, refusal and confirmation is read (and axe-checked) in
// each language.
import { test, expect } from './support/test';
import { LANGS, t, type Lang } from './support/i18n';
import { expectNoAxeViolations } from './support/axe';
import { validIin } from './support/ids';
import { confirmEmail } from './support/messages';
import { chooseLanguage, DEMO_PASSWORD, open, pageLang, restoreRussian, settle, signIn, signOut, totp } from './support/portal';
import type { Page } from '@playwright/test';

/** axe on the page as it is, in the language the run is in. */
async function axeHere(page: Page, what: string, lang: Lang): Promise<void> {
  await expect(page.locator('main h1')).toBeVisible();
  expect(await pageLang(page), `${what} is in the run's language`).toBe(lang);
  await expectNoAxeViolations(page, `${what} (${lang})`);
}

async function submit(page: Page, action: string): Promise<void> {
  await page.locator(`main form[action="${action}"] button[type="submit"]`).click();
  await page.waitForLoadState('load');
  await settle(page);
}

for (const lang of LANGS as readonly Lang[]) {
test(`a new officer sets up two-step sign-in, keeps the recovery codes and signs in with a code and with a recovery code (${lang})`, async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  const stamp = `${Date.now().toString(36)}${lang}${test.info().project.name}`;
  const email = `officer.${stamp}@enbek.gov.kz`;
  const password = `steppe eagle ${stamp} flies over Turkistan`;
  // The admin creates the account, as the ministry does.
  await signIn(page, 'admin@demo.kz');
  await open(page, '/admin/staff');
  await page.locator('#f-staff_name').fill('Нурланова Айгерим');
  await page.locator('#f-staff_email').fill(email);
  await page.locator('input[name="staff_role"][value="staff"]').check();
  await page.locator('#f-staff_password').fill(password);
  await submit(page, '/api/admin_create_staff');
  await expect(page).toHaveURL(/\/admin\/staff\?done=staff_created$/);
  await restoreRussian(page);

  const officer = await browser.newContext({ baseURL, locale: 'kk-KZ', javaScriptEnabled: test.info().project.use.javaScriptEnabled !== false });
  const p = await officer.newPage();
  try {
    // The password alone leads to the set-up, nowhere else.
    await p.goto('/sign-in');
    await chooseLanguage(p, lang);
    await p.locator('#f-email').fill(email);
    await p.locator('#f-password').fill(password);
    await p.locator('main form[action="/api/sign_in"] button[type="submit"]').click();
    await p.waitForLoadState('load');
    await settle(p);
    await expect(p).toHaveURL(/\/sign-in\/two-factor\/set-up/);
    expect(await pageLang(p)).toBe(lang);
    await expect(p.locator('main h1')).toHaveText(t(lang, 'second-factor-set-up-title'));
    await expect(p.locator('main svg.app-qr')).toHaveCount(1);
    await expect(p.locator('main svg.app-qr')).toHaveAttribute('aria-hidden', 'true');
    const secret = (await p.locator('main code.app-secret').innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await axeHere(p, 'two-step set-up', lang);
    const staffPage = await p.goto('/staff/suppliers');
    expect(staffPage?.url(), 'staff pages stay closed before the second factor').toMatch(/\/sign-in/);
    // A wrong code is refused beside the field; the right one turns it on.
    await p.goto('/sign-in/two-factor/set-up');
    await settle(p);
    await p.locator('#f-code').fill('000000');
    await submit(p, '/api/second_factor_enrol');
    const summary = p.locator('.app-error-summary');
    await expect(summary).toBeVisible();
    await expect(summary.locator('a[href="#f-code"]')).toHaveText(t(lang, 'err-second_factor_code_wrong'));
    await expect(p.locator('#f-code')).toHaveAttribute('aria-invalid', 'true');
    await axeHere(p, 'two-step set-up refused', lang);
    const step = Math.floor(Date.now() / 30_000);
    await p.locator('#f-code').fill(totp(secret, step));
    await submit(p, '/api/second_factor_enrol');
    await expect(p).toHaveURL(/\/account\/recovery-codes$/);
    const codes = await p.locator('main .app-recovery-codes code').allInnerTexts();
    expect(codes).toHaveLength(10);
    await expect(p.locator('main [role="status"]')).toContainText(t(await pageLang(p), 'recovery-codes-set-up-done'));
    await expectNoAxeViolations(p, 'recovery codes');
    // Shown once: a reload no longer shows them.
    await p.reload();
    await settle(p);
    await expect(p.locator('main .app-recovery-codes code')).toHaveCount(0);
    await expect(p.locator('main')).toContainText(t(await pageLang(p), 'recovery-codes-gone'));
    await open(p, '/account');
    await chooseLanguage(p, lang);
    await expect(p.locator('main')).toContainText(t(lang, 'account-second-factor'));
    await axeHere(p, 'account page of an officer', lang);

    // Next sign-in: password, then a code from the app (a later one than the set-up used).
    await signOut(p);
    await p.goto('/sign-in?next=%2Fstaff%2Fsuppliers');
    await p.locator('#f-email').fill(email);
    await p.locator('#f-password').fill(password);
    await p.locator('main form[action="/api/sign_in"] button[type="submit"]').click();
    await p.waitForLoadState('load');
    await settle(p);
    await expect(p).toHaveURL(/\/sign-in\/two-factor\?next=/);
    await axeHere(p, 'two-step code page', lang);
    await p.locator('#f-code').fill(totp(secret, step));
    await submit(p, '/api/second_factor_verify');
    await expect(p.locator('.app-error-summary'), 'a used code is refused').toBeVisible();
    await expect(p.locator('.app-error-summary a[href="#f-code"]')).toHaveText(t(lang, 'err-second_factor_code_wrong'));
    await axeHere(p, 'two-step code refused', lang);
    let next = Math.floor(Date.now() / 30_000);
    if (next <= step) next = step + 1;
    await p.locator('#f-code').fill(totp(secret, next));
    await submit(p, '/api/second_factor_verify');
    await expect(p).toHaveURL(/\/staff\/suppliers$/);

    // And with a recovery code instead of the app.
    await signOut(p);
    await p.goto('/sign-in');
    await p.locator('#f-email').fill(email);
    await p.locator('#f-password').fill(password);
    await p.locator('main form[action="/api/sign_in"] button[type="submit"]').click();
    await p.waitForLoadState('load');
    await settle(p);
    await p.locator('#f-code').fill(codes[3]);
    await submit(p, '/api/second_factor_verify');
    await expect(p).toHaveURL(/\/dashboard$/);
  } finally {
    await officer.close();
  }
});
}

for (const lang of LANGS as readonly Lang[]) {
test(`a recipient changes the password, which ends the other sessions, and signs out everywhere (${lang})`, async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  const stamp = `${Date.now().toString(36)}${lang}${test.info().project.name}`;
  const email = `asel.${stamp}@mail.kz`;
  const first = `quiet river ${stamp} under the bridge`;
  const second = `yellow tram ${stamp} smells of rain`;
  await page.goto('/sign-up/recipient');
  await chooseLanguage(page, lang);
  await page.locator('#f-full_name').fill('Жумабаева Асель');
  await page.locator('#f-iin').fill(validIin());
  await page.locator('#f-region').selectOption('ALA');
  await page.locator('#f-email').fill(email);
  await page.locator('#f-password').fill(first);
  await submit(page, '/api/sign_up_recipient');
  await expect(page).toHaveURL(/\/sign-up\/sent$/);
  await confirmEmail(page, email);
  await signIn(page, email, first);
  // Another browser signed in as the same person.
  const other = await browser.newContext({ baseURL, locale: 'kk-KZ', javaScriptEnabled: test.info().project.use.javaScriptEnabled !== false });
  const elsewhere = await other.newPage();
  try {
    await signIn(elsewhere, email, first);
    await page.locator('header a[href="/account"]').click();
    await page.waitForLoadState('load');
    await settle(page);
    await expect(page).toHaveURL(/\/account$/);
    await chooseLanguage(page, lang);
    await axeHere(page, 'account page', lang);
    await open(page, '/account/sessions');
    await expect(page.locator('main table tbody tr')).toHaveCount(2);
    await axeHere(page, 'sessions page', lang);
    await open(page, '/account/password');
    await axeHere(page, 'password page', lang);
    // The wrong current password, and a weak new one, are refused beside their fields.
    await page.locator('#f-current_password').fill('not my password at all');
    await page.locator('#f-new_password').fill('qwertyuiop123');
    await submit(page, '/api/change_password');
    const summary = page.locator('.app-error-summary');
    await expect(summary.locator('a[href="#f-new_password"]')).toHaveText(t(lang, 'err-password_too_common'));
    await expect(page.locator('#f-new_password')).toHaveAttribute('aria-invalid', 'true');
    await axeHere(page, 'password refused', lang);
    await page.locator('#f-current_password').fill('not my password at all');
    await page.locator('#f-new_password').fill(second);
    await submit(page, '/api/change_password');
    await expect(summary.locator('a[href="#f-current_password"]')).toHaveText(t(lang, 'err-current_password_wrong'));
    await page.locator('#f-current_password').fill(first);
    await page.locator('#f-new_password').fill(second);
    await submit(page, '/api/change_password');
    await expect(page).toHaveURL(/\/account\?done=password_changed$/);
    await expect(page.locator('main [role="status"]').first()).toContainText(t(lang, 'done-password_changed'));
    await axeHere(page, 'password changed', lang);
    // The other browser was signed out.
    await elsewhere.goto('/dashboard');
    await expect(elsewhere).toHaveURL(/\/sign-in\?next=/);
    // Sign out everywhere, this one too.
    await open(page, '/account/sessions');
    await expect(page.locator('main table tbody tr')).toHaveCount(1);
    await submit(page, '/api/sign_out_everywhere');
    await expect(page).toHaveURL(/\/sign-in\?done=signed_out_everywhere$/);
    await expect(page.locator('main [role="status"]').first()).toContainText(t(await pageLang(page), 'done-signed_out_everywhere'));
    await expectNoAxeViolations(page, `signed out everywhere (${lang})`);
    await signIn(page, email, second);
    await expect(page.locator('header .app-nav__who')).toHaveText('Жумабаева Асель');
    expect(DEMO_PASSWORD).not.toBe(second);
  } finally {
    await other.close();
  }
});
}
