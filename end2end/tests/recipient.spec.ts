// The recipient journey in the browser, with JavaScript on and off: search with filters, an
// order above the ceiling with its co-payment shown before anything is committed, a
// representative booking sign-language hours, cancelling, confirming receipt and reviewing;
// and axe on every page of the journey in Kazakh, Russian and English.
//
// Orders placed here are cancelled again, so both projects (js, nojs) find the same
// entitlements; each confirms a different one of the demo recipient's delivered orders.
import { test, expect } from './support/test';
import { LANGS, t, type Lang } from './support/i18n';
import { expectNoAxeViolations } from './support/axe';
import { chooseLanguage, jsEnabled, pageLang, restoreRussian, settle, signIn } from './support/portal';
import type { Page } from '@playwright/test';

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function submit(page: Page, action: string): Promise<void> {
  await page.locator(`main form[action="${action}"] button[type="submit"]`).click();
  await page.waitForLoadState('load');
}

/** Opens the first result of a catalogue search, then its order page. */
async function startOrder(page: Page, search: string, pick = '.app-result'): Promise<void> {
  await page.goto(`/catalogue?${search}`);
  const first = page.locator(pick).first();
  await expect(first).toBeVisible();
  await first.locator('.app-result__title a').click();
  await page.waitForLoadState('load');
  await page.locator('main a[href^="/order/"]').click();
  await page.waitForLoadState('load');
}

async function cancelOrder(page: Page, lang: Lang): Promise<void> {
  await submit(page, '/api/order_cancel');
  await expect(page.locator('main [role="status"]')).toContainText(t(lang, 'done-cancelled'));
  await expect(page.locator('main .app-tag')).toHaveText(t(lang, 'order_status-cancelled'));
}

test.describe('the recipient journey', () => {
  test('the catalogue filter is a plain GET form: the URL keeps the filters and the results respect them', async ({ page }) => {
    await signIn(page, 'recipient@demo.kz');
    await page.goto('/catalogue');
    const lang = await pageLang(page);
    await expect(page.locator('#f-region option[selected]')).toHaveText(new RegExp(t(lang, 'filter-my-region')));
    await page.locator('#f-item_type').selectOption('wheelchair_manual');
    await page.locator('#f-region').selectOption('all');
    await page.locator('#f-no_copay').check();
    await page.locator('aside form button[type="submit"]').click();
    await page.waitForLoadState('load');
    await expect(page).toHaveURL(/item_type=wheelchair_manual/);
    await expect(page).toHaveURL(/no_copay=on/);
    const results = page.locator('.app-result');
    expect(await results.count()).toBeGreaterThan(0);
    for (const r of await results.all()) {
      await expect(r).toContainText(t(lang, 'catalogue-no-copay'));
      await expect(r.locator('.app-result__copay')).toHaveCount(0);
    }
    // A bookmark of the URL brings the same search back.
    await page.goto(page.url());
    await expect(page.locator('#f-no_copay')).toBeChecked();
    await expect(page.locator('#f-item_type')).toHaveValue('wheelchair_manual');
  });

  test('refining a search keeps the kind of help it was narrowed to', async ({ page }) => {
    const found = async (): Promise<number> => Number((await page.locator('main p[role="status"]').first().innerText()).replace(/\D/g, ''));
    await page.goto('/catalogue?region=all');
    const everything = await found();
    await page.goto('/catalogue?category=tsr&region=all');
    await expect(page.locator('#f-category')).toHaveValue('tsr');
    const rehabilitation = await found();
    expect(rehabilitation).toBeLessThan(everything);
    await page.locator('#f-no_copay').check();
    await page.locator('aside form button[type="submit"]').click();
    await page.waitForLoadState('load');
    await expect(page).toHaveURL(/category=tsr/);
    await expect(page.locator('#f-category')).toHaveValue('tsr');
    const refined = await found();
    expect(refined).toBeGreaterThan(0);
    expect(refined).toBeLessThanOrEqual(rehabilitation);
    await page.goto('/catalogue?region=all&no_copay=on');
    expect(refined, 'the refined search is still within the kind of help').toBeLessThan(await found());
  });

  test('ordering a wheelchair above the ceiling shows what the recipient pays before confirming, and cancelling gives the entitlement back', async ({ page }) => {
    await signIn(page, 'recipient@demo.kz');
    await startOrder(page, 'item_type=wheelchair_manual&sort=price_desc', '.app-result:has(.app-result__copay)');
    const lang = await pageLang(page);
    await expect(page.locator('main h1')).toHaveText(t(lang, 'order-start-title'));
    // Refused without an address: the error is beside the field, the summary links to it.
    await page.locator('#f-address').fill('');
    await submit(page, '/api/order_save');
    const summary = page.locator('.app-error-summary');
    await expect(summary).toBeVisible();
    await expect(summary.locator('a[href="#f-address"]')).toHaveCount(1);
    await expect(page.locator('#f-address-error')).toBeVisible();
    await summary.locator('a[href="#f-address"]').click();
    await expect(page.locator('#f-address'), 'the summary link moves focus to its field').toBeFocused();
    await expect(page.locator('#f-quantity'), 'what was typed is kept').toHaveValue('1');
    await page.locator('#f-address').fill('ул. Абая, 10, кв. 5');
    await page.locator('#f-region').selectOption('ALA');
    await submit(page, '/api/order_save');
    await expect(page).toHaveURL(/\/order\/\d+\/check/);
    await expect(page.locator('main h1')).toHaveText(t(lang, 'order-check-title'));
    const plain = page.locator('main .app-inset strong');
    await expect(plain).toContainText(/\d/);
    await expect(plain, 'the co-payment is said in plain words').not.toHaveText(t(lang, 'order-nothing-to-pay'));
    await submit(page, '/api/order_confirm');
    await expect(page).toHaveURL(/\/orders\/\d+\?done=placed/);
    await expect(page.locator('main h1')).toContainText('SSP-');
    await expect(page.locator('main [role="status"]')).toContainText('SSP-');
    await expect(page.locator('main .app-tag')).toHaveText(t(lang, 'order_status-placed'));
    await cancelOrder(page, lang);
  });

  test('a representative books sign-language hours for the child they act for', async ({ page }) => {
    await signIn(page, 'parent@demo.kz');
    await startOrder(page, 'item_type=sign_language_hour&region=all');
    const lang = await pageLang(page);
    await expect(page.locator('main')).toContainText('Ахметов Алихан Ерланович');
    // The place of sessions is asked for in person only: with JavaScript it hides for online
    // sessions and comes back for sessions in person; without, it stays with its hint.
    await page.locator('input[name="mode"][value="in_person"]').check();
    await expect(page.locator('#f-address')).toBeVisible();
    await page.locator('input[name="mode"][value="online"]').check();
    if (jsEnabled()) await expect(page.locator('#f-address'), 'the place hides for online sessions').toBeHidden();
    else await expect(page.locator('#f-address')).toBeVisible();
    await page.locator('#f-s1_date').fill(inDays(7));
    await page.locator('#f-s1_time').fill('10:00');
    await page.locator('#f-s1_hours').fill('9');
    await submit(page, '/api/order_save');
    await expect(page.locator('#f-s1_hours-error')).toBeVisible();
    await expect(page.locator('#f-s1_time'), 'what was typed is kept').toHaveValue('10:00');
    await page.locator('#f-s1_hours').fill('2');
    await submit(page, '/api/order_save');
    await expect(page.locator('main h1')).toHaveText(t(lang, 'order-check-title'));
    await submit(page, '/api/order_confirm');
    await expect(page).toHaveURL(/\/orders\/\d+\?done=placed/);
    await expect(page.locator('main')).toContainText('Гульнара Ахметова');
    await cancelOrder(page, lang);
  });

  test('confirming receipt of a delivered order, then leaving one review', async ({ page }) => {
    await signIn(page, 'recipient@demo.kz');
    await page.goto('/orders');
    const lang = await pageLang(page);
    const delivered = page.locator('main tbody tr', { hasText: t(lang, 'order_status-delivered') }).first();
    await delivered.locator('a').first().click();
    await page.waitForLoadState('load');
    await submit(page, '/api/order_receive');
    await expect(page.locator('main [role="status"]')).toContainText(t(lang, 'done-confirmed'));
    await expect(page.locator('main .app-tag')).toHaveText(t(lang, 'order_status-confirmed'));
    await submit(page, '/api/order_review');
    await expect(page.locator('#f-review-error'), 'an empty review is refused beside its field').toBeVisible();
    await page.locator('input[name="rating"][value="5"]').check();
    await page.locator('#f-review').fill('Привезли вовремя, помогли подобрать размер.');
    await submit(page, '/api/order_review');
    await expect(page.locator('main [role="status"]')).toContainText(t(lang, 'done-reviewed'));
    await expect(page.locator('main')).toContainText('Привезли вовремя');
    await expect(page.locator('main form[action="/api/order_review"]'), 'one review per order').toHaveCount(0);
  });
});

