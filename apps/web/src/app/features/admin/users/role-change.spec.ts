import { describeRoleChange } from './role-change';

describe('describeRoleChange', () => {
  it('asks about the person by full name and says what a promotion gives, by first name', () => {
    expect(describeRoleChange({ name: 'Sam Lee', role: 'member' }, 'trainer')).toEqual({
      title: 'Make Sam Lee a trainer?',
      consequence: 'Sam will be able to create class templates, schedule classes and check people in.',
      confirm: 'Make trainer',
    });
    expect(describeRoleChange({ name: 'Sam Lee', role: 'trainer' }, 'admin')).toMatchObject({
      title: 'Make Sam Lee an admin?',
      consequence: expect.stringMatching(/^Sam will be able to manage every account/),
      confirm: 'Make admin',
    });
  });

  it('says what a demotion takes away', () => {
    expect(describeRoleChange({ name: 'Sam Lee', role: 'trainer' }, 'member')).toMatchObject({
      title: 'Make Sam Lee a member?',
      consequence: 'Sam will no longer be able to create class templates, schedule classes or check people in.',
    });
    expect(describeRoleChange({ name: 'Sam Lee', role: 'admin' }, 'trainer').consequence).toMatch(
      /^Sam will keep running their own classes, but will no longer be able to manage accounts/,
    );
    expect(describeRoleChange({ name: 'Sam Lee', role: 'admin' }, 'member').consequence).toMatch(
      /^Sam will no longer be able to manage accounts/,
    );
  });

  it('calls someone with a one-word name by it', () => {
    expect(describeRoleChange({ name: 'Ana', role: 'member' }, 'admin').consequence).toMatch(/^Ana will be able to/);
  });
});
