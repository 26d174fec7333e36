import { AggregateRoot, InvalidStateError, InvalidValueError, domainEvent } from '@fitflow/domain-shared';
import { HoldExpiredError } from './errors';
import { HOLD_CONFIRMED, HOLD_CREATED, HOLD_EXPIRED, HOLD_RELEASED, type HoldFacts } from './hold-events';
import type { HoldSource, HoldStatus } from './hold-status';
import type { GrantedSpot } from './spot-grant';
import { type BookedSession, Stake, type StakeSnapshot } from './stake';

export interface NewSpotHold {
  id: string;
  memberId: string;
  memberEmail: string;
  memberName: string;
  session: BookedSession;
  source: HoldSource;
  at: Date;
  /** When the hold's duration runs out; the session's start instead if that comes first. */
  expiresAt: Date;
}

/** As stored, with the member's and the session's facts joined in, so every transition records a self-contained event. */
export interface SpotHoldSnapshot extends StakeSnapshot {
  id: string;
  source: HoldSource;
  status: HoldStatus;
  createdAt: Date;
  expiresAt: Date;
  /** When it was confirmed, released or expired; null while pending. */
  settledAt: Date | null;
  /** The booking it became; null unless confirmed. */
  bookingId: string | null;
}

/**
 * A spot kept for one member until `expiresAt`: counted among the session's taken spots while pending and before
 * `expiresAt`, and not from `expiresAt` on, whether or not `expire` has run yet.
 */
export class SpotHold extends AggregateRoot {
  readonly #stake: Stake;
  readonly #source: HoldSource;
  readonly #createdAt: Date;
  readonly #expiresAt: Date;
  #status: HoldStatus;
  #settledAt: Date | null;
  #bookingId: string | null;

  private constructor(snapshot: SpotHoldSnapshot) {
    super(snapshot.id);
    this.#stake = Stake.restore(snapshot);
    this.#source = snapshot.source;
    this.#createdAt = new Date(snapshot.createdAt);
    this.#expiresAt = new Date(snapshot.expiresAt);
    this.#status = snapshot.status;
    this.#settledAt = snapshot.settledAt && new Date(snapshot.settledAt);
    this.#bookingId = snapshot.bookingId;
  }

  /**
   * A pending hold on the spot `Spots.forHold` granted; records HoldCreated. It expires at `expiresAt` or at the
   * session's start, whichever comes first: a hold that outlived the start would count down past a class it can no
   * longer be confirmed for. That expiry must be after `at`.
   */
  static create(spot: GrantedSpot<'hold'>, { id, memberId, memberEmail, memberName, session, source, at, expiresAt: durationEnds }: NewSpotHold): SpotHold {
    if (spot.use !== 'hold') throw new InvalidValueError('spot', 'A hold needs a spot granted for a hold');
    spot.assertFor(memberId, session.id);
    const expiresAt = new Date(Math.min(durationEnds.getTime(), session.startsAt.getTime()));
    if (expiresAt.getTime() <= at.getTime()) throw new InvalidValueError('expiresAt', 'A hold must expire after it is made');
    const hold = new SpotHold({
      id,
      ...Stake.of({ id: memberId, email: memberEmail, name: memberName }, session).snapshot(),
      source,
      status: 'pending',
      createdAt: at,
      expiresAt,
      settledAt: null,
      bookingId: null,
    });
    hold.record(domainEvent(HOLD_CREATED, id, at, hold.#facts()));
    return hold;
  }

  static restore(snapshot: SpotHoldSnapshot): SpotHold {
    return new SpotHold(snapshot);
  }

  get memberId(): string {
    return this.#stake.member.id;
  }

  get memberEmail(): string {
    return this.#stake.member.email;
  }

  get memberName(): string {
    return this.#stake.member.name;
  }

  get sessionId(): string {
    return this.#stake.session.id;
  }

  /** The session as the hold keeps it: what the booking it becomes needs. */
  get session(): BookedSession {
    const { session } = this.#stake;
    return { ...session, startsAt: new Date(session.startsAt), endsAt: new Date(session.endsAt) };
  }

  get status(): HoldStatus {
    return this.#status;
  }

  get source(): HoldSource {
    return this.#source;
  }

  get expiresAt(): Date {
    return new Date(this.#expiresAt);
  }

  get bookingId(): string | null {
    return this.#bookingId;
  }

  isOwnedBy(userId: string): boolean {
    return this.#stake.member.id === userId;
  }

  /** Pending and `now` before `expiresAt`: the hold still keeps its spot. */
  isActiveAt(now: Date): boolean {
    return this.#status === 'pending' && now.getTime() < this.#expiresAt.getTime();
  }

  /** Pending but `expiresAt` has come: `expire` is due. */
  isDueToExpireAt(now: Date): boolean {
    return this.#status === 'pending' && !this.isActiveAt(now);
  }

  /**
   * The hold became the booking `bookingId` (made on the spot `Spots.forHeldSpot` granted); records HoldConfirmed.
   * HOLD_EXPIRED once `expiresAt` has come or the hold was released or expired; INVALID_STATE when already confirmed.
   */
  confirm(bookingId: string, now: Date): void {
    this.#assertActive(now);
    this.#settle('confirmed', now);
    this.#bookingId = bookingId;
    this.record(domainEvent(HOLD_CONFIRMED, this.id, now, { ...this.#facts(), bookingId }));
  }

  /** Its member gives the spot back; records HoldReleased. Refused as `confirm` is. */
  release(now: Date): void {
    this.#assertActive(now);
    this.#settle('released', now);
    this.record(domainEvent(HOLD_RELEASED, this.id, now, this.#facts()));
  }

  /** `expiresAt` has come on a pending hold; records HoldExpired. INVALID_STATE before then or unless pending. */
  expire(now: Date): void {
    if (!this.isDueToExpireAt(now)) {
      throw new InvalidStateError(
        this.#status === 'pending' ? 'This hold has not expired yet' : `This hold is ${this.#status} and cannot expire`,
      );
    }
    this.#settle('expired', now);
    this.record(domainEvent(HOLD_EXPIRED, this.id, now, this.#facts()));
  }

  snapshot(): SpotHoldSnapshot {
    return {
      id: this.id,
      ...this.#stake.snapshot(),
      source: this.#source,
      status: this.#status,
      createdAt: new Date(this.#createdAt),
      expiresAt: new Date(this.#expiresAt),
      settledAt: this.#settledAt && new Date(this.#settledAt),
      bookingId: this.#bookingId,
    };
  }

  #assertActive(now: Date): void {
    if (this.#status === 'confirmed') throw new InvalidStateError('This hold is already confirmed');
    if (!this.isActiveAt(now)) throw new HoldExpiredError(this.id);
  }

  #settle(status: Exclude<HoldStatus, 'pending'>, now: Date): void {
    this.#status = status;
    this.#settledAt = new Date(now);
  }

  #facts(): HoldFacts {
    return {
      holdId: this.id,
      ...this.#stake.facts(),
      source: this.#source,
      expiresAt: this.#expiresAt.toISOString(),
    };
  }
}
