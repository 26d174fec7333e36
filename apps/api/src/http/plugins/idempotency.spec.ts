import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { idempotentHeadersSchema } from '@fitflow/api-contract';
import { KyselyIdempotencyStore } from '../../infrastructure/idempotency/kysely-idempotency-store';
import { type ApiProcesses, seedMembersWithTokens, startApiProcesses } from '../../testing/api-processes';
import { TEST_DATABASES, createTestDatabase, type TestDatabase } from '../../testing/databases';
import { apiClient, expectStatus, freshWeek, signUpAs, type Headers, type SignedIn } from '../../testing/scheduling';
import { createTestApp, createTestAppOn, signUp, type TestApp } from '../../testing/test-app';
import { sendProblem } from '../problem';
import { canonicalJson, idempotencyPlugin } from './idempotency';

const ENV = { RATE_LIMITS: 'login=10000/1m,login-address=10000/1m' };

describe('canonicalJson', () => {
  it('gives equal text for equal requests whatever the order of their keys', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
  });
});

describe.each(TEST_DATABASES)('Idempotency-Key on POST /sessions/:id/book on %s', (kind) => {
  let t: TestApp;
  let api: ReturnType<typeof apiClient>;
  let trainer: SignedIn;
  let member: SignedIn;
  let otherMember: SignedIn;

  beforeAll(async () => {
    t = await createTestApp(kind, ENV);
    api = apiClient(t.app);
    [trainer, member, otherMember] = await Promise.all([signUpAs(t.app, 'trainer'), signUp(t.app), signUp(t.app)]);
  });
  afterAll(() => t?.close());

  const publishedSession = async (capacity = 10): Promise<string> => {
    const week = freshWeek();
    const { id } = expectStatus(
      await api.post('/sessions', { name: 'Spin', capacity, creditCost: 1, startsAt: week.at(1, '07:00'), endsAt: week.at(1, '08:00') }, trainer.headers),
      201,
    ).json() as { id: string };
    expectStatus(await api.post(`/sessions/${id}/publish`, undefined, trainer.headers), 200);
    return id;
  };
  const book = (sessionId: string, headers: Headers, key?: string) =>
    api.post(`/sessions/${sessionId}/book`, undefined, { ...headers, ...(key !== undefined && { 'idempotency-key': key }) });
  const bookingsOf = async (sessionId: string) =>
    t.composition.database.db.selectFrom('bookings').select(['id', 'member_id', 'status']).where('session_id', '=', sessionId).execute();
  const keyRow = (userId: string, key: string) => t.composition.database.db.selectFrom('idempotency_keys').selectAll().where('user_id', '=', userId).where('key', '=', key);

  it('answers a retry with the first 201, byte for byte, and books once', async () => {
    const sessionId = await publishedSession();
    const key = `retry-${randomUUID()}`;
    const first = expectStatus(await book(sessionId, member.headers, key), 201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const retry = expectStatus(await book(sessionId, member.headers, key), 201);
    expect(retry.body).toBe(first.body);
    expect(retry.headers['content-type']).toBe(first.headers['content-type']);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await bookingsOf(sessionId)).toHaveLength(1);
  });

  it('still answers the first 201 once the session became full', async () => {
    const sessionId = await publishedSession(2);
    const key = `full-${randomUUID()}`;
    const first = expectStatus(await book(sessionId, member.headers, key), 201);
    expectStatus(await book(sessionId, otherMember.headers), 201);
    expect(expectStatus(await book(sessionId, (await signUp(t.app)).headers), 409).json()).toMatchObject({ code: 'SESSION_FULL' });
    expect(expectStatus(await book(sessionId, member.headers, key), 201).body).toBe(first.body);
    expect(await bookingsOf(sessionId)).toHaveLength(2);
  });

  it('refuses the same key with a different request: 422 IDEMPOTENCY_KEY_REUSED, and books nothing', async () => {
    const [firstSession, otherSession] = [await publishedSession(), await publishedSession()];
    const key = `reused-${randomUUID()}`;
    expectStatus(await book(firstSession, member.headers, key), 201);
    const refused = expectStatus(await book(otherSession, member.headers, key), 422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await bookingsOf(otherSession)).toHaveLength(0);
  });

  it('keeps keys per caller: another member’s same key books for them', async () => {
    const sessionId = await publishedSession();
    const key = `shared-${randomUUID()}`;
    const mine = expectStatus(await book(sessionId, member.headers, key), 201).json();
    const theirs = expectStatus(await book(sessionId, otherMember.headers, key), 201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json().id).not.toBe(mine.id);
    expect((await bookingsOf(sessionId)).map((row) => row.member_id).sort()).toEqual([member.id, otherMember.id].sort());
  });

  it('replays a refused first answer too: 409 SESSION_FULL stays the answer after a spot frees up', async () => {
    const sessionId = await publishedSession(1);
    const taken = expectStatus(await book(sessionId, otherMember.headers), 201).json();
    const key = `refused-${randomUUID()}`;
    const first = expectStatus(await book(sessionId, member.headers, key), 409);
    expect(first.json()).toMatchObject({ code: 'SESSION_FULL' });
    expectStatus(await api.patch(`/bookings/${taken.id}/cancel`, {}, otherMember.headers), 200);
    const retry = expectStatus(await book(sessionId, member.headers, key), 409);
    expect(retry.body).toBe(first.body);
    expect(retry.headers['content-type']).toBe(first.headers['content-type']);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect((await bookingsOf(sessionId)).filter((row) => row.member_id === member.id)).toHaveLength(0);
  });

  it.each([
    ['empty', ''],
    ['256 characters long', 'k'.repeat(256)],
    ['not ASCII', 'schlüssel'],
  ])('answers 400 VALIDATION_FAILED naming the header for a key that is %s, and books nothing', async (_, key) => {
    const sessionId = await publishedSession();
    const refused = expectStatus(await book(sessionId, member.headers, key), 400);
    expect(refused.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ path: 'idempotency-key' })] });
    expect(await bookingsOf(sessionId)).toHaveLength(0);
  });

  it('accepts a key of 255 printable characters', async () => {
    const sessionId = await publishedSession();
    const key = ` ~${randomUUID()}`.padEnd(255, '!');
    expectStatus(await book(sessionId, member.headers, key), 201);
    expect(expectStatus(await book(sessionId, member.headers, key), 201).headers['idempotent-replayed']).toBe('true');
  });

  it('forgets a key after 24 h: the request runs again', async () => {
    const sessionId = await publishedSession();
    const key = `old-${randomUUID()}`;
    expectStatus(await book(sessionId, member.headers, key), 201);
    await t.composition.database.db
      .updateTable('idempotency_keys')
      .set({ created_at: sql`now() - interval '25 hours'` })
      .where('user_id', '=', member.id)
      .where('key', '=', key)
      .execute();
    const again = expectStatus(await book(sessionId, member.headers, key), 409);
    expect(again.json()).toMatchObject({ code: 'ALREADY_BOOKED' });
    expect(again.headers['idempotent-replayed']).toBeUndefined();
  });

  it('answers the committed booking when its request died before storing the answer, without booking again', async () => {
    const sessionId = await publishedSession();
    const key = `crash-${randomUUID()}`;
    const first = expectStatus(await book(sessionId, member.headers, key), 201);
    // As if the process died right after the booking's commit: the effect is there, the answer is not.
    await t.composition.database.db
      .updateTable('idempotency_keys')
      .set({ response_status: null, response_headers: null, response_body: null, completed_at: null, lock_token: randomUUID(), locked_at: sql`now() - interval '2 minutes'` })
      .where('user_id', '=', member.id)
      .where('key', '=', key)
      .execute();
    const retry = expectStatus(await book(sessionId, member.headers, key), 201);
    expect(retry.body).toBe(first.body);
    expect(await bookingsOf(sessionId)).toHaveLength(1);
    expect(await keyRow(member.id, key).executeTakeFirstOrThrow()).toMatchObject({ response_status: 201, lock_token: null });
  });

  it('runs the request again when its first request died before anything committed', async () => {
    const sessionId = await publishedSession();
    const key = `died-${randomUUID()}`;
    const probe = await book(sessionId, otherMember.headers, key); // the fingerprint of this very request, for member
    expectStatus(probe, 201);
    const { fingerprint } = await keyRow(otherMember.id, key).executeTakeFirstOrThrow();
    await t.composition.database.db
      .insertInto('idempotency_keys')
      .values({ user_id: member.id, key, fingerprint, lock_token: randomUUID(), locked_at: sql`now() - interval '2 minutes'` })
      .execute();
    expectStatus(await book(sessionId, member.headers, key), 201);
    expect((await bookingsOf(sessionId)).filter((row) => row.member_id === member.id)).toHaveLength(1);
  });

  it('documents the header on the booking route in OpenAPI', async () => {
    const doc = (await t.app.inject('/docs/json')).json();
    const parameters = doc.paths['/api/v1/sessions/{id}/book'].post.parameters as { in: string; name: string; required?: boolean }[];
    expect(parameters).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'header', name: 'idempotency-key', required: false })]));
  });

  describe('three identical requests at once', () => {
    // PostgreSQL: two real API processes (main.ts) on one database; PGlite: this one process.
    let processes: ApiProcesses | undefined;
    let database: TestDatabase;
    let owner: TestApp;
    let urls: string[];

    beforeAll(async () => {
      if (kind === 'pglite') return;
      database = await createTestDatabase('postgres');
      owner = await createTestAppOn(database, ENV);
      processes = await startApiProcesses(2, { ...ENV, DATABASE_URL: database.url as string, JWT_SECRET: owner.config.jwtSecret });
      urls = processes.urls;
    }, 180_000);
    afterAll(async () => {
      await processes?.stop();
      await owner?.close(); // drops the database
    });

    /** A published session, scheduled by a new admin on `on`. */
    const sessionOn = async (on: TestApp): Promise<string> => {
      const admin = await signUpAs(on.app, 'admin');
      const client = apiClient(on.app);
      const week = freshWeek();
      const body = { name: 'Rush', capacity: 5, creditCost: 1, startsAt: week.at(2, '07:00'), endsAt: week.at(2, '08:00') };
      const { id } = expectStatus(await client.post('/sessions', body, admin.headers), 201).json() as { id: string };
      expectStatus(await client.post(`/sessions/${id}/publish`, undefined, admin.headers), 200);
      return id;
    };
    /** One booking request: over HTTP to process `i % 2` on PostgreSQL, injected into this app on PGlite. */
    const sendBooking = async (sessionId: string, headers: Headers, i: number): Promise<{ status: number; body: string; replayed: string | null }> => {
      if (kind === 'pglite') {
        const response = await t.app.inject({ method: 'POST', url: `/api/v1/sessions/${sessionId}/book`, headers });
        const replayed = response.headers['idempotent-replayed'];
        return { status: response.statusCode, body: response.body, replayed: typeof replayed === 'string' ? replayed : null };
      }
      const response = await fetch(`${urls[i % urls.length]}/sessions/${sessionId}/book`, { method: 'POST', headers });
      return { status: response.status, body: await response.text(), replayed: response.headers.get('idempotent-replayed') };
    };

    it('book exactly once, and all three answer the same 201', async () => {
      const app = kind === 'pglite' ? t : owner;
      const sessionId = await sessionOn(app);
      const [rusher] = await seedMembersWithTokens(app.composition.database.db, app.config.jwtSecret, 1);
      const headers = { authorization: rusher?.authorization ?? '', 'idempotency-key': `rush-${randomUUID()}` };
      const answers = await Promise.all([0, 1, 2].map((i) => sendBooking(sessionId, headers, i)));
      expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
      expect(answers.filter((answer) => answer.replayed === 'true')).toHaveLength(2); // the first answered, two replays
      const bodies = new Set(answers.map((answer) => answer.body));
      expect(bodies.size).toBe(1);
      const rows = await app.composition.database.db.selectFrom('bookings').select('id').where('session_id', '=', sessionId).execute();
      expect(rows).toEqual([{ id: (JSON.parse([...bodies][0] ?? '{}') as { id: string }).id }]);
    }, 180_000);
  });
});

