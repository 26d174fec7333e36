/** The row locks the fakes took, in order (`session:<id>`, `booking:<id>`), so a test can check the lock order. */
export class LockJournal {
  #taken: string[] = [];

  take(row: string): void {
    this.#taken.push(row);
  }

  get taken(): readonly string[] {
    return [...this.#taken];
  }

  clear(): void {
    this.#taken = [];
  }
}
