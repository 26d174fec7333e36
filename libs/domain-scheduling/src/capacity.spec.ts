import { describe, expect, it } from 'vitest';
import { Capacity } from './capacity';

describe('Capacity', () => {
  it('accepts 1 to 500 people', () => {
    expect(Capacity.create(1).value).toBe(1);
    expect(Capacity.create(500).value).toBe(500);
  });

  it.each([0, 501, -1, 2.5])('refuses %s', (value) => {
    expect(() => Capacity.create(value)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'capacity' }));
  });
});
