import type { Actor, Handler, UnitOfWork } from '@fitflow/application-shared';
import type { Clock } from '@fitflow/domain-shared';
import { TemplateNotFoundError } from '../../errors';
import { assertManages, assertManagesClasses } from '../../permissions';
import type { SchedulingRepositories } from '../../ports';

export interface DeleteTemplateCommand {
  actor: Actor;
  id: string;
}

/** The owner trainer or an admin deletes a template; its sessions stay on the schedule unchanged. */
export class DeleteTemplateHandler implements Handler<DeleteTemplateCommand, void> {
  constructor(
    private readonly uow: UnitOfWork<SchedulingRepositories>,
    private readonly clock: Clock,
  ) {}

  async handle({ actor, id }: DeleteTemplateCommand): Promise<void> {
    assertManagesClasses(actor);
    await this.uow.transaction(async ({ templates }) => {
      const template = await templates.getForUpdate(id);
      if (!template) throw new TemplateNotFoundError(id);
      assertManages(actor, template);
      template.delete(this.clock.now());
      await templates.delete(template);
    });
  }
}
