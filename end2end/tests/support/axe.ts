// One axe scan with the WCAG 2.2 AA rule set, reported so a reader can fix the page without
// rerunning anything: rule, impact, what is wrong, and each failing element.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

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
 * Scans the page as it is now and records a (soft) failure listing every violation; `where`
 * names the page and language in the report. Soft, so one test can scan several languages
 * and report them all.
 */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  expect.soft(violations, `axe violations on ${where} (${page.url()}):\n${violations.join('\n')}`).toEqual([]);
}
