import type { Actor, Handler } from '@fitflow/application-shared';
import { TemplateNotFoundError } from '../../errors';
import { assertManages, assertManagesClasses } from '../../permissions';
import type { ClassTemplatesFinder, TemplateView } from '../../ports';

export interface GetTemplateQuery {
  actor: Actor;
  id: string;
}

/** One template, for its owner trainer or an admin (FORBIDDEN for members and other trainers). */
export class GetTemplateHandler implements Handler<GetTemplateQuery, TemplateView> {
  constructor(private readonly finder: ClassTemplatesFinder) {}

  async handle({ actor, id }: GetTemplateQuery): Promise<TemplateView> {
    assertManagesClasses(actor);
    const view = await this.finder.byId(id);
    if (!view) throw new TemplateNotFoundError(id);
    assertManages(actor, view);
    return view;
  }
}
