import { describe, expect, it } from 'vitest';
import { InvalidStateError } from '@fitflow/domain-shared';
import { CancellationReason } from './cancellation-reason';
import { Capacity } from './capacity';
import { ClassDescription, ClassName } from './class-name';
import { ClassSession, type ClassSessionSnapshot, type NewClassSession } from './class-session';
import {
  SESSION_CANCELLED,
  SESSION_CAPACITY_CHANGED,
  SESSION_DISCARDED,
  SESSION_PUBLISHED,
  SESSION_REASSIGNED,
  SESSION_RESCHEDULED,
  SESSION_SCHEDULED,
} from './class-session-events';
import { CreditCost } from './credit-cost';
import { CapacityBelowBookedError, SessionTooLongError, StartsInPastError, StartsTooFarAheadError } from './errors';
import { TimeSlot } from './time-slot';

const NOW = new Date('2026-12-01T06:00:00.000Z');
const STARTS = '2026-12-01T07:00:00.000Z';
const ENDS = '2026-12-01T08:00:00.000Z';
const DURING = new Date('2026-12-01T07:30:00.000Z');
const AFTER = new Date('2026-12-01T08:00:00.000Z');
const slot = (from: string, to: string) => TimeSlot.create(new Date(from), new Date(to));
const reason = CancellationReason.create('Trainer is ill');

function scheduling(overrides: Partial<NewClassSession> = {}): NewClassSession {
  return {
    id: 'session-1',
    templateId: 'template-1',
    trainerId: 'trainer-1',
    trainerName: 'Tara Trainer',
    name: ClassName.create('Morning Yoga'),
    description: ClassDescription.create('Gentle flow'),
    slot: slot(STARTS, ENDS),
    capacity: Capacity.create(12),
    creditCost: CreditCost.create(2),
    now: NOW,
    ...overrides,
  };
}

function stored(overrides: Partial<ClassSessionSnapshot> = {}): ClassSession {
  return ClassSession.restore({
    id: 'session-1',
    templateId: 'template-1',
    trainerId: 'trainer-1',
    name: 'Morning Yoga',
    description: 'Gentle flow',
    startsAt: new Date(STARTS),
    endsAt: new Date(ENDS),
    capacity: 12,
    creditCost: 2,
    status: 'published',
    cancellationReason: null,
    createdAt: new Date('2026-11-01T00:00:00.000Z'),
    updatedAt: new Date('2026-11-01T00:00:00.000Z'),
    ...overrides,
  });
}

const facts = {
  sessionId: 'session-1',
  name: 'Morning Yoga',
  startsAt: STARTS,
  endsAt: ENDS,
  trainerId: 'trainer-1',
  trainerName: 'Tara Trainer',
};

describe('ClassSession.schedule', () => {
  it('puts a draft on the schedule with everything it was given', () => {
    const session = ClassSession.schedule(scheduling());
    expect(session.snapshot()).toEqual({
      id: 'session-1',
      templateId: 'template-1',
      trainerId: 'trainer-1',
      name: 'Morning Yoga',
      description: 'Gentle flow',
      startsAt: new Date(STARTS),
      endsAt: new Date(ENDS),
      capacity: 12,
      creditCost: 2,
      status: 'draft',
      cancellationReason: null,
      createdAt: NOW,
      updatedAt: NOW,
    });
  });

  it('records SessionScheduled, self-contained', () => {
    expect(ClassSession.schedule(scheduling()).pullEvents()).toEqual([
      {
        type: SESSION_SCHEDULED,
        aggregateId: 'session-1',
        occurredAt: NOW.toISOString(),
        payload: { ...facts, templateId: 'template-1', capacity: 12, creditCost: 2 },
      },
    ]);
  });

  it('refuses a start in the past, or right now, as a validation failure of startsAt', () => {
    for (const starts of ['2026-12-01T05:00:00.000Z', NOW.toISOString()]) {
      const attempt = () => ClassSession.schedule(scheduling({ slot: slot(starts, ENDS) }));
      expect(attempt).toThrow(StartsInPastError);
      expect(attempt).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'startsAt' }));
    }
  });

  it('takes a session of 24 hours and refuses a longer one as a validation failure of endsAt', () => {
    expect(ClassSession.schedule(scheduling({ slot: slot(STARTS, '2026-12-02T07:00:00.000Z') })).slot.durationMinutes).toBe(24 * 60);
    const attempt = () => ClassSession.schedule(scheduling({ slot: slot(STARTS, '2026-12-02T07:00:01.000Z') }));
    expect(attempt).toThrow(SessionTooLongError);
    expect(attempt).toThrow(expect.objectContaining({ field: 'endsAt', message: 'A session lasts at most 24 hours; end it earlier' }));
  });

  it('takes a start two years ahead and refuses a later one as a validation failure of startsAt', () => {
    const twoYearsOn = '2028-12-01T06:00:00.000Z';
    expect(ClassSession.schedule(scheduling({ slot: slot(twoYearsOn, '2028-12-01T07:00:00.000Z') })).slot.startsAt.toISOString()).toBe(
      twoYearsOn,
    );
    const attempt = () => ClassSession.schedule(scheduling({ slot: slot('2028-12-01T06:00:01.000Z', '2028-12-01T07:00:00.000Z') }));
    expect(attempt).toThrow(StartsTooFarAheadError);
    expect(attempt).toThrow(expect.objectContaining({ field: 'startsAt', message: expect.stringContaining('at most 2 years ahead') }));
  });
});

