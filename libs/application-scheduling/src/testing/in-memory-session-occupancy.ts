import type { SessionOccupancy, SessionViewerState } from '../ports';

export interface Occupancy {
  booked: number;
  held: number;
  waitlisted: number;
  /** Members checked in to the session. */
  checkedIn: number;
}

/** Stands in for the bookings, holds and waitlist tables until the booking context exists: set counts by hand. */
export class InMemorySessionOccupancy implements SessionOccupancy {
  readonly #bySession = new Map<string, Occupancy>();
  readonly #viewerStates = new Map<string, SessionViewerState>();

  async takenSpots(sessionId: string): Promise<number> {
    const { booked, held } = this.of(sessionId);
    return booked + held;
  }

  async anyCheckedIn(sessionId: string): Promise<boolean> {
    return this.of(sessionId).checkedIn > 0;
  }

  set(sessionId: string, occupancy: Partial<Occupancy>): this {
    this.#bySession.set(sessionId, { ...this.of(sessionId), ...occupancy });
    return this;
  }

  of(sessionId: string): Occupancy {
    return { booked: 0, held: 0, waitlisted: 0, checkedIn: 0, ...this.#bySession.get(sessionId) };
  }

  /** What `me` says for this viewer on this session. */
  setViewerState(sessionId: string, userId: string, state: Partial<SessionViewerState>): this {
    this.#viewerStates.set(`${sessionId}/${userId}`, { ...this.viewerState(sessionId, userId), ...state });
    return this;
  }

  viewerState(sessionId: string, userId: string): SessionViewerState {
    return { bookingId: null, holdId: null, waitlistPosition: null, ...this.#viewerStates.get(`${sessionId}/${userId}`) };
  }
}
