import type { Actor, Handler, Page } from '@fitflow/application-shared';
import { InvalidValueError } from '@fitflow/domain-shared';
import { parseInstant } from '../../instants';
import type { SessionView, SessionsFinder } from '../../ports';

export const DEFAULT_SESSIONS_PAGE_SIZE = 20;

export interface ListSessionsQuery {
  /** Null for an anonymous caller. */
  viewer: Actor | null;
  /** ISO-8601 instants: sessions starting in `[from, to)`; either end open when absent. */
  from?: string;
  to?: string;
  trainerId?: string;
  /** Only sessions that can still be booked and have a free spot. */
  available?: boolean;
  q?: string;
  page?: number;
  pageSize?: number;
}

/** The schedule, by start time, as the viewer may see it (drafts only for their trainer and admins). */
export class ListSessionsHandler implements Handler<ListSessionsQuery, Page<SessionView>> {
  constructor(private readonly finder: SessionsFinder) {}

  async handle(query: ListSessionsQuery): Promise<Page<SessionView>> {
    const { viewer, trainerId, available, page = 1, pageSize = DEFAULT_SESSIONS_PAGE_SIZE } = query;
    const from = query.from === undefined ? undefined : parseInstant(query.from, 'from');
    const to = query.to === undefined ? undefined : parseInstant(query.to, 'to');
    if (from && to && to.getTime() <= from.getTime()) {
      throw new InvalidValueError('to', 'The end of the range must be after its start');
    }
    const search = query.q?.trim();
    return this.finder.list({
      viewer,
      page,
      pageSize,
      ...(from && { from }),
      ...(to && { to }),
      ...(trainerId !== undefined && { trainerId }),
      ...(available && { available: true }),
      ...(search && { q: search }),
    });
  }
}
