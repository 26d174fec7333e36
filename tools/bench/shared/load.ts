/**
 * The load generator the benches share: plain `node:http` with one keep-alive agent per API process, each with its
 * share of the connections (kept across rounds, as browsers keep theirs). Every answer's status and problem code is
 * checked and every latency kept, so the percentiles over several processes are exact; two autocannon instances
 * would give two histograms, and no per-request token or answer code without hooks into its internals.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface Attempt {
  status: number;
  /** The problem's `code`, for any answer but a 201. */
  code: string | undefined;
  ms: number;
}

/** One API process, and the keep-alive agent that holds its connections. */
export interface Target {
  port: number;
  agent: http.Agent;
}

/** A target for each API base (`http://127.0.0.1:<port>/api/v1`), the connections split evenly between them. */
export function keepAliveTargets(apiUrls: readonly string[], connections: number): Target[] {
  return apiUrls.map((url) => ({
    port: Number(new URL(url).port),
    agent: new http.Agent({ keepAlive: true, maxSockets: connections / apiUrls.length }),
  }));
}

/** POST `path` with an empty body, timed from the request sent to the last byte of the answer. */
export function post({ port, agent }: Target, path: string, authorization: string): Promise<Attempt> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const request = http.request(
      { host: '127.0.0.1', port, agent, method: 'POST', path, headers: { authorization, 'content-length': '0' } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const ms = performance.now() - start;
          const status = response.statusCode ?? 0;
          resolve({ status, code: status === 201 ? undefined : problemCode(Buffer.concat(chunks)), ms });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end();
  });
}

function problemCode(body: Buffer): string | undefined {
  try {
    return (JSON.parse(body.toString('utf8')) as { code?: string }).code;
  } catch {
    return undefined;
  }
}

/** Every answer of one timed burst, and its length on the clock. */
export interface Timed {
  attempts: Attempt[];
  seconds: number;
}

export interface Request {
  path: string;
  authorization: string;
}

/**
 * `count` POSTs at once: `connections` workers, spread over the targets in turn, each take the next request from
 * one queue (`requestOf(0)` first) until none is left, so requests early in the queue are sent first. The clock
 * runs from the first request sent to the last answer received.
 */
export async function rush(targets: readonly Target[], connections: number, count: number, requestOf: (i: number) => Request): Promise<Timed> {
  const attempts: Attempt[] = [];
  let next = 0;
  const worker = async (w: number) => {
    const target = targets[w % targets.length];
    for (let i = next++; i < count; i = next++) {
      const { path, authorization } = requestOf(i);
      attempts.push(await post(target, path, authorization));
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: connections }, (_, w) => worker(w)));
  return { attempts, seconds: (performance.now() - start) / 1000 };
}

/** The answers `expected` refuses, counted by status and problem code (`950 × 409 SESSION_FULL, 2 × 500`). */
export function unexpectedAnswers(attempts: readonly Attempt[], expected: (attempt: Attempt) => boolean): string | undefined {
  const other = new Map<string, number>();
  for (const a of attempts) {
    if (expected(a)) continue;
    const key = `${a.status} ${a.code ?? ''}`.trim();
    other.set(key, (other.get(key) ?? 0) + 1);
  }
  return other.size > 0 ? [...other].map(([key, n]) => `${n} × ${key}`).join(', ') : undefined;
}

/** Fails the run (exit status 1) with every problem found; `false` and `undefined` are no problem. */
export function failOnProblems(label: string, problems: readonly (string | false | undefined)[]): void {
  const found = problems.filter((problem): problem is string => Boolean(problem));
  if (found.length > 0) throw new Error(`${label}: ${found.join('; ')}`);
}
