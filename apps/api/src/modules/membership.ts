import {
  AuthenticateUserHandler,
  ChangePasswordHandler,
  ChangeUserRoleHandler,
  CurrentActorHandler,
  EnsureAdminHandler,
  GetMeHandler,
  ListTrainersHandler,
  ListUsersHandler,
  LogoutHandler,
  RefreshTokenHandler,
  RegisterUserHandler,
  UpdateProfileHandler,
  type MembershipRepositories,
} from '@fitflow/application-membership';
import type { Core } from '../core';
import { authRoutes } from '../http/routes/auth';
import { userRoutes } from '../http/routes/users';
import { KyselyRefreshTokenRepository } from '../infrastructure/persistence/membership/kysely-refresh-token-repository';
import { KyselyUserRepository } from '../infrastructure/persistence/membership/kysely-user-repository';
import { KyselyUsersFinder } from '../infrastructure/persistence/membership/kysely-users-finder';
import { Argon2PasswordHasher } from '../infrastructure/security/argon2-password-hasher';
import { BreachedPasswordList } from '../infrastructure/security/common-passwords';
import { ZxcvbnPasswordStrength } from '../infrastructure/security/password-strength';
import { JwtAccessTokenIssuer, RandomRefreshTokenSecrets } from '../infrastructure/security/tokens';
import type { AppModule } from './module';

/** Accounts: registration, sign-in and tokens, profiles, roles. */
export function membershipModule({ config, clock, ids, unitOfWork, db }: Core) {
  const uow = unitOfWork<MembershipRepositories>((trx, outbox) => ({
    users: new KyselyUserRepository(trx, outbox),
    refreshTokens: new KyselyRefreshTokenRepository(trx, outbox),
  }));
  const hasher = new Argon2PasswordHasher();
  const passwords = new BreachedPasswordList();
  const finder = new KyselyUsersFinder(db);
  const issuer = new JwtAccessTokenIssuer(config.jwtSecret);
  const secrets = new RandomRefreshTokenSecrets();
  const passwordStrength = new ZxcvbnPasswordStrength();

  const handlers = {
    register: new RegisterUserHandler(uow, hasher, passwords, ids, clock, passwordStrength),
    authenticate: new AuthenticateUserHandler(uow, hasher, issuer, secrets, ids, clock),
    refresh: new RefreshTokenHandler(uow, issuer, secrets, ids, clock),
    logout: new LogoutHandler(uow, secrets, clock),
    getMe: new GetMeHandler(finder),
    updateProfile: new UpdateProfileHandler(uow, clock),
    changePassword: new ChangePasswordHandler(uow, hasher, passwords, passwordStrength, issuer, secrets, ids, clock),
    /** Who the caller is now: read at every authenticated request. */
    currentActor: new CurrentActorHandler(finder),
    listUsers: new ListUsersHandler(finder),
    listTrainers: new ListTrainersHandler(finder),
    changeRole: new ChangeUserRoleHandler(uow, clock),
    ensureAdmin: new EnsureAdminHandler(uow, hasher, passwords, ids, clock),
  };
  return {
    handlers,
    routes: async (api) => {
      await api.register(authRoutes, { handlers });
      await api.register(userRoutes, { handlers });
    },
  } satisfies AppModule;
}

export type MembershipHandlers = ReturnType<typeof membershipModule>['handlers'];
