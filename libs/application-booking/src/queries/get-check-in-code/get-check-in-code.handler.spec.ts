import { describe, expect, it } from 'vitest';
import { FixedClock } from '@fitflow/domain-shared';
import type { AttendanceFinder, CodeHolder } from '../../attendance-ports';
import { CAST, type CastMember, FakeCheckInCodes, actor } from '../../testing';
import { GetCheckInCodeHandler } from './get-check-in-code.handler';

const HOLDER: CodeHolder = {
  bookingId: 'b-1',
  memberId: CAST.member.userId,
  status: 'confirmed',
  startsAt: new Date('2026-12-03T07:00:00.000Z'),
  endsAt: new Date('2026-12-03T08:00:00.000Z'),
};

function code(who: CastMember, holder: CodeHolder | null = HOLDER) {
  const finder = { codeHolder: async () => holder } as unknown as AttendanceFinder;
  return new GetCheckInCodeHandler(finder, new FakeCheckInCodes(), new FixedClock('2026-12-01T07:00:00.000Z')).handle({ actor: actor(who), bookingId: 'b-1' });
}

describe('GetCheckInCodeHandler', () => {
  it('gives the booking’s member its code and when the door opens and closes', async () => {
    await expect(code('member')).resolves.toEqual({ bookingId: 'b-1', code: 'checkin:b-1', opensAt: '2026-12-03T06:30:00.000Z', closesAt: '2026-12-03T08:00:00.000Z' });
  });

  it.each(['otherMember', 'trainer', 'admin'] as const)('answers NOT_FOUND to the %s: the code stays with its member', async (who) => {
    await expect(code(who)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers NOT_FOUND for an unknown booking, and INVALID_STATE for a cancelled one or a no-show', async () => {
    await expect(code('member', null)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(code('member', { ...HOLDER, status: 'cancelled' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(code('member', { ...HOLDER, status: 'no_show' })).rejects.toMatchObject({ code: 'INVALID_STATE', message: 'This booking is no-show: it has no check-in code' });
  });
});
