import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreditRepositories } from '@fitflow/application-membership';
import { CreditPackage, Membership, Purchase, type CreditHolderFacts } from '@fitflow/domain-membership';
import { TEST_DATABASES, createTestDatabase, type TestDatabase } from '../../../testing/databases';
import { KyselyUnitOfWork } from '../../database/kysely-unit-of-work';
import { isUniqueViolation } from '../errors';
import { KyselyCreditPackageRepository } from './kysely-credit-package-repository';
import { KyselyCreditsFinder } from './kysely-credits-finder';
import { KyselyMembershipRepository } from './kysely-membership-repository';
import { KyselyPaymentEventLog } from './kysely-payment-event-log';
import { KyselyPurchaseRepository, PurchaseRequestKeyTakenError } from './kysely-purchase-repository';

const NOW = new Date('2026-12-01T07:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (offset: number) => new Date(NOW.getTime() + offset);

const TERMS = { name: '10 classes', credits: 10, priceCents: 9_000, currency: 'EUR', validityDays: 30 };

/** A promise with its resolver at hand, to hold a transaction open until the test lets it go. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe.each(TEST_DATABASES)('credit persistence on %s', (kind) => {
  let database: TestDatabase;
  let uow: KyselyUnitOfWork<CreditRepositories>;
  let finder: KyselyCreditsFinder;
  let packageId: string;
  const trainerId = randomUUID();
  let sessionId: string;

  const newMember = async (): Promise<CreditHolderFacts> => {
    const holder = { memberId: randomUUID(), memberEmail: `${randomUUID()}@example.test`, memberName: 'Mo Member' };
    await database.db
      .insertInto('users')
      .values({ id: holder.memberId, email: holder.memberEmail, name: holder.memberName, role: 'member', password_hash: 'x' })
      .execute();
    return holder;
  };

  /** A stored pending purchase of the package by `memberId`: what a purchase line may name. */
  const startPurchase = async (memberId: string, requestKey: string | null = null): Promise<Purchase> => {
    const { name, ...terms } = TERMS;
    const purchase = Purchase.start({ purchaseId: randomUUID(), memberId, packageId, packageName: name, ...terms, at: NOW });
    await uow.transaction(({ purchases }) => purchases.save(purchase, requestKey));
    return purchase;
  };

  /** A stored booking of `memberId`: what a booking or refund line may name. */
  const newBooking = async (memberId: string): Promise<string> => {
    const id = randomUUID();
    await database.db
      .insertInto('bookings')
      .values({ id, session_id: sessionId, member_id: memberId, status: 'confirmed', credits_spent: 2 })
      .execute();
    return id;
  };

  /** Locks the member's balance, lets `change` act on it and saves it, in one transaction; answers the stored lines. */
  const change = (memberId: string, act: (membership: Membership) => void) =>
    uow.transaction(async ({ memberships }) => {
      const membership = (await memberships.getForUpdate(memberId)) as Membership;
      act(membership);
      return memberships.save(membership);
    });

  const snapshotOf = (memberId: string) =>
    uow.transaction(async ({ memberships }) => (await memberships.getForUpdate(memberId))?.snapshot());

  const outboxOf = async (aggregateId: string) =>
    database.db.selectFrom('outbox').select(['type', 'payload']).where('aggregate_id', '=', aggregateId).orderBy('seq').execute();

  const ledgerOf = async (memberId: string) =>
    database.db
      .selectFrom('credit_transactions')
      .select(['id', 'type', 'amount', 'balance_after'])
      .where('member_id', '=', memberId)
      .orderBy('seq')
      .execute();

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    uow = new KyselyUnitOfWork<CreditRepositories>(database.db, (trx, outbox) => ({
      memberships: new KyselyMembershipRepository(trx, outbox),
      packages: new KyselyCreditPackageRepository(trx, outbox),
      purchases: new KyselyPurchaseRepository(trx, outbox),
      paymentEvents: new KyselyPaymentEventLog(trx),
    }));
    finder = new KyselyCreditsFinder(database.db);
    await database.db
      .insertInto('users')
      .values({ id: trainerId, email: 'tess@example.test', name: 'Tess Trainer', role: 'trainer', password_hash: 'x' })
      .execute();
    sessionId = randomUUID();
    await database.db
      .insertInto('class_sessions')
      .values({
        id: sessionId,
        template_id: null,
        trainer_id: trainerId,
        name: 'Morning Yoga',
        starts_at: at(DAY),
        ends_at: at(DAY + HOUR),
        capacity: 50,
        credit_cost: 2,
        status: 'published',
        cancellation_reason: null,
      })
      .execute();
    const creditPackage = CreditPackage.create(randomUUID(), TERMS, NOW);
    await uow.transaction(({ packages }) => packages.save(creditPackage));
    packageId = creditPackage.id;
  });
  afterAll(() => database?.close());

  it('opens an empty balance on first use, once, for an existing account only', async () => {
    const holder = await newMember();
    const empty = { memberId: holder.memberId, balance: 0, validUntil: null, expiryNoticeFor: null };
    expect(await finder.membershipOf(holder.memberId)).toBeNull();

    expect(await snapshotOf(holder.memberId)).toEqual(empty);
    expect(await snapshotOf(holder.memberId)).toEqual(empty);
    expect(await finder.membershipOf(holder.memberId)).toEqual(empty);
    const rows = await database.db.selectFrom('memberships').select('member_id').where('member_id', '=', holder.memberId).execute();
    expect(rows).toHaveLength(1);

    const nobody = randomUUID();
    expect(await snapshotOf(nobody)).toBeUndefined();
    expect(await snapshotOf('not-a-uuid')).toBeUndefined();
    expect(await database.db.selectFrom('memberships').select('member_id').where('member_id', '=', nobody).execute()).toEqual([]);
  });

  it('saves the balance, the ledger lines in the order written and the events, each naming its holder', async () => {
    const holder = await newMember();
    const first = (await startPurchase(holder.memberId)).bought;
    const second = (await startPurchase(holder.memberId)).bought;
    const bookingId = await newBooking(holder.memberId);

    await change(holder.memberId, (membership) => membership.addCredits(first, NOW));
    // 31 days on, the first credits have expired: buying writes them off first, in the same instant.
    const later = at(31 * DAY);
    const written = await change(holder.memberId, (membership) => membership.addCredits(second, later));
    await change(holder.memberId, (membership) => membership.deductCredits(2, { bookingId, sessionName: 'Morning Yoga' }, at(32 * DAY)));
    await change(holder.memberId, (membership) =>
      membership.refundCredits(1, { bookingId, sessionName: 'Morning Yoga', refundPercentage: 50 }, at(33 * DAY)),
    );

    expect(written.map(({ type, amount, balanceAfter, purchaseId }) => ({ type, amount, balanceAfter, purchaseId }))).toEqual([
      { type: 'expiry', amount: -10, balanceAfter: 0, purchaseId: null },
      { type: 'purchase', amount: 10, balanceAfter: 10, purchaseId: second.purchaseId },
    ]);
    expect(written.every((line) => line.createdAt === later.toISOString())).toBe(true);
    const ledger = await ledgerOf(holder.memberId);
    expect(ledger.map(({ type, amount, balance_after }) => [type, amount, balance_after])).toEqual([
      ['purchase', 10, 10],
      ['expiry', -10, 0],
      ['purchase', 10, 10],
      ['booking', -2, 8],
      ['refund', 1, 9],
    ]);
    expect(ledger.slice(1, 3).map((line) => line.id)).toEqual(written.map((line) => line.id));
    expect(await snapshotOf(holder.memberId)).toEqual({
      memberId: holder.memberId,
      balance: 9,
      validUntil: new Date(later.getTime() + 30 * DAY),
      expiryNoticeFor: null,
    });

    const events = await outboxOf(holder.memberId);
    expect(events.map((event) => event.type)).toEqual([
      'CreditsPurchased',
      'CreditsExpired',
      'CreditsPurchased',
      'CreditsDeducted',
      'CreditsRefunded',
    ]);
    expect(events[0]?.payload).toMatchObject({ ...holder, credits: 10, balanceAfter: 10, purchaseId: first.purchaseId });
  });

  it('keeps when the member was told their credits expire soon', async () => {
    const holder = await newMember();
    const bought = (await startPurchase(holder.memberId)).bought;
    await change(holder.memberId, (membership) => membership.addCredits(bought, NOW));
    await change(holder.memberId, (membership) => expect(membership.noteExpiringSoon(at(25 * DAY))).toBe(true));

    expect((await snapshotOf(holder.memberId))?.expiryNoticeFor).toEqual(at(30 * DAY));
    await change(holder.memberId, (membership) => expect(membership.noteExpiringSoon(at(26 * DAY))).toBe(false));
    expect((await outboxOf(holder.memberId)).map((event) => event.type)).toEqual(['CreditsPurchased', 'CreditsExpiringSoon']);
  });

  it('refuses to credit one purchase twice, or to charge or refund one booking twice, and keeps the balance', async () => {
    const holder = await newMember();
    const bought = (await startPurchase(holder.memberId)).bought;
    const bookingId = await newBooking(holder.memberId);
    const charge = { bookingId, sessionName: 'Morning Yoga' };
    await change(holder.memberId, (membership) => membership.addCredits(bought, NOW));
    await change(holder.memberId, (membership) => membership.deductCredits(2, charge, NOW));
    await change(holder.memberId, (membership) => membership.refundCredits(2, { ...charge, refundPercentage: 100 }, NOW));

    const again = (act: (membership: Membership) => void, index: string) =>
      expect(change(holder.memberId, act)).rejects.toSatisfy((error) => isUniqueViolation(error, index));
    const refund = { ...charge, refundPercentage: 100 };
    await again((membership) => membership.addCredits(bought, at(HOUR)), 'credit_transactions_one_purchase_per_purchase_id_idx');
    await again((membership) => membership.deductCredits(2, charge, at(HOUR)), 'credit_transactions_one_booking_per_booking_id_idx');
    await again((membership) => membership.refundCredits(2, refund, at(HOUR)), 'credit_transactions_one_refund_per_booking_id_idx');

    expect((await snapshotOf(holder.memberId))?.balance).toBe(10);
    expect(await ledgerOf(holder.memberId)).toHaveLength(3);
  });

  it('refuses in the database what the domain would refuse: a negative balance, a line against its type', async () => {
    const holder = await newMember();
    await snapshotOf(holder.memberId);
    const overdraw = database.db.updateTable('memberships').set({ balance: -1 }).where('member_id', '=', holder.memberId).execute();
    await expect(overdraw).rejects.toThrow(/memberships_balance_check/);
    const insertLine = (line: { type: 'expiry' | 'adjustment'; amount: number; balance_after: number; purchase_id?: string }) =>
      database.db
        .insertInto('credit_transactions')
        .values({ id: randomUUID(), member_id: holder.memberId, description: 'x', created_at: NOW, ...line })
        .execute();
    await expect(insertLine({ type: 'expiry', amount: 3, balance_after: 3 })).rejects.toThrow(/credit_transactions_amount_check/);
    const belowZero = insertLine({ type: 'adjustment', amount: -3, balance_after: -3 });
    await expect(belowZero).rejects.toThrow(/credit_transactions_balance_after_check/);
    await expect(insertLine({ type: 'adjustment', amount: 3, balance_after: 3, purchase_id: randomUUID() })).rejects.toThrow(
      /credit_transactions_refs_check/,
    );
  });

  it('finds the members due for the expiry job: expired credits, or credits expiring soon the member was not told of', async () => {
    // Long before every other test's balances, so that only this test's members are due.
    const now = new Date('2020-06-01T00:00:00.000Z');
    const noticeUntil = new Date(now.getTime() + 7 * DAY);
    const member = async (balance: number, validUntil: Date | null, expiryNoticeFor: Date | null = null) => {
      const { memberId } = await newMember();
      await database.db
        .insertInto('memberships')
        .values({ member_id: memberId, balance, valid_until: validUntil, expiry_notice_for: expiryNoticeFor })
        .execute();
      return memberId;
    };
    const inThree = new Date(now.getTime() + 3 * DAY);
    const expiredAndTold = await member(5, new Date(now.getTime() - HOUR), new Date(now.getTime() - HOUR));
    const expiringNow = await member(5, now);
    const toldOfAnEarlierDate = await member(5, new Date(now.getTime() + 2 * DAY), new Date(now.getTime() - 30 * DAY));
    const notTold = await member(5, inThree);
    await member(5, inThree, inThree); // told already
    await member(0, new Date(now.getTime() - DAY)); // nothing left to expire
    await member(5, new Date(now.getTime() + 8 * DAY)); // not yet within the notice
    await member(5, null); // an admin's grant: never expires

    const due = (limit: number) => uow.transaction(({ memberships }) => memberships.dueForExpiryWork(now, noticeUntil, limit));
    expect(await due(10)).toEqual([expiredAndTold, expiringNow, toldOfAnEarlierDate, notTold]);
    expect(await due(2)).toEqual([expiredAndTold, expiringNow]);
  });

  it('pages a member’s history newest first, the lines of one instant in reverse order of writing', async () => {
    const holder = await newMember();
    const bought = (await startPurchase(holder.memberId)).bought;
    await change(holder.memberId, (membership) => membership.addCredits(bought, NOW));
    for (const [i, amount] of [1, -2, 3].entries()) {
      await change(holder.memberId, (membership) => membership.adjust(amount, `Correction ${i}`, trainerId, at((i + 1) * HOUR)));
    }
    // Two lines in one instant: an expiry written off before a purchase.
    const again = (await startPurchase(holder.memberId)).bought;
    await change(holder.memberId, (membership) => membership.addCredits(again, at(40 * DAY)));

    const page = (n: number) => finder.transactions(holder.memberId, { page: n, pageSize: 2 });
    const first = await page(1);
    expect(first).toMatchObject({ page: 1, pageSize: 2, total: 6 });
    expect(first.items).toEqual([
      {
        id: expect.any(String),
        type: 'purchase',
        amount: 10,
        balanceAfter: 10,
        description: 'Bought 10 classes (10 credits)',
        bookingId: null,
        purchaseId: again.purchaseId,
        createdAt: at(40 * DAY).toISOString(),
      },
      expect.objectContaining({ type: 'expiry', amount: -12, balanceAfter: 0, createdAt: at(40 * DAY).toISOString() }),
    ]);
    expect((await page(2)).items.map((line) => [line.amount, line.description])).toEqual([
      [3, 'Adjustment: Correction 2'],
      [-2, 'Adjustment: Correction 1'],
    ]);
    expect((await page(3)).items.map((line) => [line.type, line.amount, line.createdAt])).toEqual([
      ['adjustment', 1, at(HOUR).toISOString()],
      ['purchase', 10, NOW.toISOString()],
    ]);
    expect(await page(4)).toEqual({ items: [], page: 4, pageSize: 2, total: 6 });
    expect(await finder.transactions(randomUUID(), { page: 1, pageSize: 2 })).toEqual({ items: [], page: 1, pageSize: 2, total: 0 });
  });

  it('saves packages and sells the active ones, cheapest first, then by name', async () => {
    const make = (name: string, priceCents: number) =>
      CreditPackage.create(randomUUID(), { ...TERMS, name, priceCents, currency: 'eur' }, NOW);
    const [single, pair, trial, retired] = [make('Single', 1_200), make('Pair', 2_000), make('Another trial', 1_200), make('Old', 100)];
    for (const creditPackage of [single, pair, trial, retired]) await uow.transaction(({ packages }) => packages.save(creditPackage));
    await uow.transaction(async ({ packages }) => {
      const stored = (await packages.get(retired.id)) as CreditPackage;
      stored.retire(at(HOUR));
      await packages.save(stored);
      const renamed = (await packages.get(pair.id)) as CreditPackage;
      renamed.change({ ...TERMS, name: 'Pair', priceCents: 1_500 }, at(HOUR));
      await packages.save(renamed);
    });

    const mine = new Set([single.id, pair.id, trial.id, retired.id]);
    const forSale = (await finder.packagesForSale()).filter((view) => mine.has(view.id));
    expect(forSale.map(({ name, priceCents, currency }) => [name, priceCents, currency])).toEqual([
      ['Another trial', 1_200, 'EUR'],
      ['Single', 1_200, 'EUR'],
      ['Pair', 1_500, 'EUR'],
    ]);
    const stored = await uow.transaction(({ packages }) => packages.get(retired.id));
    expect(stored?.snapshot()).toEqual({ ...retired.snapshot(), active: false, updatedAt: at(HOUR) });
    expect(await uow.transaction(({ packages }) => packages.get(randomUUID()))).toBeNull();
    expect((await outboxOf(retired.id)).map((event) => event.type)).toEqual(['CreditPackageSaved', 'CreditPackageRetired']);
  });

  it('round-trips a purchase through every status, found by id and by its request key', async () => {
    const holder = await newMember();
    const started = await startPurchase(holder.memberId, 'key-1');
    const byKey = () => uow.transaction(({ purchases }) => purchases.byRequestKeyForUpdate(holder.memberId, 'key-1'));
    const byId = (id: string) => uow.transaction(({ purchases }) => purchases.getForUpdate(id));
    expect((await byKey())?.snapshot()).toEqual(started.snapshot());

    const steps: ((purchase: Purchase) => void)[] = [
      (purchase) => purchase.awaitOutcome('pi_1', at(1_000)),
      (purchase) => purchase.requireAction('pi_1', 'pi_1_secret_x', at(2_000)),
      (purchase) => expect(purchase.succeed('pi_1', at(3_000))).toBe(true),
    ];
    for (const step of steps) {
      const stepped = await uow.transaction(async ({ purchases }) => {
        const purchase = (await purchases.getForUpdate(started.id)) as Purchase;
        step(purchase);
        await purchases.save(purchase);
        return purchase.snapshot();
      });
      expect((await byId(started.id))?.snapshot()).toEqual(stepped);
      expect(await finder.purchase(started.id)).toEqual({
        memberId: holder.memberId,
        view: {
          id: started.id,
          packageId,
          packageName: TERMS.name,
          status: stepped.status,
          credits: 10,
          priceCents: 9_000,
          currency: 'EUR',
          clientSecret: stepped.clientSecret,
          failureReason: null,
          createdAt: NOW.toISOString(),
        },
      });
    }
    expect((await byKey())?.status).toBe('succeeded');

    const declined = await startPurchase(holder.memberId, 'key-2');
    await uow.transaction(async ({ purchases }) => {
      const purchase = (await purchases.getForUpdate(declined.id)) as Purchase;
      purchase.fail('pi_2', 'Your card was declined.', at(1_000));
      await purchases.save(purchase);
    });
    expect((await finder.purchase(declined.id))?.view).toMatchObject({
      status: 'failed',
      failureReason: 'Your card was declined.',
      clientSecret: null,
    });
    // A decline is the purchase's own record, not news: nothing goes to the outbox.
    expect(await outboxOf(declined.id)).toEqual([]);

    expect(await byId(randomUUID())).toBeNull();
    expect(await finder.purchase('not-a-uuid')).toBeNull();
    expect(await uow.transaction(({ purchases }) => purchases.byRequestKeyForUpdate(holder.memberId, 'key-3'))).toBeNull();
  });

  it('keeps one purchase per member and request key: a second is a PurchaseRequestKeyTakenError', async () => {
    const holder = await newMember();
    const other = await newMember();
    await startPurchase(holder.memberId, 'same-key');

    const second = startPurchase(holder.memberId, 'same-key');
    await expect(second).rejects.toBeInstanceOf(PurchaseRequestKeyTakenError);
    await expect(second).rejects.toMatchObject({ memberId: holder.memberId, requestKey: 'same-key' });
    const theirs = await startPurchase(other.memberId, 'same-key');
    expect((await uow.transaction(({ purchases }) => purchases.byRequestKeyForUpdate(other.memberId, 'same-key')))?.id).toBe(theirs.id);
    // Without a key, any number.
    await startPurchase(holder.memberId);
    await startPurchase(holder.memberId);
  });

  it('records a payment event once, and not when its transaction rolled back', async () => {
    const record = (eventId: string) => uow.transaction(({ paymentEvents }) => paymentEvents.recordFirstDelivery(eventId, NOW));
    await expect(
      uow.transaction(async ({ paymentEvents }) => {
        expect(await paymentEvents.recordFirstDelivery('evt_1', NOW)).toBe(true);
        throw new Error('the handler failed');
      }),
    ).rejects.toThrow('the handler failed');

    expect(await record('evt_1')).toBe(true);
    expect(await record('evt_1')).toBe(false);
    expect(await record('evt_2')).toBe(true);
  });

  it('queues a second transaction on the member’s balance until the first ends, so it sees the first’s change', async () => {
    const holder = await newMember();
    await change(holder.memberId, (membership) => membership.adjust(5, 'Welcome gift', trainerId, NOW));
    const firstLocked = gate();
    const firstMayGo = gate();
    const first = uow.transaction(async ({ memberships }) => {
      const membership = (await memberships.getForUpdate(holder.memberId)) as Membership;
      firstLocked.open();
      await firstMayGo.opened;
      membership.adjust(3, 'First correction', trainerId, at(HOUR));
      await memberships.save(membership);
    });
    await firstLocked.opened;

    let secondLoaded = false;
    const second = uow.transaction(async ({ memberships }) => {
      const membership = (await memberships.getForUpdate(holder.memberId)) as Membership;
      secondLoaded = true;
      membership.adjust(-8, 'Second correction', trainerId, at(2 * HOUR));
      await memberships.save(membership);
      return membership.snapshot().balance;
    });
    await secondIsWaiting();
    expect(secondLoaded).toBe(false);

    firstMayGo.open();
    await first;
    // Had the second read the balance before the first committed, it would have seen 5 and failed to take 8.
    expect(await second).toBe(0);
    expect((await ledgerOf(holder.memberId)).map((line) => line.balance_after)).toEqual([5, 8, 0]);
  });

  it('loses no change when many transactions change one balance at once', async () => {
    const holder = await newMember();
    const add = (i: number) =>
      uow.transaction(async ({ memberships }) => {
        const membership = (await memberships.getForUpdate(holder.memberId)) as Membership;
        await new Promise((resolve) => setTimeout(resolve, 1)); // let the others run into the lock
        membership.adjust(1, `Gift ${i}`, trainerId, NOW);
        await memberships.save(membership);
      });
    await Promise.all(Array.from({ length: 6 }, (_, i) => add(i)));

    expect((await snapshotOf(holder.memberId))?.balance).toBe(6);
    expect((await ledgerOf(holder.memberId)).map((line) => line.balance_after)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  /**
   * On PostgreSQL, another connection sees the second transaction's statement wait for the membership's row lock.
   * PGlite has one connection, lent to one transaction at a time: there the second waits in the driver, where no
   * query can look; the test lets it run as far as it can (a round of the event loop) before it checks.
   */
  async function secondIsWaiting(): Promise<void> {
    if (kind === 'pglite') {
      await new Promise((resolve) => setImmediate(resolve));
      return;
    }
    // The second's `select ... from "memberships" ... for update of "m"`, waiting for the first's row lock.
    const waiting = async () => {
      const { rows } = await sql<{ waiting: number }>`
        select count(*)::int as waiting from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'
          and query like '%from "memberships"%for update%'`.execute(database.db);
      return rows[0]?.waiting;
    };
    await expect.poll(waiting, { timeout: 10_000, interval: 50 }).toBe(1);
  }
});
