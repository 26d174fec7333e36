import type { Clock } from '@fitflow/domain-shared';

/**
 * The system's time, until a test travels: `at(instant, work)` runs `work` as if it were `instant`, then comes back.
 * Given to the composition, it lets a test reach a class's start without writing rows in the past by hand.
 */
export class TravellingClock implements Clock {
  #offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.#offsetMs);
  }

  async at<T>(instant: Date | string, work: () => Promise<T>): Promise<T> {
    const before = this.#offsetMs;
    this.#offsetMs = new Date(instant).getTime() - Date.now();
    try {
      return await work();
    } finally {
      this.#offsetMs = before;
    }
  }
}
