import { describe, expect, it } from 'vitest';
import { AggregateRoot, FixedClock, ValueObject, domainEvent } from './index';

class Money extends ValueObject<{ cents: number; currency: string }> {
  static of(cents: number, currency: string): Money {
    return new Money({ cents, currency });
  }
}

class Counter extends AggregateRoot {
  static start(id: string, at: Date): Counter {
    const counter = new Counter(id);
    counter.record(domainEvent('CounterStarted', id, at, { startedBy: 'test' }));
    return counter;
  }
}

describe('ValueObject', () => {
  it('is equal to another with the same fields, and only then', () => {
    expect(Money.of(100, 'EUR').equals(Money.of(100, 'EUR'))).toBe(true);
    expect(Money.of(100, 'EUR').equals(Money.of(100, 'USD'))).toBe(false);
  });

  it('cannot be changed after creation', () => {
    const money = Money.of(100, 'EUR') as unknown as { props: { cents: number } };
    expect(() => {
      money.props.cents = 5;
    }).toThrow(TypeError);
  });
});

describe('AggregateRoot', () => {
  it('hands over its recorded events once', () => {
    const counter = Counter.start('c-1', new Date('2026-12-01T07:00:00Z'));
    const events = counter.pullEvents();
    expect(events).toEqual([
      { type: 'CounterStarted', aggregateId: 'c-1', occurredAt: '2026-12-01T07:00:00.000Z', payload: { startedBy: 'test' } },
    ]);
    expect(counter.pullEvents()).toEqual([]);
  });

  it('records events that are JSON-serialisable and frozen', () => {
    const [event] = Counter.start('c-1', new Date('2026-12-01T07:00:00Z')).pullEvents();
    expect(JSON.parse(JSON.stringify(event))).toEqual(event);
    expect(Object.isFrozen(event)).toBe(true);
  });
});

describe('FixedClock', () => {
  it('stands still until moved', () => {
    const clock = new FixedClock('2026-12-01T07:00:00Z');
    clock.advanceMinutes(90);
    expect(clock.now().toISOString()).toBe('2026-12-01T08:30:00.000Z');
  });
});
