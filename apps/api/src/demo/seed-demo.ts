import type { EnsureAdminHandler } from '@fitflow/application-membership';
import type { Actor } from '@fitflow/application-shared';
import { EmailTakenError } from '@fitflow/domain-membership';
import { type Weekday, WEEKDAYS, instantAt, localDateTimeOf } from '@fitflow/domain-scheduling';
import type { Clock } from '@fitflow/domain-shared';
import type { AttendanceHandlers } from '../modules/attendance';
import type { BookingHandlers } from '../modules/booking';
import type { CreditsHandlers } from '../modules/credits';
import type { MembershipHandlers } from '../modules/membership';
import type { SchedulingHandlers } from '../modules/scheduling';

export const DEMO_ACCOUNTS = [
  { role: 'admin', email: 'admin@fitflow.test', password: 'Demo-admin-pass-2026', name: 'Alex Admin' },
  { role: 'trainer', email: 'tess@fitflow.test', password: 'Demo-trainer-pass-2026', name: 'Tess Trainer' },
  { role: 'trainer', email: 'marco@fitflow.test', password: 'Demo-trainer-pass-2026', name: 'Marco Rossi' },
  { role: 'trainer', email: 'priya@fitflow.test', password: 'Demo-trainer-pass-2026', name: 'Priya Shah' },
  { role: 'member', email: 'maya@fitflow.test', password: 'Demo-member-pass-2026', name: 'Maya Member' },
  { role: 'member', email: 'sam@fitflow.test', password: 'Demo-member-pass-2026', name: 'Sam Newcomer' },
] as const;

/** What the demo studio sells; prices in the studio's currency. */
export const DEMO_PACKAGES = [
  { name: 'Drop-in', credits: 1, priceCents: 1_500, validityDays: 30 },
  { name: '10-class pack', credits: 10, priceCents: 12_000, validityDays: 90 },
  { name: '20-class pack', credits: 20, priceCents: 20_000, validityDays: 180 },
] as const;

/** The regulars' starting balance, an admin's welcome grant (they never buy: they never sign in). */
export const DEMO_REGULAR_CREDITS = 20;

/** Regulars who fill some classes, so the demo schedule shows "1 left" and "Full" (they never sign in). */
export const DEMO_REGULARS = [
  'Ana Lima', 'Ben Okafor', 'Chloé Martin', 'Dev Patel', 'Elif Kaya', 'Finn Berg', 'Grace Ng',
  'Hugo Silva', 'Ines Duarte', 'Jonas Weber', 'Kira Sato', 'Leo Haddad', 'Mia Novak', 'Noah Fischer',
].map((name) => ({
  email: `${name.split(' ')[0]?.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}@regulars.fitflow.test`,
  password: 'Demo-regular-pass-2026',
  name,
}));

type TrainerEmail = Extract<(typeof DEMO_ACCOUNTS)[number], { role: 'trainer' }>['email'];

interface DemoClass {
  name: string;
  description: string;
  durationMinutes: number;
  capacity: number;
  creditCost: number;
  trainer: TrainerEmail;
  /** Weekly slots at a wall-clock time (`HH:MM`) in the studio's zone. */
  slots: { weekdays: Weekday[]; at: string }[];
}

