import { describe, expect, it } from 'vitest';
import { Duration } from './duration';
import { TimeSlot } from './time-slot';

const at = (iso: string) => new Date(iso);
const slot = (from: string, to: string) => TimeSlot.create(at(from), at(to));

describe('TimeSlot', () => {
  it('knows its start, end and length', () => {
    const yoga = slot('2026-12-01T07:00:00Z', '2026-12-01T08:15:00Z');
    expect(yoga.startsAt).toEqual(at('2026-12-01T07:00:00Z'));
    expect(yoga.endsAt).toEqual(at('2026-12-01T08:15:00Z'));
    expect(yoga.durationMinutes).toBe(75);
  });

  it('refuses an end at or before the start', () => {
    for (const end of ['2026-12-01T07:00:00Z', '2026-12-01T06:59:00Z']) {
      expect(() => slot('2026-12-01T07:00:00Z', end)).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'endsAt' }),
      );
    }
  });

  it('refuses an invalid date, naming which one', () => {
    expect(() => TimeSlot.create(new Date('nope'), at('2026-12-01T07:00:00Z'))).toThrow(
      expect.objectContaining({ field: 'startsAt' }),
    );
    expect(() => TimeSlot.create(at('2026-12-01T07:00:00Z'), new Date('nope'))).toThrow(
      expect.objectContaining({ field: 'endsAt' }),
    );
  });

  it('starts at an instant and lasts a duration', () => {
    expect(TimeSlot.starting(at('2026-12-01T07:00:00Z'), Duration.ofMinutes(45)).endsAt).toEqual(
      at('2026-12-01T07:45:00Z'),
    );
  });

  it('moves to another start keeping its length', () => {
    const moved = slot('2026-12-01T07:00:00Z', '2026-12-01T08:00:00Z').movedTo(at('2026-12-03T18:30:00Z'));
    expect(moved.equals(slot('2026-12-03T18:30:00Z', '2026-12-03T19:30:00Z'))).toBe(true);
  });

  it('overlaps a slot sharing a moment, not one that starts as it ends', () => {
    const yoga = slot('2026-12-01T07:00:00Z', '2026-12-01T08:00:00Z');
    expect(yoga.overlaps(slot('2026-12-01T07:59:00Z', '2026-12-01T09:00:00Z'))).toBe(true);
    expect(yoga.overlaps(slot('2026-12-01T06:00:00Z', '2026-12-01T07:01:00Z'))).toBe(true);
    expect(yoga.overlaps(slot('2026-12-01T07:15:00Z', '2026-12-01T07:30:00Z'))).toBe(true);
    expect(yoga.overlaps(slot('2026-12-01T08:00:00Z', '2026-12-01T09:00:00Z'))).toBe(false);
    expect(yoga.overlaps(slot('2026-12-01T06:00:00Z', '2026-12-01T07:00:00Z'))).toBe(false);
  });

  it('has started from its start exactly, and ended from its end exactly', () => {
    const yoga = slot('2026-12-01T07:00:00Z', '2026-12-01T08:00:00Z');
    expect(yoga.hasStarted(at('2026-12-01T06:59:59.999Z'))).toBe(false);
    expect(yoga.hasStarted(at('2026-12-01T07:00:00Z'))).toBe(true);
    expect(yoga.hasEnded(at('2026-12-01T07:59:59.999Z'))).toBe(false);
    expect(yoga.hasEnded(at('2026-12-01T08:00:00Z'))).toBe(true);
  });

  it('is equal to a slot with the same start and end only', () => {
    const yoga = slot('2026-12-01T07:00:00Z', '2026-12-01T08:00:00Z');
    expect(yoga.equals(slot('2026-12-01T07:00:00Z', '2026-12-01T08:00:00Z'))).toBe(true);
    expect(yoga.equals(slot('2026-12-01T07:00:00Z', '2026-12-01T08:30:00Z'))).toBe(false);
  });
});
