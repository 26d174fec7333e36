import type { JobDefinition, Jobs } from '@fitflow/application-shared';

/**
 * A `Jobs` adapter with its lifecycle: every process may schedule from the start; the one that runs jobs also calls
 * `startRunning` with the definitions the modules contribute. A job due before then waits for it.
 */
export interface JobsRunner extends Jobs {
  /** Runs these definitions' jobs in this process from now on, and starts their repeating schedules. */
  startRunning(definitions: readonly JobDefinition[]): Promise<void>;
  /** Stops scheduling and running; resolves once the runs in flight have finished. */
  close(): Promise<void>;
}

/** How a failed run is retried: `attempts` runs in all, waiting `firstDelayMs` after the first failure, then twice as long after each. */
export interface JobRetry {
  readonly attempts: number;
  readonly firstDelayMs: number;
}

/** Five runs over about 15 s: long enough to ride out a database failover or a restart, short enough to matter. */
export const DEFAULT_JOB_RETRY: JobRetry = { attempts: 5, firstDelayMs: 1_000 };

const DEFINITION_NAME = /^[A-Za-z0-9-]+$/;
const JOB_ID = /^[\w-]+$/;
const DIGITS_ONLY = /^\d+$/;

/** The definitions by name, checked once: a name becomes a queue name, and two modules may not share one. */
export function definitionsByName(definitions: readonly JobDefinition[]): ReadonlyMap<string, JobDefinition> {
  const byName = new Map<string, JobDefinition>();
  for (const definition of definitions) {
    assertDefinitionName(definition.name);
    if (byName.has(definition.name)) throw new Error(`Two job definitions are named "${definition.name}"`);
    if (definition.everyMs !== undefined && !(Number.isInteger(definition.everyMs) && definition.everyMs > 0)) {
      throw new Error(`Job definition "${definition.name}" repeats every ${definition.everyMs} ms: not a positive integer`);
    }
    byName.set(definition.name, definition);
  }
  return byName;
}

export function definitionNamed(definitions: ReadonlyMap<string, JobDefinition>, name: string): JobDefinition {
  const definition = definitions.get(name);
  if (!definition) throw new Error(`No job definition is named "${name}"`);
  return definition;
}

/** A name is a BullMQ queue name, which a `:` would split. */
export function assertDefinitionName(name: string): void {
  if (!DEFINITION_NAME.test(name)) throw new Error(`Job definition name "${name}" must be letters, digits and -`);
}

/** BullMQ stores a job under its id: a `:` would split its key, and digits alone collide with generated ids. */
export function assertJobId(id: string): void {
  if (!JOB_ID.test(id) || DIGITS_ONLY.test(id)) throw new Error(`Job id "${id}" must be letters, digits, - and _, and not digits alone`);
}

/** The wait before the run after failed run number `attempt` (1-based). */
export function retryDelayMs(retry: JobRetry, attempt: number): number {
  return retry.firstDelayMs * 2 ** (attempt - 1);
}