test.describe('the recipient journey passes axe', () => {
  test('every page of the journey in kk, en and ru has no axe violations', async ({ page }) => {
    test.setTimeout(240_000);
    await signIn(page, 'recipient@demo.kz');
    try {
      for (const lang of ['kk', 'en', 'ru'] as Lang[]) {
        await page.goto('/entitlements');
        await chooseLanguage(page, lang);
        const scan = async (what: string) => {
          await settle(page);
          await expect(page.locator('html')).toHaveAttribute('lang', lang);
          await expectNoAxeViolations(page, `${what} [${lang}]`);
        };
        await scan('entitlements');
        await page.goto('/catalogue?item_type=wheelchair_manual&region=all&no_copay=on');
        await scan('catalogue with filters');
        await page.locator('.app-result__title a').first().click();
        await page.waitForLoadState('load');
        await scan('offering');
        await page.locator('main a[href^="/order/"]').click();
        await page.waitForLoadState('load');
        await scan('order question page');
        await page.locator('#f-address').fill('');
        await submit(page, '/api/order_save');
        await scan('order question page with errors');
        await page.locator('#f-address').fill('ул. Абая, 10');
        await page.locator('#f-region').selectOption('ALA');
        await submit(page, '/api/order_save');
        await scan('check your answers');
        await page.goto('/orders');
        await scan('my orders');
        await page.locator('main tbody tr a').first().click();
        await page.waitForLoadState('load');
        await scan('an order');
        await page.goto('/notifications');
        await scan('notifications');
      }
    } finally {
      if ((await pageLang(page).catch(() => 'ru')) !== 'ru') await restoreRussian(page);
    }
  });

  test('a representative’s entitlements page and the visitor’s catalogue have no axe violations', async ({ page, context, baseURL }) => {
    for (const lang of LANGS) {
      await context.addCookies([{ name: 'ssp_lang', value: lang, url: baseURL as string }]);
      await page.goto('/catalogue');
      await settle(page);
      await expectNoAxeViolations(page, `visitor catalogue [${lang}]`);
    }
    await signIn(page, 'parent@demo.kz');
    await page.goto('/entitlements');
    await settle(page);
    await expect(page.locator('main')).toContainText('Ахметов Алихан Ерланович');
    await expectNoAxeViolations(page, 'representative entitlements [ru]');
  });
});
