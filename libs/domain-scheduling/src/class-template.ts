import { AggregateRoot, InvalidStateError, domainEvent } from '@fitflow/domain-shared';
import { Capacity } from './capacity';
import { ClassDescription, ClassName } from './class-name';
import {
  CLASS_TEMPLATE_CREATED,
  CLASS_TEMPLATE_DELETED,
  CLASS_TEMPLATE_UPDATED,
  type ClassTemplateFacts,
} from './class-template-events';
import { CreditCost } from './credit-cost';
import { Duration } from './duration';
import { type Manager, canManage } from './management';

export interface ClassTemplateSnapshot {
  id: string;
  trainerId: string;
  name: string;
  description: string;
  durationMinutes: number;
  capacity: number;
  creditCost: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What a template says about its classes; `create` and `update` take all of it. */
export interface ClassTemplateDetails {
  name: ClassName;
  description: ClassDescription;
  duration: Duration;
  capacity: Capacity;
  creditCost: CreditCost;
}

export interface NewClassTemplate extends ClassTemplateDetails {
  id: string;
  trainerId: string;
  at: Date;
}

/**
 * A trainer's recipe for a class ("Morning Yoga, 60 minutes, 12 people, 1 credit"). Sessions scheduled from it
 * copy what they need, so changing or deleting a template never changes a session.
 */
export class ClassTemplate extends AggregateRoot {
  readonly #trainerId: string;
  readonly #createdAt: Date;
  #details: ClassTemplateDetails;
  #updatedAt: Date;
  #deleted = false;

  private constructor(id: string, trainerId: string, details: ClassTemplateDetails, createdAt: Date, updatedAt: Date) {
    super(id);
    this.#trainerId = trainerId;
    this.#details = details;
    this.#createdAt = new Date(createdAt);
    this.#updatedAt = new Date(updatedAt);
  }

  static create({ id, trainerId, at, ...details }: NewClassTemplate): ClassTemplate {
    const template = new ClassTemplate(id, trainerId, details, at, at);
    template.record(domainEvent(CLASS_TEMPLATE_CREATED, id, at, template.#facts()));
    return template;
  }

  static restore(snapshot: ClassTemplateSnapshot): ClassTemplate {
    return new ClassTemplate(
      snapshot.id,
      snapshot.trainerId,
      {
        name: ClassName.create(snapshot.name),
        description: ClassDescription.create(snapshot.description),
        duration: Duration.ofMinutes(snapshot.durationMinutes),
        capacity: Capacity.create(snapshot.capacity),
        creditCost: CreditCost.create(snapshot.creditCost),
      },
      snapshot.createdAt,
      snapshot.updatedAt,
    );
  }

  get trainerId(): string {
    return this.#trainerId;
  }

  get name(): string {
    return this.#details.name.value;
  }

  get description(): string {
    return this.#details.description.value;
  }

  get duration(): Duration {
    return this.#details.duration;
  }

  get capacity(): Capacity {
    return this.#details.capacity;
  }

  get creditCost(): CreditCost {
    return this.#details.creditCost;
  }

  get createdAt(): Date {
    return new Date(this.#createdAt);
  }

  get updatedAt(): Date {
    return new Date(this.#updatedAt);
  }

  isManageableBy(manager: Manager): boolean {
    return canManage(manager, this.#trainerId);
  }

  /** Replaces every detail (a PUT). Changing nothing records nothing and keeps `updatedAt`. */
  update(details: ClassTemplateDetails, at: Date): void {
    this.#refuseIfDeleted('changed');
    const current = this.#details;
    const unchanged =
      current.name.equals(details.name) &&
      current.description.equals(details.description) &&
      current.duration.equals(details.duration) &&
      current.capacity.equals(details.capacity) &&
      current.creditCost.equals(details.creditCost);
    if (unchanged) return;
    this.#details = { ...details };
    this.#updatedAt = new Date(at);
    this.record(domainEvent(CLASS_TEMPLATE_UPDATED, this.id, at, this.#facts()));
  }

  /** Marks the template gone; the repository removes it and writes the event. */
  delete(at: Date): void {
    this.#refuseIfDeleted('deleted again');
    this.#deleted = true;
    this.record(
      domainEvent(CLASS_TEMPLATE_DELETED, this.id, at, { templateId: this.id, trainerId: this.#trainerId, name: this.name }),
    );
  }

  get isDeleted(): boolean {
    return this.#deleted;
  }

  snapshot(): ClassTemplateSnapshot {
    return {
      id: this.id,
      trainerId: this.#trainerId,
      name: this.name,
      description: this.description,
      durationMinutes: this.duration.minutes,
      capacity: this.capacity.value,
      creditCost: this.creditCost.value,
      createdAt: new Date(this.#createdAt),
      updatedAt: new Date(this.#updatedAt),
    };
  }

  #refuseIfDeleted(what: string): void {
    if (this.#deleted) throw new InvalidStateError(`This template has been deleted and cannot be ${what}`);
  }

  #facts(): ClassTemplateFacts {
    return {
      templateId: this.id,
      trainerId: this.#trainerId,
      name: this.name,
      description: this.description,
      durationMinutes: this.duration.minutes,
      capacity: this.capacity.value,
      creditCost: this.creditCost.value,
    };
  }
}
