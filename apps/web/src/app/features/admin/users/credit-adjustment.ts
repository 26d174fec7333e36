import type { CreditTransaction, User } from '@fitflow/api-contract';

/** "Added 5 credits to Ana. New balance: 17 credits."; "Took 1 credit from Ana. New balance: 0 credits." */
export function adjustedMessage(user: Pick<User, 'name'>, entry: Pick<CreditTransaction, 'amount' | 'balanceAfter'>): string {
  const change = entry.amount >= 0 ? `Added ${count(entry.amount)} to ${user.name}` : `Took ${count(-entry.amount)} from ${user.name}`;
  return `${change}. New balance: ${count(entry.balanceAfter)}.`;
}

function count(credits: number): string {
  return credits === 1 ? '1 credit' : `${credits} credits`;
}
