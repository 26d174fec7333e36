import { describe, expect, it } from 'vitest';
import { Email, InvalidEmailError } from './email';

describe('Email', () => {
  it('trims and lower-cases the address', () => {
    expect(Email.create('  Ada.Lovelace@Example.COM ').value).toBe('ada.lovelace@example.com');
  });

  it('compares addresses case-insensitively', () => {
    expect(Email.create('ADA@example.com').equals(Email.create('ada@EXAMPLE.com'))).toBe(true);
    expect(Email.create('ada@example.com').equals(Email.create('bob@example.com'))).toBe(false);
  });

  it.each(['ada+yoga@example.com', "o'neil@studio.co.uk", 'a@b.io', 'user@xn--bcher-kva.example'])(
    'accepts the everyday address %s',
    (raw) => {
      expect(Email.create(raw).value).toBe(raw);
    },
  );

  it.each([
    '',
    'ada',
    'ada@',
    '@example.com',
    'ada@example',
    'ada@@example.com',
    'ada example@example.com',
    'ada@exa mple.com',
    '.ada@example.com',
    'ada..lovelace@example.com',
    'ada@-example.com',
    'ada@example..com',
    'ada@example.c',
    'ada@example.123',
  ])('refuses the malformed address %j', (raw) => {
    expect(() => Email.create(raw)).toThrow(InvalidEmailError);
  });

  it('refuses an address longer than 254 characters', () => {
    expect(Email.create(addressOfLength(254)).value).toHaveLength(254);
    expect(() => Email.create(addressOfLength(255))).toThrow(
      expect.objectContaining({ field: 'email', message: 'Use at most 254 characters' }),
    );
  });

  it('refuses a local part longer than 64 characters', () => {
    expect(() => Email.create(`${'a'.repeat(65)}@example.com`)).toThrow(InvalidEmailError);
    expect(Email.create(`${'a'.repeat(64)}@example.com`).value).toHaveLength(76);
  });

  it('reports the failure as a validation failure of the email field', () => {
    expect(() => Email.create('not-an-email')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'email', message: 'Enter a valid email address' }),
    );
  });
});

/** 64-character local part, two 63-character labels, a filler label and `.com`. */
function addressOfLength(length: number): string {
  const fixed = 64 + 1 + 63 + 1 + 63 + 1 + 4;
  return `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(length - fixed)}.com`;
}
