import { type Actor, commitBehind, type Handler, type IdGenerator, type UnitOfWork } from '@fitflow/application-shared';
import { AlreadyHoldingError, type GrantedSpot, type HoldSource, SpotHold, Spots } from '@fitflow/domain-booking';
import { isSessionVisibleTo } from '@fitflow/domain-scheduling';
import type { Clock } from '@fitflow/domain-shared';
import { toHoldView } from '../../hold-view';
import { SessionNotFoundError, SpotTakenMeanwhileError } from '../../errors';
import type { HoldRepositories, HoldView } from '../../ports';
import { stakeFacts, stakeFactsOf, type StakeFacts } from '../../stake-facts';

export interface CreateHoldCommand {
  actor: Actor;
  sessionId: string;
  /** `waitlist` when the waitlist offers a freed spot to its next member; a member asking is `member`. */
  source?: HoldSource;
}

export interface HoldDurations {
  holdDurationMs: number;
  waitlistHoldDurationMs: number;
}

/** `created` false: the caller already held a spot here, and `hold` is that one (API.md answers 200, not 201). */
export interface CreatedHold {
  hold: HoldView;
  created: boolean;
}

/**
 * The caller holds a spot for the hold duration (a waitlist hold for the waitlist's), never past the session's start:
 * a hold made 3 minutes before the class expires at its start. A first hold is decided beside the session's other
 * bookings and holds (`#holdBesideOthers`). Otherwise, under the session row's lock, it looks for the caller's
 * pending hold: one still active is the answer; one that has lapsed (its expiry not yet run) is expired first, so
 * the member's new hold is their only pending one. A member's requests racing each other meet on the unique index of
 * pending holds, and the losers go under the lock, where they read the hold that won: one creates the hold, the
 * others answer it. Then the spot rule (`Spots.forHold`) refuses a session that is not open (INVALID_STATE), a
 * member already booked (ALREADY_BOOKED) and a full session (SESSION_FULL); an unknown session, or a draft the
 * caller may not see, is NOT_FOUND.
 */
export class CreateHoldHandler implements Handler<CreateHoldCommand, CreatedHold> {
  constructor(
    private readonly uow: UnitOfWork<HoldRepositories>,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly durations: HoldDurations,
  ) {}

  async handle(command: CreateHoldCommand): Promise<CreatedHold> {
    try {
      return await this.#holdBesideOthers(command);
    } catch (error) {
      if (error instanceof SpotTakenMeanwhileError || error instanceof AlreadyHoldingError) return this.#holdUnderLock(command);
      throw error;
    }
  }

  /**
   * Most holds: no pending hold of the caller's, so the hold is decided while other bookings and holds share the
   * session's row, and goes out with the check of its claim and the commit in one round trip (as a booking does). A
   * caller already holding, or a hold whose spot was taken meanwhile, goes under the lock; so does one that finds a
   * pending hold of the caller's on insert (a lapsed one, or a twin request's), which the unique index refuses.
   */
  #holdBesideOthers({ actor, sessionId, source = 'member' }: CreateHoldCommand): Promise<CreatedHold> {
    return this.uow.transaction(async ({ holds, sessions, members }) => {
      const [check, found] = await Promise.all([
        sessions.shareForSpot(sessionId, actor.userId),
        members.findAll([actor.userId]),
      ]);
      if (!check || !isSessionVisibleTo(check.session, actor)) throw new SessionNotFoundError(sessionId);
      if (check.spots.alreadyHolding) throw new AlreadyHoldingError(sessionId);
      const { session, spots, trainerName } = check;
      const now = this.clock.now();
      const spot = Spots.forHold({ session, memberId: actor.userId, now, ...spots });
      const hold = this.#newHold(spot, stakeFacts(found, actor.userId, session, trainerName), source, now);
      return commitBehind({ hold: toHoldView(hold.snapshot()), created: true }, holds.save(hold), sessions.confirmClaim(check, spot));
    });
  }

  #holdUnderLock({ actor, sessionId, source = 'member' }: CreateHoldCommand): Promise<CreatedHold> {
    return this.uow.transaction(async ({ holds, sessions, members }) => {
      const session = await sessions.getForUpdate(sessionId);
      if (!session || !isSessionVisibleTo(session, actor)) throw new SessionNotFoundError(sessionId);
      const now = this.clock.now();
      const existing = await holds.pendingOfMemberForUpdate(session, actor.userId);
      if (existing?.isActiveAt(now)) return { hold: toHoldView(existing.snapshot()), created: false };
      if (existing) {
        existing.expire(now);
        await holds.save(existing);
      }
      const spot = Spots.forHold({ session, memberId: actor.userId, now, ...(await sessions.spotsFor(session, actor.userId)) });
      const hold = this.#newHold(spot, await stakeFactsOf(members, actor.userId, session), source, now);
      await holds.save(hold);
      return { hold: toHoldView(hold.snapshot()), created: true };
    });
  }

  #newHold(spot: GrantedSpot<'hold'>, stake: StakeFacts, source: HoldSource, now: Date): SpotHold {
    return SpotHold.create(spot, { id: this.ids.next(), ...stake, source, at: now, expiresAt: new Date(now.getTime() + this.#durationOf(source)) });
  }

  #durationOf(source: HoldSource): number {
    return source === 'waitlist' ? this.durations.waitlistHoldDurationMs : this.durations.holdDurationMs;
  }
}
