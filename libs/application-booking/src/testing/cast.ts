import type { StakeSnapshot } from '@fitflow/domain-booking';
import type { ClassSession } from '@fitflow/domain-scheduling';
import type { Actor } from '@fitflow/application-shared';

/** The people of every booking handler test. */
export const CAST = {
  member: { userId: 'mmmmmmmm-0000-4000-8000-000000000001', role: 'member', name: 'Mo Member', email: 'mo@example.com' },
  otherMember: { userId: 'mmmmmmmm-0000-4000-8000-000000000002', role: 'member', name: 'Olu Other', email: 'olu@example.com' },
  trainer: { userId: 'mmmmmmmm-0000-4000-8000-000000000003', role: 'trainer', name: 'Tara Trainer', email: 'tara@example.com' },
  otherTrainer: { userId: 'mmmmmmmm-0000-4000-8000-000000000004', role: 'trainer', name: 'Sam Substitute', email: 'sam@example.com' },
  admin: { userId: 'mmmmmmmm-0000-4000-8000-000000000005', role: 'admin', name: 'Ada Admin', email: 'ada@example.com' },
} as const satisfies Record<string, Actor & { name: string; email: string }>;

export type CastMember = keyof typeof CAST;

export function actor(who: CastMember): Actor {
  const { userId, role } = CAST[who];
  return { userId, role };
}

/** `who`'s stake in `session` as a stored booking or hold carries it; the CAST's trainer teaches the class. */
export function stakeOf(session: ClassSession, who: CastMember): StakeSnapshot {
  const { userId, email, name } = CAST[who];
  const { startsAt, endsAt } = session.slot;
  return { memberId: userId, memberEmail: email, memberName: name, sessionId: session.id, sessionName: session.name, trainerName: CAST.trainer.name, startsAt, endsAt };
}
