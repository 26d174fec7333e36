import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { TEST_ADMIN, signIn, signUp } from './test-app';

export type Headers = Record<string, string>;
export type SignedIn = Awaited<ReturnType<typeof signUp>>;

/** A new account promoted to `role` by the test admin, signed in again so its token carries the role. */
export async function signUpAs(app: FastifyInstance, role: 'trainer' | 'admin', overrides: Parameters<typeof signUp>[1] = {}): Promise<SignedIn> {
  const account = await signUp(app, overrides);
  const admin = await signIn(app, TEST_ADMIN.email, TEST_ADMIN.password);
  const promoted = await app.inject({ method: 'PATCH', url: `/api/v1/users/${account.id}/role`, payload: { role }, headers: admin.headers });
  if (promoted.statusCode !== 200) throw new Error(`promotion failed: ${promoted.statusCode} ${promoted.body}`);
  return { ...account, ...(await signIn(app, account.email, account.password)) };
}

/** Thin `app.inject` wrappers for `/api/v1` routes. */
export function apiClient(app: FastifyInstance) {
  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, headers: Headers = {}, payload?: object) =>
    app.inject({ method, url: `/api/v1${url}`, headers, ...(payload !== undefined && { payload }) });
  return {
    get: (url: string, headers?: Headers) => call('GET', url, headers),
    post: (url: string, payload?: object, headers?: Headers) => call('POST', url, headers, payload),
    put: (url: string, payload: object, headers?: Headers) => call('PUT', url, headers, payload),
    patch: (url: string, payload: object, headers?: Headers) => call('PATCH', url, headers, payload),
    delete: (url: string, headers?: Headers) => call('DELETE', url, headers),
  };
}

/** Fails with the answer's body, so a wrong status explains itself. */
export function expectStatus(response: LightMyRequestResponse, status: number): LightMyRequestResponse {
  if (response.statusCode !== status) {
    throw new Error(`expected ${status}, got ${response.statusCode}: ${response.body}`);
  }
  return response;
}

let weeks = 0;

const WEEK_MS = 7 * 86_400_000;
/**
 * Half a year ahead: no session there has started, and a file's weeks stay inside the two years ahead that a
 * session may be scheduled (sessions.routes.spec uses about 70), past the fixed 2027 dates some tests use.
 */
const FIRST_WEEK = mondayOnOrAfter(Date.now() + 26 * WEEK_MS);

function mondayOnOrAfter(ms: number): number {
  const day = new Date(ms);
  const midnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  return midnight + ((8 - new Date(midnight).getUTCDay()) % 7) * 86_400_000;
}

/**
 * The Monday 00:00 UTC of a week that no other test in this process uses, far enough in the future that no
 * session there has started; list queries bounded to it see only the test's own sessions.
 */
export function freshWeek(): { from: string; to: string; at: (dayOffset: number, time: string) => string } {
  const start = FIRST_WEEK + weeks * WEEK_MS;
  weeks += 1;
  return {
    from: new Date(start).toISOString(),
    to: new Date(start + 7 * 86_400_000).toISOString(),
    at: (dayOffset, time) => {
      const [hours, minutes] = time.split(':').map(Number);
      return new Date(start + dayOffset * 86_400_000 + ((hours ?? 0) * 60 + (minutes ?? 0)) * 60_000).toISOString();
    },
  };
}

/** What a wall clock in `timeZone` shows at `instant`, e.g. `Mon 2027-03-29 07:00`. */
export function wallClock(instant: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return `${parts['weekday']} ${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}`;
}
