// Prints `N passed, N failed` over the vitest runs (read from the `nx run-many -t test` log, which Nx replays
// for cached tasks too) and the Playwright run (its JSON report). Prints a "test counts unavailable" line
// instead whenever the counts could be wrong: a test task without a vitest summary, a failed run without a
// failed test, a missing Playwright report. Before it, every e2e test that failed, or needed its retry (flaky).
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    'unit-log': { type: 'string' },
    'unit-status': { type: 'string' },
    'e2e-json': { type: 'string' },
    'e2e-status': { type: 'string' },
  },
});

function unitCounts(logFile, status) {
  if (!existsSync(logFile)) return { error: 'no log of the unit tests' };
  // eslint-disable-next-line no-control-regex
  const lines = readFileSync(logFile, 'utf8').replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  const tasks = lines.filter((line) => /^> nx run \S+:test\b/.test(line)).length;
  const summaries = lines.filter((line) => /^\s*Tests\s+.*\(\d+\)\s*$/.test(line));
  if (tasks === 0) return { error: 'no test task ran' };
  if (summaries.length !== tasks) return { error: `${tasks} test tasks but ${summaries.length} vitest summaries` };
  let passed = 0;
  let failed = 0;
  for (const line of summaries) {
    passed += Number(/(\d+) passed/.exec(line)?.[1] ?? 0);
    failed += Number(/(\d+) failed/.exec(line)?.[1] ?? 0);
  }
  if ((status === 'ok') !== (failed === 0)) return { error: `unit tests ${status} with ${failed} failed tests` };
  return { passed, failed };
}

function e2eCounts(jsonFile, status) {
  if (status === 'skipped') return { error: 'the Playwright suite did not run' };
  if (!existsSync(jsonFile)) return { error: 'no Playwright JSON report' };
  const { stats, errors = [] } = JSON.parse(readFileSync(jsonFile, 'utf8'));
  const passed = stats.expected + stats.flaky;
  const failed = stats.unexpected;
  if ((status === 'ok') !== (failed === 0)) {
    return { error: `Playwright ${status} with ${failed} failed tests${errors.length ? ` and ${errors.length} errors` : ''}` };
  }
  return { passed, failed };
}

/**
 * `file › title: first line of the error` for each Playwright test whose outcome is `status`: `unexpected` (it
 * failed) or `flaky` (it failed, then passed on its retry), so the end of a CI log names them.
 */
function e2eTestsWith(jsonFile, status) {
  if (!existsSync(jsonFile)) return [];
  const found = [];
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== status) continue;
        const error = test.results?.find((result) => result.error)?.error?.message ?? '';
        // eslint-disable-next-line no-control-regex
        const firstLine = error.replace(/\x1b\[[0-9;]*m/g, '').split('\n').find((line) => line.trim()) ?? '';
        found.push(`${spec.file} › ${spec.title}: ${firstLine.trim()}`);
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of JSON.parse(readFileSync(jsonFile, 'utf8')).suites ?? []) visit(suite);
  return found;
}

const flaky = e2eTestsWith(args['e2e-json'], 'flaky');
for (const test of flaky) console.log(`flaky e2e (passed on its retry): ${test}`);
if (args['e2e-json'] && existsSync(args['e2e-json'])) console.log(`flaky e2e tests: ${flaky.length}`);
for (const failure of e2eTestsWith(args['e2e-json'], 'unexpected')) console.log(`failed e2e: ${failure}`);

const parts = [unitCounts(args['unit-log'], args['unit-status']), e2eCounts(args['e2e-json'], args['e2e-status'])];
const errors = parts.filter((part) => part.error).map((part) => part.error);
if (errors.length > 0) {
  console.log(`test counts unavailable: ${errors.join('; ')}`);
} else {
  const sum = (key) => parts.reduce((total, part) => total + part[key], 0);
  console.log(`${sum('passed')} passed, ${sum('failed')} failed`);
}
