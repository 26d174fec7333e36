import type { Actor } from '@fitflow/application-shared';
import type { SessionView } from '@fitflow/application-scheduling';
import { type CancellationPolicy, type RefundOutlook, Spots, cancellationRefusal } from '@fitflow/domain-booking';
import { type CreditBalance, creditRefusal } from '@fitflow/domain-membership';
import { effectiveSessionStatus } from '@fitflow/domain-scheduling';
import type { Clock, DomainError } from '@fitflow/domain-shared';
import { mayCancelBooking } from '../../permissions';
import type { BookingView } from '../../ports';

/** API.md `Decision`: allowed, or the problem code and sentence the API would refuse the request with. */
export interface DecisionView {
  allowed: boolean;
  code: string | null;
  reason: string | null;
}

/** API.md `RefundOutlook`. Instants are ISO-8601 UTC strings. */
export interface RefundOutlookView {
  percentage: number;
  credits: number;
  changesAt: string | null;
  nextPercentage: number | null;
  nextCredits: number | null;
}

/** What a Session carries beside the schedule's view: what the caller can do with it now, and what a cancel would refund. */
export interface SessionOutlookView {
  actions: { book: DecisionView; hold: DecisionView };
  refundOutlook: RefundOutlookView;
}

/** What a Booking carries beside its view: whether the caller can cancel it now, and what that would refund. */
export interface BookingOutlookView {
  actions: { cancel: DecisionView };
  refundOutlook: RefundOutlookView | null;
}

export interface SessionOutlookContext {
  balance?: CreditBalance | null;
  now?: Date;
}

const NO_CREDITS: CreditBalance = Object.freeze({ balance: 0, validUntil: null });
const ALLOWED: DecisionView = Object.freeze({ allowed: true, code: null, reason: null });
const NOT_YOURS: DecisionView = Object.freeze({ allowed: false, code: 'FORBIDDEN', reason: 'Only its member or an admin can cancel a booking' });

/**
 * The domain's decisions, shown before anyone asks: the spot rule (`Spots.refusal`), the cancel rule
 * (`cancellationRefusal`) and the refund policy (`CancellationPolicy.outlook`) run on read views, so a client shows
 * what the API would answer instead of copying the rules. Pure and cheap: it runs for every session of a page.
 */
export class Outlooks {
  constructor(
    private readonly policy: CancellationPolicy,
    private readonly clock: Clock,
  ) {}

  /**
   * `balance`: the viewer's credits as stored (null: they never had any). Given, booking is also decided on whether
   * they can pay (`creditRefusal`); holding is not, since a member may buy credits while the spot is held.
   */
  forSession(session: SessionView, viewer: Actor | null, { balance, now = this.clock.now() }: SessionOutlookContext = {}): SessionOutlookView {
    const startsAt = new Date(session.startsAt);
    // The view's status was taken at the finder's clock; a published session may have started since.
    const status =
      session.status === 'published' ? effectiveSessionStatus({ status: 'published', startsAt, endsAt: new Date(session.endsAt) }, now) : session.status;
    const situation = {
      sessionId: session.id,
      status,
      capacity: session.capacity,
      takenSpots: session.bookedCount + session.heldCount,
      alreadyBooked: Boolean(session.me?.bookingId),
      alreadyHolding: Boolean(session.me?.holdId),
    };
    // Asking for a hold while holding one answers that hold (200): the caller's own hold is no refusal, and its spot
    // is among the taken ones, so the rule is asked as if it were not there.
    const ownHoldAside = situation.alreadyHolding ? { ...situation, alreadyHolding: false, takenSpots: situation.takenSpots - 1 } : situation;
    return {
      actions: {
        book: decide(Spots.refusal(situation) ?? paymentRefusal(viewer, balance, session.creditCost, now), viewer, 'Sign in to book this class'),
        hold: decide(Spots.refusal(ownHoldAside), viewer, 'Sign in to hold a spot'),
      },
      refundOutlook: toRefundOutlookView(this.policy.outlook(startsAt, session.creditCost, now)),
    };
  }

  /** `viewer`: who asks, and `memberId` whose booking it is (a trainer sees their class's bookings but cannot cancel them). */
  forBooking(booking: BookingView, viewer: { actor: Actor; memberId: string }, now: Date = this.clock.now()): BookingOutlookView {
    const startsAt = new Date(booking.startsAt);
    const checkedInAt = booking.checkedInAt === null ? null : new Date(booking.checkedInAt);
    const refusal = cancellationRefusal({ status: booking.status, startsAt, checkedInAt }, now);
    if (!mayCancelBooking(viewer.actor, viewer.memberId)) return { actions: { cancel: NOT_YOURS }, refundOutlook: null };
    return {
      actions: { cancel: refusal ? refused(refusal) : ALLOWED },
      refundOutlook: refusal ? null : toRefundOutlookView(this.policy.outlook(startsAt, booking.creditsSpent, now)),
    };
  }
}

/** Why the viewer cannot pay for a booking now; null when they can, or when their balance was not asked for. */
function paymentRefusal(viewer: Actor | null, balance: CreditBalance | null | undefined, cost: number, now: Date): DomainError | null {
  if (!viewer || balance === undefined) return null;
  return creditRefusal(balance ?? NO_CREDITS, cost, now);
}

/** The rule's refusal first (a full class is full for everyone), then the sign-in an anonymous caller still needs. */
function decide(refusal: DomainError | null, viewer: Actor | null, signIn: string): DecisionView {
  if (refusal) return refused(refusal);
  return viewer ? ALLOWED : { allowed: false, code: 'UNAUTHENTICATED', reason: signIn };
}

function refused({ code, message }: DomainError): DecisionView {
  return { allowed: false, code, reason: message };
}

function toRefundOutlookView(outlook: RefundOutlook): RefundOutlookView {
  return { ...outlook, changesAt: outlook.changesAt?.toISOString() ?? null };
}
