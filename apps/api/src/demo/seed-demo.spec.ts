import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SystemClock } from '../infrastructure/system';
import { createTestApp, type TestApp } from '../testing/test-app';
import { DEMO_CLASSES, DEMO_PACKAGES, DEMO_REGULARS, DOOR_CLASS_BOOKED_REGULARS, DOOR_CLASS_CHECKED_IN, seedDemoData } from './seed-demo';

describe('demo data for npm start', () => {
  let t: TestApp;
  const seed = () => {
    const { membership, scheduling, bookings, attendance, credits } = t.composition.handlers;
    return seedDemoData(membership, t.composition.ensureAdmin, {
      handlers: scheduling,
      bookings,
      attendance,
      credits,
      currency: 'EUR',
      paymentsMode: 'test',
      timeZone: 'Europe/Berlin',
      clock: new SystemClock(),
    });
  };
  const upcoming = async () =>
    (await t.composition.handlers.scheduling.listSessions.handle({ viewer: null, from: new Date().toISOString(), pageSize: 100 })).items;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    await seed();
  }, 120_000);
  afterAll(() => t?.close());

  it('puts two weeks of published classes of every demo template on the schedule', async () => {
    const sessions = await upcoming();
    expect(sessions.length).toBeGreaterThan(40);
    expect(sessions.every((session) => session.status === 'published')).toBe(true);
    expect(new Set(sessions.map((session) => session.name))).toEqual(new Set(DEMO_CLASSES.map((demo) => demo.name)));
  });

  it('fills some classes: several nearly full, one full, through real bookings', async () => {
    const sessions = await upcoming();
    expect(sessions.filter((session) => session.availableSpots === 0)).toHaveLength(1);
    expect(sessions.filter((session) => session.availableSpots > 0 && session.availableSpots <= 2).length).toBeGreaterThanOrEqual(3);
    expect(sessions.filter((session) => session.bookedCount === 0).length).toBeGreaterThan(sessions.length / 2);
    expect(DEMO_REGULARS).toHaveLength(new Set(DEMO_REGULARS.map((regular) => regular.email)).size);
  });

  it('gives Maya upcoming bookings and a cancelled one for My Bookings', async () => {
    const { items } = await t.composition.handlers.membership.listUsers.handle({ q: 'maya@fitflow.test' });
    const actor = { userId: items[0]?.id as string, role: 'member' as const };
    const mine = (scope: 'upcoming' | 'cancelled') => t.composition.handlers.bookings.listMyBookings.handle({ actor, scope });
    expect((await mine('upcoming')).total).toBe(4);
    expect((await mine('cancelled')).total).toBe(1);
  });

  it('sells three packages; Maya bought the 10-class pack and spent some of it, Sam has no credits to try buying', async () => {
    const { credits, membership } = t.composition.handlers;
    expect((await credits.listPackages.handle()).map((pack) => pack.name)).toEqual(DEMO_PACKAGES.map((pack) => pack.name));
    const idOf = async (email: string) => (await membership.listUsers.handle({ q: email })).items[0]?.id as string;
    const maya = { userId: await idOf('maya@fitflow.test'), role: 'member' as const };
    const history = await credits.listMyTransactions.handle({ actor: maya, page: 1, pageSize: 100 });
    expect(history.items.map((line) => line.type)).toEqual(expect.arrayContaining(['purchase', 'booking', 'refund']));
    const balance = (await credits.getMyMembership.handle({ actor: maya })).credits;
    expect(balance).toBe(history.items.reduce((sum, line) => sum + line.amount, 0));
    expect(balance).toBeGreaterThan(0);
    const sam = { userId: await idOf('sam@fitflow.test'), role: 'member' as const };
    expect(await credits.getMyMembership.handle({ actor: sam })).toEqual({ credits: 0, validUntil: null, expiresSoon: false });
  });

  it('opens the door: Tess’s class starting within 30 minutes, with members booked and two already checked in', async () => {
    const { items: [tess] } = await t.composition.handlers.membership.listUsers.handle({ q: 'tess@fitflow.test' });
    const actor = { userId: tess?.id as string, role: 'trainer' as const };
    const soon = (await upcoming()).filter((session) => Date.parse(session.startsAt) - Date.now() < 30 * 60_000);
    const door = soon.find((session) => session.trainerId === actor.userId);

    const roster = await t.composition.handlers.attendance.getRoster.handle({ actor, sessionId: door?.id as string });

    expect(roster.map((entry) => entry.name)).toContain('Maya Member');
    expect(roster).toHaveLength(DOOR_CLASS_BOOKED_REGULARS + 1);
    expect(roster.filter((entry) => entry.checkedInAt !== null)).toHaveLength(DOOR_CLASS_CHECKED_IN);
  });

  it('adds nothing when run again (every start runs it)', async () => {
    const before = await upcoming();
    await seed();
    expect(await upcoming()).toEqual(before);
  });
});
