import { describe, expect, it } from 'vitest';
import { ROLES, isRole } from './role';

describe('Role', () => {
  it('knows exactly member, trainer and admin', () => {
    expect(ROLES).toEqual(['member', 'trainer', 'admin']);
    expect(ROLES.every(isRole)).toBe(true);
  });

  it.each(['owner', 'Admin', '', null, undefined, 1])('does not take %j for a role', (value) => {
    expect(isRole(value)).toBe(false);
  });
});
