// What the portal would send by e-mail and SMS, read from its development-only outbox page
// (/dev/messages), and the IPR lines another information system sends.
import { expect, type Page } from '@playwright/test';
import { settle } from './portal';
import { expectNoAxeViolations } from './axe';

/** The key playwright.config.ts gives the portal for POST /api/v1/ipr-lines. */
export const IPR_API_KEY = 'e2e-ipr-key-that-is-long-enough-0123456789';

function unescape(html: string): string {
  return html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** The text of the newest message of `kind` to `to` (an e-mail address or a phone number). */
export async function outboxText(page: Page, to: string, kind: string): Promise<string> {
  const res = await page.request.get('/dev/messages');
  expect(res.status(), 'the development outbox page answers').toBe(200);
  const html = await res.text();
  const attr = to.toLowerCase().replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const start = html.indexOf(`data-to="${attr}" data-kind="${kind}"`);
  expect(start, `a ${kind} message to ${to}`).toBeGreaterThan(-1);
  const pre = html.slice(start).match(/<pre>([\s\S]*?)<\/pre>/);
  expect(pre, `the text of the ${kind} message`).not.toBeNull();
  return unescape(pre?.[1] ?? '');
}

/** Follows the confirmation link e-mailed to `email` and presses its button. */
export async function confirmEmail(page: Page, email: string): Promise<void> {
  const text = await outboxText(page, email, 'email_confirm');
  const link = text.match(/\/confirm-email\?token=[A-Za-z0-9_-]+/);
  expect(link, 'a confirmation link').not.toBeNull();
  await page.goto(link?.[0] ?? '/');
  await settle(page);
  await expectNoAxeViolations(page, 'confirm e-mail page');
  await page.locator('main form[action="/api/confirm_email"] button[type="submit"]').click();
  await page.waitForLoadState('load');
  await settle(page);
  await expect(page).toHaveURL(/\/sign-in\?done=email_confirmed$/);
}

/** The six-digit code in the newest SMS to `phone`. */
export async function smsCode(page: Page, phone: string): Promise<string> {
  const text = await outboxText(page, phone, 'claim_code');
  const code = text.match(/\b\d{6}\b/);
  expect(code, 'a six-digit code').not.toBeNull();
  return code?.[0] ?? '';
}

/** Sends one IPR line for `iin` with `phone`, as the health information system does. */
export async function sendIprLine(page: Page, iin: string, phone: string, ipr: string): Promise<void> {
  const today = new Date();
  const later = new Date(today.getTime() + 200 * 86_400_000);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const res = await page.request.post('/api/v1/ipr-lines', {
    headers: { authorization: `Bearer ${IPR_API_KEY}` },
    data: [{ iin, ipr_number: ipr, item_type: 'walker', quantity: 1, valid_from: day(today), valid_to: day(later), phone }],
  });
  expect(res.status()).toBe(200);
  const report = await res.json();
  expect(report.summary.accepted, JSON.stringify(report)).toBe(1);
}
