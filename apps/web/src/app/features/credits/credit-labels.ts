import type { CreditTransactionType } from '@fitflow/api-contract';

/** What moved credits, as the history names it. */
const typeNames: Record<CreditTransactionType, string> = {
  purchase: 'Purchase',
  booking: 'Booking',
  refund: 'Refund',
  expiry: 'Expired',
  adjustment: 'Adjustment by the studio',
};

export function transactionTypeLabel(type: CreditTransactionType): string {
  return typeNames[type];
}

/** "+10", "−1" (a true minus sign, which screen readers read as "minus"), "0". */
export function signedCredits(amount: number): string {
  if (amount > 0) return `+${amount}`;
  if (amount < 0) return `\u2212${Math.abs(amount)}`;
  return '0';
}

/** "10 credits added", "1 credit taken": the amount in words, for screen readers beside the signed figure. */
export function describeAmount(amount: number): string {
  const count = Math.abs(amount) === 1 ? '1 credit' : `${Math.abs(amount)} credits`;
  return amount < 0 ? `${count} taken` : `${count} added`;
}
