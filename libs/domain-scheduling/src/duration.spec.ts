import { describe, expect, it } from 'vitest';
import { Duration } from './duration';

describe('Duration', () => {
  it('accepts whole minutes from 5 to 480', () => {
    expect(Duration.ofMinutes(5).minutes).toBe(5);
    expect(Duration.ofMinutes(480).minutes).toBe(480);
    expect(Duration.ofMinutes(60).milliseconds).toBe(3_600_000);
  });

  it.each([4, 481, 0, -30, 30.5, Number.NaN])('refuses %s minutes', (minutes) => {
    expect(() => Duration.ofMinutes(minutes)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'durationMinutes' }),
    );
  });

  it('is equal to another of the same length only', () => {
    expect(Duration.ofMinutes(45).equals(Duration.ofMinutes(45))).toBe(true);
    expect(Duration.ofMinutes(45).equals(Duration.ofMinutes(60))).toBe(false);
  });
});
