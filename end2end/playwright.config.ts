import { defineConfig } from '@playwright/test';
import * as path from 'path';

// The suite starts the portal itself (scripts/test.sh sets these; the defaults let
// `npx playwright test` run from end2end/ after `cargo leptos build`).
const repo = path.resolve(__dirname, '..');
const port = process.env.APP_PORT ?? '3123';
const baseURL = `http://127.0.0.1:${port}`;
const serverBin = process.env.PORTAL_BIN ?? path.join(repo, 'target/debug/server');
const env: Record<string, string> = {};
for (const [key, value] of Object.entries(process.env)) {
  if (value !== undefined) env[key] = value;
}
Object.assign(env, {
  APP_PORT: port,
  APP_DATA_DIR: process.env.APP_DATA_DIR ?? path.join(__dirname, '.data'),
  LEPTOS_SITE_ROOT: process.env.LEPTOS_SITE_ROOT ?? path.join(repo, 'target/site'),
  // The key the tests' "information system" sends IPR lines with (tests/support/messages.ts).
  APP_IPR_API_KEY: 'e2e-ipr-key-that-is-long-enough-0123456789',
});

// scripts/test.sh keeps the server's log (JSON lines) to check it for personal data after
// the run; run by hand, the log is dropped.
const serverLog = process.env.E2E_SERVER_LOG;
const command = serverLog ? `exec ${JSON.stringify(serverBin)} > ${JSON.stringify(serverLog)}` : JSON.stringify(serverBin);

export default defineConfig({
  testDir: './tests',
  // Two cores: one browser at a time, and the server beside it.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    baseURL,
    // The site's default language is Kazakh; a browser in Kazakhstan asks for it too.
    locale: 'kk-KZ',
    // Traces of JS-on pages hold the 9 MB debug wasm each time: ask for them with --trace on.
    trace: 'off',
    launchOptions: {
      // Debian's Chromium: Playwright must never download a browser here.
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'js', use: { javaScriptEnabled: true } },
    // The wasm budget is about what JavaScript loads: it has nothing to weigh without it.
    { name: 'nojs', use: { javaScriptEnabled: false }, testIgnore: /budget\.spec\.ts/ },
  ],
  webServer: {
    command,
    url: `${baseURL}/healthz`,
    env,
    reuseExistingServer: false,
    // The first start migrates an empty database and loads the demo data.
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
