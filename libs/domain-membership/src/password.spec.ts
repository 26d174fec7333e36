import { describe, expect, it } from 'vitest';
import { type CommonPasswordList, Password, WeakPasswordError } from './password';

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
