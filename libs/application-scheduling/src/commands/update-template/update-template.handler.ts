import type { Actor, Handler, UnitOfWork } from '@fitflow/application-shared';
import type { Clock } from '@fitflow/domain-shared';
import { TemplateNotFoundError } from '../../errors';
import { assertManagesClasses, manageableTemplate } from '../../permissions';
import type { ClassTemplatesFinder, SchedulingRepositories, TemplateView } from '../../ports';
import { templateDetails } from '../../template-details';

/** PUT: every detail is replaced; a missing description becomes empty. The trainer does not change. */
export interface UpdateTemplateCommand {
  actor: Actor;
  id: string;
  name: string;
  description?: string;
  durationMinutes: number;
  capacity: number;
  creditCost: number;
}

/** The owner trainer or an admin changes a template; sessions already scheduled from it keep their own copy. */
export class UpdateTemplateHandler implements Handler<UpdateTemplateCommand, TemplateView> {
  constructor(
    private readonly uow: UnitOfWork<SchedulingRepositories>,
    private readonly finder: ClassTemplatesFinder,
    private readonly clock: Clock,
  ) {}

  async handle(command: UpdateTemplateCommand): Promise<TemplateView> {
    const { actor, id } = command;
    assertManagesClasses(actor);
    const details = templateDetails(command);
    await this.uow.transaction(async ({ templates }) => {
      const template = manageableTemplate(actor, await templates.getForUpdate(id), id);
      template.update(details, this.clock.now());
      await templates.save(template);
    });
    const view = await this.finder.byId(id);
    if (!view) throw new TemplateNotFoundError(id);
    return view;
  }
}
