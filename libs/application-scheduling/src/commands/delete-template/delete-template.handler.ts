import type { Actor, Handler, UnitOfWork } from '@fitflow/application-shared';
import type { Clock } from '@fitflow/domain-shared';
import { assertManagesClasses, manageableTemplate } from '../../permissions';
import type { SchedulingRepositories } from '../../ports';

export interface DeleteTemplateCommand {
  actor: Actor;
  id: string;
}

/**
 * The owner trainer or an admin deletes a template (NOT_FOUND for anyone else); its sessions stay on the schedule
 * unchanged.
 */
export class DeleteTemplateHandler implements Handler<DeleteTemplateCommand, void> {
  constructor(
    private readonly uow: UnitOfWork<SchedulingRepositories>,
    private readonly clock: Clock,
  ) {}

  async handle({ actor, id }: DeleteTemplateCommand): Promise<void> {
    assertManagesClasses(actor);
    await this.uow.transaction(async ({ templates }) => {
      const template = manageableTemplate(actor, await templates.getForUpdate(id), id);
      template.delete(this.clock.now());
      await templates.delete(template);
    });
  }
}
