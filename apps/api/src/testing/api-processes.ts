import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { Database } from '../infrastructure/database/schema';
import { JwtAccessTokenIssuer } from '../infrastructure/security/tokens';
import { fundMembers } from './credits';
import { TEST_CREDITS } from './test-app';

export interface ApiProcesses {
  /** Each process's API base, `http://127.0.0.1:<port>/api/v1`. */
  urls: string[];
  /** Kills process `index` at once (SIGKILL), as a crash or an out-of-memory kill would: no shutdown runs. */
  kill(index: number): Promise<void>;
  stop(): Promise<void>;
}

export interface ApiProcessOptions {
  /** Fixed ports, one a process; free ones otherwise. */
  ports?: readonly number[];
  /** Extra Node options for every process (e.g. `--cpu-prof`). */
  nodeArgs?: readonly string[];
}

/**
 * Real API processes (`main.ts`, as deployed) on one PostgreSQL database: what "two API processes" means in a
 * test or a benchmark. Each gets its port and the environment given (JWT_SECRET shared, so tokens work on every
 * one). `stop()` sends SIGTERM (they finish what is in flight) and SIGKILL to any still running 12 s later;
 * `kill(i)` crashes one of them.
 */
export async function startApiProcesses(count: number, env: Record<string, string>, options: ApiProcessOptions = {}): Promise<ApiProcesses> {
  const main = fileURLToPath(new URL('../main.ts', import.meta.url));
  const children: ChildProcess[] = [];
  const stop = () => Promise.all(children.map(stopProcess)).then(() => undefined);
  try {
    const ports: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const port = options.ports?.[i] ?? (await freePort());
      ports.push(port);
      children.push(
        fork(main, {
          env: { ...process.env, LOG_LEVEL: 'silent', DEMO_DATA: 'false', HOST: '127.0.0.1', ...env, PORT: String(port) },
          execArgv: ['--import', 'tsx', ...(options.nodeArgs ?? [])],
          stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
        }),
      );
    }
    const failedToStart = children.map(
      (child) => new Promise<never>((_, reject) => child.once('error', (error) => reject(new Error('An API process failed to start', { cause: error })))),
    );
    await Promise.race([Promise.all(ports.map((port, i) => waitUntilReady(port, children[i] as ChildProcess))), ...failedToStart]);
    const kill = async (index: number) => {
      const child = children[index];
      if (!child) throw new Error(`There is no API process ${index}`);
      await killProcess(child);
    };
    return { urls: ports.map((port) => `http://127.0.0.1:${port}/api/v1`), kill, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface WorkerProcess {
  readonly pid: number;
  /** Kills it at once, as a crash or an out-of-memory kill would: no shutdown runs. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** A real worker process (`worker.ts`, as deployed) with the environment given; resolves once it is ready. */
export async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const worker = fileURLToPath(new URL('../worker.ts', import.meta.url));
  const child = fork(worker, {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await new Promise<void>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error('The worker was not ready within 120 s')), 120_000);
      child.once('message', () => (clearTimeout(timeout), resolve()));
      child.once('exit', (code, signal) => (clearTimeout(timeout), reject(new Error(`The worker stopped (${code ?? signal})`))));
    });
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  return {
    pid: child.pid as number,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: () => stopProcess(child),
  };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const killed = setTimeout(() => child.kill('SIGKILL'), 12_000);
  await exited;
  clearTimeout(killed);
}

async function killProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/**
 * `count` members straight in SQL, with access tokens from the API's own issuer and `credits` each: a rush of
 * hundreds would otherwise spend its time in argon2 at sign-up, which is not what it tests.
 */
export async function seedMembersWithTokens(
  db: Kysely<Database>,
  jwtSecret: string,
  count: number,
  credits = TEST_CREDITS,
): Promise<{ id: string; authorization: string }[]> {
  const members = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    email: `rusher-${randomUUID()}@example.test`,
    name: `Rusher ${i + 1}`,
    role: 'member' as const,
    password_hash: 'not-a-hash: these members never sign in',
  }));
  await db.insertInto('users').values(members).execute();
  await fundMembers(db, members.map(({ id }) => id), credits);
  const issuer = new JwtAccessTokenIssuer(jwtSecret, 3_600);
  return members.map(({ id }) => ({ id, authorization: `Bearer ${issuer.issue({ userId: id }).token}` }));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000; // tsx compiles the whole API at start: slow on a busy 2-core machine
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The API process on port ${port} stopped (${child.exitCode ?? child.signalCode})`);
    }
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The API process on port ${port} was not ready within 120 s`);
}
