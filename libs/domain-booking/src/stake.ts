/** The session as a booking or a hold keeps it: enough for its events and its view without querying back. */
export interface BookedSession {
  id: string;
  name: string;
  startsAt: Date;
  endsAt: Date;
  trainerName: string;
}

/** Who holds a stake in a session: the member, as named in the stake's events. */
export interface StakeMember {
  id: string;
  email: string;
  name: string;
}

/** A stake's member and session as stored, flat, as the booking and hold snapshots carry them. */
export interface StakeSnapshot {
  memberId: string;
  memberEmail: string;
  memberName: string;
  sessionId: string;
  sessionName: string;
  trainerName: string;
  startsAt: Date;
  endsAt: Date;
}

/** The part every booking and hold event carries, so a notification or a timer needs no query back. */
export interface StakeFacts {
  memberId: string;
  memberEmail: string;
  memberName: string;
  sessionId: string;
  sessionName: string;
  /** ISO-8601 UTC instants. */
  startsAt: string;
  endsAt: string;
  trainerName: string;
}

/**
 * A member's stake in one session, as copied when a booking or a hold was made: its member and the session's facts.
 * Immutable; a booking and a hold each keep one and read their member and session from it.
 */
export class Stake {
  private constructor(
    readonly member: Readonly<StakeMember>,
    readonly session: Readonly<BookedSession>,
  ) {}

  static of(member: StakeMember, session: BookedSession): Stake {
    return new Stake(Object.freeze({ ...member }), Object.freeze({ ...session, startsAt: new Date(session.startsAt), endsAt: new Date(session.endsAt) }));
  }

  static restore(snapshot: StakeSnapshot): Stake {
    return Stake.of(
      { id: snapshot.memberId, email: snapshot.memberEmail, name: snapshot.memberName },
      { id: snapshot.sessionId, name: snapshot.sessionName, startsAt: snapshot.startsAt, endsAt: snapshot.endsAt, trainerName: snapshot.trainerName },
    );
  }

  snapshot(): StakeSnapshot {
    const { member, session } = this;
    return {
      memberId: member.id,
      memberEmail: member.email,
      memberName: member.name,
      sessionId: session.id,
      sessionName: session.name,
      trainerName: session.trainerName,
      startsAt: new Date(session.startsAt),
      endsAt: new Date(session.endsAt),
    };
  }

  facts(): StakeFacts {
    const { member, session } = this;
    return {
      memberId: member.id,
      memberEmail: member.email,
      memberName: member.name,
      sessionId: session.id,
      sessionName: session.name,
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      trainerName: session.trainerName,
    };
  }
}
