import type { PasswordStrength, PasswordStrengthEstimator } from '@fitflow/domain-membership';

/** Weak (score 0) for one repeated character, strong otherwise: the cases a handler test needs. */
export class FakePasswordStrength implements PasswordStrengthEstimator {
  estimate(candidate: string): PasswordStrength {
    return new Set(candidate).size === 1 ? { score: 0, reason: 'it repeats the same characters' } : { score: 4, reason: null };
  }
}
