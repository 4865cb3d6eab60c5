// The approved demo supplier makes an API key for its stock system, sees it once, and revokes
// it; a nameless key is refused beside its field. Once in each language, JavaScript on and
// off (projects js and nojs), axe on every state of the page.
import { test, expect } from './support/test';
import { LANGS, t, type Lang } from './support/i18n';
import { expectNoAxeViolations } from './support/axe';
import { chooseLanguage, open, restoreRussian, settle, signIn } from './support/portal';
import type { Page } from '@playwright/test';

async function submit(page: Page, action: string, within = 'main'): Promise<void> {
  await page.locator(`${within} form[action="${action}"] button[type="submit"]`).first().click();
  await page.waitForLoadState('load');
  await settle(page);
}

for (const lang of LANGS as readonly Lang[]) {
  test(`a supplier makes an API key, sees it once and revokes it (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    const label = `Склад ${Date.now().toString(36)} ${lang} ${test.info().project.name}`;
    await signIn(page, 'supplier@demo.kz');
    try {
      await open(page, '/supplier/offerings/import');
      await page.locator('main a[href="/supplier/api-keys"]').click();
      await page.waitForLoadState('load');
      await settle(page);
      await expect(page).toHaveURL(/\/supplier\/api-keys$/);
      await chooseLanguage(page, lang);
      await expect(page.locator('main h1')).toHaveText(t(lang, 'supplier-api-keys-title'));
      await expectNoAxeViolations(page, `API keys page (${lang})`);
      // A key needs a name.
      await submit(page, '/api/supplier_create_api_key');
      const summary = page.locator('.app-error-summary');
      await expect(summary.locator('a[href="#f-label"]')).toHaveText(t(lang, 'err-required'));
      await expect(page.locator('#f-label')).toHaveAttribute('aria-invalid', 'true');
      await expectNoAxeViolations(page, `API key refused (${lang})`);
      await page.locator('#f-label').fill(label);
      await submit(page, '/api/supplier_create_api_key');
      await expect(page).toHaveURL(/\/supplier\/api-keys\?done=api_key_created$/);
      const key = (await page.locator('main code.app-secret').innerText()).trim();
      expect(key).toMatch(/^ssp_[A-Za-z0-9_-]{40,}$/);
      await expect(page.locator('main')).toContainText(t(lang, 'supplier-api-key-new-once'));
      const row = page.locator('main table tbody tr', { hasText: label });
      await expect(row).toContainText(t(lang, 'supplier-api-key-active'));
      await expectNoAxeViolations(page, `new API key shown (${lang})`);
      // Shown once: a reload no longer has it.
      await page.reload();
      await settle(page);
      await expect(page.locator('main code.app-secret')).toHaveCount(0);
      expect(await page.locator('main').innerText()).not.toContain(key);
      // Revoked at once.
      await row.locator('form[action="/api/supplier_revoke_api_key"] button[type="submit"]').click();
      await page.waitForLoadState('load');
      await settle(page);
      await expect(page).toHaveURL(/\/supplier\/api-keys\?done=api_key_revoked$/);
      await expect(page.locator('main table tbody tr', { hasText: label })).not.toContainText(t(lang, 'supplier-api-key-active'));
      await expect(page.locator('main table tbody tr', { hasText: label }).locator('button')).toHaveCount(0);
      await expectNoAxeViolations(page, `API key revoked (${lang})`);
      const res = await page.request.post('/api/v1/supplier/offerings', { headers: { Authorization: `Bearer ${key}` }, data: { lines: [] } });
      expect(res.status(), 'a revoked key opens nothing').toBe(401);
    } finally {
      await restoreRussian(page);
    }
  });
}
