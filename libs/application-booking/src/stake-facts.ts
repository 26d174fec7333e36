import type { ClassSession } from '@fitflow/domain-scheduling';
import { MemberNotFoundError } from './errors';
import type { MemberDirectory } from './ports';

/**
 * The member taking a spot and the session, as a booking's or a hold's self-contained events name them. The member
 * and the trainer are read in one statement: it runs while the session's row is locked, where every round trip
 * holds up the queue of that class's bookings.
 */
export async function stakeFactsOf(members: MemberDirectory, memberId: string, session: ClassSession) {
  const found = await members.findAll([memberId, session.trainerId]);
  const member = found.find((account) => account.id === memberId);
  if (!member) throw new MemberNotFoundError(memberId);
  const trainerName = found.find((account) => account.id === session.trainerId)?.name ?? '';
  const { startsAt, endsAt } = session.slot;
  return {
    memberId: member.id,
    memberEmail: member.email,
    memberName: member.name,
    session: { id: session.id, name: session.name, startsAt, endsAt, trainerName },
  };
}
