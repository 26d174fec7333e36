import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../../testing/databases';
import { apiClient, expectStatus, freshWeek, signUpAs, type Headers, type SignedIn } from '../../testing/scheduling';
import { TravellingClock } from '../../testing/travelling-clock';
import { TEST_ADMIN, createTestApp, signIn, signUp, type TestApp } from '../../testing/test-app';
import { balanceAddsUp as ledgerBalance } from '../../testing/ledger';
import type { Database } from '../../infrastructure/database/schema';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ENV = { RATE_LIMITS: 'hold=1000/1m,login=10000/1m,login-address=10000/1m' };

interface PackageJson {
  id: string;
  name: string;
  credits: number;
  priceCents: number;
  currency: string;
  validityDays: number;
}

interface PurchaseJson {
  id: string;
  packageId: string;
  status: string;
  credits: number;
  clientSecret: string | null;
  failureReason: string | null;
  [key: string]: unknown;
}

interface MembershipJson {
  credits: number;
  validUntil: string | null;
  expiresSoon: boolean;
}

interface TransactionJson {
  id: string;
  type: string;
  amount: number;
  balanceAfter: number;
  description: string;
  bookingId: string | null;
  purchaseId: string | null;
  createdAt: string;
}

interface BookingJson {
  id: string;
  status: string;
  creditsSpent: number;
  creditsRefunded: number | null;
  [key: string]: unknown;
}

/** Members whose CreditsDeducted events the database refuses while they are listed (`refusingDeductionEvents`). */
const REFUSED_DEDUCTIONS = 'test_refused_deductions';

/**
 * A trigger that refuses the CreditsDeducted outbox row of any member listed in REFUSED_DEDUCTIONS: a real failure
 * late in a booking's transaction. Created once, before any booking: created by a test while the app runs, its DDL
 * queued behind every open transaction that had written an event, and every later event behind the DDL (a CI run
 * hung there).
 */
async function refusingDeductionEvents(db: Kysely<Database>): Promise<void> {
  await sql`create table ${sql.table(REFUSED_DEDUCTIONS)} (member_id uuid primary key)`.execute(db);
  await sql`create function refuse_deduction_event() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from ${sql.table(REFUSED_DEDUCTIONS)} r where r.member_id::text = new.aggregate_id::text) then
        raise exception 'injected: no CreditsDeducted for %', new.aggregate_id;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger refuse_deduction_event before insert on outbox for each row
    when (new.type = 'CreditsDeducted') execute function refuse_deduction_event()`.execute(db);
}

