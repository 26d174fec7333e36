import type { Handler, UnitOfWork } from '@fitflow/application-shared';
import { EXPIRY_NOTICE_DAYS } from '@fitflow/domain-membership';
import type { Clock } from '@fitflow/domain-shared';
import type { CreditRepositories } from '../../credit-ports';

export interface ExpireCreditsCommand {
  /** Members handled in one run; the next run takes the rest. */
  limit: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The daily job: writes off credits whose `validUntil` has come (a ledger line and CreditsExpired), and records
 * CreditsExpiringSoon once for credits that expire within 7 days. The rule does not wait for it: an expired
 * balance is never spent (`Membership.deductCredits`) nor shown (`spendableCredits`). One transaction per member,
 * so one member's failure does not hold back the others' and a killed run loses nothing that the next does not do.
 */
export class ExpireCreditsHandler implements Handler<ExpireCreditsCommand, { expired: number; noticed: number }> {
  constructor(
    private readonly uow: UnitOfWork<CreditRepositories>,
    private readonly clock: Clock,
  ) {}

  async handle({ limit }: ExpireCreditsCommand): Promise<{ expired: number; noticed: number }> {
    const now = this.clock.now();
    const noticeUntil = new Date(now.getTime() + EXPIRY_NOTICE_DAYS * DAY_MS);
    const due = await this.uow.transaction(({ memberships }) => memberships.dueForExpiryWork(now, noticeUntil, limit));
    const tally = { expired: 0, noticed: 0 };
    for (const memberId of due) {
      await this.uow.transaction(async ({ memberships }) => {
        const membership = await memberships.getForUpdate(memberId);
        if (!membership) return;
        const at = this.clock.now();
        if (membership.expire(at)) tally.expired += 1;
        else if (membership.noteExpiringSoon(at)) tally.noticed += 1;
        await memberships.save(membership);
      });
    }
    return tally;
  }
}
