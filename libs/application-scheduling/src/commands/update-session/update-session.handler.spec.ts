import { describe, expect, it } from 'vitest';
import { CapacityBelowBookedError, SESSION_REASSIGNED, SESSION_RESCHEDULED } from '@fitflow/domain-scheduling';
import { ForbiddenError, SessionNotFoundError, TrainerNotFoundError } from '../../errors';
import {
  CAST,
  ClassSessionMother,
  TOMORROW_0700,
  TOMORROW_0800,
  type CastMember,
  actor,
  createSchedulingFakes,
} from '../../testing';
import { type UpdateSessionCommand, UpdateSessionHandler } from './update-session.handler';

function setUp(now?: string) {
  const fakes = createSchedulingFakes(now);
  const session = ClassSessionMother.published({ trainerId: CAST.trainer.userId, capacity: 12 });
  fakes.sessions.seed(session);
  const handler = new UpdateSessionHandler(fakes.uow, fakes.sessionsFinder, fakes.clock);
  const update = (who: CastMember, change: Partial<UpdateSessionCommand>) =>
    handler.handle({ actor: actor(who), id: session.id, ...change });
  return { ...fakes, session, update };
}

describe('UpdateSessionHandler, time', () => {
  it('moves the session keeping its length when only the start is given, and answers the Session', async () => {
    const { update } = setUp();
    const view = await update('trainer', { startsAt: '2026-12-03T18:00:00.000Z' });
    expect(view).toMatchObject({ startsAt: '2026-12-03T18:00:00.000Z', endsAt: '2026-12-03T19:00:00.000Z', status: 'published' });
  });

  it('moves only the end when only the end is given', async () => {
    const { update } = setUp();
    const view = await update('trainer', { endsAt: '2026-12-02T08:30:00.000Z' });
    expect(view).toMatchObject({ startsAt: TOMORROW_0700, endsAt: '2026-12-02T08:30:00.000Z' });
  });

  it('tells booked members through SessionRescheduled with old and new times', async () => {
    const { update, sessions } = setUp();
    await update('trainer', { startsAt: '2026-12-03T18:00:00.000Z', endsAt: '2026-12-03T19:30:00.000Z' });
    expect(sessions.outbox).toMatchObject([
      {
        type: SESSION_RESCHEDULED,
        payload: {
          startsAt: '2026-12-03T18:00:00.000Z',
          endsAt: '2026-12-03T19:30:00.000Z',
          previousStartsAt: TOMORROW_0700,
          previousEndsAt: TOMORROW_0800,
          trainerName: 'Tara Trainer',
        },
      },
    ]);
  });

  it('refuses a move into the past or an end before the start', async () => {
    const { update, sessions, session } = setUp();
    await expect(update('trainer', { startsAt: '2026-12-01T06:00:00.000Z' })).rejects.toMatchObject({ field: 'startsAt' });
    await expect(update('trainer', { endsAt: '2026-12-02T06:00:00.000Z' })).rejects.toMatchObject({ field: 'endsAt' });
    expect(sessions.row(session.id)?.startsAt.toISOString()).toBe(TOMORROW_0700);
  });

  it('refuses to move a session that has started with INVALID_STATE', async () => {
    const { update } = setUp('2026-12-02T07:10:00.000Z');
    await expect(update('trainer', { startsAt: '2026-12-03T07:00:00.000Z' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('refuses to move a session members have checked in to with INVALID_STATE, and still resizes it', async () => {
    const { update, occupancy, session, sessions } = setUp('2026-12-02T06:40:00.000Z');
    occupancy.set(session.id, { booked: 2, checkedIn: 1 });
    await expect(update('trainer', { startsAt: '2026-12-02T09:00:00.000Z' })).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: 'Members are already checked in; the class can no longer be moved',
    });
    await expect(update('trainer', { endsAt: '2026-12-02T08:30:00.000Z' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect(sessions.row(session.id)?.startsAt.toISOString()).toBe(TOMORROW_0700);
    await expect(update('trainer', { capacity: 14 })).resolves.toMatchObject({ capacity: 14 });
  });

  it('refuses to change a cancelled session with INVALID_STATE', async () => {
    const { update, sessions } = setUp();
    const cancelled = ClassSessionMother.cancelled({ trainerId: CAST.trainer.userId });
    sessions.seed(cancelled);
    await expect(update('trainer', { id: cancelled.id, capacity: 20 })).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });
});

describe('UpdateSessionHandler, capacity', () => {
  it('raises the capacity and answers the new availability', async () => {
    const { update, occupancy, session } = setUp();
    occupancy.set(session.id, { booked: 10, held: 1 });
    await expect(update('trainer', { capacity: 15 })).resolves.toMatchObject({ capacity: 15, availableSpots: 4 });
  });

  it('lowers it down to the booked plus held spots, not below (CAPACITY_BELOW_BOOKED)', async () => {
    const { update, occupancy, session, sessions } = setUp();
    occupancy.set(session.id, { booked: 5, held: 2 });
    const refused = update('trainer', { capacity: 6 });
    await expect(refused).rejects.toBeInstanceOf(CapacityBelowBookedError);
    await expect(refused).rejects.toMatchObject({ code: 'CAPACITY_BELOW_BOOKED' });
    expect(sessions.row(session.id)?.capacity).toBe(12);
    await expect(update('trainer', { capacity: 7 })).resolves.toMatchObject({ capacity: 7, availableSpots: 0 });
  });

  it('refuses a capacity out of range', async () => {
    const { update } = setUp();
    await expect(update('trainer', { capacity: 501 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'capacity' });
  });
});

describe('UpdateSessionHandler, trainer', () => {
  it('lets an admin hand the session to another trainer, recorded with the new trainer’s name', async () => {
    const { update, sessions } = setUp();
    const view = await update('admin', { trainerId: CAST.otherTrainer.userId });
    expect(view).toMatchObject({ trainerId: CAST.otherTrainer.userId, trainerName: 'Sam Substitute' });
    expect(sessions.outbox).toMatchObject([
      { type: SESSION_REASSIGNED, payload: { trainerName: 'Sam Substitute', previousTrainerId: CAST.trainer.userId } },
    ]);
  });

  it('refuses the owner trainer handing the session to another trainer with FORBIDDEN', async () => {
    const { update, sessions, session } = setUp();
    await expect(update('trainer', { trainerId: CAST.otherTrainer.userId })).rejects.toBeInstanceOf(ForbiddenError);
    expect(sessions.row(session.id)?.trainerId).toBe(CAST.trainer.userId);
  });

  it('refuses a member as trainer (VALIDATION_FAILED) and an unknown account (NOT_FOUND)', async () => {
    const { update } = setUp();
    await expect(update('admin', { trainerId: CAST.member.userId })).rejects.toMatchObject({ field: 'trainerId' });
    await expect(update('admin', { trainerId: 'nobody' })).rejects.toBeInstanceOf(TrainerNotFoundError);
  });

  it('changes all or nothing: a refused capacity keeps the old trainer and time', async () => {
    const { update, occupancy, session, sessions } = setUp();
    occupancy.set(session.id, { booked: 10 });
    const attempt = update('admin', { trainerId: CAST.otherTrainer.userId, startsAt: '2026-12-05T07:00:00.000Z', capacity: 5 });
    await expect(attempt).rejects.toMatchObject({ code: 'CAPACITY_BELOW_BOOKED' });
    expect(sessions.row(session.id)).toEqual(session.snapshot());
    expect(sessions.outbox).toEqual([]);
  });
});

describe('UpdateSessionHandler, permissions', () => {
  it('lets an admin change any trainer’s session', async () => {
    const { update } = setUp();
    await expect(update('admin', { capacity: 20 })).resolves.toMatchObject({ capacity: 20 });
  });

  it.each(['otherTrainer', 'member'] as const)('refuses %s a published session (on the schedule for all) with FORBIDDEN', async (who) => {
    const { update, sessions, session } = setUp();
    await expect(update(who, { capacity: 20 })).rejects.toBeInstanceOf(ForbiddenError);
    expect(sessions.row(session.id)?.capacity).toBe(12);
  });

  it('answers NOT_FOUND to another trainer changing a draft, as reading it answers', async () => {
    const { update, sessions } = setUp();
    const draft = ClassSessionMother.draft({ trainerId: CAST.trainer.userId, capacity: 12 });
    sessions.seed(draft);
    await expect(update('otherTrainer', { id: draft.id, capacity: 20 })).rejects.toBeInstanceOf(SessionNotFoundError);
    expect(sessions.row(draft.id)?.capacity).toBe(12);
  });

  it('answers NOT_FOUND for a session that does not exist', async () => {
    const { update } = setUp();
    await expect(update('admin', { id: 'no-such-session', capacity: 20 })).rejects.toBeInstanceOf(SessionNotFoundError);
  });
});
