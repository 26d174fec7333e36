/**
 * Web benchmark (issue: first load). Lighthouse 12.2.3 on the schedule page (`/`) served the way `npm start` serves
 * it: the built SPA (`dist/apps/web/browser`, with the build's brotli and gzip copies) from one API process
 * (`main.ts`) on a fresh embedded PGlite database with the demo data, in Debian's Chromium, with Lighthouse's default
 * mobile profile (a mid-range phone on slow 4G, simulated throttling). Prints the median of each figure over the runs:
 * the performance, accessibility and best-practices scores, FCP, LCP, TBT, CLS, the initial JS transferred, and when
 * the class list was requested; then, for every score below its target, what Lighthouse blames in the median run.
 * Targets (printed, never enforced): performance >= 95, accessibility 100, initial JS <= 150 KiB compressed.
 *
 * "Initial JS" is every script the page downloads on its way to showing the schedule: the script requests of
 * Lighthouse's navigation, which lasts until the page is loaded and the network has been quiet for a while (its
 * network-requests audit), summed by transfer size (compressed bytes and headers). The part index.html names (main
 * and its modulepreloads) is shown beside it; the rest are the lazy chunks the schedule route loads.
 *
 * Uses the existing build, or builds it through Nx (`nx run web:build`) when there is none or with `--build`. One
 * unreported warm-up run goes first: the API's first requests compile its code paths. The median run's report is
 * kept in tmp/bench/web/ (HTML and JSON).
 *
 *   node_modules/.bin/tsx tools/bench/web/run.ts [--runs 3] [--build]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
/* eslint-disable @nx/enforce-module-boundaries -- a benchmark drives the API from outside, on purpose: it starts
   the API as deployed; nothing imports the benchmark. */
import { startApiProcesses } from '../../../apps/api/src/testing/api-processes';
/* eslint-enable @nx/enforce-module-boundaries */
import { type Figure, loadAverageFigure, printFigures } from '../shared/figures';
import { numberArg } from '../shared/harness';

const ROOT = resolve(import.meta.dirname, '../../..');
const WEB_ROOT = join(ROOT, 'dist/apps/web/browser');
const REPORTS = join(ROOT, 'tmp/bench/web');
const CHROMIUM = '/usr/bin/chromium';
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
const TARGETS = { performance: 95, accessibility: 100, initialJsKiB: 150 };
const runs = numberArg('--runs', 3);

type Audit = Result['audits'][string];

/** One request of the network-requests audit; times in ms from the navigation's first request. */
interface NetworkRequest {
  url: string;
  resourceType?: string;
  transferSize?: number;
  networkRequestTime?: number;
  networkEndTime?: number;
}

interface RunFigures {
  scores: Record<(typeof CATEGORIES)[number], number>;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  scripts: { count: number; bytes: number; namedByIndexBytes: number };
  /** When the first `GET /api/v1/sessions` left the browser; undefined when the page never asked. */
  classListAtMs: number | undefined;
  lhr: Result;
  reportHtml: string;
}

/** The build `npm start` serves: the existing one, or one from Nx (cached) when there is none or `--build` says so. */
function ensureBuild(): void {
  const index = join(WEB_ROOT, 'index.html');
  if (process.argv.includes('--build') || !existsSync(index)) {
    console.log('Building the web app through Nx (nx run web:build)...');
    const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NG_CLI_ANALYTICS: 'false' };
    const build = spawnSync(join(ROOT, 'node_modules/.bin/nx'), ['run', 'web:build', '--outputStyle=static'], { cwd: ROOT, env, stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`the web build failed (exit ${build.status})`);
  } else {
    console.log(`Using the build of ${statSync(index).mtime.toISOString()} in dist/apps/web/browser (--build rebuilds it)`);
  }
  if (!readdirSync(WEB_ROOT).some((file) => file.endsWith('.js.br'))) {
    console.log('  this build has no brotli copies (older than tools/web/precompress.mjs): its scripts go out uncompressed');
  }
}