/** Eight templates, three trainers, a realistic studio week (early mornings, lunch, after work, weekends). */
export const DEMO_CLASSES: readonly DemoClass[] = [
  {
    name: 'Morning Yoga',
    description: 'A gentle hatha flow to wake up body and breath. All levels; mats provided.',
    durationMinutes: 60,
    capacity: 12,
    creditCost: 1,
    trainer: 'tess@fitflow.test',
    slots: [
      { weekdays: ['mon', 'wed', 'fri'], at: '07:00' },
      { weekdays: ['sat'], at: '09:00' },
    ],
  },
  {
    name: 'HIIT Express',
    description: 'Thirty minutes of intervals: squats, burpees, kettlebells. Bring water.',
    durationMinutes: 30,
    capacity: 16,
    creditCost: 1,
    trainer: 'marco@fitflow.test',
    slots: [
      { weekdays: ['tue', 'thu'], at: '12:15' },
      { weekdays: ['mon', 'wed'], at: '18:30' },
    ],
  },
  {
    name: 'Pilates Core',
    description: 'Mat Pilates for a strong centre and a happy back.',
    durationMinutes: 50,
    capacity: 10,
    creditCost: 1,
    trainer: 'priya@fitflow.test',
    slots: [
      { weekdays: ['tue', 'thu'], at: '09:00' },
      { weekdays: ['sat'], at: '11:00' },
    ],
  },
  {
    name: 'Spin',
    description: 'Indoor cycling to loud music. Cleats optional, towel required.',
    durationMinutes: 45,
    capacity: 20,
    creditCost: 1,
    trainer: 'marco@fitflow.test',
    slots: [
      { weekdays: ['mon', 'wed', 'fri'], at: '17:30' },
      { weekdays: ['sun'], at: '10:00' },
    ],
  },
  {
    name: 'Vinyasa Flow',
    description: 'A dynamic, breath-led yoga practice for those who know their downward dog.',
    durationMinutes: 75,
    capacity: 14,
    creditCost: 2,
    trainer: 'tess@fitflow.test',
    slots: [{ weekdays: ['tue', 'thu'], at: '19:00' }],
  },
  {
    name: 'Boxing Fitness',
    description: 'Pad work, footwork and conditioning. Gloves and wraps provided.',
    durationMinutes: 45,
    capacity: 12,
    creditCost: 2,
    trainer: 'marco@fitflow.test',
    slots: [
      { weekdays: ['fri'], at: '18:30' },
      { weekdays: ['sat'], at: '12:00' },
    ],
  },
  {
    name: 'Barre',
    description: 'Ballet-inspired strength and balance at the barre.',
    durationMinutes: 50,
    capacity: 12,
    creditCost: 1,
    trainer: 'priya@fitflow.test',
    slots: [{ weekdays: ['mon', 'wed'], at: '12:00' }],
  },
  {
    name: 'Stretch & Mobility',
    description: 'Slow stretching and joint mobility to finish the day. Free for members.',
    durationMinutes: 30,
    capacity: 15,
    creditCost: 0,
    trainer: 'priya@fitflow.test',
    slots: [
      { weekdays: ['tue', 'thu'], at: '20:15' },
      { weekdays: ['sun'], at: '17:00' },
    ],
  },
];

/** How many days of classes the demo schedule holds, from today. */
export const DEMO_SCHEDULE_DAYS = 14;

export interface DemoSchedule {
  handlers: SchedulingHandlers;
  bookings: BookingHandlers;
  attendance: AttendanceHandlers;
  credits: CreditsHandlers;
  /** The studio's currency, for the packages' prices. */
  currency: string;
  /** Maya buys her pack with the test card only on the test-mode gateway; with Stripe an admin grants it. */
  paymentsMode: 'stripe' | 'test';
  /** The studio's IANA time zone: classes sit at their wall-clock times in it. */
  timeZone: string;
  clock: Clock;
}

/**
 * Demo accounts, and with `schedule` the demo templates and two weeks of published classes from today. Safe to
 * run at every start: existing accounts are left alone, and the schedule is added only while there is no
 * template at all (so a studio that has started using the app is never filled with demo classes).
 */
export async function seedDemoData(
  membership: MembershipHandlers,
  ensureAdmin: EnsureAdminHandler,
  schedule: DemoSchedule,
): Promise<void> {
  const [admin, ...others] = DEMO_ACCOUNTS;
  const { id: adminId } = await ensureAdmin.handle({ email: admin.email, password: admin.password, name: admin.name });
  const actor: Actor = { userId: adminId, role: 'admin' };
  for (const account of others) {
    if (await findAccountId(membership, account.email)) continue;
    try {
      const { id } = await membership.register.handle(account);
      if (account.role !== 'member') await membership.changeRole.handle({ actor, userId: id, role: account.role });
    } catch (error) {
      if (!(error instanceof EmailTakenError)) throw error;
    }
  }
  if (await seedDemoSchedule(membership, actor, schedule)) {
    await seedDemoCredits(membership, actor, schedule);
    await seedDemoBookings(membership, actor, schedule);
    await seedDoorClass(membership, actor, schedule);
  }
}