describe('ClassSession.restore', () => {
  it('rebuilds the stored session and records nothing', () => {
    const session = stored({ status: 'cancelled', cancellationReason: 'Flooded' });
    expect(session.status).toBe('cancelled');
    expect(session.cancellationReason).toBe('Flooded');
    expect(session.pullEvents()).toEqual([]);
  });
});

describe('ClassSession.statusAt', () => {
  it('turns a published session in progress at its start and completed at its end', () => {
    const session = stored();
    expect(session.statusAt(NOW)).toBe('published');
    expect(session.statusAt(DURING)).toBe('in_progress');
    expect(session.statusAt(AFTER)).toBe('completed');
  });
});

describe('ClassSession.publish', () => {
  it('opens a draft and records SessionPublished with name, times and trainer', () => {
    const session = stored({ status: 'draft' });
    session.publish(NOW, 'Tara Trainer');
    expect(session.status).toBe('published');
    expect(session.updatedAt).toEqual(NOW);
    expect(session.pullEvents()).toEqual([
      {
        type: SESSION_PUBLISHED,
        aggregateId: 'session-1',
        occurredAt: NOW.toISOString(),
        payload: { ...facts, capacity: 12, creditCost: 2 },
      },
    ]);
  });

  it.each([
    ['published', NOW, 'already published'],
    ['published', DURING, 'already published'],
    ['published', AFTER, 'already published'],
    ['cancelled', NOW, 'cancelled session cannot be published'],
  ] as const)('refuses a %s session (at %s)', (status, now, message) => {
    const session = stored({ status });
    expect(() => session.publish(now, 'Tara Trainer')).toThrow(InvalidStateError);
    expect(() => session.publish(now, 'Tara Trainer')).toThrow(message);
    expect(session.status).toBe(status);
    expect(session.pullEvents()).toEqual([]);
  });

  it('refuses a draft whose start has passed', () => {
    const session = stored({ status: 'draft' });
    expect(() => session.publish(DURING, 'Tara Trainer')).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
    expect(session.status).toBe('draft');
  });
});

describe('ClassSession.cancel', () => {
  it('cancels a published session with the reason and records SessionCancelled', () => {
    const session = stored();
    session.cancel(reason, NOW, 'Tara Trainer');
    expect(session.snapshot()).toMatchObject({ status: 'cancelled', cancellationReason: 'Trainer is ill', updatedAt: NOW });
    expect(session.pullEvents()).toEqual([
      {
        type: SESSION_CANCELLED,
        aggregateId: 'session-1',
        occurredAt: NOW.toISOString(),
        payload: { ...facts, reason: 'Trainer is ill', previousStatus: 'published' },
      },
    ]);
  });

  it('cancels a draft, even one whose time has passed (a draft never takes place)', () => {
    const session = stored({ status: 'draft' });
    session.cancel(reason, AFTER, 'Tara Trainer');
    expect(session.status).toBe('cancelled');
    expect(session.pullEvents()).toMatchObject([{ type: SESSION_CANCELLED, payload: { previousStatus: 'draft' } }]);
  });

  it.each([
    ['cancelled', NOW, 'is cancelled'],
    ['published', DURING, 'has already started'],
    ['published', AFTER, 'is over'],
  ] as const)('refuses a %s session at %s', (status, now, message) => {
    const session = stored({ status });
    expect(() => session.cancel(reason, now, 'Tara Trainer')).toThrow(InvalidStateError);
    expect(() => session.cancel(reason, now, 'Tara Trainer')).toThrow(message);
    expect(session.pullEvents()).toEqual([]);
  });
});

