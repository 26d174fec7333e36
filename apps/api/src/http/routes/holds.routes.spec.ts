import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOLD_EXPIRY_JOB } from '@fitflow/application-booking';
import { bookingModule } from '../../modules/booking';
import { TEST_DATABASES } from '../../testing/databases';
import { apiClient, expectStatus, freshWeek, signUpAs, type Headers, type SignedIn } from '../../testing/scheduling';
import { createTestApp, signUp, type TestApp } from '../../testing/test-app';
import { TravellingClock } from '../../testing/travelling-clock';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
// The sweep runs once at start and not again during the file: a test expires holds itself, or runs their job.
const ENV = { HOLD_DURATION: '10m', HOLD_SWEEP_INTERVAL: '24h', RATE_LIMITS: 'hold=5/1m,login=10000/1m,login-address=10000/1m' };

interface HoldJson {
  id: string;
  sessionId: string;
  status: string;
  expiresAt: string;
  [key: string]: unknown;
}

describe.each(TEST_DATABASES)('hold routes on %s', (kind) => {
  const clock = new TravellingClock();
  let t: TestApp;
  let api: ReturnType<typeof apiClient>;
  let trainer: SignedIn;
  let member: SignedIn;
  let other: SignedIn;

  beforeAll(async () => {
    t = await createTestApp(kind, ENV, clock);
    api = apiClient(t.app);
    [trainer, member, other] = await Promise.all([signUpAs(t.app, 'trainer'), signUp(t.app), signUp(t.app)]);
  });
  afterAll(() => t?.close());

  const publishedSession = async (capacity = 5): Promise<string> => {
    const week = freshWeek();
    const body = { name: 'Spin Class', capacity, creditCost: 1, startsAt: week.at(1, '07:00'), endsAt: week.at(1, '08:00') };
    const { id } = expectStatus(await api.post('/sessions', body, trainer.headers), 201).json() as { id: string };
    expectStatus(await api.post(`/sessions/${id}/publish`, undefined, trainer.headers), 200);
    return id;
  };
  const hold = (sessionId: string, headers: Headers = member.headers) => api.post(`/sessions/${sessionId}/hold`, undefined, headers);
  const held = async (sessionId: string, headers: Headers = member.headers): Promise<HoldJson> => expectStatus(await hold(sessionId, headers), 201).json();
  const session = async (id: string, headers: Headers = member.headers) => expectStatus(await api.get(`/sessions/${id}`, headers), 200).json();
  /** Every member here may hold 5 a minute: tests that hold a lot sign up their own. */
  const freshMember = async () => (await signUp(t.app)).headers;

  it('holds a spot for HOLD_DURATION, counts it, and answers 200 with the same hold when asked again', async () => {
    const sessionId = await publishedSession();
    const before = Date.now();
    const first = await held(sessionId);

    expect(first).toMatchObject({ sessionId, sessionName: 'Spin Class', status: 'pending', source: 'member' });
    const minutes = (Date.parse(first.expiresAt) - before) / 60_000;
    expect(minutes).toBeGreaterThan(9.9);
    expect(minutes).toBeLessThanOrEqual(10.01);
    expect(expectStatus(await hold(sessionId), 200).json()).toEqual(first);
    expect(await session(sessionId)).toMatchObject({ heldCount: 1, availableSpots: 4, me: { holdId: first.id, bookingId: null } });
    expect(await session(sessionId, other.headers)).toMatchObject({ heldCount: 1, availableSpots: 4, me: { holdId: null } });
    expect(expectStatus(await api.get(`/holds/${first.id}`, member.headers), 200).json()).toEqual(first);
  });

  it('answers a member’s concurrent hold requests with one 201 and the same hold with 200, holding one spot', async () => {
    const sessionId = await publishedSession();
    const rusher = await freshMember();

    const answers = await Promise.all(Array.from({ length: 5 }, () => hold(sessionId, rusher)));

    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((answer) => (answer.json() as HoldJson).id)).size).toBe(1);
    const rows = await t.composition.database.db.selectFrom('holds').select('id').where('session_id', '=', sessionId).execute();
    expect(rows).toHaveLength(1);
  });

  it('gives a member who holds and books at once one spot: the other request answers 409', async () => {
    for (let round = 0; round < 6; round++) {
      const sessionId = await publishedSession();
      const racer = await freshMember();

      const answers = await Promise.all([hold(sessionId, racer), api.post(`/sessions/${sessionId}/book`, undefined, racer)]);

      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409]);
      expect(['ALREADY_BOOKED', 'ALREADY_HOLDING']).toContain((answers.find((answer) => answer.statusCode === 409)?.json() as { code: string }).code);
      expect(await session(sessionId, racer)).toMatchObject({ heldCount: answers[0]!.statusCode === 201 ? 1 : 0, bookedCount: answers[1]!.statusCode === 201 ? 1 : 0 });
    }
  });

  it('ends a hold made 3 minutes before the class at the class’s start', async () => {
    const sessionId = await publishedSession();
    const { startsAt } = (await session(sessionId)) as { startsAt: string };

    const late = await clock.at(new Date(Date.parse(startsAt) - 3 * 60_000), async () => held(sessionId, await freshMember()));

    expect(late.expiresAt).toBe(startsAt);
  });

  it('confirms a hold into a booking that keeps its spot, once', async () => {
    const sessionId = await publishedSession(1);
    const { id } = await held(sessionId);

    const booking = expectStatus(await api.post(`/holds/${id}/confirm`, undefined, member.headers), 201).json();

    expect(booking).toMatchObject({ sessionId, status: 'confirmed' });
    expect(await session(sessionId)).toMatchObject({ bookedCount: 1, heldCount: 0, availableSpots: 0, me: { bookingId: booking.id, holdId: null } });
    expect(expectStatus(await api.get(`/holds/${id}`, member.headers), 200).json()).toMatchObject({ status: 'confirmed' });
    expectStatus(await api.post(`/holds/${id}/confirm`, undefined, member.headers), 410);
  });

  it('gives the spot back on release; a second release or a confirm is 410 HOLD_EXPIRED', async () => {
    const sessionId = await publishedSession();
    const { id } = await held(sessionId);

    expectStatus(await api.delete(`/holds/${id}`, member.headers), 204);

    expect(await session(sessionId)).toMatchObject({ heldCount: 0, availableSpots: 5, me: { holdId: null } });
    expect(expectStatus(await api.delete(`/holds/${id}`, member.headers), 410).json()).toMatchObject({ code: 'HOLD_EXPIRED' });
    expect(expectStatus(await api.post(`/holds/${id}/confirm`, undefined, member.headers), 410).json()).toMatchObject({ code: 'HOLD_EXPIRED' });
  });

  it('frees the spot at expiresAt exactly, before any job has run, and the expiry marks it expired once', async () => {
    const sessionId = await publishedSession(1);
    const { id, expiresAt } = await held(sessionId);
    const late = await freshMember();
    const justBefore = new Date(Date.parse(expiresAt) - 1_000);

    await clock.at(justBefore, async () => {
      expect(await session(sessionId, late)).toMatchObject({ heldCount: 1, availableSpots: 0 });
      expect(expectStatus(await api.post(`/sessions/${sessionId}/book`, undefined, late), 409).json()).toMatchObject({ code: 'SESSION_FULL' });
    });
    await clock.at(expiresAt, async () => {
      expect(await session(sessionId, late)).toMatchObject({ heldCount: 0, availableSpots: 1 });
      expect(expectStatus(await api.post(`/holds/${id}/confirm`, undefined, member.headers), 410).json()).toMatchObject({ code: 'HOLD_EXPIRED' });
      expect(await t.composition.handlers.bookings.expireHolds.handle({ limit: 100 })).toBeGreaterThanOrEqual(1);
      expect(await t.composition.handlers.bookings.expireHolds.handle({ limit: 100 })).toBe(0);
      expectStatus(await api.post(`/sessions/${sessionId}/book`, undefined, late), 201);
    });

    expect(expectStatus(await api.get(`/holds/${id}`, member.headers), 200).json()).toMatchObject({ status: 'expired' });
    const expired = await t.composition.database.db.selectFrom('outbox').select('id').where('aggregate_id', '=', id).where('type', '=', 'HoldExpired').execute();
    expect(expired).toHaveLength(1);
  });

  it('runs a hold’s expiry job on that hold alone, once, and never before its expiresAt', async () => {
    const sessionId = await publishedSession();
    const [mine, theirs] = [await held(sessionId, await freshMember()), await held(sessionId, await freshMember())];
    const expiryJob = bookingModule(t.composition.core, { membershipOf: async () => null }).jobs.find((job) => job.name === HOLD_EXPIRY_JOB);
    if (!expiryJob) throw new Error(`The booking module defines no ${HOLD_EXPIRY_JOB} job`);
    const statusOf = async (id: string) => (await t.composition.database.db.selectFrom('holds').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
    const lastExpiry = new Date(Math.max(Date.parse(mine.expiresAt), Date.parse(theirs.expiresAt)));
    // HoldCreated schedules each hold's job; delivered while the clock travels, theirs would fire (and expire) at once.
    await t.composition.events?.settle();

    await expiryJob.run({ holdId: mine.id });
    expect(await statusOf(mine.id)).toBe('pending');
    await clock.at(lastExpiry, async () => {
      await expiryJob.run({ holdId: mine.id });
      await expiryJob.run({ holdId: mine.id });
    });

    expect([await statusOf(mine.id), await statusOf(theirs.id)]).toEqual(['expired', 'pending']);
    const expired = await t.composition.database.db.selectFrom('outbox').select('aggregate_id').where('type', '=', 'HoldExpired').where('aggregate_id', 'in', [mine.id, theirs.id]).execute();
    expect(expired.map((row) => row.aggregate_id)).toEqual([mine.id]);
  });

  it('refuses a full session, a booked member and a draft; a hold is its member’s alone', async () => {
    const [holder, late] = await Promise.all([freshMember(), freshMember()]);
    const full = await publishedSession(1);
    await held(full, holder);
    expect(expectStatus(await hold(full, late), 409).json()).toMatchObject({ code: 'SESSION_FULL' });

    const booked = await publishedSession();
    expectStatus(await api.post(`/sessions/${booked}/book`, undefined, holder), 201);
    expect(expectStatus(await hold(booked, holder), 409).json()).toMatchObject({ code: 'ALREADY_BOOKED' });

    const week = freshWeek();
    const draft = { name: 'Draft', capacity: 5, startsAt: week.at(1, '07:00'), endsAt: week.at(1, '08:00') };
    const { id: draftId } = expectStatus(await api.post('/sessions', draft, trainer.headers), 201).json() as { id: string };
    expect(expectStatus(await hold(draftId, late), 404).json()).toMatchObject({ code: 'NOT_FOUND' });
    expect(expectStatus(await hold(draftId, trainer.headers), 409).json()).toMatchObject({ code: 'INVALID_STATE' });

    const mine = await held(await publishedSession(), late);
    for (const request of [api.get(`/holds/${mine.id}`, other.headers), api.post(`/holds/${mine.id}/confirm`, undefined, other.headers), api.delete(`/holds/${mine.id}`, other.headers)]) {
      expect(expectStatus(await request, 404).json()).toMatchObject({ code: 'NOT_FOUND' });
    }
    expectStatus(await api.get(`/holds/${UNKNOWN_ID}`, late), 404);
    expectStatus(await hold(UNKNOWN_ID, late), 404);
    expectStatus(await api.get('/holds/not-a-uuid', late), 400);
  });

  it('refuses the sixth hold in a minute with 429 RATE_LIMITED and Retry-After', async () => {
    const eager = await freshMember();
    const sessions = await Promise.all(Array.from({ length: 6 }, () => publishedSession()));
    for (const sessionId of sessions.slice(0, 5)) await held(sessionId, eager);

    const sixth = expectStatus(await hold(sessions[5] as string, eager), 429);

    expect(sixth.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    expect(await session(sessions[5] as string, eager)).toMatchObject({ heldCount: 0 });
  });
});
