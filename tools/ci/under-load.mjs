// Runs a command while every core is kept busy, to check that a suite holds on a loaded machine:
//   node tools/ci/under-load.mjs [--busy N] [--max-minutes M] -- <command> [args...]
// N busy-looping processes (default: one per core) run beside the command at normal priority. The load is
// bounded: each process stops by itself after M minutes (default 90, CI's own limit; the log says so if it
// comes first), and all stop when the command ends or this script is interrupted. Exits with the command's status.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    busy: { type: 'string', default: String(availableParallelism()) },
    'max-minutes': { type: 'string', default: '90' },
  },
});
const busy = Number(values.busy);
const maxMs = Number(values['max-minutes']) * 60_000;
if (positionals.length === 0 || !(busy >= 1) || !(maxMs > 0)) {
  console.error('usage: node tools/ci/under-load.mjs [--busy N] [--max-minutes M] -- <command> [args...]');
  process.exit(2);
}

// Each spins on the clock in short slices until its deadline, so it ends even if this script is killed.
const spin = `const end = Date.now() + ${maxMs}; while (Date.now() < end) { for (let i = 0; i < 1e6; i++); }`;
const spinners = Array.from({ length: busy }, () => spawn(process.execPath, ['-e', spin], { stdio: 'ignore' }));
let commandRunning = true;
spinners[0].on('exit', () => {
  if (commandRunning) console.log(`under-load: the load reached its ${values['max-minutes']}-minute limit and stopped; the command goes on unloaded`);
});
console.log(`under-load: ${busy} busy processes for at most ${values['max-minutes']} minutes beside: ${positionals.join(' ')}`);

const stopLoad = () => spinners.forEach((spinner) => spinner.exitCode === null && spinner.kill('SIGKILL'));
const command = spawn(positionals[0], positionals.slice(1), { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopLoad();
    command.kill(signal);
  });
}
command.on('exit', (code, signal) => {
  commandRunning = false;
  stopLoad();
  console.log(`under-load: the command ended (${signal ?? `exit ${code}`}); the load stopped`);
  process.exit(code ?? 1);
});
