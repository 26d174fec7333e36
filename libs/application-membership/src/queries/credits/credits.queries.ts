import type { Actor, Handler, Page, PageRequest } from '@fitflow/application-shared';
import { PurchaseNotFoundError } from '@fitflow/domain-membership';
import type { Clock } from '@fitflow/domain-shared';
import type { CreditPackageView, CreditsFinder, CreditTransactionView, MembershipView, PurchaseView } from '../../credit-ports';
import { toMembershipView } from '../../credit-views';
import { ForbiddenError, UserNotFoundError } from '../../errors';
import type { UsersFinder } from '../../ports';

/** The caller's credits now. */
export class GetMyMembershipHandler implements Handler<{ actor: Actor }, MembershipView> {
  constructor(
    private readonly finder: CreditsFinder,
    private readonly clock: Clock,
  ) {}

  async handle({ actor }: { actor: Actor }): Promise<MembershipView> {
    return toMembershipView(await this.finder.membershipOf(actor.userId), this.clock.now());
  }
}

/** An admin looks at a member's credits before adjusting them. */
export class GetMembershipHandler implements Handler<{ actor: Actor; userId: string }, MembershipView> {
  constructor(
    private readonly finder: CreditsFinder,
    private readonly users: UsersFinder,
    private readonly clock: Clock,
  ) {}

  async handle({ actor, userId }: { actor: Actor; userId: string }): Promise<MembershipView> {
    if (actor.role !== 'admin') throw new ForbiddenError('Only an admin can see another member’s credits');
    if (!(await this.users.roleOf(userId))) throw new UserNotFoundError(userId);
    return toMembershipView(await this.finder.membershipOf(userId), this.clock.now());
  }
}

/** The caller's ledger, newest first. */
export class ListMyCreditTransactionsHandler implements Handler<{ actor: Actor } & PageRequest, Page<CreditTransactionView>> {
  constructor(private readonly finder: CreditsFinder) {}

  handle({ actor, page, pageSize }: { actor: Actor } & PageRequest): Promise<Page<CreditTransactionView>> {
    return this.finder.transactions(actor.userId, { page, pageSize });
  }
}

/** What the studio sells now. */
export class ListCreditPackagesHandler implements Handler<void, CreditPackageView[]> {
  constructor(private readonly finder: CreditsFinder) {}

  handle(): Promise<CreditPackageView[]> {
    return this.finder.packagesForSale();
  }
}

/** A purchase, for its buyer (and admins, without its client secret); anyone else gets NOT_FOUND, so purchase ids cannot be probed. */
export class GetPurchaseHandler implements Handler<{ actor: Actor; purchaseId: string }, PurchaseView> {
  constructor(private readonly finder: CreditsFinder) {}

  async handle({ actor, purchaseId }: { actor: Actor; purchaseId: string }): Promise<PurchaseView> {
    const found = await this.finder.purchase(purchaseId);
    const own = found?.memberId === actor.userId;
    if (!found || (!own && actor.role !== 'admin')) throw new PurchaseNotFoundError(purchaseId);
    // The client secret completes the payment: Stripe's rule is that only its customer sees it.
    return own ? found.view : { ...found.view, clientSecret: null };
  }
}
