import type { Actor, Handler } from '@fitflow/application-shared';
import { SessionNotFoundError } from '../../errors';
import type { SessionView, SessionsFinder } from '../../ports';

export interface GetSessionQuery {
  /** Null for an anonymous caller. */
  viewer: Actor | null;
  id: string;
}

/** One session as the viewer may see it: NOT_FOUND for an unknown id and for a draft the viewer may not see. */
export class GetSessionHandler implements Handler<GetSessionQuery, SessionView> {
  constructor(private readonly finder: SessionsFinder) {}

  async handle({ viewer, id }: GetSessionQuery): Promise<SessionView> {
    const view = await this.finder.byId(id, viewer);
    if (!view) throw new SessionNotFoundError(id);
    return view;
  }
}
