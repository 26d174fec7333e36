/**
 * What a unit of work's `work` returns to commit right behind its last writes (`commitBehind`): the writes issued and
 * not awaited, so the commit travels with them instead of after their answers (one round trip fewer while the
 * transaction holds its locks). A write that fails in the database rolls the transaction back, and the unit throws the
 * first failing write's error. A write must issue all of its statements before it first awaits anything, as
 * repository methods do that start their statements together: a statement issued once `work` has returned is
 * refused, but the commit is then already on its way without it, and the unit throws (so do writes that fail in
 * JavaScript before they send anything). Only pass writes that send their statements at once.
 */
export class LastWrites<T> {
  constructor(
    readonly result: T,
    readonly writes: Promise<unknown>,
  ) {}
}

/** `result` once `writes` (started, not awaited, in the order given) have committed: see `LastWrites`. */
export function commitBehind<T>(result: T, ...writes: Promise<unknown>[]): LastWrites<T> {
  const all = allInOrder(writes);
  // Awaited by the unit of work after its commit; until then a rejection is not unhandled.
  all.catch(() => undefined);
  return new LastWrites(result, all);
}

/**
 * Waits for every one of `work`, then throws the first failure in the order given. For statements issued together
 * in one transaction, that is the one that failed it: those behind it fail only because it did (and may reach
 * their callers sooner, where `Promise.all` would report them instead).
 */
export async function allInOrder(work: readonly Promise<unknown>[]): Promise<void> {
  const outcomes = await Promise.allSettled(work);
  const failed = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
}

/** What `work` returned, once its last writes (if any) have answered: a unit of work's last step. */
export async function settle<T>(outcome: T | LastWrites<T>): Promise<T> {
  if (!(outcome instanceof LastWrites)) return outcome;
  await outcome.writes;
  return outcome.result;
}