describe('ClassSession.reschedule', () => {
  const later = slot('2026-12-02T18:00:00.000Z', '2026-12-02T19:30:00.000Z');

  it('moves a published session and records the old and the new times', () => {
    const session = stored();
    session.reschedule(later, NOW, 'Tara Trainer', false);
    expect(session.slot.equals(later)).toBe(true);
    expect(session.updatedAt).toEqual(NOW);
    expect(session.pullEvents()).toEqual([
      {
        type: SESSION_RESCHEDULED,
        aggregateId: 'session-1',
        occurredAt: NOW.toISOString(),
        payload: {
          ...facts,
          startsAt: '2026-12-02T18:00:00.000Z',
          endsAt: '2026-12-02T19:30:00.000Z',
          previousStartsAt: STARTS,
          previousEndsAt: ENDS,
        },
      },
    ]);
  });

  it('moves a draft without telling anyone', () => {
    const session = stored({ status: 'draft' });
    session.reschedule(later, NOW, 'Tara Trainer', false);
    expect(session.slot.equals(later)).toBe(true);
    expect(session.pullEvents()).toEqual([]);
  });

  it('moving to the same slot changes nothing, even once members have checked in', () => {
    const session = stored();
    session.reschedule(slot(STARTS, ENDS), NOW, 'Tara Trainer', true);
    expect(session.updatedAt).toEqual(new Date('2026-11-01T00:00:00.000Z'));
    expect(session.pullEvents()).toEqual([]);
  });

  it('refuses to move a session once members have checked in (INVALID_STATE)', () => {
    const session = stored();
    expect(() => session.reschedule(later, NOW, 'Tara Trainer', true)).toThrow(InvalidStateError);
    expect(() => session.reschedule(later, NOW, 'Tara Trainer', true)).toThrow('Members are already checked in; the class can no longer be moved');
    expect(session.slot.startsAt.toISOString()).toBe(STARTS);
    expect(session.pullEvents()).toEqual([]);
  });

  it('refuses to move a session more than two years ahead or to make it longer than 24 hours', () => {
    const session = stored();
    expect(() => session.reschedule(slot('2029-01-01T07:00:00.000Z', '2029-01-01T08:00:00.000Z'), NOW, 'Tara Trainer', false)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'startsAt' }),
    );
    expect(() => session.reschedule(slot(STARTS, '2026-12-03T07:00:00.000Z'), NOW, 'Tara Trainer', false)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'endsAt' }),
    );
    expect(session.slot.endsAt.toISOString()).toBe(ENDS);
  });

  it('still restores a session stored before these rules, longer than a day', () => {
    expect(stored({ endsAt: new Date('2026-12-05T07:00:00.000Z') }).slot.durationMinutes).toBe(4 * 24 * 60);
  });

  it('refuses to move a session into the past', () => {
    const session = stored();
    expect(() => session.reschedule(slot('2026-12-01T05:00:00.000Z', ENDS), NOW, 'Tara Trainer', false)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'startsAt' }),
    );
    expect(session.slot.startsAt.toISOString()).toBe(STARTS);
  });

  it.each([
    ['cancelled', NOW],
    ['published', DURING],
    ['published', AFTER],
  ] as const)('refuses a %s session at %s', (status, now) => {
    const session = stored({ status });
    const far = slot('2026-12-10T07:00:00.000Z', '2026-12-10T08:00:00.000Z');
    expect(() => session.reschedule(far, now, 'Tara Trainer', false)).toThrow(InvalidStateError);
    expect(session.slot.startsAt.toISOString()).toBe(STARTS);
  });
});

describe('ClassSession.changeCapacity', () => {
  it('raises the capacity of a published session and records it', () => {
    const session = stored();
    session.changeCapacity(Capacity.create(20), 12, NOW, 'Tara Trainer');
    expect(session.capacity.value).toBe(20);
    expect(session.pullEvents()).toEqual([
      {
        type: SESSION_CAPACITY_CHANGED,
        aggregateId: 'session-1',
        occurredAt: NOW.toISOString(),
        payload: { ...facts, previousCapacity: 12, capacity: 20 },
      },
    ]);
  });

  it('lowers it down to exactly the spots taken', () => {
    const session = stored();
    session.changeCapacity(Capacity.create(5), 5, NOW, 'Tara Trainer');
    expect(session.capacity.value).toBe(5);
  });

  it('refuses to go below the spots taken', () => {
    const session = stored();
    const attempt = () => session.changeCapacity(Capacity.create(4), 5, NOW, 'Tara Trainer');
    expect(attempt).toThrow(CapacityBelowBookedError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'CAPACITY_BELOW_BOOKED', capacity: 4, takenSpots: 5 }));
    expect(session.capacity.value).toBe(12);
  });

  it('changes a draft without an event, and the same capacity changes nothing', () => {
    const draft = stored({ status: 'draft' });
    draft.changeCapacity(Capacity.create(6), 0, NOW, 'Tara Trainer');
    expect(draft.capacity.value).toBe(6);
    expect(draft.pullEvents()).toEqual([]);

    const published = stored();
    published.changeCapacity(Capacity.create(12), 0, NOW, 'Tara Trainer');
    expect(published.pullEvents()).toEqual([]);
  });

  it.each([
    ['cancelled', NOW],
    ['published', DURING],
    ['published', AFTER],
  ] as const)('refuses a %s session at %s', (status, now) => {
    const session = stored({ status });
    expect(() => session.changeCapacity(Capacity.create(20), 0, now, 'Tara Trainer')).toThrow(InvalidStateError);
    expect(session.capacity.value).toBe(12);
  });
});

