import type { Handler, Page } from '@fitflow/application-shared';
import type { Role } from '@fitflow/domain-membership';
import type { UserView, UsersFinder } from '../../ports';

export const DEFAULT_PAGE_SIZE = 20;

export interface ListUsersInput {
  page?: number;
  pageSize?: number;
  role?: Role;
  q?: string;
}

/** The admins' user list; who may call it is the route's concern. */
export class ListUsersHandler implements Handler<ListUsersInput, Page<UserView>> {
  constructor(private readonly finder: UsersFinder) {}

  async handle({ page = 1, pageSize = DEFAULT_PAGE_SIZE, role, q }: ListUsersInput = {}): Promise<Page<UserView>> {
    const search = q?.trim();
    return this.finder.list({ page, pageSize, ...(role && { role }), ...(search && { q: search }) });
  }
}