/** Templates and two weeks of published classes; false when the studio already has templates. */
async function seedDemoSchedule(membership: MembershipHandlers, actor: Actor, schedule: DemoSchedule): Promise<boolean> {
  const { handlers, timeZone, clock } = schedule;
  const existing = await handlers.listTemplates.handle({ actor, pageSize: 1 });
  if (existing.total > 0) return false;

  const now = clock.now();
  const days = upcomingDays(now, timeZone, DEMO_SCHEDULE_DAYS);
  const until = days[days.length - 1]?.date as string;
  for (const demo of DEMO_CLASSES) {
    const trainerId = await findAccountId(membership, demo.trainer);
    if (!trainerId) continue;
    const { name, description, durationMinutes, capacity, creditCost } = demo;
    const template = await handlers.createTemplate.handle({ actor, trainerId, name, description, durationMinutes, capacity, creditCost });
    for (const slot of demo.slots) {
      const first = days
        .filter((day) => slot.weekdays.includes(day.weekday))
        .map((day) => instantAt({ ...day.local, ...clockTime(slot.at) }, timeZone))
        .find((start) => start.getTime() > now.getTime());
      if (!first) continue;
      const { ids } = await handlers.scheduleSessions.handle({
        actor,
        templateId: template.id,
        startsAt: first.toISOString(),
        repeat: { weekdays: slot.weekdays, until },
      });
      for (const id of ids) await handlers.publishSession.handle({ actor, id });
    }
  }
  return true;
}

/**
 * The packages on sale, and Maya's 10-class pack, bought with the test Visa as a member would (an admin's grant on
 * Stripe); Sam has no credits, to try buying.
 */
async function seedDemoCredits(membership: MembershipHandlers, admin: Actor, { credits, currency, paymentsMode }: DemoSchedule): Promise<void> {
  const packages = [];
  for (const demo of DEMO_PACKAGES) packages.push(await credits.createPackage.handle({ actor: admin, terms: { ...demo, currency } }));
  const mayaId = await findAccountId(membership, 'maya@fitflow.test');
  const pack = packages.find((one) => one.name === '10-class pack');
  if (!mayaId || !pack) return;
  if (paymentsMode === 'test') {
    const maya: Actor = { userId: mayaId, role: 'member' };
    await credits.purchase.handle({ actor: maya, packageId: pack.id, paymentMethodId: 'pm_card_visa', requestKey: null });
  } else {
    await credits.adjustCredits.handle({ actor: admin, userId: mayaId, amount: pack.credits, reason: 'Welcome credits' });
  }
}

/**
 * Bookings through the real use case: the regulars take all but one or two spots of every fourth small class
 * and every spot of one, and Maya has three upcoming classes and a paid one she cancelled two days ahead or more (a
 * full refund).
 */
