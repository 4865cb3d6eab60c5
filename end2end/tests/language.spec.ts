// The language switch in the header: a plain POST form, so it works with JS off too.
import { test, expect } from './support/test';
import { t } from './support/i18n';
import { chooseLanguage } from './support/portal';

test('the header buttons switch the language from Kazakh to Russian to English, and the choice stays across pages', async ({ page, context }) => {
  const html = page.locator('html');
  const h1 = page.locator('main h1');
  const current = page.locator('header .app-lang [aria-current="true"]');

  await page.goto('/');
  await expect(html).toHaveAttribute('lang', 'kk');
  await expect(h1).toHaveText(t('kk', 'home-title'));
  await expect(current).toHaveAttribute('lang', 'kk');

  await chooseLanguage(page, 'ru');
  await expect(page).toHaveURL(/\/$/);
  await expect(h1).toHaveText(t('ru', 'home-title'));
  await expect(current).toHaveAttribute('lang', 'ru');
  await expect(page.locator('header button[name="lang"][value="ru"]')).toHaveCount(0);

  await chooseLanguage(page, 'en');
  await expect(h1).toHaveText(t('en', 'home-title'));
  await expect(current).toHaveAttribute('lang', 'en');

  await page.locator('header nav a[href="/sign-in"]').click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(h1).toHaveText(t('en', 'sign-in-title'));

  await page.goto('/sign-up');
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(h1).toHaveText(t('en', 'sign-up-title'));
  const cookies = await context.cookies();
  expect(cookies.find((c) => c.name === 'ssp_lang')?.value).toBe('en');
});

test('switching the language keeps the page and its query', async ({ page }) => {
  await page.goto('/sign-in?next=/staff/audit');
  await chooseLanguage(page, 'ru');
  await expect(page).toHaveURL(/\/sign-in\?next=(\/|%2F)staff(\/|%2F)audit$/);
  await expect(page.locator('main h1')).toHaveText(t('ru', 'sign-in-title'));
  await expect(page.locator('main input[name="next"]')).toHaveValue('/staff/audit');
});
