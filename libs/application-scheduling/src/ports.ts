import type { Actor, Page, PageRequest } from '@fitflow/application-shared';
import type { Role } from '@fitflow/domain-membership';
import type { ClassSession, ClassTemplate, SessionStatus } from '@fitflow/domain-scheduling';

// ---- Write side: bound to one transaction by the UnitOfWork ----------------------------------------------------

/** `save` inserts or updates and writes the aggregate's pulled events to the outbox. */
export interface ClassTemplateRepository {
  get(id: string): Promise<ClassTemplate | null>;
  /** Locks the template's row until the transaction ends. */
  getForUpdate(id: string): Promise<ClassTemplate | null>;
  save(template: ClassTemplate): Promise<void>;
  /**
   * Removes a template on which `delete(at)` was called and writes its pulled events (ClassTemplateDeleted) to
   * the outbox. Afterwards `get` answers null and finders no longer list it; sessions scheduled from it keep
   * their own copy of everything (their `templateId` may be kept or set to null: adapter's choice).
   */
  delete(template: ClassTemplate): Promise<void>;
}

export interface ClassSessionRepository {
  get(id: string): Promise<ClassSession | null>;
  /** `SELECT ... FOR UPDATE`: bookings and holds lock the same row, so capacity checks cannot race. */
  getForUpdate(id: string): Promise<ClassSession | null>;
  /**
   * Locks the rows of these sessions in id order, whatever the order of `ids`, so two transactions that lock
   * overlapping sets never wait on each other in a circle. Answers the sessions that exist, in id order.
   */
  getManyForUpdate(ids: readonly string[]): Promise<ClassSession[]>;
  save(session: ClassSession): Promise<void>;
  /**
   * Removes a draft on which `discard(at, trainerName)` was called and writes its pulled events (SessionDiscarded)
   * to the outbox. Afterwards `get` answers null and no finder lists it.
   */
  delete(session: ClassSession): Promise<void>;
}

/** The booking context's stake in a session, as scheduling's rules need it; read under the session's lock. */
export interface SessionOccupancy {
  /** Kept bookings (confirmed or no-show) plus unexpired holds (`expires_at > now`) of the session. */
  takenSpots(sessionId: string): Promise<number>;
  /** Whether any member has checked in to the session: from then on the class stays where it is. */
  anyCheckedIn(sessionId: string): Promise<boolean>;
}

/** An account as scheduling needs it: who may lead classes, and the name events carry. */
export interface DirectoryEntry {
  id: string;
  name: string;
  role: Role;
}

/** Read-only view of the membership context's accounts. */
export interface TrainerDirectory {
  find(userId: string): Promise<DirectoryEntry | null>;
}

/**
 * What one scheduling transaction works with. `trainers` is here, not beside the unit of work, so its query runs
 * on the transaction's connection: on PGlite (one connection) a query outside an open transaction would wait
 * for it forever.
 */
export interface SchedulingRepositories {
  templates: ClassTemplateRepository;
  sessions: ClassSessionRepository;
  occupancy: SessionOccupancy;
  trainers: TrainerDirectory;
}

export interface StudioSettings {
  /** IANA name, e.g. `Europe/Berlin`: weekly series keep their wall-clock time in it. */
  timeZone: string;
}

// ---- Read side: finders answer view models shaped like API.md, never aggregates -------------------------------

/** API.md `Template`. Instants are ISO-8601 UTC strings. */
export interface TemplateView {
  id: string;
  name: string;
  description: string;
  durationMinutes: number;
  capacity: number;
  creditCost: number;
  trainerId: string;
  trainerName: string;
  createdAt: string;
  updatedAt: string;
}

export interface TemplatesFilter extends PageRequest {
  /** Only this trainer's templates; all when absent. */
  trainerId?: string;
}

/** Ordered by name, then id. */
export interface ClassTemplatesFinder {
  list(filter: TemplatesFilter): Promise<Page<TemplateView>>;
  byId(id: string): Promise<TemplateView | null>;
}

/** The signed-in viewer's own stake in a session; each null when none. */
export interface SessionViewerState {
  bookingId: string | null;
  holdId: string | null;
  waitlistPosition: number | null;
}

/** API.md `Session`. Instants are ISO-8601 UTC strings. */
export interface SessionView {
  id: string;
  name: string;
  description: string;
  templateId: string | null;
  trainerId: string;
  trainerName: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  creditCost: number;
  /** Kept bookings: confirmed, and no-shows once the session is over (the count does not change when they are marked). */
  bookedCount: number;
  /** Active holds with `expiresAt` still in the future. */
  heldCount: number;
  /** `capacity - bookedCount - heldCount`. */
  availableSpots: number;
  waitlistCount: number;
  /** Effective at the finder's clock: see `effectiveSessionStatus` in domain-scheduling. */
  status: SessionStatus;
  cancellationReason: string | null;
  /** Present exactly when the viewer is signed in. */
  me?: SessionViewerState;
}

/**
 * Visibility (`isSessionVisibleTo`): anonymous callers and members see every status but drafts; a trainer also
 * their own drafts; an admin everything. Ordered by `startsAt`, then id.
 */
export interface SessionsFilter extends PageRequest {
  /** Sessions starting at or after this instant. */
  from?: Date;
  /** Sessions starting before this instant (exclusive). */
  to?: Date;
  trainerId?: string;
  /** When true: only sessions a member could still book, i.e. effective status `published` and `availableSpots > 0`. */
  available?: boolean;
  /** Case-insensitive substring of the session's name, its description or its trainer's name; trimmed, never blank. */
  q?: string;
  viewer: Actor | null;
}

export interface SessionsFinder {
  list(filter: SessionsFilter): Promise<Page<SessionView>>;
  /** Null when there is no such session or the viewer may not see it (another trainer's draft). */
  byId(id: string, viewer: Actor | null): Promise<SessionView | null>;
  /** The sessions of `ids` that exist and the viewer may see, by `startsAt`, then id. */
  byIds(ids: readonly string[], viewer: Actor | null): Promise<SessionView[]>;
}
