// The supplier journey in the browser, with JavaScript on and off: a new organisation signs
// up, completes its profile, uploads its documents, prepares an offering that cannot be
// published until the ministry approves it, publishes it once approved, rejects one order
// (with a reason) and accepts, schedules, ships and delivers another, which the recipient
// confirms; the confirmed order is on the month's statement and in its CSV. axe scans each
// supplier page of that journey as it stands (refusals included), and every supplier page of
// the demo supplier in Kazakh, Russian and English.
//
// Each run signs up a new supplier (fresh e-mail and BIN), so both projects (js, nojs) start
// from the same state. The demo recipient orders adult diapers: her entitlement holds 1,095,
// so the few confirmed here never use it up, and the rejected order gives its share back.
import { test, expect } from './support/test';
import { LANGS, t, type Lang } from './support/i18n';
import { expectNoAxeViolations } from './support/axe';
import { chooseLanguage, DEMO_PASSWORD, pageLang, restoreRussian, settle, signIn } from './support/portal';
import { uniqueEmail, validBin } from './support/ids';
import { confirmEmail } from './support/messages';
import type { Browser, BrowserContext, Page } from '@playwright/test';

const PASSWORD = 'steppe horses run at dawn';
/** The item type offered: a TSR the demo recipient (Almaty) is entitled to in quantity. */
const ITEM_TYPE = 'diapers_adult';
/** Where the demo recipient lives, and so where the new supplier must deliver. */
const ALMATY = 'ALA';

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A tiny valid PDF: the server checks the content, not only the name. */
function tinyPdf(title: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n` +
      `% ${title}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'utf8',
  );
}

/** The message a field shows for `code`: its own wording when there is one, else the general one. */
function fieldMessage(lang: Lang, field: string, code: string): string {
  try {
    return t(lang, `err-${field}-${code}`);
  } catch {
    return t(lang, `err-${code}`);
  }
}

async function submit(page: Page, action: string): Promise<void> {
  await page.locator(`main form[action="${action}"] button[type="submit"]`).click();
  await settle(page);
}

/** Opens `url` and waits until the page is done (hydrated with JS on). */
async function go(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await settle(page);
}

/** The confirmation banner of the page. */
function done(page: Page) {
  return page.locator('main [role="status"]').first();
}

/** The order number (SSP-YYYY-NNNNNN) in `text`. */
function orderNumber(text: string): string {
  const m = /SSP-\d{4}-\d+/.exec(text);
  if (!m) throw new Error(`no order number in "${text}"`);
  return m[0];
}

interface Other {
  context: BrowserContext;
  page: Page;
  problems: string[];
}

/**
 * A second browser (another person at another computer), JavaScript on or off as the project
 * says, signed in as a demo account, with the same console watch as the test's own page.
 */
async function otherBrowser(browser: Browser, baseURL: string, email: string): Promise<Other> {
  const context = await browser.newContext({
    baseURL,
    locale: 'kk-KZ',
    javaScriptEnabled: test.info().project.use.javaScriptEnabled !== false,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`uncaught error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error at ${msg.location().url}: ${msg.text()}`);
  });
  await signIn(page, email, DEMO_PASSWORD);
  return { context, page, problems };
}

async function closeOther(other: Other, who: string): Promise<void> {
  await other.context.close();
  expect(other.problems, `the ${who}'s browser console should have no errors`).toEqual([]);
}

/** The demo recipient orders `quantity` of the offering, delivered in Almaty; returns the order's id and number. */
async function placeOrder(recipient: Page, offeringId: string, quantity: number): Promise<{ id: string; number: string }> {
  await go(recipient, `/offerings/${offeringId}`);
  await recipient.locator(`main a[href^="/order/${offeringId}"]`).click();
  await settle(recipient);
  const lang = await pageLang(recipient);
  await expect(recipient.locator('main h1')).toHaveText(t(lang, 'order-start-title'));
  await recipient.locator('#f-quantity').fill(String(quantity));
  await recipient.locator('#f-address').fill('г. Алматы, ул. Абая, 10, кв. 5');
  await recipient.locator('#f-region').selectOption(ALMATY);
  await submit(recipient, '/api/order_save');
  await expect(recipient).toHaveURL(new RegExp(`/order/${offeringId}/check`));
  await expect(recipient.locator('main h1')).toHaveText(t(lang, 'order-check-title'));
  await submit(recipient, '/api/order_confirm');
  await expect(recipient).toHaveURL(/\/orders\/\d+\?done=placed$/);
  await expect(recipient.locator('main .app-tag')).toHaveText(t(lang, 'order_status-placed'));
  const id = /\/orders\/(\d+)/.exec(recipient.url())?.[1] as string;
  return { id, number: orderNumber(await recipient.locator('main h1').innerText()) };
}

