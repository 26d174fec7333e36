import { describe, expect, it } from 'vitest';
import { UserMother, createMembershipFakes } from '../../testing';
import { ListTrainersHandler } from './list-trainers.handler';

describe('ListTrainersHandler', () => {
  it('answers every trainer by id and name, and no one else', async () => {
    const { users, finder } = createMembershipFakes();
    const bea = UserMother.trainer({ name: 'Bea' });
    const al = UserMother.trainer({ name: 'Al' });
    users.seed(bea, UserMother.member({ name: 'Mo' }), UserMother.admin({ name: 'Ann' }), al);
    await expect(new ListTrainersHandler(finder).handle()).resolves.toStrictEqual([
      { id: al.id, name: 'Al' },
      { id: bea.id, name: 'Bea' },
    ]);
  });
});
