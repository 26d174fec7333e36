/** Where rules get the time from; rules never call `new Date()` themselves. */
export interface Clock {
  now(): Date;
}

/** A clock that stands still until moved: for tests and for replaying a moment. */
export class FixedClock implements Clock {
  #now: Date;

  constructor(now: Date | string) {
    this.#now = new Date(now);
  }

  now(): Date {
    return new Date(this.#now);
  }

  set(now: Date | string): void {
    this.#now = new Date(now);
  }

  advanceMinutes(minutes: number): void {
    this.#now = new Date(this.#now.getTime() + minutes * 60_000);
  }
}
