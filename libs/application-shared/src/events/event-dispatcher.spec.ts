import { describe, expect, it } from 'vitest';
import { domainEvent, FixedClock } from '@fitflow/domain-shared';
import type { Delivery, EventEnvelope, Subscriber } from '../ports';
import { InMemoryInbox } from '../testing/in-memory-inbox';
import { EventDispatcher } from './event-dispatcher';
import { EventFanOut } from './event-fan-out';
import { RetryPolicy } from './retry-policy';
import { SubscriberRegistry } from './subscriber-registry';

const MINUTE = 60_000;

function envelope(id: string, type = 'ClassCancelled'): EventEnvelope {
  return { id, event: domainEvent(type, 'session-1', new Date('2026-12-01T08:00:00Z'), { n: id }) };
}

/** A subscriber that records what it saw and throws its first `failures` runs. */
function recording(name: string, failures = 0, eventType = 'ClassCancelled') {
  const seen: string[] = [];
  let runs = 0;
  const subscriber: Subscriber = {
    name,
    eventType,
    async handle({ id }) {
      runs += 1;
      if (runs <= failures) throw new Error(`${name} failed run ${runs}`);
      seen.push(id);
    },
  };
  return { subscriber, seen, runs: () => runs };
}

function engine(subscribers: Subscriber[], maxAttempts = 3) {
  const clock = new FixedClock('2026-12-01T08:00:00Z');
  const inbox = new InMemoryInbox();
  const registry = new SubscriberRegistry(subscribers);
  const parked: Delivery[] = [];
  const dispatcher = new EventDispatcher(inbox, registry, clock, {
    retry: new RetryPolicy({ maxAttempts, firstDelayMs: MINUTE, maxDelayMs: 10 * MINUTE }),
    leaseMs: 5 * MINUTE,
    concurrency: 2,
    pollIntervalMs: 1000,
    reports: { parked: (delivery) => void parked.push(delivery), failed: (error) => { throw error; } },
  });
  const fanOut = new EventFanOut(inbox, registry);
  return { clock, inbox, dispatcher, fanOut, parked };
}

describe('SubscriberRegistry', () => {
  it('lists the subscribers of a type in registration order, and refuses a second subscriber of one name', () => {
    const registry = new SubscriberRegistry([recording('a').subscriber, recording('b').subscriber, recording('c', 0, 'Other').subscriber]);
    expect(registry.namesFor('ClassCancelled')).toEqual(['a', 'b']);
    expect(registry.namesFor('Unheard')).toEqual([]);
    expect(() => registry.register(recording('a', 0, 'Other').subscriber)).toThrow(/Two subscribers are named "a"/);
  });
});

describe('RetryPolicy', () => {
  const policy = new RetryPolicy({ maxAttempts: 5, firstDelayMs: MINUTE, maxDelayMs: 3 * MINUTE });
  const now = new Date('2026-12-01T08:00:00Z');

  it('doubles the wait after each failure, up to the longest wait, and parks after the last attempt', () => {
    const waits = [1, 2, 3, 4].map((attempt) => {
      const next = policy.afterFailure(attempt, now);
      return next.kind === 'retry' ? (next.at.getTime() - now.getTime()) / MINUTE : next.kind;
    });
    expect(waits).toEqual([1, 2, 3, 3]);
    expect(policy.afterFailure(5, now)).toEqual({ kind: 'park' });
  });

  it('counts a claim past the last attempt as exhausted (every run before it died)', () => {
    expect(policy.isExhausted(5)).toBe(false);
    expect(policy.isExhausted(6)).toBe(true);
  });

  it('refuses settings that cannot work', () => {
    expect(() => new RetryPolicy({ maxAttempts: 0, firstDelayMs: 1, maxDelayMs: 1 })).toThrow(RangeError);
    expect(() => new RetryPolicy({ maxAttempts: 1, firstDelayMs: 10, maxDelayMs: 1 })).toThrow(RangeError);
  });
});

