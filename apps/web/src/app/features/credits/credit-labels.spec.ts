import { describeAmount, signedCredits, transactionTypeLabel } from './credit-labels';

describe('credit labels', () => {
  it('signs an amount the way a statement does, with a true minus sign', () => {
    expect(signedCredits(10)).toBe('+10');
    expect(signedCredits(-1)).toBe('\u22121');
    expect(signedCredits(0)).toBe('0');
  });

  it('says the amount in words for screen readers', () => {
    expect(describeAmount(10)).toBe('10 credits added');
    expect(describeAmount(-1)).toBe('1 credit taken');
  });

  it('names each kind of movement', () => {
    expect(transactionTypeLabel('expiry')).toBe('Expired');
    expect(transactionTypeLabel('adjustment')).toBe('Adjustment by the studio');
  });
});
