import { describe, expect, it } from 'vitest';
import type { ListUsersQuery, UsersFinder } from '../../ports';
import { UserMother, createMembershipFakes } from '../../testing';
import { ListUsersHandler } from './list-users.handler';

/** A finder that remembers the query it was asked. */
function recordingFinder(): UsersFinder & { asked: ListUsersQuery[] } {
  const asked: ListUsersQuery[] = [];
  return {
    asked,
    byId: async () => null,
    roleOf: async () => null,
    accessOf: async () => null,
    trainers: async () => [],
    list: async (query) => {
      asked.push(query);
      return { items: [], page: query.page, pageSize: query.pageSize, total: 0 };
    },
  };
}

describe('ListUsersHandler', () => {
  it('asks for the first page of 20 when no page is given', async () => {
    const finder = recordingFinder();
    await new ListUsersHandler(finder).handle({});
    expect(finder.asked).toStrictEqual([{ page: 1, pageSize: 20 }]);
  });

  it('passes the page, role and trimmed search through', async () => {
    const finder = recordingFinder();
    await new ListUsersHandler(finder).handle({ page: 3, pageSize: 5, role: 'trainer', q: '  ada ' });
    expect(finder.asked).toStrictEqual([{ page: 3, pageSize: 5, role: 'trainer', q: 'ada' }]);
  });

  it('ignores a blank search', async () => {
    const finder = recordingFinder();
    await new ListUsersHandler(finder).handle({ q: '   ' });
    expect(finder.asked).toStrictEqual([{ page: 1, pageSize: 20 }]);
  });

  it('answers the finder’s page of accounts', async () => {
    const { users, finder } = createMembershipFakes();
    users.seed(UserMother.trainer({ name: 'Ada' }), UserMother.member({ name: 'Bob' }), UserMother.trainer({ name: 'Cy' }));
    const page = await new ListUsersHandler(finder).handle({ role: 'trainer', pageSize: 1, page: 2 });
    expect(page).toMatchObject({ page: 2, pageSize: 1, total: 2, items: [{ name: 'Cy', role: 'trainer' }] });
  });
});
