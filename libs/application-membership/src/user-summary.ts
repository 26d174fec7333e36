import type { Role, User } from '@fitflow/domain-membership';

/** An account as its owner and admins see it (`GET /me`, `PATCH /users/{id}/role`). */
export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export function summaryOf(user: User): UserSummary {
  return { id: user.id, email: user.email.value, name: user.name, role: user.role };
}