/** The scripts index.html loads by name (main and its modulepreloads), by file name. */
async function scriptsNamedByIndex(origin: string): Promise<Set<string>> {
  const html = await (await fetch(`${origin}/`)).text();
  return new Set([...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((match) => basename(match[1] as string)));
}

const numeric = (audit: Audit | undefined) => audit?.numericValue ?? Number.NaN;

function networkRequests(lhr: Result): NetworkRequest[] {
  const details = lhr.audits['network-requests']?.details as { items?: NetworkRequest[] } | undefined;
  return details?.items ?? [];
}

function figuresOf(lhr: Result, reportHtml: string, namedByIndex: Set<string>): RunFigures {
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const requests = networkRequests(lhr);
  const scripts = requests.filter((request) => request.resourceType === 'Script');
  const bytes = (list: NetworkRequest[]) => list.reduce((sum, request) => sum + (request.transferSize ?? 0), 0);
  const classList = requests.find((request) => new URL(request.url).pathname === '/api/v1/sessions');
  return {
    scores: Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? Number.NaN) * 100)])) as RunFigures['scores'],
    fcpMs: numeric(lhr.audits['first-contentful-paint']),
    lcpMs: numeric(lhr.audits['largest-contentful-paint']),
    tbtMs: numeric(lhr.audits['total-blocking-time']),
    cls: numeric(lhr.audits['cumulative-layout-shift']),
    scripts: {
      count: scripts.length,
      bytes: bytes(scripts),
      namedByIndexBytes: bytes(scripts.filter((script) => namedByIndex.has(basename(new URL(script.url).pathname)))),
    },
    classListAtMs: classList?.networkRequestTime,
    lhr,
    reportHtml,
  };
}

