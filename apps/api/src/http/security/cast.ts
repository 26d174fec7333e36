import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { apiClient, expectStatus, signUpAs, type Headers } from '../../testing/scheduling';
import { TEST_ADMIN, TEST_CREDITS, createTestApp, grantCredits, newMember, signIn, signUp, type TestApp } from '../../testing/test-app';
import { withRouteTable, type RegisteredRoute } from './route-table';

/**
 * Everyone who may call a route. "member" owns the bookings, "ownerTrainer" the templates and sessions; "other"
 * ones own nothing of them. "demotedAdmin" signed in as an admin and was then made a member: it calls with the
 * token it got as an admin, and must be answered as the member it now is.
 */
export const CALLERS = ['anonymous', 'member', 'otherMember', 'ownerTrainer', 'otherTrainer', 'admin', 'demotedAdmin'] as const;
export type Caller = (typeof CALLERS)[number];

export interface Cast<C extends Caller = Caller> {
  headers: Record<C, Headers>;
  ids: Record<Exclude<C, 'anonymous'>, string>;
}

/** Sign-in is rate limited; these suites sign in far more often than a person could, on purpose. */
const GENEROUS_RATE_LIMITS = { RATE_LIMITS: 'hold=100000/1m,login=100000/1m,login-address=100000/1m' };

/** The real app on a fresh PostgreSQL database, with its route table read as it was built. */
export async function createAppWithRouteTable(): Promise<{ t: TestApp; routes: RegisteredRoute[] }> {
  const { built, routes } = await withRouteTable(() => createTestApp('postgres', GENEROUS_RATE_LIMITS));
  return { t: built, routes };
}

type SignedInCaller = Exclude<Caller, 'anonymous'>;

const SIGN_IN: Record<SignedInCaller, (app: FastifyInstance) => Promise<{ id: string; headers: Headers }>> = {
  member: (app) => signUp(app, { name: 'Mia Member' }),
  otherMember: (app) => signUp(app, { name: 'Otis Othermember' }),
  ownerTrainer: (app) => signUpAs(app, 'trainer', { name: 'Tess Owner' }),
  otherTrainer: (app) => signUpAs(app, 'trainer', { name: 'Otto Othertrainer' }),
  admin: async (app) => {
    const { headers } = await signIn(app, TEST_ADMIN.email, TEST_ADMIN.password);
    const id = expectStatus(await apiClient(app).get('/me', headers), 200).json().id as string;
    await grantCredits(app, id, TEST_CREDITS); // admins book like anyone
    return { id, headers };
  },
  demotedAdmin: async (app) => {
    const demoted = await signUpAs(app, 'admin', { name: 'Dana Demoted' });
    const { headers: admin } = await signIn(app, TEST_ADMIN.email, TEST_ADMIN.password);
    expectStatus(await apiClient(app).patch(`/users/${demoted.id}/role`, { role: 'member' }, admin), 200);
    return demoted;
  },
};

/** Signs `callers` in: each a new account, but the test admin. */
export async function signInCast<C extends Caller>(app: FastifyInstance, callers: readonly C[]): Promise<Cast<C>> {
  const cast = { headers: {}, ids: {} } as Cast<C>;
  for (const caller of callers) {
    if (caller === 'anonymous') {
      cast.headers[caller] = {};
      continue;
    }
    const account = await SIGN_IN[caller as SignedInCaller](app);
    cast.headers[caller] = account.headers;
    cast.ids[caller as Exclude<C, 'anonymous'>] = account.id;
  }
  return cast;
}

let slots = 0;

/** A start an hour long, a week or more ahead, that no other fixture of this process uses. */
export function nextSlot(): { startsAt: string; endsAt: string } {
  slots += 1;
  const start = Date.now() + 7 * 86_400_000 + slots * 2 * 3_600_000;
  const startsAt = new Date(Math.floor(start / 60_000) * 60_000);
  return { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString() };
}

export const templateBody = { name: 'Matrix Yoga', description: 'Breathing', durationMinutes: 60, capacity: 10, creditCost: 1 };

export const creditPackageBody = { name: 'Matrix Pack', credits: 5, priceCents: 5_000, currency: 'EUR', validityDays: 60 };

/**
 * Resources built through the API, as their owners would: templates and sessions of the owner trainer, bookings and
 * purchases of the member, credit packages of the admin.
 */
export function fixtures(app: FastifyInstance, cast: Cast<'member' | 'ownerTrainer' | 'admin'>) {
  const api = apiClient(app);
  const owner = cast.headers.ownerTrainer;
  const draft = async (): Promise<string> =>
    expectStatus(await api.post('/sessions', { name: 'Matrix Class', capacity: 10, ...nextSlot() }, owner), 201).json().id;
  const publish = async (id: string): Promise<string> => {
    expectStatus(await api.post(`/sessions/${id}/publish`, undefined, owner), 200);
    return id;
  };
  const published = async (): Promise<string> => publish(await draft());
  const bookedBy = async (sessionId: string): Promise<string> =>
    expectStatus(await api.post(`/sessions/${sessionId}/book`, undefined, cast.headers.member), 201).json().id;
  return {
    template: async (): Promise<string> => expectStatus(await api.post('/templates', templateBody, owner), 201).json().id,
    draft,
    published,
    booking: async (): Promise<string> => bookedBy(await published()),
    /** The member's booking of a class starting in 10 minutes: its check-in is open. */
    bookingAtTheDoor: async (): Promise<string> => {
      const startsAt = new Date(Date.now() + 10 * 60_000);
      const slot = { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString() };
      const id = expectStatus(await api.post('/sessions', { name: 'Matrix Door', capacity: 10, ...slot }, owner), 201).json().id as string;
      return bookedBy(await publish(id));
    },
    /** The check-in code of the member's booking, as the member's phone shows it. */
    checkInCode: async (bookingId: string): Promise<string> =>
      expectStatus(await api.get(`/bookings/${bookingId}/checkin-code`, cast.headers.member), 200).json().code,
    /** The member's pending hold on a fresh published session. */
    hold: async (): Promise<string> => {
      const sessionId = await published();
      return expectStatus(await api.post(`/sessions/${sessionId}/hold`, undefined, cast.headers.member), 201).json().id;
    },
    /** A credit package on sale. */
    creditPackage: async (): Promise<string> => expectStatus(await api.post('/credit-packages', creditPackageBody, cast.headers.admin), 201).json().id,
    /** The member's purchase of `packageId` with a test card (`pm_card_threeDSecure2Required` waits for authentication). */
    purchase: async (packageId: string, paymentMethodId = 'pm_card_visa'): Promise<string> =>
      expectStatus(await api.post('/memberships/purchase', { packageId, paymentMethodId }, { ...cast.headers.member, 'idempotency-key': randomUUID() }), 201).json()
        .id,
    /** A registered account (not signed in). */
    account: async (): Promise<{ id: string; email: string; password: string }> => {
      const account = newMember();
      const id = expectStatus(await api.post('/auth/register', account), 201).json().id as string;
      return { id, email: account.email, password: account.password };
    },
  };
}
