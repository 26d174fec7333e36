import { describe, expect, it } from 'vitest';
import { type StoredSessionStatus, effectiveSessionStatus, isSessionVisibleTo } from './session-status';

const startsAt = new Date('2026-12-01T07:00:00Z');
const endsAt = new Date('2026-12-01T08:00:00Z');
const statusAt = (status: StoredSessionStatus, now: string) => effectiveSessionStatus({ status, startsAt, endsAt }, new Date(now));

describe('effectiveSessionStatus', () => {
  it('is published before the start, in progress from the start, completed from the end', () => {
    expect(statusAt('published', '2026-12-01T06:59:59.999Z')).toBe('published');
    expect(statusAt('published', '2026-12-01T07:00:00Z')).toBe('in_progress');
    expect(statusAt('published', '2026-12-01T07:59:59.999Z')).toBe('in_progress');
    expect(statusAt('published', '2026-12-01T08:00:00Z')).toBe('completed');
  });

  it('leaves drafts and cancelled sessions as they are, whatever the time', () => {
    for (const now of ['2026-11-30T00:00:00Z', '2026-12-01T07:30:00Z', '2026-12-02T00:00:00Z']) {
      expect(statusAt('draft', now)).toBe('draft');
      expect(statusAt('cancelled', now)).toBe('cancelled');
    }
  });
});

describe('isSessionVisibleTo', () => {
  const draft = { status: 'draft' as const, trainerId: 'trainer-1' };

  it('shows every non-draft session to everyone, anonymous visitors included', () => {
    for (const status of ['published', 'cancelled'] as const) {
      expect(isSessionVisibleTo({ status, trainerId: 'trainer-1' }, null)).toBe(true);
      expect(isSessionVisibleTo({ status, trainerId: 'trainer-1' }, { userId: 'm', role: 'member' })).toBe(true);
    }
  });

  it('shows a draft to its own trainer and to admins only', () => {
    expect(isSessionVisibleTo(draft, null)).toBe(false);
    expect(isSessionVisibleTo(draft, { userId: 'trainer-1', role: 'member' })).toBe(false);
    expect(isSessionVisibleTo(draft, { userId: 'trainer-2', role: 'trainer' })).toBe(false);
    expect(isSessionVisibleTo(draft, { userId: 'trainer-1', role: 'trainer' })).toBe(true);
    expect(isSessionVisibleTo(draft, { userId: 'admin-1', role: 'admin' })).toBe(true);
  });
});
