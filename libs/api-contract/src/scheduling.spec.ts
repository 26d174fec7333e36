import { describe, expect, it } from 'vitest';
import {
  createSessionsRequestSchema,
  createTemplateRequestSchema,
  listSessionsQuerySchema,
  sessionSchema,
  updateTemplateRequestSchema,
} from './index';

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join('.'));

describe('template requests', () => {
  it('trims the name and leaves the credit cost and trainer optional on create, but not on update', () => {
    expect(createTemplateRequestSchema.parse({ name: ' Spin ', durationMinutes: 45, capacity: 20 })).toEqual({
      name: 'Spin',
      durationMinutes: 45,
      capacity: 20,
    });
    expect(paths(updateTemplateRequestSchema.safeParse({ name: 'Spin', durationMinutes: 45, capacity: 20 }))).toEqual(['creditCost']);
  });

  it('names each field out of range', () => {
    const result = createTemplateRequestSchema.safeParse({ name: ' ', durationMinutes: 481, capacity: 0, creditCost: 101 });
    expect(paths(result)).toEqual(['name', 'durationMinutes', 'capacity', 'creditCost']);
  });
});

describe('session requests', () => {
  it('takes a weekly series and names a bad weekday or end date', () => {
    const body = { startsAt: '2027-03-22T06:00:00Z', repeat: { weekdays: ['mon', 'wed'], until: '2027-04-07' } };
    expect(createSessionsRequestSchema.parse(body)).toEqual(body);
    const bad = createSessionsRequestSchema.safeParse({ ...body, repeat: { weekdays: ['monday'], until: '07/04/2027' } });
    expect(paths(bad)).toEqual(['repeat.weekdays.0', 'repeat.until']);
  });

  it('accepts instants with Z or an offset, nothing else', () => {
    expect(createSessionsRequestSchema.safeParse({ startsAt: '2027-03-22T07:00:00+01:00' }).success).toBe(true);
    expect(paths(createSessionsRequestSchema.safeParse({ startsAt: '2027-03-22 07:00' }))).toEqual(['startsAt']);
  });
});

describe('listSessionsQuerySchema', () => {
  it('turns `available` into a boolean, trims `q` and defaults the page', () => {
    expect(listSessionsQuerySchema.parse({ available: 'true', q: ' yoga ' })).toEqual({ page: 1, pageSize: 20, available: true, q: 'yoga' });
    expect(listSessionsQuerySchema.parse({ available: 'false' }).available).toBe(false);
    expect(paths(listSessionsQuerySchema.safeParse({ available: 'yes', from: 'monday' }))).toEqual(['from', 'available']);
  });
});

describe('sessionSchema', () => {
  const session = {
    id: '0b0f8f5e-6d1b-4a4e-9d1c-3f1e2a9b7c10',
    name: 'Morning Yoga',
    description: '',
    templateId: null,
    trainerId: '1b0f8f5e-6d1b-4a4e-9d1c-3f1e2a9b7c10',
    trainerName: 'Tess',
    startsAt: '2027-03-22T06:00:00.000Z',
    endsAt: '2027-03-22T07:00:00.000Z',
    capacity: 12,
    creditCost: 1,
    bookedCount: 0,
    heldCount: 0,
    availableSpots: 12,
    waitlistCount: 0,
    status: 'published',
    cancellationReason: null,
    actions: {
      book: { allowed: false, code: 'UNAUTHENTICATED', reason: 'Sign in to book this class' },
      hold: { allowed: false, code: 'UNAUTHENTICATED', reason: 'Sign in to hold a spot' },
    },
    refundOutlook: { percentage: 100, credits: 1, changesAt: '2027-03-21T06:00:00.000Z', nextPercentage: 50, nextCredits: 0 },
  };

  it('has `me` only for signed-in callers', () => {
    expect(sessionSchema.safeParse(session).success).toBe(true);
    const me = { bookingId: null, holdId: null, waitlistPosition: null };
    expect(sessionSchema.parse({ ...session, me })).toEqual({ ...session, me });
    expect(sessionSchema.safeParse({ ...session, status: 'full' }).success).toBe(false);
  });

  it('always says what the caller can do and what a cancel would refund', () => {
    const { actions: _, ...withoutActions } = session;
    expect(sessionSchema.safeParse(withoutActions).success).toBe(false);
    expect(sessionSchema.safeParse({ ...session, refundOutlook: { ...session.refundOutlook, percentage: 101 } }).success).toBe(false);
  });
});
