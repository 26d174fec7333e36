import type { Actor, Handler } from '@fitflow/application-shared';
import { assertManagesClasses, manageableTemplate } from '../../permissions';
import type { ClassTemplatesFinder, TemplateView } from '../../ports';

export interface GetTemplateQuery {
  actor: Actor;
  id: string;
}

/** One template, for its owner trainer or an admin (FORBIDDEN for members, NOT_FOUND for other trainers). */
export class GetTemplateHandler implements Handler<GetTemplateQuery, TemplateView> {
  constructor(private readonly finder: ClassTemplatesFinder) {}

  async handle({ actor, id }: GetTemplateQuery): Promise<TemplateView> {
    assertManagesClasses(actor);
    return manageableTemplate(actor, await this.finder.byId(id), id);
  }
}
