import { describe, expect, it } from 'vitest';
import { type CommonPasswordList, Password, type PasswordStrengthEstimator, WeakPasswordError } from './password';

const commonPasswords: CommonPasswordList = {
  contains: (candidate) => ['password123', 'qwertyuiop'].includes(candidate),
};

describe('Password', () => {
  it('accepts a password of 10 characters that is not common', () => {
    expect(Password.create('kettle-bel', commonPasswords).value).toBe('kettle-bel');
  });

  it('refuses a password shorter than 10 characters', () => {
    expect(() => Password.create('kettlebel', commonPasswords)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'password', message: 'Use at least 10 characters' }),
    );
  });

  it('counts characters as a person does, so ten emoji are long enough and nine are not', () => {
    expect(() => Password.create('💪'.repeat(10), commonPasswords)).not.toThrow();
    expect(() => Password.create('💪'.repeat(9), commonPasswords)).toThrow(WeakPasswordError);
  });

  it('refuses a password longer than 200 characters', () => {
    expect(() => Password.create('x'.repeat(201), commonPasswords)).toThrow(WeakPasswordError);
    expect(() => Password.create('x'.repeat(200), commonPasswords)).not.toThrow();
  });

  it('refuses a password found in the breached-password list, whatever its case', () => {
    for (const raw of ['password123', 'PassWord123', 'QWERTYUIOP']) {
      expect(() => Password.create(raw, commonPasswords)).toThrow(
        expect.objectContaining({ field: 'password', message: 'This password is too common; choose another' }),
      );
    }
  });

  it('keeps the exact characters typed, case included', () => {
    expect(Password.create('Kettle Bell 42', commonPasswords).value).toBe('Kettle Bell 42');
  });

  it('never shows the plain password when logged or serialised', () => {
    const password = Password.create('kettle-bell-42', commonPasswords);
    expect(`${password}`).not.toContain('kettle');
    expect(JSON.stringify({ password })).not.toContain('kettle');
  });
});

/** A stand-in for zxcvbn: one repeated character is weak; "weak-but-silent" is weak with nothing to say. */
class FakeStrength implements PasswordStrengthEstimator {
  readonly asked: { candidate: string; personalWords: readonly string[] }[] = [];

  estimate(candidate: string, personalWords: readonly string[]) {
    this.asked.push({ candidate, personalWords });
    if (new Set(candidate).size === 1) return { score: 0, reason: 'it repeats the same characters' };
    if (candidate === 'weak-but-silent') return { score: 2, reason: null };
    return { score: 3, reason: null };
  }
}

describe('a password a person chooses for themselves', () => {
  const owner = { name: 'Ada Lovelace', email: 'countess@example.com' };
  const choose = (raw: string, who = owner, estimator = new FakeStrength()) =>
    Password.create(raw, commonPasswords, { owner: who, estimator });

  it('is taken when it is hard enough to guess and not about them', () => {
    expect(choose('kettle-bell-42').value).toBe('kettle-bell-42');
  });

  it('refuses their name in it, whatever its case, spaces and punctuation, and says so', () => {
    for (const raw of ['adalovelace2026', 'My name is ADA LOVELACE', 'x-Ada.Lovelace-x', 'ÄDA-LÖVELACE-1']) {
      expect(() => choose(raw)).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'password', message: 'Too easy to guess: it contains your name.' }),
      );
    }
  });

  it('refuses their e-mail address in it', () => {
    expect(() => choose('Countess-of-numbers')).toThrow(
      expect.objectContaining({ field: 'password', message: 'Too easy to guess: it contains your e-mail address.' }),
    );
  });

  it('ignores a name too short to mean anything', () => {
    expect(choose('metallic-kettle-42', { name: 'Al', email: 'al@example.com' }).value).toBe('metallic-kettle-42');
  });

  it('refuses one repeated character, ten spaces included, with the estimator’s reason', () => {
    for (const raw of ['aaaaaaaaaa', ' '.repeat(10)]) {
      expect(() => choose(raw)).toThrow(
        expect.objectContaining({ field: 'password', message: 'Too easy to guess: it repeats the same characters.' }),
      );
    }
  });

  it('refuses a weak password the estimator gives no reason for, with advice', () => {
    expect(() => choose('weak-but-silent')).toThrow(
      expect.objectContaining({ message: 'Too easy to guess: add a few more unrelated words.' }),
    );
  });

  it('gives the estimator their name and e-mail, so it can spot them in other forms', () => {
    const estimator = new FakeStrength();
    choose('kettle-bell-42', owner, estimator);
    expect(estimator.asked).toEqual([
      { candidate: 'kettle-bell-42', personalWords: ['Ada', 'Lovelace', 'countess@example.com', 'countess'] },
    ]);
  });

  it('is checked against the breached list first', () => {
    expect(() => choose('password123')).toThrow(expect.objectContaining({ message: 'This password is too common; choose another' }));
  });
});