/** Opens the supplier's order `number` from the inbox of open orders. */
async function openIncoming(page: Page, number: string): Promise<void> {
  await go(page, '/supplier/orders');
  const lang = await pageLang(page);
  const row = page.locator('main tbody tr', { hasText: number });
  await expect(row, `order ${number} is in the inbox`).toHaveCount(1);
  await expect(row).toContainText(t(lang, 'order_status-placed'));
  await row.locator(`a:has-text("${number}")`).click();
  await settle(page);
  await expect(page.locator('main .app-lead')).toContainText(number);
}

/** The status the supplier's order page shows. */
function supplierOrderStatus(page: Page) {
  return page.locator('main .app-lead strong');
}

/** Presses one of the order page's step buttons (`shipped`, `delivered`). */
async function markOrder(page: Page, step: string): Promise<void> {
  await page.locator(`main form[action="/api/supplier_mark_order"]:has(input[name="step"][value="${step}"]) button[type="submit"]`).click();
  await settle(page);
}

test.describe('the supplier journey', () => {
  test('a new supplier signs up, uploads its documents, publishes an offering once approved, fulfils an order and downloads the statement', async ({ page, browser, baseURL }) => {
    test.setTimeout(240_000);
    const organisation = `ТОО «Медтовары E2E ${Date.now().toString(36)}»`;
    const email = uniqueEmail('supplier');
    const bin = validBin();

    // 1. Sign up: the organisation waits for the ministry.
    await go(page, '/sign-up/supplier');
    await page.locator('#f-organisation').fill(organisation);
    await page.locator('#f-bin').fill(bin);
    await page.locator('#f-region').selectOption(ALMATY);
    await page.locator('#f-email').fill(email);
    await page.locator('#f-password').fill(PASSWORD);
    await submit(page, '/api/sign_up_supplier');
    await expect(page).toHaveURL(/\/sign-up\/sent$/);
    await confirmEmail(page, email);
    await signIn(page, email, PASSWORD);
    const lang = await pageLang(page);
    // axe on every supplier page of the journey as it stands (soft: all are reported).
    const axe = (what: string) => expectNoAxeViolations(page, `${what} [${lang}]`);
    await expect(page.locator('header .app-nav__who')).toHaveText(organisation);
    // A new organisation is a draft: the ministry sees it only once it submits a complete file.
    await expect(page.locator('main')).toContainText(t(lang, 'supplier_status-draft'));

    // 2. The profile: a missing phone is refused beside its field, the rest is kept.
    await go(page, '/supplier/profile');
    await expect(page.locator('main h1')).toHaveText(t(lang, 'supplier-profile-title'));
    await expect(page.locator(`input[name="regions[]"][value="${ALMATY}"]`), 'the sign-up region is served').toBeChecked();
    await page.locator('#f-address').fill('г. Алматы, пр. Абая, 150, офис 12');
    await page.locator('#f-contact_person').fill('Сапарова Айгерим Нурлановна');
    await page.locator('#f-phone').fill('');
    await page.locator('input[name="categories[]"][value="tsr"]').check();
    await submit(page, '/api/supplier_save_profile');
    const summary = page.locator('.app-error-summary');
    await expect(summary).toBeVisible();
    await expect(summary.locator('a[href="#f-phone"]')).toHaveText(fieldMessage(lang, 'phone', 'required'));
    await expect(page.locator('#f-phone-error')).toContainText(fieldMessage(lang, 'phone', 'required'));
    await expect(page.locator('#f-address'), 'what was typed is kept').toHaveValue('г. Алматы, пр. Абая, 150, офис 12');
    await expect(page.locator('input[name="categories[]"][value="tsr"]')).toBeChecked();
    await axe('profile refused');
    await page.locator('#f-phone').fill('+7 701 555 12 34');
    await submit(page, '/api/supplier_save_profile');
    await expect(page).toHaveURL(/\/supplier\/profile\?done=profile_saved$/);
    await expect(done(page)).toContainText(t(lang, 'done-profile_saved'));
    // What the ministry still needs: the documents for goods.
    const status = page.locator('main section[aria-labelledby="status-title"]');
    await expect(status).toContainText(t(lang, 'supplier-missing-title'));
    await expect(status).toContainText(t(lang, 'missing-document-registration'));
    await expect(status).toContainText(t(lang, 'missing-document-licence'));
    await expect(status).not.toContainText(t(lang, 'missing-phone'));
    await axe('profile saved, documents missing');

    // 3. Documents: a file that is not a PDF, JPEG or PNG is refused whatever its name.
    await status.locator('a[href="/supplier/documents"]').click();
    await settle(page);
    await expect(page.locator('main h1')).toHaveText(t(lang, 'supplier-documents-title'));
    await page.locator('#f-kind').selectOption('licence');
    await page.locator('#f-file').setInputFiles({ name: 'licence.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ not a document at all') });
    await submit(page, '/supplier/documents/upload');
    await expect(page).toHaveURL(/\/supplier\/documents\?error=file_type_not_allowed$/);
    await expect(page.locator('.app-error-summary a[href="#f-file"]')).toHaveText(fieldMessage(lang, 'file', 'file_type_not_allowed'));
    await expect(page.locator('#f-file-error')).toContainText(fieldMessage(lang, 'file', 'file_type_not_allowed'));
    await expect(page.locator('#f-file')).toHaveAttribute('aria-invalid', 'true');
    await axe('documents, upload refused');
    for (const [kind, name] of [['registration', 'svidetelstvo-registracii.pdf'], ['licence', 'licenziya.pdf']]) {
      await page.locator('#f-kind').selectOption(kind);
      await page.locator('#f-file').setInputFiles({ name, mimeType: 'application/pdf', buffer: tinyPdf(name) });
      await submit(page, '/supplier/documents/upload');
      await expect(page).toHaveURL(/\/supplier\/documents\?done=document_uploaded$/);
      await expect(done(page)).toContainText(t(lang, 'done-document_uploaded'));
      await expect(page.locator('main table tbody tr', { hasText: name })).toContainText(t(lang, `document_kind-${kind}`));
    }
    await expect(page.locator('main table tbody tr')).toHaveCount(2);
    await expect(page.locator('main .app-notice[role="note"]'), 'no document is still needed').toHaveCount(0);
    await axe('documents uploaded');
    // The supplier can download what it uploaded, exactly as sent.
    const docHref = await page.locator('main table tbody tr', { hasText: 'licenziya.pdf' }).locator('a[href^="/documents/"]').getAttribute('href');
    const doc = await page.request.get(docHref as string);
    expect(doc.status()).toBe(200);
    expect(doc.headers()['content-type']).toBe('application/pdf');
    expect((await doc.body()).equals(tinyPdf('licenziya.pdf'))).toBe(true);
    await go(page, '/supplier/profile');
    await expect(page.locator('main section[aria-labelledby="status-title"]')).not.toContainText(t(lang, 'supplier-missing-title'));
    // Complete: the supplier sends its application to the ministry itself.
    await submit(page, '/api/supplier_submit_profile');
    await expect(page).toHaveURL(/\/supplier\/profile\?done=profile_submitted$/);
    await expect(done(page)).toContainText(t(lang, 'done-profile_submitted'));
    await expect(page.locator('main section[aria-labelledby="status-title"]')).toContainText(t(lang, 'supplier_status-pending'));
    await axe('application submitted');

    // 4. An offering, prepared while the ministry decides: refused when empty, then saved as
    //    a draft that cannot be published yet.
    await go(page, '/supplier/offerings/new');
    await page.locator('#f-item_type').selectOption(ITEM_TYPE);
    await page.locator(`main form[action="/supplier/offerings/new"] button[type="submit"]`).click();
    await settle(page);
    await expect(page).toHaveURL(new RegExp(`/supplier/offerings/new\\?item_type=${ITEM_TYPE}$`));
    await expect(page.locator(`input[name="regions[]"][value="${ALMATY}"]`), 'every region served is offered by default').toBeChecked();
    await submit(page, '/api/supplier_save_offering');
    await expect(summary).toBeVisible();
    await expect(summary.locator('a[href="#f-title_kk"]')).toHaveText(fieldMessage(lang, 'title_kk', 'required'));
    await expect(summary.locator('a[href="#f-price"]')).toHaveCount(1);
    await expect(page.locator('#f-title_ru-error')).toContainText(fieldMessage(lang, 'title_ru', 'required'));
    await expect(page.locator('#f-param_size')).toHaveAttribute('aria-invalid', 'true');
    await axe('new offering refused');
    const stamp = Date.now().toString(36);
    await page.locator('#f-sku').fill(`E2E-${stamp}`);
    await page.locator('#f-title_kk').fill(`Ересектерге арналған жөргектер, M (${stamp})`);
    await page.locator('#f-description_kk').fill('Түнгі және күндізгі пайдалануға арналған, сіңіргіштігі жоғары.');
    await page.locator('#f-title_ru').fill(`Подгузники для взрослых, M (${stamp})`);
    await page.locator('#f-description_ru').fill('Для дневного и ночного использования, высокая впитываемость.');
    await page.locator('#f-title_en').fill(`Adult diapers, size M (${stamp})`);
    await page.locator('#f-price').fill('200');
    await page.locator('#f-param_size').selectOption('m');
    await page.locator('#f-param_absorbency_ml').fill('1500');
    await page.locator('#f-lead_time_days').fill('3');
    await page.locator('#f-capacity').fill('500');
    await submit(page, '/api/supplier_save_offering');
    await expect(page).toHaveURL(/\/supplier\/offerings\/\d+\?done=offering_saved$/);
    const offeringId = /\/supplier\/offerings\/(\d+)/.exec(page.url())?.[1] as string;
    await expect(done(page)).toContainText(t(lang, 'done-offering_saved'));
    const offeringStatus = page.locator('main section[aria-labelledby="offering-status-title"]');
    await expect(offeringStatus.locator('strong').first()).toHaveText(t(lang, 'offering_status-draft'));
    await expect(offeringStatus).toContainText(t(lang, 'err-supplier_not_approved'));
    await expect(offeringStatus.locator('form[action="/api/supplier_set_offering_status"]'), 'nothing to publish before approval').toHaveCount(0);
    await axe('offering waiting for approval');

    // 5. Central staff approve the new supplier; they see its documents.
    const staff = await otherBrowser(browser, baseURL as string, 'staff@demo.kz');
    try {
      await go(staff.page, `/staff/suppliers?q=${bin}`);
      const row = staff.page.locator('main table tbody tr', { hasText: organisation });
      await expect(row).toHaveCount(1);
      await row.locator('a').first().click();
      await settle(staff.page);
      await expect(staff.page.locator('main h1')).toContainText(organisation);
      for (const name of ['svidetelstvo-registracii.pdf', 'licenziya.pdf']) {
        await expect(staff.page.locator(`main a[href*="/documents/"]`, { hasText: name })).toHaveCount(1);
      }
      await staff.page.locator('input[name="supplier_decision"][value="approve"]').check();
      await staff.page.locator('#f-decision_reason').fill('Документы проверены (e2e)');
      await submit(staff.page, '/api/staff_decide_supplier');
      await expect(staff.page).toHaveURL(/\/staff\/suppliers\/\d+\?done=supplier_approve$/);
      await expect(done(staff.page)).toContainText(t(await pageLang(staff.page), 'done-supplier_approve'));
    } finally {
      await closeOther(staff, 'staff member');
    }

    // 6. Approved: the offering can be published.
    await go(page, '/supplier/profile');
    await expect(page.locator('main section[aria-labelledby="status-title"]')).toContainText(t(lang, 'supplier_status-approved'));
    await go(page, `/supplier/offerings/${offeringId}`);
    await expect(offeringStatus).not.toContainText(t(lang, 'err-supplier_not_approved'));
    await submit(page, '/api/supplier_set_offering_status');
    await expect(page).toHaveURL(new RegExp(`/supplier/offerings/${offeringId}\\?done=offering_published$`));
    await expect(done(page)).toContainText(t(lang, 'done-offering_published'));
    await expect(offeringStatus.locator('strong').first()).toHaveText(t(lang, 'offering_status-published'));
    await axe('offering published');
    await go(page, '/supplier/offerings?status=published');
    const listed = page.locator(`main tbody tr:has(a[href="/supplier/offerings/${offeringId}"])`);
    await expect(listed, 'the title in the page language').toContainText(stamp);
    await expect(listed).toContainText(t(lang, 'offering_status-published'));

    // 7. The demo recipient in Almaty orders twice from the new offering.
    const recipient = await otherBrowser(browser, baseURL as string, 'recipient@demo.kz');
    try {
      const toReject = await placeOrder(recipient.page, offeringId, 5);
      const toFulfil = await placeOrder(recipient.page, offeringId, 10);

      // 8. The supplier rejects the first: a reason is required, and the recipient is told.
      await openIncoming(page, toReject.number);
      await expect(supplierOrderStatus(page)).toHaveText(t(lang, 'order_status-placed'));
      await axe('order placed');
      await submit(page, '/api/supplier_reject_order');
      await expect(page.locator('#f-reason-error')).toContainText(fieldMessage(lang, 'reason', 'required'));
      await expect(page.locator('.app-error-summary a[href="#f-reason"]')).toHaveText(fieldMessage(lang, 'reason', 'required'));
      await axe('order rejection refused');
      await page.locator('#f-reason').fill('Нет нужного размера на складе');
      await submit(page, '/api/supplier_reject_order');
      await expect(page).toHaveURL(new RegExp(`/supplier/orders/${toReject.id}\\?done=order_rejected$`));
      await expect(done(page)).toContainText(t(lang, 'done-order_rejected'));
      await expect(supplierOrderStatus(page)).toHaveText(t(lang, 'order_status-rejected'));
      await expect(page.locator('main section[aria-labelledby="actions-title"]'), 'nothing left to do').toHaveCount(0);

      // 9. ... and accepts, schedules, ships and delivers the second.
      await openIncoming(page, toFulfil.number);
      await submit(page, '/api/supplier_accept_order');
      await expect(page).toHaveURL(new RegExp(`/supplier/orders/${toFulfil.id}\\?done=order_accepted$`));
      await expect(done(page)).toContainText(t(lang, 'done-order_accepted'));
      await expect(supplierOrderStatus(page)).toHaveText(t(lang, 'order_status-accepted'));
      await page.locator('#f-scheduled_for').fill(inDays(2));
      await submit(page, '/api/supplier_schedule_order');
      await expect(page).toHaveURL(/\?done=order_scheduled$/);
      await expect(done(page)).toContainText(t(lang, 'done-order_scheduled'));
      await expect(supplierOrderStatus(page)).toHaveText(t(lang, 'order_status-scheduled'));
      await axe('order scheduled');
      await markOrder(page, 'shipped');
      await expect(page).toHaveURL(/\?done=order_shipped$/);
      await expect(done(page)).toContainText(t(lang, 'done-order_shipped'));
      await expect(supplierOrderStatus(page)).toHaveText(t(lang, 'order_status-in_delivery'));
      await markOrder(page, 'delivered');
      await expect(page).toHaveURL(/\?done=order_delivered$/);
      await expect(done(page)).toContainText(t(lang, 'done-order_delivered'));
      await expect(supplierOrderStatus(page)).toHaveText(t(lang, 'order_status-delivered'));
      await axe('order delivered');

      // 10. The recipient sees the rejection and confirms receipt of the delivered order.
      const rlang = await pageLang(recipient.page);
      await go(recipient.page, `/orders/${toReject.id}`);
      await expect(recipient.page.locator('main .app-tag')).toHaveText(t(rlang, 'order_status-rejected'));
      await expect(recipient.page.locator('main')).toContainText('Нет нужного размера на складе');
      await go(recipient.page, `/orders/${toFulfil.id}`);
      await expect(recipient.page.locator('main .app-tag')).toHaveText(t(rlang, 'order_status-delivered'));
      await submit(recipient.page, '/api/order_receive');
      await expect(recipient.page.locator('main [role="status"]')).toContainText(t(rlang, 'done-confirmed'));
      await expect(recipient.page.locator('main .app-tag')).toHaveText(t(rlang, 'order_status-confirmed'));

      // 11. The confirmed order is on this month's statement, and in its CSV.
      await go(page, '/supplier/statements');
      await expect(page.locator('main h1')).toHaveText(t(lang, 'supplier-statements-title'));
      const lines = page.locator('main table tbody tr');
      await expect(lines).toHaveCount(1);
      await expect(lines.first()).toContainText(toFulfil.number);
      await expect(page.locator('main'), 'a rejected order is never payable').not.toContainText(toReject.number);
      await expect(page.locator('main dl.app-stats .app-stat').nth(2).locator('dd')).toHaveText('1');
      await axe('statement with the order');
      const csvLink = page.locator('main a[href^="/supplier/statement.csv"]');
      await expect(csvLink).toHaveAttribute('href', new RegExp(`month=${new Date().toISOString().slice(0, 7)}$`));
      const csv = await page.request.get((await csvLink.getAttribute('href')) as string);
      expect(csv.status()).toBe(200);
      expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers()['content-disposition']).toContain(`statement-${bin}-`);
      const body = await csv.body();
      expect([...body.subarray(0, 3)], 'UTF-8 byte-order mark').toEqual([0xef, 0xbb, 0xbf]);
      const rows = body.toString('utf8').slice(1).trim().split(/\r?\n/);
      expect(rows, 'header, the order, totals').toHaveLength(3);
      expect(rows[1].split(';')[0]).toBe(toFulfil.number);
      // 10 × 200 KZT: all within the guaranteed sum, so the state pays it all.
      expect(rows[1].split(';').slice(3)).toEqual(['10', '200.00', '2000.00', '2000.00', '0.00']);
      expect(body.toString('utf8')).not.toContain(toReject.number);
    } finally {
      await closeOther(recipient, 'recipient');
    }
  });
});

