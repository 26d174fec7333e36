import type {
  AuthenticateUserHandler,
  ChangeUserRoleHandler,
  GetMeHandler,
  ListTrainersHandler,
  ListUsersHandler,
  LogoutHandler,
  RefreshTokenHandler,
  RegisterUserHandler,
} from '@fitflow/application-membership';

/** The use cases the HTTP layer calls; `composition.ts` builds them, tests may build them differently. */
export interface MembershipHandlers {
  register: RegisterUserHandler;
  authenticate: AuthenticateUserHandler;
  refresh: RefreshTokenHandler;
  logout: LogoutHandler;
  getMe: GetMeHandler;
  listUsers: ListUsersHandler;
  listTrainers: ListTrainersHandler;
  changeRole: ChangeUserRoleHandler;
}