describe('ClassSession.reassign', () => {
  it('hands a published session to another trainer and records it', () => {
    const session = stored();
    session.reassign('trainer-2', 'Sam Substitute', NOW);
    expect(session.trainerId).toBe('trainer-2');
    expect(session.pullEvents()).toEqual([
      {
        type: SESSION_REASSIGNED,
        aggregateId: 'session-1',
        occurredAt: NOW.toISOString(),
        payload: { ...facts, trainerId: 'trainer-2', trainerName: 'Sam Substitute', previousTrainerId: 'trainer-1' },
      },
    ]);
  });

  it('lets a substitute take a class that has begun', () => {
    const session = stored();
    session.reassign('trainer-2', 'Sam Substitute', DURING);
    expect(session.trainerId).toBe('trainer-2');
  });

  it('hands a draft over without an event; the same trainer changes nothing', () => {
    const draft = stored({ status: 'draft' });
    draft.reassign('trainer-2', 'Sam Substitute', NOW);
    expect(draft.trainerId).toBe('trainer-2');
    expect(draft.pullEvents()).toEqual([]);

    const published = stored();
    published.reassign('trainer-1', 'Tara Trainer', NOW);
    expect(published.updatedAt).toEqual(new Date('2026-11-01T00:00:00.000Z'));
    expect(published.pullEvents()).toEqual([]);
  });

  it.each([
    ['cancelled', NOW],
    ['published', AFTER],
  ] as const)('refuses a %s session at %s', (status, now) => {
    const session = stored({ status });
    expect(() => session.reassign('trainer-2', 'Sam Substitute', now)).toThrow(InvalidStateError);
    expect(session.trainerId).toBe('trainer-1');
  });
});

describe('ClassSession.discard', () => {
  it('deletes a draft and records SessionDiscarded with what it was', () => {
    const session = stored({ status: 'draft' });
    session.discard(NOW, 'Tara Trainer');
    expect(session.isDiscarded).toBe(true);
    expect(session.pullEvents()).toEqual([
      {
        type: SESSION_DISCARDED,
        aggregateId: 'session-1',
        occurredAt: NOW.toISOString(),
        payload: { ...facts, templateId: 'template-1' },
      },
    ]);
  });

  it('deletes a draft whose time has passed (a draft never takes place)', () => {
    const session = stored({ status: 'draft' });
    session.discard(AFTER, 'Tara Trainer');
    expect(session.isDiscarded).toBe(true);
  });

  it.each([
    ['published', NOW, 'cancel it instead'],
    ['published', DURING, 'cancel it instead'],
    ['published', AFTER, 'cancel it instead'],
    ['cancelled', NOW, 'stays on the record'],
  ] as const)('refuses a %s session (at %s): it is on the record', (status, now, message) => {
    const session = stored({ status });
    expect(() => session.discard(now, 'Tara Trainer')).toThrow(InvalidStateError);
    expect(() => session.discard(now, 'Tara Trainer')).toThrow(message);
    expect(session.isDiscarded).toBe(false);
    expect(session.pullEvents()).toEqual([]);
  });

  it('refuses to delete a draft twice', () => {
    const session = stored({ status: 'draft' });
    session.discard(NOW, 'Tara Trainer');
    expect(() => session.discard(NOW, 'Tara Trainer')).toThrow('already been deleted');
    expect(session.pullEvents()).toHaveLength(1);
  });
});

describe('ClassSession.isManageableBy', () => {
  it('answers the owner trainer and admins only', () => {
    const session = stored();
    expect(session.isManageableBy({ userId: 'trainer-1', role: 'trainer' })).toBe(true);
    expect(session.isManageableBy({ userId: 'admin-1', role: 'admin' })).toBe(true);
    expect(session.isManageableBy({ userId: 'trainer-2', role: 'trainer' })).toBe(false);
    expect(session.isManageableBy({ userId: 'member-1', role: 'member' })).toBe(false);
  });
});
