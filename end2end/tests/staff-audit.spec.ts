// The audit log is for staff: others get a translated refusal, not a crash or an empty page.
import { test, expect } from './support/test';
import { t } from './support/i18n';
import { pageLang, signIn } from './support/portal';

test('a recipient who opens the audit log is refused with a translated message', async ({ page }) => {
  await signIn(page, 'recipient@demo.kz');
  const res = await page.goto('/staff/audit');
  expect(res?.status(), 'refused: 403, with a page that says so').toBe(403);
  const lang = await pageLang(page);
  await expect(page.locator('main h1')).toHaveText(t(lang, 'forbidden-title'));
  await expect(page.locator('main [role="alert"]')).toHaveText(t(lang, 'err-forbidden'));
  await expect(page.locator('main table')).toHaveCount(0);
  await expect(page.locator('header nav a[href="/staff/audit"]'), 'no audit link for a recipient').toHaveCount(0);
});

test('staff search the audit log with the GET form and see matching entries', async ({ page }) => {
  await signIn(page, 'staff@demo.kz');
  await page.goto('/staff/audit');
  const lang = await pageLang(page);
  await expect(page.locator('main h1')).toHaveText(t(lang, 'audit-title'));
  await expect(page.locator('main table tbody tr').first()).toBeVisible();

  await page.locator('#f-q').fill('supplier.approve');
  await page.locator('main form[role="search"] button[type="submit"]').click();
  await expect(page).toHaveURL(/\/staff\/audit\?q=supplier\.approve(&|$)/);
  await expect(page.locator('#f-q')).toHaveValue('supplier.approve');
  const rows = page.locator('main table tbody tr');
  await expect(rows.first()).toBeVisible();
  const texts = await rows.evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''));
  expect(texts.filter((text) => !text.includes('supplier.approve')), 'rows that do not match').toEqual([]);
});
