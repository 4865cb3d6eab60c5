// The accessibility tests are only as good as the scan: this proves it finds a known fault
// (an input without a label) with JS on and off, and names the rule and the element.
import { test, expect } from './support/test';
import { scan } from './support/axe';

test('the axe scan reports an unlabelled field by rule, impact and element', async ({ page }) => {
  await page.route('**/axe-self-check', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: '<!DOCTYPE html><html lang="en"><head><title>Self-check</title></head><body><main><h1>Self-check</h1><input id="unlabelled" type="text"></main></body></html>',
    }),
  );
  await page.goto('/axe-self-check');
  const violations = await scan(page);
  expect(violations.join('\n')).toMatch(/^label \[critical\]: .*\n\s+at #unlabelled\n\s+<input id="unlabelled"/m);
});