/** One Lighthouse navigation to `url` in a Chromium of its own, stopped afterwards. */
async function lighthouseRun(url: string): Promise<{ lhr: Result; reportHtml: string }> {
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const result = await lighthouse(url, { port: chrome.port, logLevel: 'error', output: 'html', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error('Lighthouse returned no result');
    return { lhr: result.lhr, reportHtml: String(result.report) };
  } finally {
    chrome.kill();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

function figureLines(all: readonly RunFigures[]): Figure[] {
  const of = (pick: (run: RunFigures) => number) => median(all.map(pick));
  const performance = of((run) => run.scores.performance);
  const accessibility = of((run) => run.scores.accessibility);
  const scriptBytes = of((run) => run.scripts.bytes);
  const classListTimes = all.map((run) => run.classListAtMs).filter((ms): ms is number => ms !== undefined);
  return [
    ['performance', `${performance}   (target >= ${TARGETS.performance}: ${verdict(performance >= TARGETS.performance)}; runs: ${all.map((run) => run.scores.performance).join(', ')})`],
    ['accessibility', `${accessibility}   (target ${TARGETS.accessibility}: ${verdict(accessibility >= TARGETS.accessibility)})`],
    ['best practices', `${of((run) => run.scores['best-practices'])}`],
    ['first contentful paint', seconds(of((run) => run.fcpMs))],
    ['largest contentful paint', seconds(of((run) => run.lcpMs))],
    ['total blocking time', `${of((run) => run.tbtMs).toFixed(0)} ms`],
    ['cumulative layout shift', of((run) => run.cls).toFixed(3)],
    [
      'initial JS transferred',
      `${kib(scriptBytes)} in ${of((run) => run.scripts.count)} scripts, ${kib(of((run) => run.scripts.namedByIndexBytes))} of them named by index.html` +
        ` (target <= ${TARGETS.initialJsKiB} KiB: ${verdict(scriptBytes <= TARGETS.initialJsKiB * 1024)})`,
    ],
    [
      'class list requested',
      classListTimes.length > 0
        ? `${median(classListTimes).toFixed(0)} ms after the page's request (observed in the unthrottled load Lighthouse simulates from)`
        : 'never: the page did not ask for /api/v1/sessions',
    ],
  ];
}

/** Lighthouse's failed audits of a category, those that cost the most metric time first. */
function failedAudits(lhr: Result, category: string): Audit[] {
  const refs = lhr.categories[category]?.auditRefs ?? [];
  const savings = (audit: Audit) => Object.values(audit.metricSavings ?? {}).reduce((sum: number, value) => sum + (value ?? 0), 0);
  return refs
    .map((ref) => lhr.audits[ref.id])
    .filter((audit): audit is Audit => audit !== undefined && audit.score !== null && audit.score < 0.9)
    .filter((audit) => !['informative', 'notApplicable', 'manual', 'error'].includes(audit.scoreDisplayMode))
    .sort((a, b) => savings(b) - savings(a));
}

/** The LCP element and its phases (time to first byte, load delay, load time, render delay). */
function lcpBreakdown(lhr: Result): string[] {
  type Table = { headings?: unknown[]; items?: Record<string, unknown>[] };
  const list = lhr.audits['largest-contentful-paint-element']?.details as { items?: Table[] } | undefined;
  const [element, phases] = list?.items ?? [];
  const node = element?.items?.[0]?.['node'] as { snippet?: string; selector?: string } | undefined;
  const lines = node ? [`LCP element: ${node.selector ?? ''} ${node.snippet ?? ''}`.trim()] : [];
  for (const phase of phases?.items ?? []) lines.push(`  ${String(phase['phase']).padEnd(22)} ${Number(phase['timing']).toFixed(0)} ms`);
  return lines;
}

function printCauses(medianRun: RunFigures): void {
  const { lhr } = medianRun;
  const below = [
    ...(medianRun.scores.performance < TARGETS.performance ? ['performance'] : []),
    ...(medianRun.scores.accessibility < TARGETS.accessibility ? ['accessibility'] : []),
  ];
  if (below.length === 0) return;
  console.log('\nWhat Lighthouse blames in the median run:');
  for (const category of below) {
    console.log(`  ${category} (${medianRun.scores[category as 'performance' | 'accessibility']}):`);
    for (const audit of failedAudits(lhr, category)) {
      console.log(`    - ${audit.title}${audit.displayValue ? `: ${audit.displayValue}` : ''} [${audit.id}]`);
    }
    if (category === 'performance') for (const line of lcpBreakdown(lhr)) console.log(`    ${line}`);
  }
  for (const warning of lhr.runWarnings) console.log(`  run warning: ${warning}`);
  // Lighthouse 12.2 reads the traces of this Chromium only in part (the LCP element's gatherer fails, for one).
  const errored = Object.values(lhr.audits).filter((audit) => audit.scoreDisplayMode === 'error');
  if (errored.length > 0) console.log(`  audits Lighthouse could not run: ${errored.map((audit) => audit.id).join(', ')}`);
}

/** The scripts of the load in the order they were requested, with when each left and arrived. */
function printScriptTimeline(medianRun: RunFigures): void {
  const requests = networkRequests(medianRun.lhr)
    .filter((request) => request.resourceType === 'Script' || request.resourceType === 'Fetch' || request.resourceType === 'XHR')
    .sort((a, b) => (a.networkRequestTime ?? 0) - (b.networkRequestTime ?? 0));
  console.log('\nScripts and API requests of the median run (observed, unthrottled; ms from the page request):');
  for (const request of requests) {
    const { pathname, search } = new URL(request.url);
    const span = `${(request.networkRequestTime ?? 0).toFixed(0).padStart(5)} → ${(request.networkEndTime ?? 0).toFixed(0).padStart(5)}`;
    console.log(`  ${span}  ${kib(request.transferSize ?? 0).padStart(10)}  ${`${pathname}${search}`.slice(0, 90)}`);
  }
}

ensureBuild();
// As `npm start` serves it: the embedded database and in-process adapters, whatever this shell points at.
delete process.env['DATABASE_URL'];
delete process.env['REDIS_URL'];
const loadAtStart = loadavg()[0] as number;
const dataDir = mkdtempSync(join(tmpdir(), 'fitflow-bench-web-'));
const api = await startApiProcesses(1, { NODE_ENV: 'development', DATA_DIR: dataDir, DEMO_DATA: 'true', WEB_ROOT });
let ended = false;
const end = async () => {
  if (ended) return;
  ended = true;
  await api.stop();
  rmSync(dataDir, { recursive: true, force: true });
};
const interrupted = () => void end().finally(() => process.exit(130));
process.once('SIGINT', interrupted);
process.once('SIGTERM', interrupted);
try {
  const origin = new URL(api.urls[0] as string).origin;
  const namedByIndex = await scriptsNamedByIndex(origin);
  console.log(`FitFlow at ${origin}; a warm-up run, then ${runs} measured`);
  await lighthouseRun(`${origin}/`);
  const all: RunFigures[] = [];
  for (let i = 1; i <= runs; i += 1) {
    const { lhr, reportHtml } = await lighthouseRun(`${origin}/`);
    all.push(figuresOf(lhr, reportHtml, namedByIndex));
    console.log(`  run ${i}: performance ${all.at(-1)?.scores.performance}`);
  }
  const byPerformance = [...all].sort((a, b) => a.scores.performance - b.scores.performance);
  const medianRun = byPerformance[Math.floor((byPerformance.length - 1) / 2)] as RunFigures;
  mkdirSync(REPORTS, { recursive: true });
  writeFileSync(join(REPORTS, 'lighthouse.html'), medianRun.reportHtml);
  writeFileSync(join(REPORTS, 'lighthouse.json'), JSON.stringify(medianRun.lhr, null, 2));

  const { lighthouseVersion, environment } = medianRun.lhr;
  printFigures(
    `web benchmark: the schedule page (/) as npm start serves it, Lighthouse ${lighthouseVersion}, mobile profile, median of ${runs} runs, ${new Date().toISOString()}`,
    [
      ...figureLines(all),
      ['browser', `${environment.hostUserAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? environment.hostUserAgent} (benchmark index ${environment.benchmarkIndex})`],
      loadAverageFigure(loadAtStart, loadavg()[0] as number),
      ['median run report', `${join('tmp/bench/web', 'lighthouse.html')} (and .json)`],
    ],
  );
  printCauses(medianRun);
  printScriptTimeline(medianRun);
} finally {
  await end();
  process.off('SIGINT', interrupted);
  process.off('SIGTERM', interrupted);
}