async function seedDemoBookings(membership: MembershipHandlers, admin: Actor, schedule: DemoSchedule): Promise<void> {
  const regulars: Actor[] = [];
  for (const account of DEMO_REGULARS) {
    const id = (await findAccountId(membership, account.email)) ?? (await membership.register.handle(account)).id;
    await schedule.credits.adjustCredits.handle({ actor: admin, userId: id, amount: DEMO_REGULAR_CREDITS, reason: 'Welcome credits' });
    regulars.push({ userId: id, role: 'member' });
  }
  const { items: sessions } = await schedule.handlers.listSessions.handle({
    viewer: null,
    from: schedule.clock.now().toISOString(),
    pageSize: 100,
  });
  const small = sessions.filter((session) => session.capacity <= regulars.length);
  for (const [i, session] of small.entries()) {
    if (i % 4 !== 1) continue;
    const spots = i === 1 ? session.capacity : session.capacity - 1 - (i % 8 === 1 ? 0 : 1);
    for (const actor of regulars.slice(0, spots)) await schedule.bookings.createBooking.handle({ actor, sessionId: session.id });
  }
  const mayaId = await findAccountId(membership, 'maya@fitflow.test');
  if (!mayaId) return;
  const maya: Actor = { userId: mayaId, role: 'member' };
  const roomy = sessions.filter((session) => session.capacity > regulars.length);
  const upcoming = [roomy[1], roomy[4], roomy[9]].filter((session) => session !== undefined);
  for (const session of upcoming) await schedule.bookings.createBooking.handle({ actor: maya, sessionId: session.id });
  // A paid class two days ahead or more, whatever the time of day at start: its cancel is a full refund in her history.
  const refundable = schedule.clock.now().getTime() + 2 * DAY_MS;
  const later = roomy.find(
    (session) => !upcoming.includes(session) && session.creditCost > 0 && Date.parse(session.startsAt) >= refundable,
  );
  if (!later) return;
  const cancelled = await schedule.bookings.createBooking.handle({ actor: maya, sessionId: later.id });
  await schedule.bookings.cancelBooking.handle({ actor: maya, bookingId: cancelled.id });
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** How many regulars are booked on the class at the door, and how many of them have already come in. */
export const DOOR_CLASS_BOOKED_REGULARS = 6;
export const DOOR_CLASS_CHECKED_IN = 2;

/**
 * A class at the door: Tess's Morning Yoga starting 20 to 25 minutes from now (check-in opens 30 minutes before), with
 * six regulars and Maya booked and two regulars already checked in, so a trainer can run the door (by button, by
 * scanning Maya's QR code) and watch the counts move.
 */
async function seedDoorClass(membership: MembershipHandlers, admin: Actor, schedule: DemoSchedule): Promise<void> {
  const [tessId, mayaId] = await Promise.all([findAccountId(membership, 'tess@fitflow.test'), findAccountId(membership, 'maya@fitflow.test')]);
  const { items: templates } = await schedule.handlers.listTemplates.handle({ actor: admin, trainerId: tessId, pageSize: 100 });
  const template = templates.find((one) => one.name === 'Morning Yoga');
  if (!tessId || !mayaId || !template) return;
  const fiveMinutes = 5 * 60_000;
  const startsAt = new Date(Math.ceil((schedule.clock.now().getTime() + 20 * 60_000) / fiveMinutes) * fiveMinutes);
  const { id: sessionId } = await schedule.handlers.scheduleSessions.handle({ actor: admin, templateId: template.id, startsAt: startsAt.toISOString() });
  await schedule.handlers.publishSession.handle({ actor: admin, id: sessionId });
  const regulars = await Promise.all(DEMO_REGULARS.slice(-DOOR_CLASS_BOOKED_REGULARS).map((regular) => findAccountId(membership, regular.email)));
  const booked = [];
  for (const userId of [...regulars, mayaId]) {
    if (userId) booked.push(await schedule.bookings.createBooking.handle({ actor: { userId, role: 'member' }, sessionId }));
  }
  const tess: Actor = { userId: tessId, role: 'trainer' };
  for (const booking of booked.slice(0, DOOR_CLASS_CHECKED_IN)) {
    await schedule.attendance.recordCheckIn.handle({ actor: tess, method: 'manual', bookingId: booking.id });
  }
}

async function findAccountId(membership: MembershipHandlers, email: string): Promise<string | undefined> {
  const { items } = await membership.listUsers.handle({ q: email, pageSize: 10 });
  return items.find((user) => user.email === email)?.id;
}

interface StudioDay {
  /** `YYYY-MM-DD` in the studio's zone. */
  date: string;
  weekday: Weekday;
  local: { year: number; month: number; day: number };
}

/** Today and the following days, as calendar days in the studio's zone. */
function upcomingDays(now: Date, timeZone: string, count: number): StudioDay[] {
  const today = localDateTimeOf(now, timeZone);
  return Array.from({ length: count }, (_, offset) => {
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    return {
      date: day.toISOString().slice(0, 10),
      weekday: WEEKDAYS[day.getUTCDay()] as Weekday,
      local: { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() },
    };
  });
}

function clockTime(at: string): { hour: number; minute: number; second: number } {
  const [hour, minute] = at.split(':').map(Number);
  return { hour: hour ?? 0, minute: minute ?? 0, second: 0 };
}
