import type { JobData, JobDefinition } from '@fitflow/application-shared';
import { FixedClock, type Clock } from '@fitflow/domain-shared';
import { pino, type Logger } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobRetry, JobsRunner } from './job-definitions';

export interface JobsSetup {
  /** Stands still at a date far from today: a job due "in 300 ms" by it runs only if `runAt` is read by the clock. */
  readonly clock: Clock;
  readonly logger: Logger;
  readonly retry: JobRetry;
}

export type MakeJobs = (setup: JobsSetup) => JobsRunner;

/** A job an adapter holds and has not run yet. */
export interface HeldJob {
  readonly id: string;
  readonly data: JobData;
}

/**
 * How a test makes the hour come for jobs it scheduled an hour ahead, without waiting it out: what it checks while
 * they wait cannot race their runs, however slow the machine. BullMQ promotes its delayed jobs; the in-process
 * adapter, which waits on this process's timers, runs on fake ones.
 */
export interface JobsTime {
  /** Called before the test schedules: from then until the test ends, a job an hour ahead waits for `runTo`. */
  hold(): void;
  /** Lets the time of the jobs of `name` run to `ms` past the clock's now, and those due by then start. */
  runTo(name: string, ms: number): Promise<void>;
  /** The jobs of `name` not run yet, by id, where the adapter shows them. */
  readonly held?: (name: string) => Promise<HeldJob[]>;
}

const HOUR_MS = 3_600_000;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A pino logger whose lines the test reads. */
export function capturingLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines };
}

let names = 0;
/** A definition name of this test alone, so tests sharing a Redis prefix never share a queue. */
export function uniqueName(base: string): string {
  names += 1;
  return `${base}-${Date.now().toString(36)}-${names}`;
}

