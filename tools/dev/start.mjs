// `npm start`: builds the SPA (Nx caches it), then runs the API on the embedded PGlite database with demo
// accounts, serving the SPA at `/`. Nothing to install beyond `npm install`. Any variable of the README's
// configuration table set in your shell wins over the defaults below.
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const root = resolve(import.meta.dirname, '../..');
const bin = (name) => resolve(root, 'node_modules/.bin', name);
const env = {
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NG_CLI_ANALYTICS: 'false',
  PORT: '3000',
  HOST: '127.0.0.1',
  DATA_DIR: '.fitflow-data',
  DEMO_DATA: 'true',
  WEB_ROOT: 'dist/apps/web/browser',
  LOG_LEVEL: 'warn',
  ...process.env,
};
const url = `http://${env.HOST}:${env.PORT}`;

console.log('Building the web app (cached after the first time)...');
const build = spawnSync(bin('nx'), ['run', 'web:build', '--outputStyle=static'], { cwd: root, env, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

console.log('Starting the API on the embedded database...');
// Its own process group, so a Ctrl-C reaches it once, through us, and it can close the database cleanly.
const api = spawn(bin('tsx'), ['apps/api/src/main.ts'], { cwd: root, env, stdio: ['inherit', 'pipe', 'pipe'], detached: true });
humanReadable(api.stdout, process.stdout);
humanReadable(api.stderr, process.stderr);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => api.exitCode === null && api.signalCode === null && process.kill(-api.pid, signal));
}
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));

// Announce the URLs once the API answers.
while (api.exitCode === null) {
  const ready = await fetch(`${url}/readyz`).then((response) => response.ok, () => false);
  if (ready) {
    console.log(`\n  FitFlow:  ${url}\n  API docs: ${url}/docs\n\n  Press Ctrl-C to stop.\n`);
    break;
  }
  await new Promise((done) => setTimeout(done, 300));
}

/** pino's JSON lines as a person reads them (`warn: JWT_SECRET is not set…`); any other line as it is. */
function humanReadable(from, to) {
  const levels = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
  createInterface({ input: from, crlfDelay: Infinity }).on('line', (line) => {
    let entry;
    try {
      entry = JSON.parse(line);
    } catch {
      entry = undefined;
    }
    if (!entry || typeof entry !== 'object' || typeof entry.msg !== 'string') return to.write(`${line}\n`);
    const error = entry.err?.message ? ` (${entry.err.message})` : '';
    to.write(`  ${levels[entry.level] ?? 'log'}: ${entry.msg}${error}\n`);
  });
}