/** Credits and payments through the HTTP API, on the test-mode gateway (the embedded default without a Stripe key). */
describe.each(TEST_DATABASES)('credit routes on %s', (kind) => {
  const clock = new TravellingClock();
  let t: TestApp;
  let api: ReturnType<typeof apiClient>;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let trainer: SignedIn;
  /** 5 credits for 50.00, valid 30 days. */
  let fivePack: PackageJson;
  /** 10 credits for 90.00, valid 30 days. */
  let tenPack: PackageJson;

  beforeAll(async () => {
    t = await createTestApp(kind, ENV, clock);
    api = apiClient(t.app);
    admin = await signIn(t.app, TEST_ADMIN.email, TEST_ADMIN.password);
    trainer = await signUpAs(t.app, 'trainer', { name: 'Tess Trainer' });
    fivePack = await createdPackage({ name: '5 classes', credits: 5, priceCents: 5_000, currency: 'EUR', validityDays: 30 });
    tenPack = await createdPackage({ name: '10 classes', credits: 10, priceCents: 9_000, currency: 'EUR', validityDays: 30 });
    await refusingDeductionEvents(t.composition.database.db);
  });
  afterAll(() => t?.close());

  async function createdPackage(body: Omit<PackageJson, 'id'>): Promise<PackageJson> {
    return expectStatus(await api.post('/credit-packages', body, admin.headers), 201).json();
  }

  /** A member with `credits` granted by the admin (no expiry); 0 for none. */
  const member = (credits = 0) => signUp(t.app, { credits });

  const purchase = (packageId: string, paymentMethodId: string, headers: Headers) =>
    api.post('/memberships/purchase', { packageId, paymentMethodId }, { 'idempotency-key': randomUUID(), ...headers });
  const bought = async (packageId: string, headers: Headers): Promise<PurchaseJson> =>
    expectStatus(await purchase(packageId, 'pm_card_visa', headers), 201).json();
  const membership = async (headers: Headers) =>
    expectStatus(await api.get('/memberships/me', headers), 200).json() as MembershipJson;
  /** The member's ledger as GET /memberships/me/transactions shows it, newest first. */
  const transactions = async (headers: Headers): Promise<TransactionJson[]> =>
    (expectStatus(await api.get('/memberships/me/transactions?pageSize=100', headers), 200).json() as { items: TransactionJson[] }).items;

  const balanceAddsUp = (memberId: string) => ledgerBalance(t.composition.database.db, memberId);

  /** A published session in a fresh week (half a year ahead: a cancel refunds 100 %). */
  const publishedSession = async (body: { capacity?: number; creditCost?: number; name?: string } = {}): Promise<string> => {
    const week = freshWeek();
    const created = { name: 'Spin Class', capacity: 5, creditCost: 3, startsAt: week.at(1, '07:00'), endsAt: week.at(1, '08:00'), ...body };
    const { id } = expectStatus(await api.post('/sessions', created, trainer.headers), 201).json() as { id: string };
    expectStatus(await api.post(`/sessions/${id}/publish`, undefined, trainer.headers), 200);
    return id;
  };
  const session = async (id: string, headers: Headers) => expectStatus(await api.get(`/sessions/${id}`, headers), 200).json();
  const book = (sessionId: string, headers: Headers) => api.post(`/sessions/${sessionId}/book`, undefined, headers);
  const booked = async (sessionId: string, headers: Headers): Promise<BookingJson> =>
    expectStatus(await book(sessionId, headers), 201).json();
  const bookingRows = (sessionId: string) =>
    t.composition.database.db.selectFrom('bookings').select(['id', 'member_id', 'status']).where('session_id', '=', sessionId).execute();
  /** The outbox's events of one type about `aggregateId` (a member's, for their credits). */
  const eventsOf = (aggregateId: string, type: string) =>
    t.composition.database.db.selectFrom('outbox').select('id').where('aggregate_id', '=', aggregateId).where('type', '=', type).execute();
  /** Runs `work` as if it were `hours` before the session's start, as the API sees it. */
  const hoursBeforeStart = async <T>(sessionId: string, hours: number, work: () => Promise<T>): Promise<T> => {
    const { startsAt } = expectStatus(await api.get(`/sessions/${sessionId}`), 200).json() as { startsAt: string };
    return clock.at(new Date(Date.parse(startsAt) - hours * HOUR), work);
  };

  describe('credit packages', () => {
    it('lists the packages on sale to anyone, cheapest first', async () => {
      const dear = await createdPackage({ name: '20 classes', credits: 20, priceCents: 16_000, currency: 'eur', validityDays: 90 });
      const cheap = await createdPackage({ name: 'Drop-in', credits: 1, priceCents: 1_200, currency: 'EUR', validityDays: 7 });
      expect(dear).toEqual({
        id: expect.any(String),
        name: '20 classes', credits: 20, priceCents: 16_000, currency: 'EUR',
        validityDays: 90,
      });

      const listed = expectStatus(await api.get('/credit-packages'), 200).json() as PackageJson[];
      const prices = listed.map((item) => item.priceCents);
      expect(prices).toEqual([...prices].sort((a, b) => a - b));
      const mine = listed.filter((item) => [cheap.id, fivePack.id, tenPack.id, dear.id].includes(item.id));
      expect(mine).toEqual([cheap, fivePack, tenPack, dear]);
    });

    it('lets an admin change a package and retire it: retired, it is neither listed, changed nor sold (404)', async () => {
      const offer = await createdPackage({ name: 'Summer offer', credits: 8, priceCents: 6_000, currency: 'EUR', validityDays: 60 });
      const changed = { name: 'Summer offer, extended', credits: 9, priceCents: 6_500, currency: 'EUR', validityDays: 75 };
      const updated = expectStatus(await api.put(`/credit-packages/${offer.id}`, changed, admin.headers), 200);
      expect(updated.json()).toEqual({ id: offer.id, ...changed });
      expect((await api.get('/credit-packages')).json()).toContainEqual({ id: offer.id, ...changed });

      expectStatus(await api.delete(`/credit-packages/${offer.id}`, admin.headers), 204);
      expect((expectStatus(await api.get('/credit-packages'), 200).json() as PackageJson[]).map((item) => item.id)).not.toContain(offer.id);
      const buyer = await member();
      expect(expectStatus(await purchase(offer.id, 'pm_card_visa', buyer.headers), 404).json()).toMatchObject({ code: 'NOT_FOUND' });
      expectStatus(await api.put(`/credit-packages/${offer.id}`, changed, admin.headers), 404);
      expectStatus(await api.delete(`/credit-packages/${offer.id}`, admin.headers), 404);
      expectStatus(await api.put(`/credit-packages/${UNKNOWN_ID}`, changed, admin.headers), 404);
      expectStatus(await api.delete(`/credit-packages/${UNKNOWN_ID}`, admin.headers), 404);
      expect(await membership(buyer.headers)).toEqual({ credits: 0, validUntil: null, expiresSoon: false });
      expect(await balanceAddsUp(buyer.id)).toBe(0);
    });

    it('answers members 403 and anonymous callers 401, changing nothing', async () => {
      const someone = await member();
      const body = { name: 'Free for all', credits: 100, priceCents: 50, currency: 'EUR', validityDays: 365 };
      expect(expectStatus(await api.post('/credit-packages', body, someone.headers), 403).json()).toMatchObject({ code: 'FORBIDDEN' });
      expectStatus(await api.put(`/credit-packages/${fivePack.id}`, body, someone.headers), 403);
      expectStatus(await api.delete(`/credit-packages/${fivePack.id}`, someone.headers), 403);
      expect(expectStatus(await api.post('/credit-packages', body), 401).json()).toMatchObject({ code: 'UNAUTHENTICATED' });
      expectStatus(await api.put(`/credit-packages/${fivePack.id}`, body), 401);
      expectStatus(await api.delete(`/credit-packages/${fivePack.id}`), 401);
      const listed = expectStatus(await api.get('/credit-packages'), 200).json() as PackageJson[];
      expect(listed).toContainEqual(fivePack);
      expect(listed.map((item) => item.name)).not.toContain('Free for all');
    });

    it('answers 400 naming the field for a bad package', async () => {
      const valid = { name: 'Ten', credits: 10, priceCents: 9_000, currency: 'EUR', validityDays: 30 };
      const cases: [object, string][] = [
        [{ ...valid, name: ' ' }, 'name'],
        [{ ...valid, credits: 0 }, 'credits'],
        [{ ...valid, credits: 2.5 }, 'credits'],
        [{ ...valid, priceCents: 10 }, 'priceCents'],
        [{ ...valid, currency: 'EURO' }, 'currency'],
        [{ ...valid, validityDays: 0 }, 'validityDays'],
        [{ name: 'Ten', credits: 10, priceCents: 9_000, currency: 'EUR' }, 'validityDays'],
      ];
      for (const [body, field] of cases) {
        const problem = expectStatus(await api.post('/credit-packages', body, admin.headers), 400).json();
        expect(problem).toMatchObject({ code: 'VALIDATION_FAILED' });
        expect(problem.errors.map((error: { path: string }) => error.path)).toEqual([field]);
      }
      const changed = { ...valid, priceCents: -1 };
      const problem = expectStatus(await api.put(`/credit-packages/${fivePack.id}`, changed, admin.headers), 400).json();
      expect(problem.errors.map((error: { path: string }) => error.path)).toEqual(['priceCents']);
      expect((await api.get('/credit-packages')).json()).toContainEqual(fivePack);
    });
  });

  describe('POST /memberships/purchase on the test-mode gateway', () => {
    it('adds the credits of a paid package (pm_card_visa): balance, validUntil and a purchase line', async () => {
      const buyer = await member();
      const before = clock.now().getTime();
      const paid = expectStatus(await purchase(tenPack.id, 'pm_card_visa', buyer.headers), 201).json() as PurchaseJson;
      const after = clock.now().getTime();

      expect(paid).toEqual({
        id: expect.any(String),
        packageId: tenPack.id,
        packageName: '10 classes',
        status: 'succeeded',
        credits: 10,
        priceCents: 9_000,
        currency: 'EUR',
        clientSecret: null,
        failureReason: null,
        createdAt: expect.stringMatching(/Z$/),
      });
      const mine = await membership(buyer.headers);
      expect(mine).toMatchObject({ credits: 10, expiresSoon: false });
      expect(Date.parse(mine.validUntil as string)).toBeGreaterThanOrEqual(before + 30 * DAY);
      expect(Date.parse(mine.validUntil as string)).toBeLessThanOrEqual(after + 30 * DAY);
      expect(await transactions(buyer.headers)).toEqual([
        {
          id: expect.any(String),
          type: 'purchase',
          amount: 10,
          balanceAfter: 10,
          description: 'Bought 10 classes (10 credits)',
          bookingId: null,
          purchaseId: paid.id,
          createdAt: expect.stringMatching(/Z$/),
        },
      ]);
      expect(expectStatus(await api.get(`/memberships/purchases/${paid.id}`, buyer.headers), 200).json()).toEqual(paid);
      expect(await balanceAddsUp(buyer.id)).toBe(10);
    });

    it('answers a declined card (pm_card_chargeDeclined) 402 PAYMENT_FAILED with the reason, and adds nothing', async () => {
      const buyer = await member();
      const declined = expectStatus(await purchase(tenPack.id, 'pm_card_chargeDeclined', buyer.headers), 402).json();
      expect(declined).toMatchObject({ code: 'PAYMENT_FAILED', detail: expect.stringContaining('Your card was declined.') });

      expect(await membership(buyer.headers)).toEqual({ credits: 0, validUntil: null, expiresSoon: false });
      expect(await transactions(buyer.headers)).toEqual([]);
      const rows = await t.composition.database.db
        .selectFrom('purchases')
        .select(['status', 'failure_reason'])
        .where('member_id', '=', buyer.id)
        .execute();
      expect(rows).toEqual([{ status: 'failed', failure_reason: 'Your card was declined.' }]);
      expect(await balanceAddsUp(buyer.id)).toBe(0);
    });

    it('asks for 3-D Secure (pm_card_threeDSecure2Required): the buyer’s answer credits it once; nobody else sees it', async () => {
      const buyer = await member();
      const stranger = await member();
      const pending = expectStatus(await purchase(fivePack.id, 'pm_card_threeDSecure2Required', buyer.headers), 201).json() as PurchaseJson;
      const clientSecret = expect.stringMatching(/^pi_.+_secret_.+/);
      expect(pending).toMatchObject({ status: 'requires_action', credits: 5, clientSecret, failureReason: null });
      expect(await membership(buyer.headers)).toMatchObject({ credits: 0 });

      const answer = (headers: Headers, outcome = 'succeed') =>
        api.post(`/memberships/purchases/${pending.id}/test-authentication`, { outcome }, headers);
      expectStatus(await api.get(`/memberships/purchases/${pending.id}`, stranger.headers), 404);
      expectStatus(await answer(stranger.headers), 404);
      expect(await membership(buyer.headers)).toMatchObject({ credits: 0 });
      const meanwhile = expectStatus(await api.get(`/memberships/purchases/${pending.id}`, buyer.headers), 200);
      expect(meanwhile.json()).toMatchObject({ status: 'requires_action' });

      const finished = expectStatus(await answer(buyer.headers), 200).json() as PurchaseJson;
      expect(finished).toMatchObject({ id: pending.id, status: 'succeeded', clientSecret: null });
      expectStatus(await answer(buyer.headers), 404);
      expectStatus(await answer(buyer.headers, 'fail'), 404);

      expect(await membership(buyer.headers)).toMatchObject({ credits: 5 });
      expect((await transactions(buyer.headers)).map(({ type, amount, purchaseId }) => ({ type, amount, purchaseId }))).toEqual([
        { type: 'purchase', amount: 5, purchaseId: pending.id },
      ]);
      expect(await balanceAddsUp(buyer.id)).toBe(5);
      expect(await balanceAddsUp(stranger.id)).toBe(0);
    });

    it('fails a purchase whose 3-D Secure step fails, adding nothing', async () => {
      const buyer = await member();
      const pending = expectStatus(await purchase(fivePack.id, 'pm_card_threeDSecure2Required', buyer.headers), 201).json() as PurchaseJson;
      const failed = await api.post(`/memberships/purchases/${pending.id}/test-authentication`, { outcome: 'fail' }, buyer.headers);
      expect(expectStatus(failed, 200).json()).toMatchObject({ status: 'failed', failureReason: expect.any(String) });
      expect(await membership(buyer.headers)).toMatchObject({ credits: 0 });
      expect(await transactions(buyer.headers)).toEqual([]);
    });

    it('answers 404 for an unknown package, 400 for a bad payment method, 401 signed out', async () => {
      const buyer = await member();
      expectStatus(await purchase(UNKNOWN_ID, 'pm_card_visa', buyer.headers), 404);
      const bad = expectStatus(await purchase(fivePack.id, 'card_visa', buyer.headers), 400).json();
      expect(bad.errors.map((error: { path: string }) => error.path)).toEqual(['paymentMethodId']);
      expectStatus(await purchase(fivePack.id, 'pm_card_visa', {}), 401);
      expect(await balanceAddsUp(buyer.id)).toBe(0);
    });
  });

  describe('Idempotency-Key on a purchase', () => {
    const withKey = (headers: Headers, key: string): Headers => ({ ...headers, 'idempotency-key': key });

    it('is required: a purchase without one is 400 naming the header, and nothing is bought', async () => {
      const buyer = await member();
      const refused = expectStatus(await api.post('/memberships/purchase', { packageId: fivePack.id, paymentMethodId: 'pm_card_visa' }, buyer.headers), 400);
      expect(refused.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'idempotency-key' }] });
      expect(await membership(buyer.headers)).toMatchObject({ credits: 0 });
      expect(await transactions(buyer.headers)).toEqual([]);
    });

    it('answers the same key and body with the first answer again (idempotent-replayed), crediting once', async () => {
      const buyer = await member();
      const headers = withKey(buyer.headers, 'buy-five-1');
      const first = expectStatus(await purchase(fivePack.id, 'pm_card_visa', headers), 201);
      const again = expectStatus(await purchase(fivePack.id, 'pm_card_visa', headers), 201);

      expect(first.headers['idempotent-replayed']).toBeUndefined();
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.json()).toEqual(first.json());
      expect(await membership(buyer.headers)).toMatchObject({ credits: 5 });
      expect((await transactions(buyer.headers)).map((line) => line.type)).toEqual(['purchase']);
      expect(await balanceAddsUp(buyer.id)).toBe(5);
    });

    it('refuses the same key with another body (422), crediting nothing more', async () => {
      const buyer = await member();
      const headers = withKey(buyer.headers, 'buy-once');
      expectStatus(await purchase(fivePack.id, 'pm_card_visa', headers), 201);
      const other = expectStatus(await purchase(tenPack.id, 'pm_card_visa', headers), 422).json();
      expect(other).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
      expect(await membership(buyer.headers)).toMatchObject({ credits: 5 });
      expect(await balanceAddsUp(buyer.id)).toBe(5);
    });

    it('credits two requests sent at once with the same key once, answering both with the one purchase', async () => {
      const buyer = await member();
      const headers = withKey(buyer.headers, 'double-click');
      const answers = await Promise.all([purchase(tenPack.id, 'pm_card_visa', headers), purchase(tenPack.id, 'pm_card_visa', headers)]);

      expect(answers.map((answer) => answer.statusCode)).toEqual([201, 201]);
      expect(answers[1]?.json()).toEqual(answers[0]?.json());
      expect(await membership(buyer.headers)).toMatchObject({ credits: 10 });
      const purchases = await t.composition.database.db.selectFrom('purchases').select('id').where('member_id', '=', buyer.id).execute();
      expect(purchases).toEqual([{ id: (answers[0]?.json() as PurchaseJson).id }]);
      expect(await balanceAddsUp(buyer.id)).toBe(10);
    });

    it('replays a decline as the same 402, and a new key is a new purchase', async () => {
      const buyer = await member();
      const headers = withKey(buyer.headers, 'declined-once');
      const first = expectStatus(await purchase(fivePack.id, 'pm_card_chargeDeclined', headers), 402);
      const again = expectStatus(await purchase(fivePack.id, 'pm_card_chargeDeclined', headers), 402);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.json()).toMatchObject({ code: 'PAYMENT_FAILED', detail: first.json().detail });
      expectStatus(await purchase(fivePack.id, 'pm_card_visa', withKey(buyer.headers, 'second-card')), 201);
      expect(await membership(buyer.headers)).toMatchObject({ credits: 5 });
      expect(await balanceAddsUp(buyer.id)).toBe(5);
    });
  });

  describe('bookings spend credits', () => {
    it('refuses a member without credits 402 INSUFFICIENT_CREDITS, books nothing, and Session.actions said so beforehand', async () => {
      const broke = await member();
      const sessionId = await publishedSession({ capacity: 4, creditCost: 3 });
      const { actions } = await session(sessionId, broke.headers);
      expect(actions.book).toEqual({ allowed: false, code: 'INSUFFICIENT_CREDITS', reason: expect.any(String) });
      expect(actions.hold).toMatchObject({ allowed: true });

      const refused = expectStatus(await book(sessionId, broke.headers), 402).json();
      expect(refused).toMatchObject({ code: 'INSUFFICIENT_CREDITS', detail: actions.book.reason });
      expect(refused.detail).toBe('This class costs 3 credits; you have 0 credits');
      const after = await session(sessionId, broke.headers);
      expect(after).toMatchObject({ bookedCount: 0, heldCount: 0, availableSpots: 4, me: { bookingId: null } });
      expect(await bookingRows(sessionId)).toEqual([]);
      expect(await balanceAddsUp(broke.id)).toBe(0);
    });

    it('deducts the session’s creditCost with a booking line naming the booking; a free class deducts nothing', async () => {
      const spender = await member(7);
      const sessionId = await publishedSession({ creditCost: 3, name: 'Power Spin' });
      const booking = await booked(sessionId, spender.headers);
      expect(booking).toMatchObject({ creditsSpent: 3 });
      expect(await membership(spender.headers)).toMatchObject({ credits: 4 });
      const [line] = await transactions(spender.headers);
      expect(line).toMatchObject({ type: 'booking', amount: -3, balanceAfter: 4, bookingId: booking.id, purchaseId: null });
      expect(line?.description).toBe('Booked Power Spin');

      const free = await booked(await publishedSession({ creditCost: 0, name: 'Open Gym' }), spender.headers);
      expect(free).toMatchObject({ creditsSpent: 0 });
      expect(await membership(spender.headers)).toMatchObject({ credits: 4 });
      expect((await transactions(spender.headers)).map((item) => item.type)).toEqual(['booking', 'adjustment']);

      const exact = await booked(await publishedSession({ creditCost: 4 }), spender.headers);
      expect(exact).toMatchObject({ creditsSpent: 4 });
      expect(await membership(spender.headers)).toMatchObject({ credits: 0 });
      expect(await balanceAddsUp(spender.id)).toBe(0);
    });

    it('refunds a cancel by the policy: all > 24 h ahead, half rounded down at 12 to 24 h, nothing within 12 h (no line)', async () => {
      const canceller = await member(9);
      const cancelledHoursBefore = async (hours: number) => {
        const sessionId = await publishedSession({ creditCost: 3 });
        const booking = await booked(sessionId, canceller.headers);
        const cancel = () => api.patch(`/bookings/${booking.id}/cancel`, {}, canceller.headers);
        const cancelled = await hoursBeforeStart(sessionId, hours, cancel);
        return expectStatus(cancelled, 200).json() as BookingJson;
      };

      const early = await cancelledHoursBefore(30);
      expect(early).toMatchObject({ refundPercentage: 100, creditsRefunded: 3 });
      const [refund] = await transactions(canceller.headers);
      expect(refund).toMatchObject({ type: 'refund', amount: 3, bookingId: early.id, description: 'Refund for Spin Class (100 %)' });
      expect(await balanceAddsUp(canceller.id)).toBe(9);

      const late = await cancelledHoursBefore(18);
      expect(late).toMatchObject({ refundPercentage: 50, creditsRefunded: 1 });
      expect((await transactions(canceller.headers))[0]).toMatchObject({ type: 'refund', amount: 1, bookingId: late.id });
      expect(await balanceAddsUp(canceller.id)).toBe(7);

      const tooLate = await cancelledHoursBefore(6);
      expect(tooLate).toMatchObject({ refundPercentage: 0, creditsRefunded: 0 });
      // Its booking line only: nothing back writes no refund line.
      const lines = (await transactions(canceller.headers)).filter((line) => line.bookingId === tooLate.id);
      expect(lines.map(({ type, amount }) => ({ type, amount }))).toEqual([{ type: 'booking', amount: -3 }]);
      expect(await membership(canceller.headers)).toMatchObject({ credits: 4 });
      expect(await balanceAddsUp(canceller.id)).toBe(4);
    });

    it('deducts on confirming a hold; a refused confirm (no credits) leaves the hold pending, and after buying it confirms', async () => {
      const holder = await member();
      const sessionId = await publishedSession({ creditCost: 2, capacity: 3 });
      const hold = expectStatus(await api.post(`/sessions/${sessionId}/hold`, undefined, holder.headers), 201).json() as { id: string };

      const refused = expectStatus(await api.post(`/holds/${hold.id}/confirm`, undefined, holder.headers), 402).json();
      expect(refused).toMatchObject({ code: 'INSUFFICIENT_CREDITS', detail: 'This class costs 2 credits; you have 0 credits' });
      expect(expectStatus(await api.get(`/holds/${hold.id}`, holder.headers), 200).json()).toMatchObject({ status: 'pending' });
      const held = await session(sessionId, holder.headers);
      expect(held).toMatchObject({ bookedCount: 0, heldCount: 1, availableSpots: 2, me: { holdId: hold.id } });
      expect(await bookingRows(sessionId)).toEqual([]);

      await bought(fivePack.id, holder.headers);
      const booking = expectStatus(await api.post(`/holds/${hold.id}/confirm`, undefined, holder.headers), 201).json() as BookingJson;
      expect(booking).toMatchObject({ status: 'confirmed', creditsSpent: 2 });
      expect(await session(sessionId, holder.headers)).toMatchObject({ bookedCount: 1, heldCount: 0, me: { bookingId: booking.id } });
      expect((await transactions(holder.headers)).map(({ type, amount, bookingId }) => ({ type, amount, bookingId }))).toEqual([
        { type: 'booking', amount: -2, bookingId: booking.id },
        { type: 'purchase', amount: 5, bookingId: null },
      ]);
      expect(await balanceAddsUp(holder.id)).toBe(3);
    });

    it('refunds every booking in full when the trainer cancels the class', async () => {
      const [first, second, third] = await Promise.all([member(5), member(5), member(5)]);
      const sessionId = await publishedSession({ creditCost: 3 });
      const bookings = [await booked(sessionId, first.headers), await booked(sessionId, second.headers)];
      // A member who cancelled late keeps what the policy gave them (nothing), not the studio's full refund.
      const lateOne = await booked(sessionId, third.headers);
      expectStatus(await hoursBeforeStart(sessionId, 6, () => api.patch(`/bookings/${lateOne.id}/cancel`, {}, third.headers)), 200);

      expectStatus(await api.post(`/sessions/${sessionId}/cancel`, { reason: 'Tess is ill' }, trainer.headers), 200);
      await t.composition.events?.settle();

      for (const [i, someone] of [first, second].entries()) {
        expect(await membership(someone.headers)).toMatchObject({ credits: 5 });
        const [refund] = await transactions(someone.headers);
        expect(refund).toMatchObject({ type: 'refund', amount: 3, balanceAfter: 5, bookingId: bookings[i]?.id });
        expect(refund?.description).toBe('Refund for Spin Class (100 %)');
        expect(await balanceAddsUp(someone.id)).toBe(5);
      }
      expect(await membership(third.headers)).toMatchObject({ credits: 2 });
      expect(await balanceAddsUp(third.id)).toBe(2);
    });

    it('rolls the booking back with the credits when it fails after the deduction: no booking, the balance and the counts unchanged', async () => {
      const unlucky = await member(6);
      const sessionId = await publishedSession({ creditCost: 2, capacity: 3 });
      const db = t.composition.database.db;
      // A real failure inside the booking's transaction after the balance and its ledger line were written: the last
      // statement, the CreditsDeducted event's outbox row, is refused by the database (`refusingDeductionEvents`).
      await sql`insert into ${sql.table(REFUSED_DEDUCTIONS)} (member_id) values (${unlucky.id})`.execute(db);
      try {
        expect(expectStatus(await book(sessionId, unlucky.headers), 500).json()).toMatchObject({ code: 'INTERNAL' });
      } finally {
        await sql`delete from ${sql.table(REFUSED_DEDUCTIONS)} where member_id = ${unlucky.id}`.execute(db);
      }

      expect(await bookingRows(sessionId)).toEqual([]);
      expect(await session(sessionId, unlucky.headers)).toMatchObject({ bookedCount: 0, availableSpots: 3, me: { bookingId: null } });
      expect(await membership(unlucky.headers)).toMatchObject({ credits: 6 });
      expect((await transactions(unlucky.headers)).map((line) => line.type)).toEqual(['adjustment']);
      expect(await balanceAddsUp(unlucky.id)).toBe(6);
      expect(await eventsOf(unlucky.id, 'CreditsDeducted')).toEqual([]);
      // With the database willing again, the same booking goes through.
      expect(await booked(sessionId, unlucky.headers)).toMatchObject({ creditsSpent: 2 });
      expect(await balanceAddsUp(unlucky.id)).toBe(4);
    });
  });

  describe('expiry', () => {
    it('never spends credits past validUntil (402 CREDITS_EXPIRED, shown as 0), and the job writes the expiry line', async () => {
      const shortPack = await createdPackage({ name: 'Trial week', credits: 4, priceCents: 2_000, currency: 'EUR', validityDays: 10 });
      const trial = await member();
      await bought(shortPack.id, trial.headers);
      const { validUntil, expiresSoon } = await membership(trial.headers);
      expect(expiresSoon).toBe(false);
      const expiresAt = Date.parse(validUntil as string);
      const sessionId = await publishedSession({ creditCost: 1 });

      await clock.at(new Date(expiresAt - 3 * DAY), async () => {
        expect(await membership(trial.headers)).toEqual({ credits: 4, validUntil, expiresSoon: true });
        await t.composition.handlers.credits.expireCredits.handle({ limit: 100 });
        expect(await eventsOf(trial.id, 'CreditsExpiringSoon')).toHaveLength(1);
      });

      await clock.at(new Date(expiresAt + HOUR), async () => {
        expect(await membership(trial.headers)).toEqual({ credits: 0, validUntil, expiresSoon: false });
        const { actions } = await session(sessionId, trial.headers);
        expect(actions.book).toMatchObject({ allowed: false, code: 'CREDITS_EXPIRED' });
        const refused = expectStatus(await book(sessionId, trial.headers), 402).json();
        expect(refused).toMatchObject({ code: 'CREDITS_EXPIRED', detail: actions.book.reason });
        expect(await bookingRows(sessionId)).toEqual([]);
        // The rule refused before the job ran: the balance is still stored, and no line was written.
        expect(await balanceAddsUp(trial.id)).toBe(4);

        await t.composition.handlers.credits.expireCredits.handle({ limit: 100 });
        expect((await transactions(trial.headers)).map(({ type, amount, balanceAfter }) => ({ type, amount, balanceAfter }))).toEqual([
          { type: 'expiry', amount: -4, balanceAfter: 0 },
          { type: 'purchase', amount: 4, balanceAfter: 4 },
        ]);
        await t.composition.handlers.credits.expireCredits.handle({ limit: 100 });
        expect(await transactions(trial.headers)).toHaveLength(2);
        expect(await membership(trial.headers)).toMatchObject({ credits: 0 });
      });
      expect(await balanceAddsUp(trial.id)).toBe(0);
    });
  });

  describe('an admin’s corrections', () => {
    it('adds and takes credits with a reason, as adjustment lines; never below zero (400)', async () => {
      const corrected = await member();
      const adjust = (body: object, headers: Headers = admin.headers, userId = corrected.id) =>
        api.post(`/users/${userId}/credits`, body, headers);

      const added = expectStatus(await adjust({ amount: 5, reason: 'Welcome back' }), 201).json();
      expect(added).toEqual({
        id: expect.any(String),
        type: 'adjustment',
        amount: 5,
        balanceAfter: 5,
        description: 'Adjustment: Welcome back',
        bookingId: null,
        purchaseId: null,
        createdAt: expect.stringMatching(/Z$/),
      });
      const taken = expectStatus(await adjust({ amount: -3, reason: 'Double booking refunded twice' }), 201);
      expect(taken.json()).toMatchObject({ amount: -3, balanceAfter: 2 });

      const belowZero = expectStatus(await adjust({ amount: -3, reason: 'Too much' }), 400).json();
      expect(belowZero).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'amount', message: expect.any(String) }] });
      const noReason = expectStatus(await adjust({ amount: 1 }), 400).json();
      expect(noReason.errors.map((error: { path: string }) => error.path)).toEqual(['reason']);
      const nothing = expectStatus(await adjust({ amount: 0, reason: 'Nothing at all' }), 400).json();
      expect(nothing.errors.map((error: { path: string }) => error.path)).toEqual(['amount']);

      expect(expectStatus(await adjust({ amount: 5, reason: 'Help myself' }, corrected.headers), 403).json().code).toBe('FORBIDDEN');
      expectStatus(await adjust({ amount: 5, reason: 'Anyone' }, {}), 401);
      expect(expectStatus(await adjust({ amount: 5, reason: 'Nobody' }, admin.headers, UNKNOWN_ID), 404).json().code).toBe('NOT_FOUND');

      expect(await membership(corrected.headers)).toEqual({ credits: 2, validUntil: null, expiresSoon: false });
      expect((await transactions(corrected.headers)).map((line) => line.amount)).toEqual([-3, 5]);
      expect(await balanceAddsUp(corrected.id)).toBe(2);
    });

    it('shows a member’s credits to admins only (GET /users/{id}/membership)', async () => {
      const watched = await member(3);
      await bought(fivePack.id, watched.headers);
      const mine = await membership(watched.headers);
      expect(expectStatus(await api.get(`/users/${watched.id}/membership`, admin.headers), 200).json()).toEqual(mine);
      expect(mine).toMatchObject({ credits: 8 });
      expectStatus(await api.get(`/users/${watched.id}/membership`, watched.headers), 403);
      expectStatus(await api.get(`/users/${watched.id}/membership`, trainer.headers), 403);
      expectStatus(await api.get(`/users/${watched.id}/membership`), 401);
      expectStatus(await api.get(`/users/${UNKNOWN_ID}/membership`, admin.headers), 404);
      expect(await balanceAddsUp(watched.id)).toBe(8);
    });
  });
});