/** What every `Jobs` adapter does, whichever process it runs in. */
export function describeJobsContract(adapter: string, make: MakeJobs, time: JobsTime): void {
  describe(`${adapter} (the Jobs contract)`, () => {
    const clock = new FixedClock('2030-01-01T09:00:00Z');
    const inMs = (ms: number) => new Date(clock.now().getTime() + ms);
    const opened: JobsRunner[] = [];

    function open(logger: Logger = pino({ level: 'silent' })): JobsRunner {
      const jobs = make({ clock, logger, retry: { attempts: 3, firstDelayMs: 20 } });
      opened.push(jobs);
      return jobs;
    }

    function recording(name: string, onRun: (data: JobData) => Promise<void> = async () => undefined) {
      const runs: { data: JobData; at: number }[] = [];
      const definition: JobDefinition = {
        name,
        async run(data) {
          runs.push({ data, at: performance.now() });
          await onRun(data);
        },
      };
      return { definition, runs, ran: (key: string) => runs.filter((run) => run.data['key'] === key) };
    }

    /** What the adapter holds for `name`, where it shows it; elsewhere the runs after `runTo` tell it alone. */
    async function expectHeld(name: string, expected: HeldJob[]): Promise<void> {
      if (!time.held) return;
      const held = await time.held(name);
      expect(held.sort((a, b) => a.id.localeCompare(b.id))).toEqual(expected);
    }

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((jobs) => jobs.close()));
    });

    it('runs a delayed job at its time, measured by the clock, with its data', async () => {
      const reminder = recording(uniqueName('reminder'));
      const jobs = open();
      await jobs.startRunning([reminder.definition]);

      const scheduledAt = performance.now();
      const data = { key: 'r1', sessionId: 'session-1', seats: 2, late: false, note: null };
      await jobs.schedule(reminder.definition.name, 'reminder-r1', inMs(400), data);

      await expect.poll(() => reminder.runs.length, { timeout: 10_000 }).toBe(1);
      expect(reminder.runs[0]?.data).toEqual(data);
      expect((reminder.runs[0]?.at ?? 0) - scheduledAt).toBeGreaterThanOrEqual(350);
    });

    it('runs a job whose time has passed at once', async () => {
      const expiry = recording(uniqueName('hold-expiry'));
      const jobs = open();
      await jobs.startRunning([expiry.definition]);

      await jobs.schedule(expiry.definition.name, 'hold-expiry-h1', inMs(-3_600_000), { key: 'h1' });

      await expect.poll(() => expiry.ran('h1').length, { timeout: 10_000 }).toBe(1);
    });

    it('keeps a job that falls due before the process runs jobs until it does', async () => {
      const expiry = recording(uniqueName('hold-expiry'));
      const { name } = expiry.definition;
      const jobs = open();
      time.hold();

      await jobs.schedule(name, 'hold-expiry-h1', inMs(HOUR_MS), { key: 'h1' });
      await time.runTo(name, HOUR_MS);
      await expectHeld(name, [{ id: 'hold-expiry-h1', data: { key: 'h1' } }]);
      expect(expiry.runs).toEqual([]);
      await jobs.startRunning([expiry.definition]);

      await expect.poll(() => expiry.ran('h1').length, { timeout: 10_000 }).toBe(1);
    });

    it('runs a job scheduled twice under one id once, with the first data', async () => {
      const expiry = recording(uniqueName('hold-expiry'));
      const { name } = expiry.definition;
      const jobs = open();
      time.hold();
      await jobs.startRunning([expiry.definition]);

      await jobs.schedule(name, 'hold-expiry-h1', inMs(HOUR_MS), { key: 'h1', version: 1 });
      await jobs.schedule(name, 'hold-expiry-h1', inMs(HOUR_MS), { key: 'h1', version: 2 });
      await jobs.schedule(name, 'hold-expiry-later', inMs(2 * HOUR_MS), { key: 'later' });
      await expectHeld(name, [
        { id: 'hold-expiry-h1', data: { key: 'h1', version: 1 } },
        { id: 'hold-expiry-later', data: { key: 'later' } },
      ]);

      await time.runTo(name, HOUR_MS);
      await expect.poll(() => expiry.ran('h1').length, { timeout: 10_000 }).toBe(1);
      // A second h1 would have been due with the first, an hour before later.
      await time.runTo(name, 2 * HOUR_MS);
      await expect.poll(() => expiry.ran('later').length, { timeout: 10_000 }).toBe(1);
      expect(expiry.ran('h1').map((run) => run.data)).toEqual([{ key: 'h1', version: 1 }]);
    });

    it('runs an id again when it is scheduled again after its run', async () => {
      const expiry = recording(uniqueName('hold-expiry'));
      const jobs = open();
      await jobs.startRunning([expiry.definition]);

      await jobs.schedule(expiry.definition.name, 'hold-expiry-h1', inMs(0), { key: 'h1' });
      await expect.poll(() => expiry.ran('h1').length, { timeout: 10_000 }).toBe(1);
      await jobs.schedule(expiry.definition.name, 'hold-expiry-h1', inMs(0), { key: 'h1' });

      await expect.poll(() => expiry.ran('h1').length, { timeout: 10_000 }).toBe(2);
    });

    it('never runs a job that was unscheduled, and ignores an unknown id', async () => {
      const expiry = recording(uniqueName('hold-expiry'));
      const { name } = expiry.definition;
      const jobs = open();
      time.hold();
      await jobs.startRunning([expiry.definition]);

      await jobs.schedule(name, 'hold-expiry-h1', inMs(HOUR_MS), { key: 'h1' });
      await jobs.schedule(name, 'hold-expiry-later', inMs(2 * HOUR_MS), { key: 'later' });
      await jobs.unschedule(name, 'hold-expiry-h1');
      await jobs.unschedule(name, 'hold-expiry-never-scheduled');
      await expectHeld(name, [{ id: 'hold-expiry-later', data: { key: 'later' } }]);

      // h1's hour comes before later's: had it still been held, it would have started first.
      await time.runTo(name, 2 * HOUR_MS);
      await expect.poll(() => expiry.ran('later').length, { timeout: 10_000 }).toBe(1);
      expect(expiry.ran('h1')).toEqual([]);
    });

    it('refuses ids that are not letters, digits, - and _, and names no definition has', async () => {
      const expiry = recording(uniqueName('hold-expiry'));
      const jobs = open();
      await jobs.startRunning([expiry.definition]);

      await expect(jobs.schedule(expiry.definition.name, 'hold:h1', inMs(0), {})).rejects.toThrow(/Job id "hold:h1"/);
      await expect(jobs.schedule(expiry.definition.name, '123', inMs(0), {})).rejects.toThrow(/not digits alone/);
      await expect(jobs.schedule('no-such-job', 'hold-expiry-h1', inMs(0), {})).rejects.toThrow(/No job definition/);
    });

    it('runs a repeating definition again and again, with empty data', async () => {
      const sweep = recording(uniqueName('sweep'));
      const jobs = open();
      await jobs.startRunning([{ ...sweep.definition, everyMs: 100 }]);

      await expect.poll(() => sweep.runs.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
      expect(sweep.runs.every((run) => Object.keys(run.data).length === 0)).toBe(true);
    });

    it('retries a failing run with backoff until it succeeds, and logs each failure', async () => {
      let failuresLeft = 2;
      const flaky = recording(uniqueName('flaky'), async () => {
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          throw new Error('database unavailable');
        }
      });
      const { logger, lines } = capturingLogger();
      const jobs = open(logger);
      await jobs.startRunning([flaky.definition]);

      await jobs.schedule(flaky.definition.name, 'flaky-f1', inMs(0), { key: 'f1' });

      await expect.poll(() => failuresLeft === 0 && flaky.runs.length, { timeout: 10_000 }).toBe(3);
      const [first, second, third] = flaky.runs.map((run) => run.at);
      expect(second - first).toBeGreaterThanOrEqual(20 - 2);
      expect(third - second).toBeGreaterThanOrEqual(40 - 2);
      await expect.poll(() => lines.length).toBe(2);
      expect(lines.map((line) => [line['level'], line['jobId'], (line['err'] as { message: string }).message])).toEqual([
        [40, 'flaky-f1', 'database unavailable'],
        [40, 'flaky-f1', 'database unavailable'],
      ]);
    });

    it('gives up after the last attempt, logging it as an error', async () => {
      const broken = recording(uniqueName('broken'), async () => {
        throw new Error('always broken');
      });
      const { logger, lines } = capturingLogger();
      const jobs = open(logger);
      await jobs.startRunning([broken.definition]);

      await jobs.schedule(broken.definition.name, 'broken-b1', inMs(0), { key: 'b1' });

      await expect.poll(() => lines.some((line) => line['level'] === 50), { timeout: 10_000 }).toBe(true);
      expect(broken.runs).toHaveLength(3);
      expect(lines.map((line) => line['level'])).toEqual([40, 40, 50]);
    });

    it('stops everything on close, after the runs in flight have finished', async () => {
      let finished = 0;
      const slow = recording(uniqueName('slow'), async () => {
        await sleep(200);
        finished += 1;
      });
      const sweep = recording(uniqueName('sweep'));
      const later = recording(uniqueName('later'));
      const jobs = open();
      time.hold();
      await jobs.startRunning([slow.definition, { ...sweep.definition, everyMs: 50 }, later.definition]);
      await jobs.schedule(slow.definition.name, 'slow-s1', inMs(0), { key: 's1' });
      await jobs.schedule(later.definition.name, 'later-l1', inMs(HOUR_MS), { key: 'l1' });
      await expect.poll(() => slow.runs.length > 0 && sweep.runs.length > 0, { timeout: 10_000 }).toBe(true);

      await jobs.close();

      expect(finished).toBe(1);
      const sweepsAtClose = sweep.runs.length;
      // When l1's hour comes, a runner started after the close runs it (BullMQ's from Redis, ignoring the second
      // schedule; the in-process one its own), and the closed runner, which would have had it first, does not.
      const laterAfterClose = recording(later.definition.name);
      const next = open();
      await next.startRunning([laterAfterClose.definition]);
      await next.schedule(later.definition.name, 'later-l1', inMs(HOUR_MS), { key: 'l1' });
      await time.runTo(later.definition.name, HOUR_MS);
      await expect.poll(() => later.runs.length + laterAfterClose.runs.length, { timeout: 10_000 }).toBe(1);
      expect(later.runs).toEqual([]);
      expect(sweep.runs.length).toBe(sweepsAtClose);
      await expect(jobs.schedule(later.definition.name, 'later-l2', inMs(0), {})).rejects.toThrow(/closed/);
    });
  });
}
