import { defineConfig, type ReporterDescription } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './src/support/chromium';

/**
 * Playwright drives the built SPA and the real API in Debian's Chromium (never a downloaded browser).
 * `tools/e2e/serve.mjs` creates a fresh PostgreSQL database, serves the SPA from the API (`WEB_ROOT`) on
 * port 4310 and drops the database again when Playwright stops it. Run with `npx nx run web-e2e:e2e`
 * (builds the SPA first) or `npx playwright test -c apps/web-e2e/playwright.config.mts` after a build.
 */
const ci = !!process.env['CI'];
// E2E_PORT lets two suites run side by side on one machine; serve.mjs reads it too.
process.env['E2E_PORT'] ??= '4310';
const port = Number(process.env['E2E_PORT']);

// The admin account serve.mjs makes the API create; specs read these.
process.env['E2E_ADMIN_EMAIL'] ??= 'admin@e2e.fitflow.test';
process.env['E2E_ADMIN_PASSWORD'] ??= 'E2e-admin-password-2026';

/**
 * Time limits guard against a hang; they are no speed check. Locally they stay tight, so a slow step is noticed.
 * CI runs on whichever machine of its kind the work was done on (2 cores; two- to four-fold differences in
 * speed, PostgreSQL commits 300 to 1,400 a second) and may share it with other work: its limits are sized for
 * the slowest such machine under load (the longest test takes about 15 s on a quiet fast one).
 */
const limits = ci ? { test: 120_000, expect: 20_000 } : { test: 30_000, expect: 5_000 };

const reporter: ReporterDescription[] = [['list']];
if (!ci) reporter.push(['html', { open: 'never', outputFolder: '../../dist/.playwright/apps/web-e2e/report' }]);
// tools/ci/test-all.sh sets this to count the results.
if (process.env['PLAYWRIGHT_JSON_OUTPUT_FILE']) reporter.push(['json']);

export default defineConfig({
  testDir: './src',
  outputDir: '../../dist/.playwright/apps/web-e2e/test-output',
  forbidOnly: ci,
  timeout: limits.test,
  expect: { timeout: limits.expect },
  // A test that fails in CI runs once more; tools/ci/test-counts.mjs names each one that needed it as flaky.
  retries: ci ? 1 : 0,
  workers: ci ? 1 : 2,
  reporter,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 720 },
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: {
    command: 'node tools/e2e/serve.mjs',
    cwd: '../..',
    url: `http://127.0.0.1:${port}/readyz`,
    timeout: 120_000,
    reuseExistingServer: !ci,
    stdout: 'pipe',
    stderr: 'pipe',
    // SIGTERM lets serve.mjs stop the API and drop its database; Playwright would otherwise SIGKILL it.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
  },
});
