import { describe, expect, it } from 'vitest';
import { allInOrder, commitBehind, settle } from './last-writes';

const failingAfter = (ms: number, message: string) => new Promise((_, reject) => setTimeout(() => reject(new Error(message)), ms));

describe('allInOrder', () => {
  it('throws the first failure in the order given, though a later one failed sooner', async () => {
    await expect(allInOrder([Promise.resolve(1), failingAfter(20, 'the cause'), failingAfter(0, 'aborted behind it')])).rejects.toThrow('the cause');
  });

  it('waits for every one before it answers', async () => {
    const settled: string[] = [];
    const slow = new Promise((resolve) => setTimeout(resolve, 20)).then(() => settled.push('slow'));
    await expect(allInOrder([Promise.reject(new Error('first')), slow])).rejects.toThrow('first');
    expect(settled).toEqual(['slow']);
  });
});

describe('settle', () => {
  it('answers a plain result as it is, and LastWrites’ result once their writes succeeded', async () => {
    expect(await settle('plain')).toBe('plain');
    expect(await settle(commitBehind('behind', Promise.resolve(), Promise.resolve()))).toBe('behind');
  });

  it('throws the first failing write’s error in the order the writes were given', async () => {
    await expect(settle(commitBehind('behind', failingAfter(10, 'booking refused'), failingAfter(0, 'claim aborted')))).rejects.toThrow('booking refused');
  });
});
