import type { EnsureAdminHandler } from '@fitflow/application-membership';
import { EmailTakenError } from '@fitflow/domain-membership';
import type { MembershipHandlers } from '../composition-types';

export const DEMO_ACCOUNTS = [
  { role: 'admin', email: 'admin@fitflow.test', password: 'Demo-admin-pass-2026', name: 'Alex Admin' },
  { role: 'trainer', email: 'tess@fitflow.test', password: 'Demo-trainer-pass-2026', name: 'Tess Trainer' },
  { role: 'member', email: 'maya@fitflow.test', password: 'Demo-member-pass-2026', name: 'Maya Member' },
] as const;

/** Demo accounts for `npm start`; safe to run at every start. */
export async function seedDemoData(membership: MembershipHandlers, ensureAdmin: EnsureAdminHandler): Promise<void> {
  const [admin, ...others] = DEMO_ACCOUNTS;
  const { id: adminId } = await ensureAdmin.handle({ email: admin.email, password: admin.password, name: admin.name });
  for (const account of others) {
    try {
      const { id } = await membership.register.handle(account);
      if (account.role !== 'member') {
        await membership.changeRole.handle({ actor: { userId: adminId, role: 'admin' }, userId: id, role: account.role });
      }
    } catch (error) {
      if (!(error instanceof EmailTakenError)) throw error;
    }
  }
}
