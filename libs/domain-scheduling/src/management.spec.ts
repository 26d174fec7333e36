import { describe, expect, it } from 'vitest';
import { canLeadClasses, canManage } from './management';

describe('canManage', () => {
  it('lets a trainer manage their own classes only', () => {
    expect(canManage({ userId: 'trainer-1', role: 'trainer' }, 'trainer-1')).toBe(true);
    expect(canManage({ userId: 'trainer-2', role: 'trainer' }, 'trainer-1')).toBe(false);
  });

  it('lets an admin manage every trainer’s classes', () => {
    expect(canManage({ userId: 'admin-1', role: 'admin' }, 'trainer-1')).toBe(true);
  });

  it('never lets a member manage, even under the trainer’s id', () => {
    expect(canManage({ userId: 'trainer-1', role: 'member' }, 'trainer-1')).toBe(false);
  });
});

describe('canLeadClasses', () => {
  it('names trainers and admins, not members', () => {
    expect(canLeadClasses('trainer')).toBe(true);
    expect(canLeadClasses('admin')).toBe(true);
    expect(canLeadClasses('member')).toBe(false);
  });
});
