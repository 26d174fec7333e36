import type { ClassSession } from '@fitflow/domain-scheduling';
import { MemberNotFoundError } from './errors';
import type { DirectoryMember, MemberDirectory } from './ports';

/**
 * The member taking a spot and the session, as a booking's or a hold's self-contained events name them. The member
 * and the trainer are read in one statement: it runs while the session's row is locked, where every round trip
 * holds up the queue of that class's bookings.
 */
export async function stakeFactsOf(members: MemberDirectory, memberId: string, session: ClassSession) {
  const found = await members.findAll([memberId, session.trainerId]);
  const trainerName = found.find((account) => account.id === session.trainerId)?.name ?? '';
  return stakeFacts(found, memberId, session, trainerName);
}

/** The member and the session as a spot's events name them (`stakeFacts`). */
export type StakeFacts = ReturnType<typeof stakeFacts>;

/** The same from accounts already read (`found` must hold the member's) and the trainer's name. */
export function stakeFacts(found: readonly DirectoryMember[], memberId: string, session: ClassSession, trainerName: string) {
  const member = found.find((account) => account.id === memberId);
  if (!member) throw new MemberNotFoundError(memberId);
  const { startsAt, endsAt } = session.slot;
  return {
    memberId: member.id,
    memberEmail: member.email,
    memberName: member.name,
    session: { id: session.id, name: session.name, startsAt, endsAt, trainerName },
  };
}