/** Stands in for the authentication plugin, which the idempotency plugin depends on: the routes set the caller. */
const fakeAuthentication = fp(async (app: FastifyInstance) => void app.decorateRequest('user', null as unknown as FastifyRequest['user']), { name: 'authentication' });

describe.each(TEST_DATABASES)('the idempotency plugin on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let userId: string;
  const calls = { slow: 0, failing: 0 };
  let releaseSlow: () => void = () => undefined;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    userId = randomUUID();
    await database.db.insertInto('users').values({ id: userId, email: `${userId}@example.test`, name: 'Ida', role: 'member', password_hash: 'x' }).execute();
    app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    await app.register(fakeAuthentication);
    await app.register(idempotencyPlugin, { store: new KyselyIdempotencyStore(database.db), waitMs: 300 });
    app.setErrorHandler((error, request, reply) => sendProblem(error, request, reply));
    const options = {
      onRequest: async (request: FastifyRequest) => void (request.user = { userId, role: 'member' }),
      config: { idempotent: true },
      schema: { headers: idempotentHeadersSchema, response: { 200: z.object({ calls: z.number() }) } },
    };
    app.post('/slow', options, async () => {
      calls.slow += 1;
      await new Promise<void>((resolve) => (releaseSlow = resolve));
      return { calls: calls.slow };
    });
    app.post('/failing', options, async () => {
      calls.failing += 1;
      if (calls.failing === 1) throw new Error('the database went away');
      return { calls: calls.failing };
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const post = (url: string, key: string) => app.inject({ method: 'POST', url, headers: { 'idempotency-key': key } });

  it('answers 409 IDEMPOTENCY_IN_PROGRESS with Retry-After while the first request runs past the wait, then its answer', async () => {
    const key = randomUUID();
    const first = post('/slow', key);
    await expect.poll(() => calls.slow, { timeout: 20_000 }).toBe(1);
    const waiting = await post('/slow', key);
    expect(waiting.statusCode).toBe(409);
    expect(waiting.json()).toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS' });
    expect(waiting.headers['retry-after']).toBe('1');
    releaseSlow();
    expect((await first).json()).toEqual({ calls: 1 });
    const replayed = await post('/slow', key);
    expect(replayed.json()).toEqual({ calls: 1 });
    expect(calls.slow).toBe(1);
  });

  it('stores no 5xx: the retry runs the request again', async () => {
    const key = randomUUID();
    expect((await post('/failing', key)).statusCode).toBe(500);
    const retry = await post('/failing', key);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual({ calls: 2 });
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
  });

  it('refuses at start-up an idempotent route that does not declare the header', async () => {
    const bare = Fastify({ logger: false });
    await bare.register(fakeAuthentication);
    await bare.register(idempotencyPlugin, { store: new KyselyIdempotencyStore(database.db) });
    expect(() => bare.post('/undocumented', { config: { idempotent: true } }, async () => ({}))).toThrow(/does not declare the idempotency-key header/);
    await bare.close();
  });
});
