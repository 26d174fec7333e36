import { adjustedMessage } from './credit-adjustment';

describe('adjustedMessage', () => {
  it('says what the admin did and the balance the API reports after it', () => {
    expect(adjustedMessage({ name: 'Ana' }, { amount: 5, balanceAfter: 17 })).toBe('Added 5 credits to Ana. New balance: 17 credits.');
    expect(adjustedMessage({ name: 'Ana' }, { amount: -1, balanceAfter: 0 })).toBe('Took 1 credit from Ana. New balance: 0 credits.');
    expect(adjustedMessage({ name: 'Ana' }, { amount: 1, balanceAfter: 1 })).toBe('Added 1 credit to Ana. New balance: 1 credit.');
  });
});
