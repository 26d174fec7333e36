import {
  AttendanceReportHandler,
  GetCheckInCodeHandler,
  GetRosterHandler,
  MarkNoShowsHandler,
  NO_SHOW_JOB,
  NO_SHOW_SWEEP,
  RecordCheckInHandler,
  RescheduleNoShows,
  ScheduleNoShows,
  sessionIdOfNoShowJob,
  type AttendanceRepositories,
} from '@fitflow/application-booking';
import { CheckInGrace } from '@fitflow/domain-booking';
import type { Core } from '../core';
import { attendanceRoutes } from '../http/routes/attendance';
import type { RepositoryFactory } from '../infrastructure/database/kysely-unit-of-work';
import { KyselyAttendanceFinder } from '../infrastructure/persistence/booking/kysely-attendance-finder';
import { KyselyBookingRepository } from '../infrastructure/persistence/booking/kysely-booking-repository';
import { KyselyCheckInRecords } from '../infrastructure/persistence/booking/kysely-check-in-records';
import { KyselySessionLocks } from '../infrastructure/persistence/booking/kysely-session-locks';
import { HmacCheckInCodes } from '../infrastructure/security/hmac-check-in-codes';
import type { AppModule } from './module';

/** Sessions whose no-shows one run of the sweep marks; the next run takes the rest. */
const NO_SHOW_SWEEP_BATCH = 50;

/**
 * Check-in at the door (by button or by the member's code), the roster, the attendance report, and no-shows: a job
 * at each published session's end marks them, a sweep catches the sessions whose job was lost.
 */
export function attendanceModule({ config, clock, jobs, unitOfWork, idempotentUnitOfWork, db }: Core) {
  const repositories: RepositoryFactory<AttendanceRepositories> = (trx, outbox) => ({
    bookings: new KyselyBookingRepository(trx, outbox),
    sessions: new KyselySessionLocks(trx, clock),
    checkIns: new KyselyCheckInRecords(trx),
  });
  const finder = new KyselyAttendanceFinder(db);
  const codes = new HmacCheckInCodes(config.jwtSecret);
  // Check-ins are idempotent: a phone at the door retrying on a flaky network gets its first answer again.
  const recordCheckIn = new RecordCheckInHandler(idempotentUnitOfWork(repositories), codes, clock, CheckInGrace.ofMilliseconds(config.checkInGraceMs));
  // Jobs run outside any request: the plain unit of work.
  const markNoShows = new MarkNoShowsHandler(unitOfWork(repositories), clock);

  const handlers = {
    recordCheckIn,
    getRoster: new GetRosterHandler(finder, clock),
    attendanceReport: new AttendanceReportHandler(finder, clock),
    getCheckInCode: new GetCheckInCodeHandler(finder, codes, clock),
    markNoShows,
  };
  return {
    handlers,
    routes: async (api) => {
      await api.register(attendanceRoutes, { handlers });
    },
    subscribers: [new ScheduleNoShows(jobs), new RescheduleNoShows(jobs)],
    // A session's job marks its no-shows at its end; the sweep catches any session whose job was lost.
    jobs: [
      { name: NO_SHOW_JOB, run: async (data) => void (await markNoShows.handle({ sessionId: sessionIdOfNoShowJob(data) })) },
      { name: NO_SHOW_SWEEP, everyMs: config.noShowSweepIntervalMs, run: async () => void (await markNoShows.handle({ limit: NO_SHOW_SWEEP_BATCH })) },
    ],
  } satisfies AppModule;
}

export type AttendanceHandlers = ReturnType<typeof attendanceModule>['handlers'];
