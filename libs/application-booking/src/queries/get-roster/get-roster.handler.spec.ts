import { describe, expect, it } from 'vitest';
import { FixedClock } from '@fitflow/domain-shared';
import type { AttendanceFinder, RosterEntryView } from '../../attendance-ports';
import { CAST, type CastMember, actor } from '../../testing';
import { GetRosterHandler } from './get-roster.handler';

const NOW = new Date('2026-12-03T06:55:00.000Z');
const ENTRY: RosterEntryView = { bookingId: 'b-1', userId: CAST.member.userId, name: 'Mo Member', email: 'mo@example.com', status: 'confirmed', checkedInAt: null, isLate: false, method: null };

/** A published session of the trainer and a draft of theirs; the roster as read at `now`. */
function finder(): AttendanceFinder & { readAt: Date[] } {
  const sessions: Record<string, { trainerId: string; status: 'published' | 'draft' }> = {
    published: { trainerId: CAST.trainer.userId, status: 'published' },
    draft: { trainerId: CAST.trainer.userId, status: 'draft' },
  };
  const readAt: Date[] = [];
  return {
    readAt,
    sessionAccess: async (id) => sessions[id] ?? null,
    roster: async (_id, now) => (readAt.push(now), [ENTRY]),
    report: async () => [],
    codeHolder: async () => null,
  };
}

const roster = (who: CastMember, sessionId = 'published', found = finder()) => new GetRosterHandler(found, new FixedClock(NOW)).handle({ actor: actor(who), sessionId });

describe('GetRosterHandler', () => {
  it.each(['trainer', 'admin'] as const)('shows the %s the roster, read at the clock’s now', async (who) => {
    const found = finder();
    await expect(roster(who, 'published', found)).resolves.toEqual([ENTRY]);
    expect(found.readAt).toEqual([NOW]);
  });

  it('refuses members and another trainer with FORBIDDEN', async () => {
    await expect(roster('member')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(roster('otherTrainer')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('answers NOT_FOUND for an unknown session and another trainer’s draft', async () => {
    await expect(roster('admin', 'unknown')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(roster('otherTrainer', 'draft')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(roster('trainer', 'draft')).resolves.toEqual([ENTRY]);
  });
});
