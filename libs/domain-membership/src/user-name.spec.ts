import { describe, expect, it } from 'vitest';
import { UserName } from './user-name';

describe('UserName', () => {
  it('trims the name', () => {
    expect(UserName.create('  Ada Lovelace ').value).toBe('Ada Lovelace');
  });

  it('refuses an empty or blank name', () => {
    for (const raw of ['', '   ']) {
      expect(() => UserName.create(raw)).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'name', message: 'Enter your name' }),
      );
    }
  });

  it('refuses a name longer than 100 characters', () => {
    expect(() => UserName.create('a'.repeat(101))).toThrow(expect.objectContaining({ field: 'name' }));
    expect(UserName.create(`  ${'a'.repeat(100)}  `).value).toHaveLength(100);
  });
});
