import type { Actor } from '@fitflow/application-shared';

/** The people of every handler test: the owner trainer, another trainer, an admin and a member. */
export const CAST = {
  trainer: { userId: 'tttttttt-0000-4000-8000-000000000001', role: 'trainer', name: 'Tara Trainer' },
  otherTrainer: { userId: 'tttttttt-0000-4000-8000-000000000002', role: 'trainer', name: 'Sam Substitute' },
  admin: { userId: 'tttttttt-0000-4000-8000-000000000003', role: 'admin', name: 'Ada Admin' },
  member: { userId: 'tttttttt-0000-4000-8000-000000000004', role: 'member', name: 'Mo Member' },
} as const satisfies Record<string, Actor & { name: string }>;

export type CastMember = keyof typeof CAST;

/** The actor (what a handler receives) of one of the cast. */
export function actor(who: CastMember): Actor {
  const { userId, role } = CAST[who];
  return { userId, role };
}
