import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcesses, seedMembersWithTokens, startApiProcesses } from '../../testing/api-processes';
import { TEST_DATABASES, createTestDatabase } from '../../testing/databases';
import { apiClient, expectStatus, freshWeek, signUpAs, type Headers, type SignedIn } from '../../testing/scheduling';
import { TravellingClock } from '../../testing/travelling-clock';
import { TEST_ADMIN, TEST_CREDITS, createTestApp, createTestAppOn, grantCredits, newMember, signIn, signUp, type TestApp } from '../../testing/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const HOUR = 3_600_000;
const ENV = { STUDIO_NAME: 'FitFlow Studio, Mitte', RATE_LIMITS: 'login=10000/1m,login-address=10000/1m' };

interface BookingJson {
  id: string;
  sessionId: string;
  status: string;
  [key: string]: unknown;
}

describe.each(TEST_DATABASES)('booking routes on %s', (kind) => {
  const clock = new TravellingClock();
  let t: TestApp;
  let api: ReturnType<typeof apiClient>;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let trainer: SignedIn;
  let otherTrainer: SignedIn;
  let member: SignedIn;
  let otherMember: SignedIn;

  beforeAll(async () => {
    t = await createTestApp(kind, ENV, clock);
    api = apiClient(t.app);
    admin = await signIn(t.app, TEST_ADMIN.email, TEST_ADMIN.password);
    [trainer, otherTrainer, member, otherMember] = await Promise.all([
      signUpAs(t.app, 'trainer', { name: 'Tess Trainer' }),
      signUpAs(t.app, 'trainer', { name: 'Otto Other' }),
      signUp(t.app, { name: 'Maya Member' }),
      signUp(t.app, { name: 'Olga Other' }),
    ]);
  });
  afterAll(() => t?.close());

  /** A published session in a fresh week (years ahead: cancelling refunds 100 %). */
  const publishedSession = async (body: { capacity?: number; creditCost?: number; name?: string } = {}, publish = true): Promise<string> => {
    const week = freshWeek();
    const created = expectStatus(
      await api.post('/sessions', { name: 'Spin Class', capacity: 10, creditCost: 3, startsAt: week.at(1, '07:00'), endsAt: week.at(1, '08:00'), ...body }, trainer.headers),
      201,
    ).json() as { id: string };
    if (publish) expectStatus(await api.post(`/sessions/${created.id}/publish`, undefined, trainer.headers), 200);
    return created.id;
  };
  const book = (sessionId: string, headers: Headers = member.headers) => api.post(`/sessions/${sessionId}/book`, undefined, headers);
  const booked = async (sessionId: string, headers: Headers = member.headers): Promise<BookingJson> => expectStatus(await book(sessionId, headers), 201).json();
  const cancel = (id: string, headers: Headers = member.headers) => api.patch(`/bookings/${id}/cancel`, {}, headers);

  /** Runs `work` as if it were `hours` before the session's start (negative: after it), as the API sees it. */
  const hoursBeforeStart = async <T>(sessionId: string, hours: number, work: () => Promise<T>): Promise<T> => {
    const { startsAt } = expectStatus(await api.get(`/sessions/${sessionId}`), 200).json() as { startsAt: string };
    return clock.at(new Date(Date.parse(startsAt) - hours * HOUR), work);
  };
  const onceStarted = <T>(sessionId: string, work: () => Promise<T>) => hoursBeforeStart(sessionId, -1 / 60, work);

  it('documents the booking routes and the Booking schema in OpenAPI', async () => {
    const doc = (await t.app.inject('/docs/json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/sessions/{id}/book', '/api/v1/bookings', '/api/v1/bookings/{id}', '/api/v1/bookings/{id}/cancel', '/api/v1/bookings/{id}/calendar.ics']),
    );
    expect(doc.components.schemas.Booking.required).toEqual(
      expect.arrayContaining(['id', 'sessionId', 'status', 'refundPercentage', 'cancelledBy', 'cancellationReason', 'isLate']),
    );
  });

  describe('POST /sessions/:id/book', () => {
    it('books a spot: 201 Booking, and the Session view counts it', async () => {
      const sessionId = await publishedSession({ capacity: 4, creditCost: 3, name: 'Morning Spin' });
      const response = expectStatus(await book(sessionId), 201);
      const booking = response.json() as BookingJson;
      expect(booking).toEqual({
        id: expect.any(String),
        sessionId,
        sessionName: 'Morning Spin',
        trainerName: 'Tess Trainer',
        startsAt: expect.stringMatching(/Z$/),
        endsAt: expect.stringMatching(/Z$/),
        status: 'confirmed',
        createdAt: expect.stringMatching(/Z$/),
        cancelledAt: null,
        refundPercentage: null,
        creditsSpent: 3,
        creditsRefunded: null,
        cancelledBy: null,
        cancellationReason: null,
        checkedInAt: null,
        isLate: false,
        actions: { cancel: { allowed: true, code: null, reason: null } },
        refundOutlook: { percentage: 100, credits: 3, changesAt: expect.stringMatching(/Z$/), nextPercentage: 50, nextCredits: 1 },
      });

      const mine = expectStatus(await api.get(`/sessions/${sessionId}`, member.headers), 200).json();
      expect(mine).toMatchObject({
        bookedCount: 1,
        availableSpots: 3,
        me: { bookingId: booking.id, holdId: null, waitlistPosition: null },
        actions: { book: { allowed: false, code: 'ALREADY_BOOKED', reason: 'You have already booked this session' } },
      });
      const theirs = expectStatus(await api.get(`/sessions/${sessionId}`, otherMember.headers), 200).json();
      expect(theirs).toMatchObject({ bookedCount: 1, availableSpots: 3, me: { bookingId: null }, actions: { book: { allowed: true }, hold: { allowed: true } } });
      const anonymous = expectStatus(await api.get(`/sessions/${sessionId}`), 200).json();
      expect(anonymous).toMatchObject({ bookedCount: 1, availableSpots: 3, actions: { book: { allowed: false, code: 'UNAUTHENTICATED' } } });
      expect(anonymous.me).toBeUndefined();

      const rows = await t.composition.database.db.selectFrom('outbox').select('type').where('aggregate_id', '=', booking.id).execute();
      expect(rows.map((row) => row.type)).toEqual(['BookingConfirmed']);
    });

    it('lists sessions with their booked counts, and hides full ones from available=true', async () => {
      const week = freshWeek();
      const { id } = expectStatus(
        await api.post('/sessions', { name: 'Tiny', capacity: 1, creditCost: 1, startsAt: week.at(2, '07:00'), endsAt: week.at(2, '08:00') }, trainer.headers),
        201,
      ).json() as { id: string };
      expectStatus(await api.post(`/sessions/${id}/publish`, undefined, trainer.headers), 200);
      const query = `from=${encodeURIComponent(week.from)}&to=${encodeURIComponent(week.to)}`;
      expect((await api.get(`/sessions?${query}&available=true`)).json().total).toBe(1);
      await booked(id);
      const page = expectStatus(await api.get(`/sessions?${query}`, member.headers), 200).json();
      expect(page.items[0]).toMatchObject({ id, bookedCount: 1, availableSpots: 0 });
      expect(page.items[0].me.bookingId).toEqual(expect.any(String));
      expect((await api.get(`/sessions?${query}&available=true`)).json().total).toBe(0);
    });

    it('answers 409 ALREADY_BOOKED for a second booking, and lets the member book again after cancelling', async () => {
      const sessionId = await publishedSession();
      const first = await booked(sessionId);
      const again = expectStatus(await book(sessionId), 409);
      expect(again.headers['content-type']).toContain('application/problem+json');
      expect(again.json()).toMatchObject({ status: 409, code: 'ALREADY_BOOKED' });
      expectStatus(await cancel(first.id), 200);
      const second = await booked(sessionId);
      expect(second.id).not.toBe(first.id);
      expect(expectStatus(await api.get(`/sessions/${sessionId}`, member.headers), 200).json()).toMatchObject({ bookedCount: 1, me: { bookingId: second.id } });
    });

    it('answers 409 SESSION_FULL when every spot is taken; a cancellation frees the spot', async () => {
      const sessionId = await publishedSession({ capacity: 1 });
      const taken = await booked(sessionId, otherMember.headers);
      expect(expectStatus(await book(sessionId), 409).json()).toMatchObject({ code: 'SESSION_FULL' });
      expectStatus(await cancel(taken.id, otherMember.headers), 200);
      await booked(sessionId);
    });

    it('ends consistent when a cancellation and a booking race for the last spot, again and again', async () => {
      const sessionId = await publishedSession({ capacity: 1 });
      let holder = { booking: await booked(sessionId, otherMember.headers), headers: otherMember.headers };
      let challenger = member.headers;
      for (let round = 0; round < 6; round += 1) {
        const [cancelled, attempt] = await Promise.all([cancel(holder.booking.id, holder.headers), book(sessionId, challenger)]);
        expect(cancelled.statusCode).toBe(200);
        expect([201, 409]).toContain(attempt.statusCode);
        const confirmed = await t.composition.database.db
          .selectFrom('bookings')
          .select('member_id')
          .where('session_id', '=', sessionId)
          .where('status', '=', 'confirmed')
          .execute();
        const view = expectStatus(await api.get(`/sessions/${sessionId}`), 200).json();
        // Never two on one spot, and the schedule tells the truth about the spot either way.
        expect(confirmed).toHaveLength(attempt.statusCode === 201 ? 1 : 0);
        expect(view).toMatchObject({ bookedCount: confirmed.length, availableSpots: 1 - confirmed.length });
        const next = attempt.statusCode === 201 ? attempt.json() : await booked(sessionId, challenger);
        [holder, challenger] = [{ booking: next, headers: challenger }, holder.headers];
      }
    });

    it('answers 409 INVALID_STATE for a draft its trainer books, a cancelled session and a started one', async () => {
      const draft = await publishedSession({}, false);
      expect(expectStatus(await book(draft, trainer.headers), 409).json()).toMatchObject({ code: 'INVALID_STATE' });
      const cancelled = await publishedSession();
      expectStatus(await api.post(`/sessions/${cancelled}/cancel`, { reason: 'Snow' }, trainer.headers), 200);
      expect(expectStatus(await book(cancelled), 409).json()).toMatchObject({ code: 'INVALID_STATE' });
      const started = await publishedSession();
      expect(expectStatus(await onceStarted(started, () => book(started)), 409).json()).toMatchObject({ code: 'INVALID_STATE' });
    });

    it('announces in Session.actions the very refusal a booking gets: code and sentence', async () => {
      const full = await publishedSession({ capacity: 1 });
      await booked(full, otherMember.headers);
      const mine = await publishedSession();
      await booked(mine);
      const holding = await publishedSession();
      expectStatus(await api.post(`/sessions/${holding}/hold`, undefined, member.headers), 201);
      const cancelled = await publishedSession();
      expectStatus(await api.post(`/sessions/${cancelled}/cancel`, { reason: 'Snow' }, trainer.headers), 200);
      const started = await publishedSession();
      const announcedThenAnswered = async (sessionId: string) => {
        const { actions } = expectStatus(await api.get(`/sessions/${sessionId}`, member.headers), 200).json();
        return { announced: actions.book, answer: (await book(sessionId)).json() };
      };
      const cases = [];
      for (const sessionId of [full, mine, holding, cancelled]) cases.push(await announcedThenAnswered(sessionId));
      cases.push(await onceStarted(started, () => announcedThenAnswered(started)));
      const codes = [];
      for (const { announced, answer } of cases) {
        expect(announced.allowed).toBe(false);
        expect(answer).toMatchObject({ code: announced.code, detail: announced.reason });
        codes.push(announced.code);
      }
      expect(codes).toEqual(['SESSION_FULL', 'ALREADY_BOOKED', 'ALREADY_HOLDING', 'INVALID_STATE', 'INVALID_STATE']);
    });

    it('answers 404 for an unknown session and a draft the member may not see, 400 for a bad id, 401 signed out', async () => {
      expect(expectStatus(await book(UNKNOWN_ID), 404).json()).toMatchObject({ code: 'NOT_FOUND' });
      expect(expectStatus(await book(await publishedSession({}, false)), 404).json()).toMatchObject({ code: 'NOT_FOUND' });
      expect(expectStatus(await book('not-a-uuid'), 400).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(expectStatus(await book(UNKNOWN_ID, {}), 401).json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    });
  });

  describe('GET /bookings and /bookings/:id', () => {
    it('lists my bookings by scope: upcoming soonest first, cancelled, past', async () => {
      const me = await signUp(t.app, { name: 'Lisa Lister' });
      // Each freshWeek is a later week than the one before: `a` starts first.
      // The first session of all (fresh weeks come in order): the one that will have started.
      const started = await publishedSession();
      await booked(started, me.headers);
      const a = await booked(await publishedSession(), me.headers);
      const b = await booked(await publishedSession(), me.headers);
      const c = await booked(await publishedSession(), me.headers);
      expectStatus(await cancel(c.id, me.headers), 200);
      await onceStarted(started, async () => {
        const upcoming = expectStatus(await api.get('/bookings?scope=upcoming', me.headers), 200).json();
        expect(upcoming).toMatchObject({ page: 1, pageSize: 20, total: 2 });
        expect(upcoming.items.map((item: BookingJson) => item.id)).toEqual([a.id, b.id]);
        const byDefault = expectStatus(await api.get('/bookings', me.headers), 200).json();
        expect(byDefault.total).toBe(2);
        const cancelled = expectStatus(await api.get('/bookings?scope=cancelled', me.headers), 200).json();
        expect(cancelled.items).toEqual([expect.objectContaining({ id: c.id, status: 'cancelled', refundPercentage: 100 })]);
        const past = expectStatus(await api.get('/bookings?scope=past', me.headers), 200).json();
        expect(past.items).toEqual([expect.objectContaining({ sessionId: started, status: 'confirmed' })]);
        const paged = expectStatus(await api.get('/bookings?scope=upcoming&page=2&pageSize=1', me.headers), 200).json();
        expect(paged).toMatchObject({ page: 2, pageSize: 1, total: 2, items: [expect.objectContaining({ id: b.id })] });
      });
      expect(expectStatus(await api.get('/bookings?scope=soon', me.headers), 400).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
      expectStatus(await api.get('/bookings'), 401);
      // Nobody else's bookings.
      const others = expectStatus(await api.get('/bookings?scope=upcoming', otherTrainer.headers), 200).json();
      expect(others.items.map((item: BookingJson) => item.id)).not.toContain(a.id);
    });

    it('shows a booking to its member, the session’s trainer and an admin; 404 to anyone else', async () => {
      const booking = await booked(await publishedSession());
      for (const headers of [member.headers, admin.headers]) {
        expect(expectStatus(await api.get(`/bookings/${booking.id}`, headers), 200).json()).toEqual(booking);
      }
      // The class's trainer sees it, and is told it is not theirs to cancel.
      expect(expectStatus(await api.get(`/bookings/${booking.id}`, trainer.headers), 200).json()).toEqual({
        ...booking,
        actions: { cancel: { allowed: false, code: 'FORBIDDEN', reason: 'Only its member or an admin can cancel a booking' } },
        refundOutlook: null,
      });
      for (const headers of [otherMember.headers, otherTrainer.headers]) {
        expect(expectStatus(await api.get(`/bookings/${booking.id}`, headers), 404).json()).toMatchObject({ code: 'NOT_FOUND' });
      }
      expectStatus(await api.get(`/bookings/${UNKNOWN_ID}`, member.headers), 404);
      expectStatus(await api.get(`/bookings/${booking.id}`), 401);
    });
  });

  describe('PATCH /bookings/:id/cancel', () => {
    it('cancels more than 24 h before: 100 % refunded, in the same answer; the spot is free again', async () => {
      const sessionId = await publishedSession({ capacity: 2, creditCost: 3 });
      const booking = await booked(sessionId);
      const cancelled = expectStatus(await cancel(booking.id), 200).json();
      expect(cancelled).toMatchObject({
        id: booking.id,
        status: 'cancelled',
        cancelledAt: expect.stringMatching(/Z$/),
        refundPercentage: 100,
        creditsSpent: 3,
        creditsRefunded: 3,
        cancelledBy: 'member',
        cancellationReason: null,
      });
      expect(expectStatus(await api.get(`/sessions/${sessionId}`, member.headers), 200).json()).toMatchObject({ bookedCount: 0, availableSpots: 2, me: { bookingId: null } });
      const events = await t.composition.database.db.selectFrom('outbox').select('type').where('aggregate_id', '=', booking.id).orderBy('seq').execute();
      expect(events.map((row) => row.type)).toEqual(['BookingConfirmed', 'BookingCancelled']);
    });

    it('refunds 50 % between 24 h and 12 h before, and nothing within 12 h', async () => {
      const cancelledHoursBefore = async (hours: number) => {
        const sessionId = await publishedSession();
        const booking = await booked(sessionId);
        return expectStatus(await hoursBeforeStart(sessionId, hours, () => cancel(booking.id)), 200).json();
      };
      expect(await cancelledHoursBefore(18)).toMatchObject({ refundPercentage: 50, creditsRefunded: 1 });
      expect(await cancelledHoursBefore(6)).toMatchObject({ refundPercentage: 0, creditsRefunded: 0 });
    });

    it('lets an admin cancel; 404 for another member and the trainer; 409 INVALID_STATE when already cancelled', async () => {
      const booking = await booked(await publishedSession());
      expectStatus(await cancel(booking.id, otherMember.headers), 404);
      expectStatus(await cancel(booking.id, trainer.headers), 404);
      expect(expectStatus(await cancel(booking.id, admin.headers), 200).json()).toMatchObject({ status: 'cancelled' });
      expect(expectStatus(await cancel(booking.id), 409).json()).toMatchObject({ code: 'INVALID_STATE' });
      expectStatus(await cancel(UNKNOWN_ID), 404);
    });

    it('refuses once the session has started with 409 INVALID_STATE', async () => {
      const started = await publishedSession();
      const booking = await booked(started);
      expect(expectStatus(await onceStarted(started, () => cancel(booking.id)), 409).json()).toMatchObject({ code: 'INVALID_STATE' });
    });
  });

  describe('a class the studio cancels', () => {
    it('shows each member the booking under Cancelled: by the studio, its reason, a full refund; the member cancelled keeps theirs', async () => {
      const sessionId = await publishedSession({ creditCost: 3 });
      const booking = await booked(sessionId);
      const theirs = await booked(sessionId, otherMember.headers);
      expectStatus(await cancel(theirs.id, otherMember.headers), 200);
      expectStatus(await api.post(`/sessions/${sessionId}/cancel`, { reason: 'Tess is ill' }, trainer.headers), 200);
      // The engine runs in this process (no Redis): it delivers SessionCancelled to the booking context's subscriber.
      await t.composition.events?.settle();

      const cancelled = expectStatus(await api.get('/bookings?scope=cancelled&pageSize=100', member.headers), 200).json();
      expect(cancelled.items.find((item: BookingJson) => item.id === booking.id)).toMatchObject({
        status: 'cancelled',
        cancelledBy: 'studio',
        cancellationReason: 'Tess is ill',
        refundPercentage: 100,
        creditsSpent: 3,
        creditsRefunded: 3,
      });
      expect(expectStatus(await api.get(`/bookings/${theirs.id}`, otherMember.headers), 200).json()).toMatchObject({
        cancelledBy: 'member',
        cancellationReason: null,
      });
      const events = await t.composition.database.db.selectFrom('outbox').select('payload').where('aggregate_id', '=', booking.id).where('type', '=', 'BookingCancelled').execute();
      expect(events.map((row) => row.payload)).toEqual([expect.objectContaining({ cancelledBy: 'studio', reason: 'Tess is ill', refundPercentage: 100 })]);
    });
  });

  describe('GET /bookings/:id/calendar.ics', () => {
    it('answers its member a VEVENT with UTC times, the studio as location and CRLF lines', async () => {
      const booking = await booked(await publishedSession({ name: 'Yoga; Flow, Slow' }));
      const response = expectStatus(await api.get(`/bookings/${booking.id}/calendar.ics`, member.headers), 200);
      expect(response.headers['content-type']).toMatch(/^text\/calendar/);
      const body = response.body;
      expect(body.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
      expect(body.endsWith('\r\n')).toBe(true);
      const lines = body.split('\r\n');
      expect(lines).toEqual(
        expect.arrayContaining([
          'BEGIN:VCALENDAR',
          'VERSION:2.0',
          'BEGIN:VEVENT',
          `UID:booking-${booking.id}@fitflow`,
          `DTSTART:${(booking['startsAt'] as string).replace(/[-:]/g, '').replace('.000', '')}`,
          `DTEND:${(booking['endsAt'] as string).replace(/[-:]/g, '').replace('.000', '')}`,
          'SUMMARY:Yoga\\; Flow\\, Slow',
          'LOCATION:FitFlow Studio\\, Mitte',
          'END:VEVENT',
          'END:VCALENDAR',
        ]),
      );
      expect(lines.find((line) => line.startsWith('DTSTAMP:'))).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    });

    it('answers 404 to anyone but its member, even the trainer and an admin', async () => {
      const booking = await booked(await publishedSession());
      for (const headers of [otherMember.headers, trainer.headers, admin.headers]) {
        expectStatus(await api.get(`/bookings/${booking.id}/calendar.ics`, headers), 404);
      }
      expectStatus(await api.get(`/bookings/${UNKNOWN_ID}/calendar.ics`, member.headers), 404);
    });
  });

  describe('under concurrency, over real HTTP', () => {
    // PostgreSQL: two real API processes (main.ts) besides this one; PGlite: this one process.
    const members = 200;
    const capacity = 10;
    let apps: TestApp[];
    let urls: string[];
    let processes: ApiProcesses | undefined;
    let database: Awaited<ReturnType<typeof createTestDatabase>>;

    beforeAll(async () => {
      if (kind === 'postgres') {
        database = await createTestDatabase('postgres');
        apps = [await createTestAppOn(database, ENV)];
        processes = await startApiProcesses(2, { ...ENV, DATABASE_URL: database.url as string, JWT_SECRET: apps[0]!.config.jwtSecret });
        urls = processes.urls;
      } else {
        apps = [t];
        database = t.composition.database;
        await t.app.listen({ port: 0, host: '127.0.0.1' });
        urls = [`http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/v1`];
      }
    }, 180_000);
    afterAll(async () => {
      await processes?.stop();
      if (kind === 'postgres') for (const app of apps ?? []) await app.close(); // drops the database
    });

    const post = (url: string, path: string, body: object | undefined, headers: Headers = {}) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { ...headers, ...(body && { 'content-type': 'application/json' }) },
        ...(body && { body: JSON.stringify(body) }),
      });
    const signUpOver = async (url: string, name: string): Promise<Headers> => {
      const account = newMember({ name });
      const registered = await post(url, '/auth/register', account);
      expect(registered.status).toBe(201);
      await grantCredits(apps[0]!.app, ((await registered.json()) as { id: string }).id, TEST_CREDITS);
      const response = await post(url, '/auth/login', { email: account.email, password: account.password });
      expect(response.status).toBe(200);
      return { authorization: `Bearer ${((await response.json()) as { accessToken: string }).accessToken}` };
    };
    const scheduleOver = async (): Promise<string> => {
      const url = urls[0] as string;
      const owner = await signIn(apps[0]!.app, TEST_ADMIN.email, TEST_ADMIN.password);
      const week = freshWeek();
      const created = await post(url, '/sessions', { name: 'Rush Hour', capacity, creditCost: 1, startsAt: week.at(3, '18:00'), endsAt: week.at(3, '19:00') }, owner.headers);
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      expect((await post(url, `/sessions/${id}/publish`, undefined, owner.headers)).status).toBe(200);
      return id;
    };
    const confirmedRows = async (sessionId: string) =>
      (await database.db.selectFrom('bookings').select('id').where('session_id', '=', sessionId).where('status', '=', 'confirmed').execute()).length;

    it(`sells exactly ${capacity} spots when ${members} members book at once across every process`, async () => {
      const sessionId = await scheduleOver();
      const rushers = await seedMembersWithTokens(database.db, apps[0]!.config.jwtSecret, members);
      const responses = await Promise.all(
        rushers.map(({ authorization }, i) => post(urls[i % urls.length] as string, `/sessions/${sessionId}/book`, undefined, { authorization })),
      );
      const bodies = (await Promise.all(responses.map((response) => response.json()))) as { code?: string }[];
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 201)).toHaveLength(capacity);
      expect(statuses.filter((status) => status === 409)).toHaveLength(members - capacity);
      expect(bodies.filter((body) => body.code === 'SESSION_FULL')).toHaveLength(members - capacity);
      expect(await confirmedRows(sessionId)).toBe(capacity);
    }, 180_000);

    it('gives one member sending 20 bookings at once exactly one', async () => {
      const sessionId = await scheduleOver();
      const headers = await signUpOver(urls[0] as string, 'Eager Eddie');
      const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => post(urls[i % urls.length] as string, `/sessions/${sessionId}/book`, undefined, headers)));
      const bodies = (await Promise.all(responses.map((response) => response.json()))) as { code?: string }[];
      expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
      expect(bodies.filter((body) => body.code === 'ALREADY_BOOKED')).toHaveLength(19);
      expect(await confirmedRows(sessionId)).toBe(1);
    }, 60_000);
  });
});
