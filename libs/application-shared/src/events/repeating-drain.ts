/**
 * Runs `drain` on every `wake()` and every `intervalMs`, never twice at once: wakes that arrive while it runs fold
 * into one more run, so work committed meanwhile is not left for the next interval. `onError` sees what a run
 * threw; the next wake tries again.
 */
export class RepeatingDrain {
  #timer: ReturnType<typeof setInterval> | undefined;
  #running: Promise<void> | undefined;
  #wakeAgain = false;

  constructor(
    private readonly drain: () => Promise<void>,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.#timer ??= setInterval(() => void this.wake(), this.intervalMs);
    this.#timer.unref?.();
  }

  /** Resolves once a run that began after this call has finished. */
  wake(): Promise<void> {
    if (this.#running) {
      this.#wakeAgain = true;
      return this.#running;
    }
    this.#running = this.#runRepeatedly().finally(() => (this.#running = undefined));
    return this.#running;
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  async #runRepeatedly(): Promise<void> {
    do {
      this.#wakeAgain = false;
      try {
        await this.drain();
      } catch (error) {
        this.onError(error);
      }
    } while (this.#wakeAgain);
  }
}
