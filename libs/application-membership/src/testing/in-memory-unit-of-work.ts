import { InMemoryUnitOfWork as SharedInMemoryUnitOfWork } from '@fitflow/application-shared/testing';
import type { MembershipRepositories } from '../ports';
import type { InMemoryRefreshTokens } from './in-memory-refresh-tokens';
import type { InMemoryUserRepository } from './in-memory-user-repository';

export interface InMemoryMembershipRepositories extends MembershipRepositories {
  users: InMemoryUserRepository;
  refreshTokens: InMemoryRefreshTokens;
}

export class InMemoryUnitOfWork extends SharedInMemoryUnitOfWork<MembershipRepositories> {
  constructor(repos: InMemoryMembershipRepositories) {
    super(repos, [repos.users, repos.refreshTokens]);
  }
}
