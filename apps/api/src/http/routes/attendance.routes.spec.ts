import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../../testing/databases';
import { apiClient, expectStatus, freshWeek, signUpAs, type Headers, type SignedIn } from '../../testing/scheduling';
import { TEST_ADMIN, createTestApp, signIn, signUp, type TestApp } from '../../testing/test-app';
import { TravellingClock } from '../../testing/travelling-clock';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const MINUTE = 60_000;
const ENV = { CHECKIN_GRACE: '10m', RATE_LIMITS: 'login=10000/1m,login-address=10000/1m' };

interface Class {
  sessionId: string;
  startsAt: number;
  endsAt: number;
  week: ReturnType<typeof freshWeek>;
  /** Booking ids by member. */
  bookings: { member: string; other: string };
}

describe.each(TEST_DATABASES)('check-in and attendance routes on %s', (kind) => {
  const clock = new TravellingClock();
  let t: TestApp;
  let api: ReturnType<typeof apiClient>;
  let admin: Headers;
  let trainer: SignedIn;
  let otherTrainer: SignedIn;
  let member: SignedIn;
  let other: SignedIn;

  beforeAll(async () => {
    t = await createTestApp(kind, ENV, clock);
    api = apiClient(t.app);
    admin = (await signIn(t.app, TEST_ADMIN.email, TEST_ADMIN.password)).headers;
    [trainer, otherTrainer, member, other] = await Promise.all([
      signUpAs(t.app, 'trainer', { name: 'Tess Trainer' }),
      signUpAs(t.app, 'trainer', { name: 'Otto Other' }),
      signUp(t.app, { name: 'Maya Member' }),
      signUp(t.app, { name: 'Ben Booker' }),
    ]);
  });
  afterAll(() => t?.close());

  /** A published class of Tess's, 07:00–08:00 in a fresh week, booked by Maya and Ben. */
  async function bookedClass(): Promise<Class> {
    const week = freshWeek();
    const body = { name: 'Door Yoga', capacity: 10, creditCost: 0, startsAt: week.at(2, '07:00'), endsAt: week.at(2, '08:00') };
    const { id: sessionId } = expectStatus(await api.post('/sessions', body, trainer.headers), 201).json() as { id: string };
    expectStatus(await api.post(`/sessions/${sessionId}/publish`, undefined, trainer.headers), 200);
    const book = async (who: SignedIn) => (expectStatus(await api.post(`/sessions/${sessionId}/book`, undefined, who.headers), 201).json() as { id: string }).id;
    return { sessionId, startsAt: Date.parse(body.startsAt), endsAt: Date.parse(body.endsAt), week, bookings: { member: await book(member), other: await book(other) } };
  }

  /**
   * Runs `work` as the API sees `minutes` after the class's start (negative: before it). The travelling clock keeps
   * running, so instants land a few milliseconds later: tests stay a minute clear of an edge on the side that matters
   * (the edges themselves are pinned to the millisecond by the domain's tests).
   */
  const minutesFromStart = <T>(lesson: Class, minutes: number, work: () => Promise<T>) => clock.at(new Date(lesson.startsAt + minutes * MINUTE), work);
  const checkInByHand = (bookingId: string, headers: Headers = trainer.headers) => api.post(`/bookings/${bookingId}/checkin`, { method: 'manual' }, headers);
  const scan = (code: string, headers: Headers = trainer.headers) => api.post('/checkins', { code }, headers);
  const codeOf = async (bookingId: string, headers: Headers = member.headers) =>
    (expectStatus(await api.get(`/bookings/${bookingId}/checkin-code`, headers), 200).json() as { code: string }).code;
  const roster = async (lesson: Class, headers: Headers = trainer.headers) => expectStatus(await api.get(`/sessions/${lesson.sessionId}/roster`, headers), 200).json();
  const problem = (response: { statusCode: number; json: () => unknown }) => [response.statusCode, (response.json() as { code: string }).code];

  describe('the roster', () => {
    it('lists the booked members by name for the class’s trainer and admins, without cancelled bookings', async () => {
      const lesson = await bookedClass();
      const third = await signUp(t.app, { name: 'Cleo Cancelled' });
      const cancelled = expectStatus(await api.post(`/sessions/${lesson.sessionId}/book`, undefined, third.headers), 201).json() as { id: string };
      expectStatus(await api.patch(`/bookings/${cancelled.id}/cancel`, {}, third.headers), 200);

      const entries = await roster(lesson);

      expect(entries).toEqual([
        { bookingId: lesson.bookings.other, userId: other.id, name: 'Ben Booker', email: other.email, status: 'confirmed', checkedInAt: null, isLate: false, method: null },
        { bookingId: lesson.bookings.member, userId: member.id, name: 'Maya Member', email: member.email, status: 'confirmed', checkedInAt: null, isLate: false, method: null },
      ]);
      expect(await roster(lesson, admin)).toEqual(entries);
    });

    it('answers 403 to members and to another trainer, 404 for an unknown session or another trainer’s draft, 401 anonymous', async () => {
      const lesson = await bookedClass();
      expect(problem(await api.get(`/sessions/${lesson.sessionId}/roster`, member.headers))).toEqual([403, 'FORBIDDEN']);
      expect(problem(await api.get(`/sessions/${lesson.sessionId}/roster`, otherTrainer.headers))).toEqual([403, 'FORBIDDEN']);
      expect(problem(await api.get(`/sessions/${UNKNOWN_ID}/roster`, admin))).toEqual([404, 'NOT_FOUND']);
      const week = freshWeek();
      const draft = expectStatus(await api.post('/sessions', { name: 'Draft', capacity: 5, startsAt: week.at(1, '07:00'), endsAt: week.at(1, '08:00') }, trainer.headers), 201).json() as { id: string };
      expect(problem(await api.get(`/sessions/${draft.id}/roster`, otherTrainer.headers))).toEqual([404, 'NOT_FOUND']);
      expect(expectStatus(await api.get(`/sessions/${draft.id}/roster`, trainer.headers), 200).json()).toEqual([]);
      expect(problem(await api.get(`/sessions/${lesson.sessionId}/roster`))).toEqual([401, 'UNAUTHENTICATED']);
    });
  });

  describe('checking in by hand', () => {
    it('checks a member in from 30 minutes before the start, once; the roster and the member’s booking show it', async () => {
      const lesson = await bookedClass();

      const first = await minutesFromStart(lesson, -30, () => checkInByHand(lesson.bookings.member));
      const again = await minutesFromStart(lesson, -29, () => checkInByHand(lesson.bookings.member));

      const { checkedInAt } = expectStatus(first, 201).json() as { checkedInAt: string };
      expect(Date.parse(checkedInAt) - (lesson.startsAt - 30 * MINUTE)).toBeGreaterThanOrEqual(0);
      expect(Date.parse(checkedInAt) - (lesson.startsAt - 30 * MINUTE)).toBeLessThan(MINUTE);
      expect(first.json()).toEqual({
        bookingId: lesson.bookings.member,
        sessionId: lesson.sessionId,
        sessionName: 'Door Yoga',
        userId: member.id,
        userName: 'Maya Member',
        checkedInAt,
        isLate: false,
        method: 'manual',
      });
      expect(problem(again)).toEqual([409, 'ALREADY_CHECKED_IN']);
      expect((again.json() as { detail: string }).detail).toBe('Maya Member is already checked in');
      expect(await roster(lesson)).toContainEqual(expect.objectContaining({ bookingId: lesson.bookings.member, checkedInAt, method: 'manual', isLate: false }));
      expect(expectStatus(await api.get(`/bookings/${lesson.bookings.member}`, member.headers), 200).json()).toMatchObject({ status: 'confirmed', checkedInAt, isLate: false });
    });

    it('refuses outside the window with 409 INVALID_STATE: before it opens, and from the end', async () => {
      const lesson = await bookedClass();
      const early = await minutesFromStart(lesson, -31, () => checkInByHand(lesson.bookings.member));
      const over = await clock.at(new Date(lesson.endsAt), () => checkInByHand(lesson.bookings.member));
      expect([problem(early), problem(over)]).toEqual([
        [409, 'INVALID_STATE'],
        [409, 'INVALID_STATE'],
      ]);
      expect((await roster(lesson)).every((entry: { checkedInAt: string | null }) => entry.checkedInAt === null)).toBe(true);
    });

    it('flags as late a check-in after the start plus CHECKIN_GRACE, and shows it on the member’s booking', async () => {
      const lesson = await bookedClass();

      const onTime = await minutesFromStart(lesson, 9, () => checkInByHand(lesson.bookings.other));
      const late = await minutesFromStart(lesson, 11, () => checkInByHand(lesson.bookings.member));

      expect(expectStatus(onTime, 201).json()).toMatchObject({ isLate: false });
      expect(expectStatus(late, 201).json()).toMatchObject({ isLate: true });
      const past = await minutesFromStart(lesson, 20, async () => expectStatus(await api.get('/bookings?scope=past', member.headers), 200).json());
      expect(past.items).toContainEqual(expect.objectContaining({ id: lesson.bookings.member, status: 'confirmed', isLate: true }));
    });

    it('lets only the class’s trainer and admins check in: members 403, another trainer 404, anonymous 401', async () => {
      const lesson = await bookedClass();
      const answers = await minutesFromStart(lesson, -5, async () => [
        problem(await checkInByHand(lesson.bookings.member, member.headers)),
        problem(await checkInByHand(lesson.bookings.member, otherTrainer.headers)),
        problem(await checkInByHand(lesson.bookings.member, {})),
        problem(await checkInByHand(UNKNOWN_ID)),
        (await checkInByHand(lesson.bookings.member, admin)).statusCode,
      ]);
      expect(answers).toEqual([[403, 'FORBIDDEN'], [404, 'NOT_FOUND'], [401, 'UNAUTHENTICATED'], [404, 'NOT_FOUND'], 201]);
    });

    it('takes only { method: "manual" }', async () => {
      const lesson = await bookedClass();
      expect(problem(await api.post(`/bookings/${lesson.bookings.member}/checkin`, { method: 'qr' }, trainer.headers))).toEqual([400, 'VALIDATION_FAILED']);
    });
  });

  describe('moving a class', () => {
    it('moves a class nobody has checked in to yet, and refuses once a member has with 409 INVALID_STATE', async () => {
      const lesson = await bookedClass();
      const move = (change: { startsAt?: string; endsAt?: string }) => api.patch(`/sessions/${lesson.sessionId}`, change, trainer.headers);
      const later = (ms: number, minutes: number) => new Date(ms + minutes * MINUTE).toISOString();

      const longer = await minutesFromStart(lesson, -29, () => move({ endsAt: later(lesson.endsAt, 15) }));
      expectStatus(await minutesFromStart(lesson, -25, () => checkInByHand(lesson.bookings.member)), 201);
      const refused = await minutesFromStart(lesson, -20, async () => [
        await move({ startsAt: later(lesson.startsAt, 60) }),
        await move({ endsAt: later(lesson.endsAt, 30) }),
      ]);
      const resized = await minutesFromStart(lesson, -19, () => api.patch(`/sessions/${lesson.sessionId}`, { capacity: 12 }, trainer.headers));

      expect(expectStatus(longer, 200).json()).toMatchObject({ endsAt: later(lesson.endsAt, 15) });
      expect(refused.map(problem)).toEqual([
        [409, 'INVALID_STATE'],
        [409, 'INVALID_STATE'],
      ]);
      expect((refused[0]?.json() as { detail: string }).detail).toBe('Members are already checked in; the class can no longer be moved');
      expect(expectStatus(resized, 200).json()).toMatchObject({ startsAt: new Date(lesson.startsAt).toISOString(), endsAt: later(lesson.endsAt, 15), capacity: 12 });
    });
  });

  describe('the member’s code and QR', () => {
    it('gives the member the code, when the door opens and closes, and the QR of that very code; nobody else', async () => {
      const lesson = await bookedClass();

      const answer = expectStatus(await api.get(`/bookings/${lesson.bookings.member}/checkin-code`, member.headers), 200).json();
      const qr = await api.get(`/bookings/${lesson.bookings.member}/qr`, member.headers);

      expect(answer).toEqual({
        bookingId: lesson.bookings.member,
        code: expect.stringMatching(/^[0-9A-F]{64}$/),
        opensAt: new Date(lesson.startsAt - 30 * MINUTE).toISOString(),
        closesAt: new Date(lesson.endsAt).toISOString(),
      });
      expect(expectStatus(qr, 200).headers['content-type']).toBe('image/svg+xml; charset=utf-8');
      expect(qr.body).toBe(await QRCode.toString(answer.code, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000ff', light: '#ffffffff' } }));
      expect(qr.headers['cache-control']).toBe('no-store');
      for (const headers of [other.headers, trainer.headers, admin]) {
        expect(problem(await api.get(`/bookings/${lesson.bookings.member}/qr`, headers))).toEqual([404, 'NOT_FOUND']);
        expect(problem(await api.get(`/bookings/${lesson.bookings.member}/checkin-code`, headers))).toEqual([404, 'NOT_FOUND']);
      }
      expect(problem(await api.get(`/bookings/${lesson.bookings.member}/qr`))).toEqual([401, 'UNAUTHENTICATED']);
    });

    it('checks the member in when the class’s trainer scans the code, typed in lower case or with a scanner’s line break too', async () => {
      const lesson = await bookedClass();
      const code = await codeOf(lesson.bookings.member);
      const otherCode = await codeOf(lesson.bookings.other, other.headers);

      const scanned = await minutesFromStart(lesson, 2, () => scan(code));
      const typed = await minutesFromStart(lesson, 3, () => scan(` ${otherCode.toLowerCase()}\n`, admin));

      expect(expectStatus(scanned, 201).json()).toMatchObject({ bookingId: lesson.bookings.member, userName: 'Maya Member', method: 'qr', isLate: false });
      expect(expectStatus(typed, 201).json()).toMatchObject({ bookingId: lesson.bookings.other, userName: 'Ben Booker', method: 'qr' });
    });

    it('refuses forged and foreign codes with 400 INVALID_CODE, and members with 403', async () => {
      const lesson = await bookedClass();
      const code = await codeOf(lesson.bookings.member);
      const changed = `${code.slice(0, 40)}${code[40] === 'A' ? 'B' : 'A'}${code.slice(41)}`;
      const fromTheId = `${lesson.bookings.member.replaceAll('-', '').toUpperCase()}${'0'.repeat(32)}`;

      const answers = await minutesFromStart(lesson, 0, async () => [
        problem(await scan(changed)),
        problem(await scan(fromTheId)),
        problem(await scan(lesson.bookings.member)),
        problem(await scan('https://example.com/not-a-fitflow-code')),
        problem(await scan(code, otherTrainer.headers)),
        problem(await scan(code, member.headers)),
      ]);

      expect(answers).toEqual([
        [400, 'INVALID_CODE'],
        [400, 'INVALID_CODE'],
        [400, 'INVALID_CODE'],
        [400, 'INVALID_CODE'],
        [400, 'INVALID_CODE'],
        [403, 'FORBIDDEN'],
      ]);
      expect((await roster(lesson)).every((entry: { checkedInAt: string | null }) => entry.checkedInAt === null)).toBe(true);
    });

    it('refuses the code of a cancelled booking with 400 INVALID_CODE, and gives no code for it any more', async () => {
      const lesson = await bookedClass();
      const code = await codeOf(lesson.bookings.member);
      expectStatus(await api.patch(`/bookings/${lesson.bookings.member}/cancel`, {}, member.headers), 200);

      expect(problem(await minutesFromStart(lesson, -10, () => scan(code)))).toEqual([400, 'INVALID_CODE']);
      expect(problem(await api.get(`/bookings/${lesson.bookings.member}/checkin-code`, member.headers))).toEqual([409, 'INVALID_STATE']);
      expect(problem(await api.get(`/bookings/${lesson.bookings.member}/qr`, member.headers))).toEqual([409, 'INVALID_STATE']);
    });

    it('checks in once when one code is scanned twice at the same moment: one 201, one 409 ALREADY_CHECKED_IN', async () => {
      const lesson = await bookedClass();
      const code = await codeOf(lesson.bookings.member);

      const answers = await minutesFromStart(lesson, -1, () => Promise.all([scan(code), scan(code, admin)]));

      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409]);
      expect(problem(answers.find((answer) => answer.statusCode === 409) as (typeof answers)[number])).toEqual([409, 'ALREADY_CHECKED_IN']);
      const db = t.composition.database.db;
      expect(await db.selectFrom('check_ins').select('booking_id').where('booking_id', '=', lesson.bookings.member).execute()).toHaveLength(1);
      const events = await db.selectFrom('outbox').select('type').where('aggregate_id', '=', lesson.bookings.member).where('type', '=', 'CheckInRecorded').execute();
      expect(events).toHaveLength(1);
    });

    it('answers a retried scan with the same Idempotency-Key with its first answer', async () => {
      const lesson = await bookedClass();
      const code = await codeOf(lesson.bookings.member);
      const headers = { ...trainer.headers, 'idempotency-key': `door-${lesson.sessionId}` };

      const [first, retry] = await minutesFromStart(lesson, -1, async () => [await scan(code, headers), await scan(code, headers)]);

      expect(expectStatus(retry as typeof first, 201).json()).toEqual(expectStatus(first, 201).json());
      expect(retry?.headers['idempotent-replayed']).toBe('true');
    });
  });

  describe('no-shows', () => {
    it('reads a booked member who never came as a no-show from the class’s end, before the job runs; the job then stores it once', async () => {
      const lesson = await bookedClass();
      expectStatus(await minutesFromStart(lesson, 5, () => checkInByHand(lesson.bookings.other)), 201);
      const db = t.composition.database.db;
      const storedStatus = async () => (await db.selectFrom('bookings').select('status').where('id', '=', lesson.bookings.member).executeTakeFirstOrThrow()).status;

      const before = await clock.at(new Date(lesson.endsAt - MINUTE), async () => (await roster(lesson)).map((entry: { status: string }) => entry.status));
      const after = await clock.at(new Date(lesson.endsAt), async () => ({
        roster: await roster(lesson),
        past: expectStatus(await api.get('/bookings?scope=past', member.headers), 200).json(),
        stored: await storedStatus(),
      }));

      expect(before).toEqual(['confirmed', 'confirmed']);
      expect(after.roster.map((entry: { name: string; status: string }) => [entry.name, entry.status])).toEqual([
        ['Ben Booker', 'confirmed'],
        ['Maya Member', 'no_show'],
      ]);
      expect(after.past.items).toContainEqual(expect.objectContaining({ id: lesson.bookings.member, status: 'no_show' }));
      expect(after.stored).toBe('confirmed');

      const marked = await clock.at(new Date(lesson.endsAt + MINUTE), () => t.composition.handlers.attendance.markNoShows.handle({ sessionId: lesson.sessionId }));
      const markedAgain = await clock.at(new Date(lesson.endsAt + 2 * MINUTE), () => t.composition.handlers.attendance.markNoShows.handle({ sessionId: lesson.sessionId }));

      expect([marked, markedAgain]).toEqual([1, 0]);
      expect(await storedStatus()).toBe('no_show');
      const events = await db.selectFrom('outbox').select('aggregate_id').where('type', '=', 'BookingMarkedNoShow').where('aggregate_id', 'in', Object.values(lesson.bookings)).execute();
      expect(events.map((event) => event.aggregate_id)).toEqual([lesson.bookings.member]);
    });
    it('keeps the class’s bookedCount and the member’s own booking when the job marks the no-show', async () => {
      const lesson = await bookedClass();
      expectStatus(await minutesFromStart(lesson, 5, () => checkInByHand(lesson.bookings.other)), 201);
      const sessionAsSeenBy = (who: Headers) => clock.at(new Date(lesson.endsAt + MINUTE), async () => expectStatus(await api.get(`/sessions/${lesson.sessionId}`, who), 200).json());

      const before = { member: await sessionAsSeenBy(member.headers), anonymous: await sessionAsSeenBy({}) };
      const marked = await clock.at(new Date(lesson.endsAt + MINUTE), () => t.composition.handlers.attendance.markNoShows.handle({ sessionId: lesson.sessionId }));
      const after = { member: await sessionAsSeenBy(member.headers), anonymous: await sessionAsSeenBy({}) };

      expect(marked).toBe(1);
      expect(before.member).toMatchObject({ status: 'completed', bookedCount: 2, availableSpots: 8, me: { bookingId: lesson.bookings.member } });
      expect(after).toEqual(before);
    });

    it('answers GET /bookings/{id} with no_show from the class’s end, before the job runs, and after it', async () => {
      const lesson = await bookedClass();
      const bookingAt = (instant: number) => clock.at(new Date(instant), async () => expectStatus(await api.get(`/bookings/${lesson.bookings.member}`, member.headers), 200).json());

      const during = await bookingAt(lesson.endsAt - MINUTE);
      const ended = await bookingAt(lesson.endsAt + MINUTE);
      await clock.at(new Date(lesson.endsAt + MINUTE), () => t.composition.handlers.attendance.markNoShows.handle({ sessionId: lesson.sessionId }));
      const marked = await bookingAt(lesson.endsAt + 2 * MINUTE);

      expect(during).toMatchObject({ id: lesson.bookings.member, status: 'confirmed', checkedInAt: null });
      expect(ended).toMatchObject({ id: lesson.bookings.member, status: 'no_show', checkedInAt: null });
      expect(marked).toEqual(ended);
    });

    it('gives a no-show no code and no QR: 409 INVALID_STATE, before and after the job', async () => {
      const lesson = await bookedClass();
      const askAt = (instant: number) =>
        clock.at(new Date(instant), async () => [
          await api.get(`/bookings/${lesson.bookings.member}/checkin-code`, member.headers),
          await api.get(`/bookings/${lesson.bookings.member}/qr`, member.headers),
        ]);

      const ended = await askAt(lesson.endsAt + MINUTE);
      await clock.at(new Date(lesson.endsAt + MINUTE), () => t.composition.handlers.attendance.markNoShows.handle({ sessionId: lesson.sessionId }));
      const marked = await askAt(lesson.endsAt + 2 * MINUTE);

      for (const answer of [...ended, ...marked]) {
        expect(problem(answer)).toEqual([409, 'INVALID_STATE']);
        expect((answer.json() as { detail: string }).detail).toBe('This booking is no-show: it has no check-in code');
      }
    });
  });

  describe('the attendance report', () => {
    it('counts each class of the range: booked, checked in, late and no-shows, as the door saw them', async () => {
      const lesson = await bookedClass();
      const third = await signUp(t.app, { name: 'Cleo Came-Late' });
      const late = expectStatus(await api.post(`/sessions/${lesson.sessionId}/book`, undefined, third.headers), 201).json() as { id: string };
      const fourth = await signUp(t.app, { name: 'Dora Dropped' });
      const dropped = expectStatus(await api.post(`/sessions/${lesson.sessionId}/book`, undefined, fourth.headers), 201).json() as { id: string };
      expectStatus(await api.patch(`/bookings/${dropped.id}/cancel`, {}, fourth.headers), 200);
      expectStatus(await minutesFromStart(lesson, -5, () => checkInByHand(lesson.bookings.other)), 201);
      expectStatus(await minutesFromStart(lesson, 25, () => checkInByHand(late.id)), 201);
      const draftBody = { name: 'Unpublished', capacity: 5, startsAt: lesson.week.at(3, '07:00'), endsAt: lesson.week.at(3, '08:00') };
      expectStatus(await api.post('/sessions', draftBody, trainer.headers), 201);
      const range = `from=${encodeURIComponent(lesson.week.from)}&to=${encodeURIComponent(lesson.week.to)}`;

      const during = expectStatus(await minutesFromStart(lesson, 30, () => api.get(`/reports/attendance?${range}`, trainer.headers)), 200).json();
      const after = expectStatus(await clock.at(new Date(lesson.endsAt), () => api.get(`/reports/attendance?${range}`, trainer.headers)), 200).json();

      const row = {
        sessionId: lesson.sessionId,
        name: 'Door Yoga',
        templateId: null,
        trainerId: trainer.id,
        trainerName: 'Tess Trainer',
        startsAt: new Date(lesson.startsAt).toISOString(),
        endsAt: new Date(lesson.endsAt).toISOString(),
        capacity: 10,
        booked: 3,
        checkedIn: 2,
        late: 1,
      };
      expect(during).toEqual([{ ...row, noShow: 0 }]);
      expect(after).toEqual([{ ...row, noShow: 1 }]);
      expect(expectStatus(await api.get(`/reports/attendance?${range}`, admin), 200).json()).toContainEqual(expect.objectContaining({ sessionId: lesson.sessionId }));
      expect(expectStatus(await api.get(`/reports/attendance?${range}&trainerId=${otherTrainer.id}`, admin), 200).json()).toEqual([]);
      expect(expectStatus(await api.get(`/reports/attendance?${range}`, otherTrainer.headers), 200).json()).toEqual([]);
    });

    it('answers 403 to members and to a trainer naming another trainer, 400 to a reversed range, 401 anonymous', async () => {
      const week = freshWeek();
      const range = `from=${encodeURIComponent(week.from)}&to=${encodeURIComponent(week.to)}`;
      expect(problem(await api.get(`/reports/attendance?${range}`, member.headers))).toEqual([403, 'FORBIDDEN']);
      expect(problem(await api.get(`/reports/attendance?${range}&trainerId=${trainer.id}`, otherTrainer.headers))).toEqual([403, 'FORBIDDEN']);
      expect(problem(await api.get(`/reports/attendance?from=${encodeURIComponent(week.to)}&to=${encodeURIComponent(week.from)}`, admin))).toEqual([400, 'VALIDATION_FAILED']);
      expect(problem(await api.get(`/reports/attendance?from=${encodeURIComponent(week.from)}`, admin))).toEqual([400, 'VALIDATION_FAILED']);
      expect(problem(await api.get(`/reports/attendance?${range}`))).toEqual([401, 'UNAUTHENTICATED']);
    });
  });
});
