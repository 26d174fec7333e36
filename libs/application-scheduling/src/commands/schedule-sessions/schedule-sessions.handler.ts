import type { Actor, Handler, IdGenerator, UnitOfWork } from '@fitflow/application-shared';
import { type Clock, InvalidValueError } from '@fitflow/domain-shared';
import {
  Capacity,
  ClassDescription,
  ClassName,
  ClassSession,
  CreditCost,
  TimeSlot,
  type Weekday,
  WeeklySeries,
  refuseUnschedulable,
} from '@fitflow/domain-scheduling';
import { parseInstant } from '../../instants';
import { assertManagesClasses, assertMayAssignTo, manageableTemplate } from '../../permissions';
import type { SchedulingRepositories, StudioSettings } from '../../ports';
import { findLeader } from '../../trainers';

export interface RepeatInput {
  weekdays: Weekday[];
  /** `YYYY-MM-DD`, inclusive, in the studio's time zone. */
  until: string;
}

export interface ScheduleSessionsCommand {
  actor: Actor;
  templateId?: string;
  /** Defaults to the template's; required without one. */
  name?: string;
  /** Defaults to the template's, else empty. (Not in API.md's body; accepted when a client sends it.) */
  description?: string;
  /** Defaults to the template's trainer, else the actor. Only an admin may name someone other than themselves. */
  trainerId?: string;
  /** ISO-8601 instant. */
  startsAt: string;
  /** Defaults to `startsAt` + the template's duration; required without a template. */
  endsAt?: string;
  /** Defaults to the template's; required without one. */
  capacity?: number;
  /** Defaults to the template's, else 1. */
  creditCost?: number;
  repeat?: RepeatInput;
}

export interface ScheduleSessionsResult {
  /** The first session created. */
  id: string;
  /** Every session created, in time order. */
  ids: string[];
}

/**
 * Puts one draft session, or a weekly series of them, on the schedule in one transaction. With a template the
 * actor must manage it (a trainer schedules from own templates only). FORBIDDEN for members; NOT_FOUND for an
 * unknown template or trainer; VALIDATION_FAILED for missing or bad fields, a start in the past, a bad series.
 * A series keeps the first start's wall-clock time in the studio's zone and includes the first start only when
 * its weekday is chosen (see WeeklySeries).
 */
export class ScheduleSessionsHandler implements Handler<ScheduleSessionsCommand, ScheduleSessionsResult> {
  constructor(
    private readonly uow: UnitOfWork<SchedulingRepositories>,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly studio: StudioSettings,
  ) {}

  async handle(command: ScheduleSessionsCommand): Promise<ScheduleSessionsResult> {
    const { actor } = command;
    assertManagesClasses(actor);
    const startsAt = parseInstant(command.startsAt, 'startsAt');
    const endsAt = command.endsAt === undefined ? undefined : parseInstant(command.endsAt, 'endsAt');

    return this.uow.transaction(async ({ templates, sessions, trainers }) => {
      const template =
        command.templateId === undefined ? null : manageableTemplate(actor, await templates.get(command.templateId), command.templateId);

      const trainerId = command.trainerId ?? template?.trainerId ?? actor.userId;
      assertMayAssignTo(actor, trainerId);
      const trainer = await findLeader(trainers, trainerId);

      const name = ClassName.create(command.name ?? template?.name ?? missing('name', 'Enter a name, or schedule from a template'));
      const description = ClassDescription.create(command.description ?? template?.description);
      const capacity =
        command.capacity !== undefined
          ? Capacity.create(command.capacity)
          : (template?.capacity ?? missing('capacity', 'Enter a capacity, or schedule from a template'));
      const creditCost = command.creditCost !== undefined ? CreditCost.create(command.creditCost) : (template?.creditCost ?? CreditCost.create());
      const first =
        endsAt !== undefined
          ? TimeSlot.create(startsAt, endsAt)
          : template
            ? TimeSlot.starting(startsAt, template.duration)
            : missing('endsAt', 'Enter an end time, or schedule from a template');

      const now = this.clock.now();
      refuseUnschedulable(first, now);
      const slots = command.repeat
        ? WeeklySeries.create({ first, ...command.repeat, timeZone: this.studio.timeZone, now }).slots
        : [first];

      const ids: string[] = [];
      for (const slot of slots) {
        const session = ClassSession.schedule({
          id: this.ids.next(),
          templateId: template?.id ?? null,
          trainerId: trainer.id,
          trainerName: trainer.name,
          name,
          description,
          slot,
          capacity,
          creditCost,
          now,
        });
        await sessions.save(session);
        ids.push(session.id);
      }
      return { id: ids[0] as string, ids };
    });
  }
}

function missing(field: string, message: string): never {
  throw new InvalidValueError(field, message);
}
