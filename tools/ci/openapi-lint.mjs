// `npm run lint:openapi`: lints the OpenAPI document of the real app with Redocly's recommended rules
// (redocly.yaml) and fails on any error or warning: client generators and gateways stumble on what Redocly only
// warns about. The document is written by apps/api/src/testing/write-openapi-document.ts, without a server or a
// database service.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const bin = (name) => resolve(root, 'node_modules/.bin', name);
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
const run = (command, args, options = {}) => spawnSync(command, args, { cwd: root, env, encoding: 'utf8', ...options });

/** Null when the document is clean, else why not. */
function lintOpenApiDocument(document) {
  const written = run(bin('tsx'), ['apps/api/src/testing/write-openapi-document.ts', document], { stdio: 'inherit' });
  if (written.status !== 0) return `could not write the OpenAPI document (exit ${written.status ?? written.signal})`;

  // The JSON report for the verdict: `redocly lint` exits 0 when there are only warnings.
  const lint = run(bin('redocly'), ['lint', document, '--format=json', '--max-problems=1000']);
  let report;
  try {
    report = JSON.parse(lint.stdout);
  } catch {
    process.stderr.write(lint.stdout + lint.stderr);
    return `redocly lint gave no report (exit ${lint.status ?? lint.signal})`;
  }
  for (const problem of report.problems) {
    const where = problem.location?.[0]?.pointer ?? '';
    console.log(`${problem.severity.padEnd(7)} ${problem.ruleId.padEnd(26)} ${where}\n        ${problem.message}`);
  }
  const { errors, warnings } = report.totals;
  return errors + warnings > 0 ? `${errors} errors and ${warnings} warnings (rules: redocly.yaml)` : null;
}

const dir = mkdtempSync(join(tmpdir(), 'fitflow-openapi-'));
try {
  const failure = lintOpenApiDocument(join(dir, 'openapi.json'));
  if (failure) {
    console.error(`openapi-lint: ${failure}`);
    process.exitCode = 1;
  } else {
    console.log('OpenAPI document: no error and no warning with Redocly’s recommended rules.');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
