// The `test` every spec uses: Playwright's, plus a watch on the browser console. A panic in
// the wasm, a failed hydration or a missing asset shows up there and nowhere else, so any
// uncaught error or console error fails the test (except the status of a page that is meant
// to be missing or refused).
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ consoleWatch: void }>({
  consoleWatch: [
    async ({ page }, use) => {
      const problems: string[] = [];
      const missingOnPurpose = new Set<string>();
      page.on('response', (res) => {
        // A page refused (403, or 409 by a rule such as "prove who you are first") or missing
        // (404) on purpose: the browser logs its status.
        if ([403, 404, 409].includes(res.status()) && res.request().resourceType() === 'document') missingOnPurpose.add(res.url());
      });
      page.on('pageerror', (err) => problems.push(`uncaught error: ${err.message}`));
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const where = msg.location().url;
        if (/status of 40[349]/.test(msg.text()) && missingOnPurpose.has(where)) return;
        problems.push(`console error at ${where}: ${msg.text()}`);
      });
      await use();
      expect(problems, 'the browser console should have no errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