/** Every supplier page as the demo supplier sees it; ids are read from its own lists. */
async function supplierPages(page: Page): Promise<string[]> {
  /** The first link on `list` to one item under `prefix` (`<prefix><id>`), if any. */
  const firstItem = async (list: string, prefix: string): Promise<string[]> => {
    await page.goto(list);
    await settle(page);
    for (const href of await page.locator(`main a[href^="${prefix}"]`).evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
      if (/^[^?#]*\/\d+$/.test(href)) return [href];
    }
    return [];
  };
  const offering = await firstItem('/supplier/offerings', '/supplier/offerings/');
  // An open order shows the most: the accept, reject and delivery forms.
  const order = (await firstItem('/supplier/orders', '/supplier/orders/')).concat(await firstItem('/supplier/orders?status=all', '/supplier/orders/')).slice(0, 1);
  const complaint = await firstItem('/supplier/complaints', '/supplier/complaints/');
  const review = await firstItem('/supplier/quality', '/supplier/reviews/');
  expect(offering, 'the demo supplier has offerings').toHaveLength(1);
  expect(order, 'the demo supplier has orders').toHaveLength(1);
  return [
    '/dashboard',
    '/supplier/profile',
    '/supplier/documents',
    '/supplier/offerings',
    '/supplier/offerings/new',
    ...offering,
    '/supplier/offerings/import',
    '/supplier/orders',
    ...order,
    '/supplier/complaints',
    ...complaint,
    '/supplier/statements',
    '/supplier/quality',
    ...review,
  ];
}

test.describe('the supplier journey passes axe', () => {
  test('every supplier page in kk, ru and en has no axe violations', async ({ page }) => {
    test.setTimeout(400_000);
    await signIn(page, 'supplier@demo.kz');
    const urls = await supplierPages(page);
    try {
      for (const lang of LANGS as readonly Lang[]) {
        await page.goto('/supplier/profile');
        await chooseLanguage(page, lang);
        const scan = async (what: string) => {
          await settle(page);
          await expect(page.locator('html')).toHaveAttribute('lang', lang);
          await expect(page.locator('main h1')).toHaveCount(1);
          await expectNoAxeViolations(page, `${what} [${lang}]`);
        };
        for (const url of urls) {
          await page.goto(url);
          await scan(url);
        }
        // The new offering form, then the same form refused, then the refused draft dropped
        // again (nothing of the demo supplier's is left changed).
        await page.goto('/supplier/offerings/new');
        const itemType = await page.locator('#f-item_type option').first().getAttribute('value');
        await page.goto(`/supplier/offerings/new?item_type=${itemType}`);
        await scan('new offering form');
        await submit(page, '/api/supplier_save_offering');
        await expect(page.locator('.app-error-summary')).toBeVisible();
        await scan('new offering form with errors');
        await submit(page, '/api/supplier_discard_offering_draft');
        await expect(page.locator('.app-error-summary')).toHaveCount(0);
        // An upload refused.
        await page.goto('/supplier/documents?error=file_type_not_allowed');
        await expect(page.locator('.app-error-summary a[href="#f-file"]')).toBeVisible();
        await scan('documents with an upload refused');
      }
    } finally {
      await restoreRussian(page);
    }
  });
});
