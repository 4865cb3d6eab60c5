// The ministry's journey, with JavaScript on and off (projects js and nojs): approve a pending
// supplier, import an IPR file and read its report, read the provision dashboard and its CSV;
// and an axe scan of every staff page in Kazakh, Russian and English.
import { test, expect } from './support/test';
import { LANGS, t as tr, type Lang } from './support/i18n';
import { expectNoAxeViolations as scan } from './support/axe';
import { validIin } from './support/ids';
import { chooseLanguage, open, pageLang, restoreRussian, settle, signIn } from './support/portal';
import type { Page } from '@playwright/test';

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** The href of the first link in the table body of the page. */
async function firstRowLink(page: Page): Promise<string> {
  const href = await page.locator('main table tbody tr a').first().getAttribute('href');
  expect(href, 'the list has a row with a link').toBeTruthy();
  return href as string;
}

test('central staff approve the oldest pending supplier', async ({ page }) => {
  await signIn(page, 'staff@demo.kz');
  await open(page, '/staff/suppliers');
  const lang = await pageLang(page);
  await expect(page.locator('main h1')).toHaveText(tr(lang, 'staff-suppliers-title'));
  const rows = page.locator('main table tbody tr');
  await expect(rows.first()).toBeVisible();
  const name = (await rows.first().locator('a').innerText()).trim();
  await page.locator('main table tbody tr a').first().click();
  await settle(page);
  await expect(page.locator('main h1')).toHaveText(name);

  // A rejection without a reason is refused, with the error linked to the field.
  await page.locator('input[name="supplier_decision"][value="reject"]').check();
  await page.locator('main form[action="/api/staff_decide_supplier"] button[type="submit"]').click();
  await settle(page);
  const summary = page.locator('.app-error-summary');
  await expect(summary).toBeVisible();
  await expect(summary.locator('a[href="#f-decision_reason"]')).toHaveText(tr(lang, 'err-decision_reason-required'));
  await scan(page, 'supplier decision refused');

  await page.locator('input[name="supplier_decision"][value="approve"]').check();
  await page.locator('#f-decision_reason').fill('Документы проверены');
  await page.locator('main form[action="/api/staff_decide_supplier"] button[type="submit"]').click();
  await settle(page);
  await expect(page).toHaveURL(/\/staff\/suppliers\/\d+\?done=supplier_approve$/);
  await expect(page.locator('main [role="status"]').first()).toContainText(tr(lang, 'done-supplier_approve'));
  await expect(page.locator('main')).toContainText(tr(lang, 'audit-action-supplier-approve'));
  await expect(page.locator('input[name="supplier_decision"][value="approve"]'), 'no longer pending').toHaveCount(0);
});

