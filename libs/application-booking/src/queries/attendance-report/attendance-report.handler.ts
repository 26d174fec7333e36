import { type Actor, ForbiddenError, type Handler } from '@fitflow/application-shared';
import { type Clock, InvalidValueError } from '@fitflow/domain-shared';
import type { AttendanceFinder, AttendanceRowView } from '../../attendance-ports';

/** The longest range one report covers: a year and a day, so a leap year fits. */
export const MAX_REPORT_DAYS = 366;

export interface AttendanceReportQuery {
  actor: Actor;
  /** ISO-8601 instants: sessions starting in `[from, to)`. */
  from: string;
  to: string;
  trainerId?: string;
}

/**
 * Attendance per session over a range: a trainer sees their own classes (naming another trainer is FORBIDDEN, never
 * an empty report that would hide the mistake), an admin every class or one trainer's. Members: FORBIDDEN. Counts
 * follow the no-show rule at the clock's now, so a report matches the roster whether or not the no-show job ran.
 */
export class AttendanceReportHandler implements Handler<AttendanceReportQuery, AttendanceRowView[]> {
  constructor(
    private readonly finder: AttendanceFinder,
    private readonly clock: Clock,
  ) {}

  async handle({ actor, trainerId, ...range }: AttendanceReportQuery): Promise<AttendanceRowView[]> {
    const { from, to } = parsedRange(range);
    return this.finder.report({ from, to, trainerId: reportedTrainer(actor, trainerId), now: this.clock.now() });
  }
}

function reportedTrainer(actor: Actor, trainerId: string | undefined): string | null {
  if (actor.role === 'member') throw new ForbiddenError('Only trainers and admins see attendance');
  if (actor.role === 'admin') return trainerId ?? null;
  if (trainerId !== undefined && trainerId !== actor.userId) throw new ForbiddenError('A trainer sees the attendance of their own classes only');
  return actor.userId;
}

function parsedRange(range: { from: string; to: string }): { from: Date; to: Date } {
  const from = instant(range.from, 'from');
  const to = instant(range.to, 'to');
  if (to.getTime() <= from.getTime()) throw new InvalidValueError('to', 'The end of the range must be after its start');
  if (to.getTime() - from.getTime() > MAX_REPORT_DAYS * 86_400_000) {
    throw new InvalidValueError('to', `A report covers at most ${MAX_REPORT_DAYS} days`);
  }
  return { from, to };
}

function instant(raw: string, field: string): Date {
  const parsed = new Date(raw);
  if (raw.trim() === '' || Number.isNaN(parsed.getTime())) throw new InvalidValueError(field, 'Enter a valid date and time');
  return parsed;
}
