import { describe, expect, it } from 'vitest';
import { CancellationReason } from './cancellation-reason';

describe('CancellationReason', () => {
  it('trims the reason', () => {
    expect(CancellationReason.create(' Trainer is ill ').value).toBe('Trainer is ill');
  });

  it('refuses a blank reason', () => {
    expect(() => CancellationReason.create('  ')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'reason' }));
  });

  it('refuses more than 500 characters, and accepts 500', () => {
    expect(() => CancellationReason.create('a'.repeat(501))).toThrow(expect.objectContaining({ field: 'reason' }));
    expect(CancellationReason.create('a'.repeat(500)).value).toHaveLength(500);
  });
});
