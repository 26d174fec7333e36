import type { Actor, Handler, Page } from '@fitflow/application-shared';
import { ForbiddenError } from '../../errors';
import { assertManagesClasses } from '../../permissions';
import type { ClassTemplatesFinder, TemplateView } from '../../ports';

export const DEFAULT_TEMPLATES_PAGE_SIZE = 20;

export interface ListTemplatesQuery {
  actor: Actor;
  trainerId?: string;
  page?: number;
  pageSize?: number;
}

/**
 * A trainer's own templates (a trainer naming another trainer gets FORBIDDEN, never an empty page that would
 * hide the mistake); an admin's view of all templates, or of one trainer's. Members: FORBIDDEN.
 */
export class ListTemplatesHandler implements Handler<ListTemplatesQuery, Page<TemplateView>> {
  constructor(private readonly finder: ClassTemplatesFinder) {}

  async handle({ actor, trainerId, page = 1, pageSize = DEFAULT_TEMPLATES_PAGE_SIZE }: ListTemplatesQuery): Promise<Page<TemplateView>> {
    assertManagesClasses(actor);
    if (actor.role === 'trainer') {
      if (trainerId !== undefined && trainerId !== actor.userId) {
        throw new ForbiddenError('A trainer sees only their own templates');
      }
      return this.finder.list({ page, pageSize, trainerId: actor.userId });
    }
    return this.finder.list({ page, pageSize, ...(trainerId !== undefined && { trainerId }) });
  }
}
