import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import type { PasswordStrength, PasswordStrengthEstimator } from '@fitflow/domain-membership';

/** zxcvbn's warning keys, as the end of "Too easy to guess: …". */
const REASONS: Record<string, string> = {
  straightRow: 'it is a row of keys on the keyboard',
  keyPattern: 'it is a keyboard pattern',
  simpleRepeat: 'it repeats the same characters',
  extendedRepeat: 'it repeats the same few characters',
  sequences: 'it is a sequence like abc or 123',
  recentYears: 'it is mostly a recent year',
  dates: 'it is mostly a date',
  topTen: 'it is one of the most used passwords',
  topHundred: 'it is one of the most used passwords',
  common: 'it is a commonly used password',
  similarToCommon: 'it is close to a commonly used password',
  wordByItself: 'it is a single word',
  namesByThemselves: 'it is mostly a name',
  commonNames: 'it is mostly a common name',
  userInputs: 'it is built on your name or e-mail address',
  pwned: 'it has appeared in a data breach',
};

/**
 * The strength estimate of zxcvbn-ts with its language-neutral dictionaries and keyboard layouts. Its cost grows
 * fast with the length, so it reads the first 64 characters (a password that long is past guessing unless those
 * already give it away), and it leaves out the Levenshtein search, which costs hundreds of milliseconds a call.
 */
export class ZxcvbnPasswordStrength implements PasswordStrengthEstimator {
  readonly #zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, maxLength: 64 });

  estimate(candidate: string, personalWords: readonly string[]): PasswordStrength {
    const { score, feedback } = this.#zxcvbn.check(candidate, [...personalWords]);
    return { score, reason: feedback.warning ? (REASONS[feedback.warning] ?? null) : null };
  }
}
