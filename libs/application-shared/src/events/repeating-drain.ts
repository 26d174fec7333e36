/**
 * Runs `drain` on every `wake()` and every `intervalMs`, never twice at once: wakes that arrive while it runs fold
 * into one more run, so work committed meanwhile is not left for the next interval. `onError` sees what a run
 * threw; the next wake tries again. Once stopped, wakes do nothing and `isStopped` tells a run to end early.
 */
export class RepeatingDrain {
  #timer: ReturnType<typeof setInterval> | undefined;
  #running: Promise<void> | undefined;
  #wakeAgain = false;
  #stopped = false;

  constructor(
    private readonly drain: () => Promise<void>,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  get isStopped(): boolean {
    return this.#stopped;
  }

  start(): void {
    this.#stopped = false;
    this.#timer ??= setInterval(() => void this.wake(), this.intervalMs);
    this.#timer.unref?.();
  }

  /** Resolves once a run that began after this call has finished. */
  wake(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    if (this.#running) {
      this.#wakeAgain = true;
      return this.#running;
    }
    this.#running = this.#runRepeatedly().finally(() => (this.#running = undefined));
    return this.#running;
  }

  /** No run starts after this; resolves once the one under way has ended. */
  async stop(): Promise<void> {
    this.#stopped = true;
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
    } while (this.#wakeAgain && !this.#stopped);
  }
}
