import type {
  AuthenticateUserHandler,
  ChangeUserRoleHandler,
  CurrentActorHandler,
  GetMeHandler,
  ListTrainersHandler,
  ListUsersHandler,
  LogoutHandler,
  RefreshTokenHandler,
  RegisterUserHandler,
} from '@fitflow/application-membership';
import type {
  CancelBookingHandler,
  CreateBookingHandler,
  GetBookingHandler,
  ListMyBookingsHandler,
} from '@fitflow/application-booking';
import type {
  CancelSessionHandler,
  CreateTemplateHandler,
  DeleteTemplateHandler,
  GetSessionHandler,
  GetTemplateHandler,
  ListSessionsHandler,
  ListTemplatesHandler,
  PublishSessionHandler,
  ScheduleSessionsHandler,
  UpdateSessionHandler,
  UpdateTemplateHandler,
} from '@fitflow/application-scheduling';

/** The use cases the HTTP layer calls; `composition.ts` builds them, tests may build them differently. */
export interface MembershipHandlers {
  register: RegisterUserHandler;
  authenticate: AuthenticateUserHandler;
  refresh: RefreshTokenHandler;
  logout: LogoutHandler;
  getMe: GetMeHandler;
  /** Who the caller is now: read at every authenticated request. */
  currentActor: CurrentActorHandler;
  listUsers: ListUsersHandler;
  listTrainers: ListTrainersHandler;
  changeRole: ChangeUserRoleHandler;
}

/** The scheduling use cases: class templates and sessions. */
export interface SchedulingHandlers {
  listTemplates: ListTemplatesHandler;
  getTemplate: GetTemplateHandler;
  createTemplate: CreateTemplateHandler;
  updateTemplate: UpdateTemplateHandler;
  deleteTemplate: DeleteTemplateHandler;
  scheduleSessions: ScheduleSessionsHandler;
  updateSession: UpdateSessionHandler;
  publishSession: PublishSessionHandler;
  cancelSession: CancelSessionHandler;
  listSessions: ListSessionsHandler;
  getSession: GetSessionHandler;
}

/** The booking use cases: booking a spot, My Bookings, cancelling. */
export interface BookingHandlers {
  createBooking: CreateBookingHandler;
  cancelBooking: CancelBookingHandler;
  getBooking: GetBookingHandler;
  listMyBookings: ListMyBookingsHandler;
}
