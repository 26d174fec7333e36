import { FixedClock } from '@fitflow/domain-shared';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InProcessJobs } from './in-process-jobs';
import { describeJobsContract, sleep, type JobsTime } from './jobs-contract';

const DAY_MS = 86_400_000;

/** Fake timers that keep pace with the wall clock (runs that sleep still end) until `runTo` jumps them ahead. */
function fakeTimers(): JobsTime {
  let passedMs = 0;
  return {
    hold() {
      passedMs = 0;
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'], shouldAdvanceTime: true });
    },
    async runTo(_name, ms) {
      await vi.advanceTimersByTimeAsync(ms - passedMs);
      passedMs = ms;
    },
  };
}

// Fake timers last as long as the test that set them.
afterEach(() => {
  vi.useRealTimers();
});

describeJobsContract('InProcessJobs', (setup) => new InProcessJobs(setup), fakeTimers());

describe('InProcessJobs', () => {
  it('runs one job id at a time: a repeat tick while the last run goes on is skipped', async () => {
    let running = 0;
    let mostAtOnce = 0;
    let runs = 0;
    const jobs = new InProcessJobs({ clock: new FixedClock('2030-01-01T09:00:00Z'), logger: pino({ level: 'silent' }) });
    await jobs.startRunning([
      {
        name: 'slow-sweep',
        everyMs: 20,
        async run() {
          running += 1;
          mostAtOnce = Math.max(mostAtOnce, running);
          await sleep(100);
          running -= 1;
          runs += 1;
        },
      },
    ]);

    await expect.poll(() => runs, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
    await jobs.close();

    expect(mostAtOnce).toBe(1);
  });

  it('waits longer than one timer can for a job weeks ahead, to the millisecond', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const runs: string[] = [];
    const clock = new FixedClock('2030-01-01T09:00:00Z');
    const jobs = new InProcessJobs({ clock, logger: pino({ level: 'silent' }) });
    await jobs.startRunning([{ name: 'reminder', run: async (data) => void runs.push(String(data['key'])) }]);

    await jobs.schedule('reminder', 'reminder-far', new Date(clock.now().getTime() + 40 * DAY_MS), { key: 'far' });
    await jobs.schedule('reminder', 'reminder-now', clock.now(), { key: 'now' });

    // Fake timers treat a wait over 2^31 - 1 ms as Node does (it fires after 1 ms), so one timer would fail here.
    await vi.advanceTimersByTimeAsync(40 * DAY_MS - 1);
    expect(runs).toEqual(['now']);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toEqual(['now', 'far']);
    await jobs.close();
  });

  it('refuses two definitions under one name, and names with more than letters, digits and -', async () => {
    const run = async () => undefined;
    const jobs = () => new InProcessJobs({ clock: new FixedClock('2030-01-01T09:00:00Z'), logger: pino({ level: 'silent' }) });
    await expect(jobs().startRunning([{ name: 'sweep', run }, { name: 'sweep', run }])).rejects.toThrow(/Two job definitions/);
    await expect(jobs().startRunning([{ name: 'hold:expiry', run }])).rejects.toThrow(/letters, digits and -/);
    await expect(jobs().schedule('hold:expiry', 'hold-expiry-h1', new Date(), {})).rejects.toThrow(/letters, digits and -/);
  });
});
