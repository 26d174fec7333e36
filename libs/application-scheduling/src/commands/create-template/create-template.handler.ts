import type { Actor, Handler, IdGenerator, UnitOfWork } from '@fitflow/application-shared';
import type { Clock } from '@fitflow/domain-shared';
import { ClassTemplate } from '@fitflow/domain-scheduling';
import { assertManagesClasses, assertMayAssignTo } from '../../permissions';
import type { SchedulingRepositories } from '../../ports';
import { type TemplateDetailsInput, templateDetails } from '../../template-details';
import { findLeader } from '../../trainers';

export interface CreateTemplateCommand extends TemplateDetailsInput {
  actor: Actor;
  /** Defaults to the actor. Only an admin may name someone else, who must be a trainer or an admin. */
  trainerId?: string;
}

/**
 * A trainer (for themselves) or an admin (for anyone who leads classes) creates a template.
 * FORBIDDEN for members and for a trainer naming another trainer; NOT_FOUND / VALIDATION_FAILED (`trainerId`) for
 * a trainer id that names no account / a member.
 */
export class CreateTemplateHandler implements Handler<CreateTemplateCommand, { id: string }> {
  constructor(
    private readonly uow: UnitOfWork<SchedulingRepositories>,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async handle(command: CreateTemplateCommand): Promise<{ id: string }> {
    const { actor } = command;
    assertManagesClasses(actor);
    const trainerId = command.trainerId ?? actor.userId;
    assertMayAssignTo(actor, trainerId);
    const details = templateDetails(command);
    return this.uow.transaction(async ({ templates, trainers }) => {
      await findLeader(trainers, trainerId);
      const template = ClassTemplate.create({ id: this.ids.next(), trainerId, at: this.clock.now(), ...details });
      await templates.save(template);
      return { id: template.id };
    });
  }
}
