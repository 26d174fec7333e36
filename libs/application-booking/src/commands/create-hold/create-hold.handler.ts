import type { Actor, Handler, IdGenerator, UnitOfWork } from '@fitflow/application-shared';
import { type HoldSource, SpotHold, Spots } from '@fitflow/domain-booking';
import { isSessionVisibleTo } from '@fitflow/domain-scheduling';
import type { Clock } from '@fitflow/domain-shared';
import { toHoldView } from '../../hold-view';
import { SessionNotFoundError } from '../../errors';
import type { HoldRepositories, HoldView } from '../../ports';
import { stakeFactsOf } from '../../stake-facts';

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
 * a hold made 3 minutes before the class expires at its start. Under the session row's lock it looks for the
 * caller's pending hold: one still active is the answer; one that has lapsed (its expiry not yet run) is expired
 * first, so the member's new hold is their only pending one. A member's requests racing each other queue on that
 * lock, and each reads the hold the one before it committed: one creates the hold, the others answer it. Then the
 * spot rule (`Spots.forHold`) refuses a session that is not open (INVALID_STATE), a member already booked
 * (ALREADY_BOOKED) and a full session (SESSION_FULL); an unknown session, or a draft the caller may not see, is
 * NOT_FOUND.
 */
export class CreateHoldHandler implements Handler<CreateHoldCommand, CreatedHold> {
  constructor(
    private readonly uow: UnitOfWork<HoldRepositories>,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly durations: HoldDurations,
  ) {}

  async handle({ actor, sessionId, source = 'member' }: CreateHoldCommand): Promise<CreatedHold> {
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
      const hold = SpotHold.create(spot, {
        id: this.ids.next(),
        ...(await stakeFactsOf(members, actor.userId, session)),
        source,
        at: now,
        expiresAt: new Date(now.getTime() + this.#durationOf(source)),
      });
      await holds.save(hold);
      return { hold: toHoldView(hold.snapshot()), created: true };
    });
  }

  #durationOf(source: HoldSource): number {
    return source === 'waitlist' ? this.durations.waitlistHoldDurationMs : this.durations.holdDurationMs;
  }
}