describe('EventDispatcher', () => {
  it('gives each event to every subscriber of its type once, and to nobody else', async () => {
    const refund = recording('refund');
    const notify = recording('notify');
    const other = recording('other', 0, 'SomethingElse');
    const { dispatcher, fanOut } = engine([refund.subscriber, notify.subscriber, other.subscriber]);

    await fanOut.publish([envelope('e1'), envelope('e2')]);
    await dispatcher.wake();
    await dispatcher.wake();

    expect(refund.seen).toEqual(['e1', 'e2']);
    expect(notify.seen).toEqual(['e1', 'e2']);
    expect(other.seen).toEqual([]);
  });

  it('retries a failing subscriber alone, after its backoff, without replaying the event to the others', async () => {
    const flaky = recording('flaky', 2);
    const steady = recording('steady');
    const { dispatcher, fanOut, clock, inbox } = engine([flaky.subscriber, steady.subscriber]);
    await fanOut.publish([envelope('e1')]);

    await dispatcher.wake();
    expect([flaky.runs(), steady.runs()]).toEqual([1, 1]);
    await dispatcher.wake(); // not due yet: the first wait is a minute
    expect(flaky.runs()).toBe(1);

    clock.advanceMinutes(1);
    await dispatcher.wake();
    clock.advanceMinutes(2);
    await dispatcher.wake();

    expect(flaky.seen).toEqual(['e1']);
    expect(flaky.runs()).toBe(3);
    expect(steady.runs()).toBe(1);
    expect(inbox.statusOf('e1', 'flaky')).toMatchObject({ status: 'handled', attempts: 3, lastError: null });
  });

  it('parks a delivery after its last attempt, with the error, and tries it no more', async () => {
    const broken = recording('broken', 99);
    const { dispatcher, fanOut, clock, inbox, parked } = engine([broken.subscriber], 2);
    await fanOut.publish([envelope('e1')]);

    await dispatcher.wake();
    clock.advanceMinutes(60);
    await dispatcher.wake();
    clock.advanceMinutes(60);
    await dispatcher.wake();

    expect(broken.runs()).toBe(2);
    expect(parked.map((delivery) => delivery.envelope.id)).toEqual(['e1']);
    expect(inbox.statusOf('e1', 'broken')).toMatchObject({ status: 'parked', lastError: 'Error: broken failed run 2' });
  });

  it('runs a delivery again once the lease of a run that never answered is over, and parks it past its attempts', async () => {
    const slow = recording('slow');
    const { dispatcher, fanOut, clock, inbox, parked } = engine([slow.subscriber], 2);
    await fanOut.publish([envelope('e1')]);
    // Two claims whose runner died: nothing ran, each attempt counted.
    await inbox.claimDue(1, clock.now(), new Date(clock.now().getTime() + 5 * MINUTE));
    clock.advanceMinutes(5);
    await inbox.claimDue(1, clock.now(), new Date(clock.now().getTime() + 5 * MINUTE));
    clock.advanceMinutes(5);

    await dispatcher.wake();

    expect(slow.runs()).toBe(0);
    expect(parked).toHaveLength(1);
    expect(inbox.statusOf('e1', 'slow')?.lastError).toMatch(/No attempt left: the last of 2 ended without an answer/);
  });

  it('parks a delivery whose subscriber this build no longer has', async () => {
    const { dispatcher, inbox, parked } = engine([]);
    await inbox.enqueue([{ envelope: envelope('e1'), subscribers: ['renamed-away'] }]);

    for (let attempt = 0; attempt < 3; attempt += 1) {
      await dispatcher.wake();
      inbox.rows.forEach((row) => (row.nextAttemptAt = 0));
    }

    expect(parked).toHaveLength(1);
    expect(inbox.statusOf('e1', 'renamed-away')?.lastError).toMatch(/No subscriber named "renamed-away"/);
  });

  it('records a pair once, however often the relay publishes the event again', async () => {
    const once = recording('once');
    const { dispatcher, fanOut } = engine([once.subscriber]);

    await fanOut.publish([envelope('e1')]);
    await fanOut.publish([envelope('e1')]);
    await dispatcher.wake();

    expect(once.seen).toEqual(['e1']);
  });
});
