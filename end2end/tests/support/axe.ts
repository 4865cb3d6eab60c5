// One axe scan with the WCAG 2.2 AA rule set, reported so a reader can fix the page without
// rerunning anything: rule, impact, what is wrong, and each failing element.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { jsEnabled } from './portal';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Each violation as readable lines, empty when the page passes. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map((v) => {
    const nodes = v.nodes
      .map((n) => {
        const why = n.failureSummary ? `\n        ${n.failureSummary.replace(/\n\s*/g, ' ')}` : '';
        return `      at ${n.target.join(' ')}\n        ${n.html.slice(0, 300)}${why}`;
      })
      .join('\n');
    return `${v.id} [${v.impact ?? 'unknown'}]: ${v.help} (${v.helpUrl})\n${nodes}`;
  });
}

/**
 * axe runs inside the page, which a JS-off page does not allow. So the page as the JS-off
 * browser shows it (its DOM, which is the server's HTML) is opened again in a fresh context
 * with JavaScript on for axe only; the portal's own script and wasm are blocked there, so
 * nothing hydrates and axe sees exactly what a visitor without JavaScript sees.
 */
async function axeViolationsWithoutScripts(page: Page): Promise<string[]> {
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser to open the copy in');
  const url = page.url().replace(/#.*$/, '');
  const html = await page.content();
  const text = await page.locator('body').innerText();
  const copyContext = await browser.newContext({ javaScriptEnabled: true, viewport: page.viewportSize() });
  try {
    await copyContext.route('**/*', (route) => {
      const req = route.request();
      if (req.resourceType() === 'document' && req.url() === url) {
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      }
      if (/\/pkg\/[^/]+\.(js|wasm)$/.test(new URL(req.url()).pathname)) return route.abort();
      return route.continue();
    });
    const copy = await copyContext.newPage();
    await copy.goto(url);
    expect(await copy.locator('body').innerText(), 'the copy axe scans shows the same page').toBe(text);
    return await axeViolations(copy);
  } finally {
    await copyContext.close();
  }
}

/** The violations of the page as this project's browser shows it (JS on or off). */
export async function scan(page: Page): Promise<string[]> {
  return jsEnabled() ? axeViolations(page) : axeViolationsWithoutScripts(page);
}

/**
 * Scans the page as it is now and records a (soft) failure listing every violation; `where`
 * names the page and language in the report. Soft, so one test can scan several languages
 * and report them all.
 */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const violations = await scan(page);
  expect.soft(violations, `axe violations on ${where} (${page.url()}):\n${violations.join('\n')}`).toEqual([]);
}