test('staff import an IPR file and read the report', async ({ page }) => {
  await signIn(page, 'staff@demo.kz');
  await open(page, '/staff/imports');
  const lang = await pageLang(page);
  await expect(page.locator('main h1')).toHaveText(tr(lang, 'staff-imports-title'));
  const person = validIin();
  const csv = [
    'iin;ipr_number;item_type;quantity;valid_from;valid_to',
    `${person};ИПАР-E2E-${Date.now()};walker;1;${isoDay(-1)};${isoDay(300)}`,
    `${person};ИПАР-E2E-${Date.now()};teleporter;1;${isoDay(-1)};${isoDay(300)}`,
  ].join('\n');
  await page.locator('#f-ipr_file').setInputFiles({ name: 'ipr-e2e.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.locator('main form[action="/staff/imports/upload"] button[type="submit"]').click();
  await settle(page);
  await expect(page).toHaveURL(/\/staff\/imports\/\d+\?done=imported$/);
  await expect(page.locator('main h1')).toHaveText(tr(lang, 'staff-import-report-title'));
  await expect(page.locator('main [role="status"]').first()).toContainText(tr(lang, 'done-imported'));
  const stats = page.locator('main dl.app-stats .app-stat');
  await expect(stats.nth(0).locator('dd')).toHaveText('2');
  await expect(stats.nth(1).locator('dd')).toHaveText('1');
  await expect(stats.nth(3).locator('dd')).toHaveText('1');
  await expect(page.locator('div[aria-labelledby="refused-caption"]')).toContainText(tr(lang, 'staff-line-reason-unknown_item_type'));
  await expect(page.locator('main')).toContainText(tr(lang, 'staff-line-deferred'));
  await expect(page.locator('main'), 'the IIN is masked in the report').not.toContainText(person);

  // A file that is not an IPR file comes back to the form with the reason.
  await open(page, '/staff/imports');
  await page.locator('#f-ipr_file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from('name,age\nAsel,37\n') });
  await page.locator('main form[action="/staff/imports/upload"] button[type="submit"]').click();
  await settle(page);
  await expect(page).toHaveURL(/\/staff\/imports\?error=bad_header$/);
  await expect(page.locator('.app-error-summary a[href="#f-ipr_file"]')).toHaveText(tr(lang, 'err-ipr_file-bad_header'));
  await scan(page, 'import refused');
});

test('staff read the provision dashboard, worst regions first, and download the CSV', async ({ page }) => {
  await signIn(page, 'staff@demo.kz');
  await open(page, '/staff/provision');
  const lang = await pageLang(page);
  await expect(page.locator('main h1')).toHaveText(tr(lang, 'provision-title'));
  const year = new Date().getUTCFullYear();
  await expect(page.locator('#f-from')).toHaveValue(`${year}-01-01`);
  await expect(page.locator('main svg[role="img"]')).toHaveAttribute('aria-label', tr(lang, 'provision-chart-label'));
  await expect(page.locator('#regions-caption')).toHaveText(tr(lang, 'provision-regions-caption'));
  // Rows: the 20 regions by provision rate, then people whose region is not known yet.
  const regionRows = page.locator('#regions-caption').locator('xpath=ancestor::table').locator('tbody tr');
  const unknown = tr(lang, 'provision-region-unknown');
  const rates: string[] = [];
  for (const row of await regionRows.all()) {
    if ((await row.locator('th').innerText()).trim() === unknown) continue;
    rates.push(await row.locator('td').nth(5).innerText());
  }
  expect(rates.length, 'a row per region').toBe(20);
  const numbers = rates.map((r) => r.replace('%', '').trim()).filter((r) => r !== '—').map(Number);
  expect(numbers.length, 'some regions have entitled people').toBeGreaterThan(0);
  expect([...numbers].sort((a, b) => a - b), 'lowest provision first').toEqual(numbers);
  await expect(page.locator('#regions-caption').locator('xpath=ancestor::table').locator('tfoot')).toContainText(tr(lang, 'provision-total-country'));

  // Another period through the GET form.
  await page.locator('#f-from').fill(`${year - 1}-01-01`);
  await page.locator('#f-to').fill(`${year}-12-31`);
  await page.locator('main form[action="/staff/provision"] button[type="submit"]').click();
  await settle(page);
  await expect(page).toHaveURL(new RegExp(`from=${year - 1}-01-01`));

  const href = await page.locator('main a[href^="/staff/provision.csv"]').getAttribute('href');
  const csv = await page.request.get(href as string);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  const body = await csv.body();
  expect([...body.subarray(0, 3)], 'UTF-8 byte-order mark').toEqual([0xef, 0xbb, 0xbf]);
  expect(body.toString('utf8').split('\r\n')[0].split(';').length).toBe(12);
});

/** Every staff page, as central staff see them; ids are read from the lists. */
async function staffPages(page: Page): Promise<string[]> {
  const pages = ['/staff/suppliers', '/staff/catalogue', '/staff/catalogue/new-item-type', '/staff/imports', '/staff/complaints', '/staff/provision', '/staff/audit'];
  await open(page, '/staff/suppliers?status=approved');
  const supplier = await firstRowLink(page);
  await open(page, supplier);
  const offering = await page.locator('main a[href^="/staff/offerings/"]').first().getAttribute('href');
  await open(page, '/staff/catalogue');
  const itemType = await firstRowLink(page);
  await open(page, '/staff/complaints');
  const complaint = await firstRowLink(page);
  await open(page, '/staff/imports');
  const imports = page.locator('main table tbody tr a');
  const extra = (await imports.count()) > 0 ? [await firstRowLink(page)] : [];
  return [...pages, supplier, offering as string, itemType, complaint, ...extra];
}

test('every staff page passes axe in Kazakh, Russian and English', async ({ page }) => {
  test.setTimeout(600_000);
  await signIn(page, 'staff@demo.kz');
  const urls = await staffPages(page);
  try {
    for (const lang of LANGS as readonly Lang[]) {
      await open(page, '/staff/suppliers');
      await chooseLanguage(page, lang);
      for (const url of urls) {
        await open(page, url);
        await expect(page.locator('main h1')).toHaveCount(1);
        await scan(page, `${url} (${lang})`);
      }
    }
  } finally {
    await restoreRussian(page);
  }
});

test('the admin page passes axe in every language', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'admin@demo.kz');
  try {
    for (const lang of LANGS as readonly Lang[]) {
      await open(page, '/admin/staff');
      await chooseLanguage(page, lang);
      await expect(page.locator('main h1')).toHaveText(tr(lang, 'admin-staff-title'));
      await expect(page.locator('main table tbody tr', { hasText: 'staff.almaty@demo.kz' })).toBeVisible();
      await scan(page, `/admin/staff (${lang})`);
    }
  } finally {
    await restoreRussian(page);
  }
});

test('a long list is paged by plain links that keep its filter, with and without JavaScript', async ({ page }) => {
  await signIn(page, 'staff@demo.kz');
  // The demo data has more approved suppliers than a page holds.
  await open(page, '/staff/suppliers?status=approved');
  const lang = await pageLang(page);
  const position = (n: number, of: number) => tr(lang, 'pager-position').replace('{ $page }', String(n)).replace('{ $pages }', String(of));
  const pager = page.getByRole('navigation', { name: tr(lang, 'pager-label') });
  await expect(pager).toBeVisible();
  const numbers = (await pager.locator('li').allInnerTexts()).map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
  const pages = Math.max(...numbers);
  expect(pages, 'more than one page').toBeGreaterThan(1);
  await expect(pager.locator('.app-pagination__position'), 'page N of M in words').toHaveText(position(1, pages));
  await expect(pager.locator('a[rel="prev"]'), 'no previous page on the first').toHaveCount(0);
  const first = (await page.locator('main table tbody tr a').first().innerText()).trim();
  await pager.locator('a[rel="next"]').click();
  await settle(page);
  await expect(page).toHaveURL(/[?&]status=approved(&|$)/);
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await expect(pager.locator('.app-pagination__position')).toHaveText(position(2, pages));
  await expect(pager.locator('[aria-current="page"]')).toHaveText('2');
  await expect(pager.locator('a[rel="prev"]')).toHaveText(tr(lang, 'pager-previous'));
  await expect(page.locator('main table tbody tr a').first(), 'the second page shows other suppliers').not.toHaveText(first);
  await scan(page, 'the second page of approved suppliers');
  // A page past the end answers with the last page, never an error; a malformed one, the first.
  await open(page, '/staff/suppliers?status=approved&page=999');
  await expect(pager.locator('.app-pagination__position')).toHaveText(position(pages, pages));
  await expect(pager.locator('a[rel="next"]'), 'no next page on the last').toHaveCount(0);
  await open(page, '/staff/suppliers?status=approved&page=two');
  await expect(pager.locator('.app-pagination__position')).toHaveText(position(1, pages));
});
