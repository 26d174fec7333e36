import { InjectionToken } from '@angular/core';
import type { TEST_PAYMENT_METHODS as ContractTestMethods } from '@fitflow/api-contract';

/*
 * The test-mode gateway's cards, typed against the contract so a change there breaks this build (copied, not imported
 * as a value, to keep zod out of the bundle; see api-paths.ts).
 */
export const TEST_PAYMENT_METHODS: typeof ContractTestMethods = [
  { id: 'pm_card_visa', label: 'Visa ending 4242 — succeeds' },
  { id: 'pm_card_threeDSecure2Required', label: 'Card ending 3155 — asks for 3-D Secure' },
  { id: 'pm_card_chargeDeclined', label: 'Card ending 0002 — declined' },
] as const;

/** A new `Idempotency-Key` for each purchase attempt; tests provide predictable ones. */
export const IDEMPOTENCY_KEYS = new InjectionToken<() => string>('IDEMPOTENCY_KEYS', { factory: () => newIdempotencyKey });

/** A random UUID; `crypto.randomUUID` exists only in secure contexts, so a plain-HTTP deployment gets one by hand. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
