import { AggregateRoot, InvalidStateError, InvalidValueError, domainEvent } from '@fitflow/domain-shared';
import type { CancellationReason } from './cancellation-reason';
import { Capacity } from './capacity';
import { ClassDescription, ClassName } from './class-name';
import {
  SESSION_CANCELLED,
  SESSION_CAPACITY_CHANGED,
  SESSION_DISCARDED,
  SESSION_PUBLISHED,
  SESSION_REASSIGNED,
  SESSION_RESCHEDULED,
  SESSION_SCHEDULED,
  type SessionFacts,
} from './class-session-events';
import { CreditCost } from './credit-cost';
import { CapacityBelowBookedError, SessionTooLongError, StartsInPastError, StartsTooFarAheadError } from './errors';
import { type Manager, canManage } from './management';
import { type SessionStatus, type StoredSessionStatus, effectiveSessionStatus } from './session-status';
import { MAX_SESSION_HOURS, SCHEDULING_HORIZON_YEARS, TimeSlot, schedulingHorizon } from './time-slot';

export interface ClassSessionSnapshot {
  id: string;
  templateId: string | null;
  trainerId: string;
  name: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  creditCost: number;
  status: StoredSessionStatus;
  cancellationReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewClassSession {
  id: string;
  templateId: string | null;
  trainerId: string;
  /** For the event only; the trainer's name is not part of the session. */
  trainerName: string;
  name: ClassName;
  description: ClassDescription;
  slot: TimeSlot;
  capacity: Capacity;
  creditCost: CreditCost;
  now: Date;
}

interface ClassSessionState {
  templateId: string | null;
  trainerId: string;
  name: ClassName;
  description: ClassDescription;
  slot: TimeSlot;
  capacity: Capacity;
  creditCost: CreditCost;
  status: StoredSessionStatus;
  cancellationReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * What a slot must be to be scheduled or moved to at `now` (each VALIDATION_FAILED naming its field): starting
 * in the future, at most two years ahead, at most 24 hours long. Checked on scheduling and moving only, not on
 * restore, so a session stored before a rule existed stays readable.
 */
export function refuseUnschedulable(slot: TimeSlot, now: Date): void {
  if (slot.hasStarted(now)) throw new StartsInPastError();
  if (slot.startsAt.getTime() > schedulingHorizon(now).getTime()) {
    throw new StartsTooFarAheadError('startsAt', SCHEDULING_HORIZON_YEARS);
  }
  if (slot.durationMs > MAX_SESSION_HOURS * 3_600_000) throw new SessionTooLongError(MAX_SESSION_HOURS);
}

/**
 * One class on the schedule. Stored as draft, published or cancelled; `statusAt(now)` adds in_progress and
 * completed from the clock. Methods that change it take `now` and refuse a wrong state with INVALID_STATE.
 * Those whose events a member may see take the trainer's name, since the session keeps only the trainer's id.
 */
export class ClassSession extends AggregateRoot {
  readonly #templateId: string | null;
  readonly #name: ClassName;
  readonly #description: ClassDescription;
  readonly #creditCost: CreditCost;
  readonly #createdAt: Date;
  #trainerId: string;
  #slot: TimeSlot;
  #capacity: Capacity;
  #status: StoredSessionStatus;
  #cancellationReason: string | null;
  #updatedAt: Date;
  #discarded = false;

  private constructor(id: string, state: ClassSessionState) {
    super(id);
    this.#templateId = state.templateId;
    this.#trainerId = state.trainerId;
    this.#name = state.name;
    this.#description = state.description;
    this.#slot = state.slot;
    this.#capacity = state.capacity;
    this.#creditCost = state.creditCost;
    this.#status = state.status;
    this.#cancellationReason = state.cancellationReason;
    this.#createdAt = new Date(state.createdAt);
    this.#updatedAt = new Date(state.updatedAt);
  }

  /** Puts a draft on the schedule; refuses a slot that cannot be scheduled now (see `refuseUnschedulable`). */
  static schedule({ id, trainerName, now, ...props }: NewClassSession): ClassSession {
    refuseUnschedulable(props.slot, now);
    const session = new ClassSession(id, {
      ...props,
      status: 'draft',
      cancellationReason: null,
      createdAt: now,
      updatedAt: now,
    });
    session.record(
      domainEvent(SESSION_SCHEDULED, id, now, {
        ...session.#facts(trainerName),
        templateId: props.templateId,
        capacity: props.capacity.value,
        creditCost: props.creditCost.value,
      }),
    );
    return session;
  }

  static restore(snapshot: ClassSessionSnapshot): ClassSession {
    return new ClassSession(snapshot.id, {
      templateId: snapshot.templateId,
      trainerId: snapshot.trainerId,
      name: ClassName.create(snapshot.name),
      description: ClassDescription.create(snapshot.description),
      slot: TimeSlot.create(snapshot.startsAt, snapshot.endsAt),
      capacity: Capacity.create(snapshot.capacity),
      creditCost: CreditCost.create(snapshot.creditCost),
      status: snapshot.status,
      cancellationReason: snapshot.cancellationReason,
      createdAt: snapshot.createdAt,
      updatedAt: snapshot.updatedAt,
    });
  }

  get templateId(): string | null {
    return this.#templateId;
  }

  get trainerId(): string {
    return this.#trainerId;
  }

  get name(): string {
    return this.#name.value;
  }

  get description(): string {
    return this.#description.value;
  }

  get slot(): TimeSlot {
    return this.#slot;
  }

  get capacity(): Capacity {
    return this.#capacity;
  }

  get creditCost(): CreditCost {
    return this.#creditCost;
  }

  /** As stored: draft, published or cancelled. */
  get status(): StoredSessionStatus {
    return this.#status;
  }

  get cancellationReason(): string | null {
    return this.#cancellationReason;
  }

  get createdAt(): Date {
    return new Date(this.#createdAt);
  }

  get updatedAt(): Date {
    return new Date(this.#updatedAt);
  }

  /** As a client sees it at `now`. */
  statusAt(now: Date): SessionStatus {
    return effectiveSessionStatus({ status: this.#status, startsAt: this.#slot.startsAt, endsAt: this.#slot.endsAt }, now);
  }

  isManageableBy(manager: Manager): boolean {
    return canManage(manager, this.#trainerId);
  }

  /** Opens a draft for booking. */
  publish(now: Date, trainerName: string): void {
    const status = this.statusAt(now);
    if (status === 'cancelled') throw new InvalidStateError('A cancelled session cannot be published');
    if (status !== 'draft') throw new InvalidStateError('This session is already published');
    if (this.#slot.hasStarted(now)) {
      throw new InvalidStateError('This session’s start has passed; move it to a later time before publishing it');
    }
    this.#status = 'published';
    this.#touch(now);
    this.record(
      domainEvent(SESSION_PUBLISHED, this.id, now, {
        ...this.#facts(trainerName),
        capacity: this.#capacity.value,
        creditCost: this.#creditCost.value,
      }),
    );
  }

  /** Cancels a draft or a published session that has not started yet. */
  cancel(reason: CancellationReason, now: Date, trainerName: string): void {
    const previousStatus = this.#refuseUnlessUpcoming(now, 'cancelled');
    this.#status = 'cancelled';
    this.#cancellationReason = reason.value;
    this.#touch(now);
    this.record(
      domainEvent(SESSION_CANCELLED, this.id, now, { ...this.#facts(trainerName), reason: reason.value, previousStatus }),
    );
  }

  /**
   * Moves a session that has not started to another slot that has not started either. Moving a published session
   * records SessionRescheduled with the old and the new times; moving a draft tells nobody. The same slot again
   * changes nothing. Check-in opens before the start, so members may already be at the door (`anyCheckedIn`,
   * read under the session's lock): then the class stays where they checked in to.
   */
  reschedule(slot: TimeSlot, now: Date, trainerName: string, anyCheckedIn: boolean): void {
    const status = this.#refuseUnlessUpcoming(now, 'moved');
    refuseUnschedulable(slot, now);
    if (slot.equals(this.#slot)) return;
    if (anyCheckedIn) throw new InvalidStateError('Members are already checked in; the class can no longer be moved');
    const previous = this.#slot;
    this.#slot = slot;
    this.#touch(now);
    if (status === 'published') {
      this.record(
        domainEvent(SESSION_RESCHEDULED, this.id, now, {
          ...this.#facts(trainerName),
          previousStartsAt: previous.startsAt.toISOString(),
          previousEndsAt: previous.endsAt.toISOString(),
        }),
      );
    }
  }

  /**
   * Changes how many people the session takes, before it starts. Refuses to go below `takenSpots` (confirmed
   * bookings plus unexpired holds, counted under the session's lock) with CapacityBelowBookedError.
   */
  changeCapacity(capacity: Capacity, takenSpots: number, now: Date, trainerName: string): void {
    const status = this.#refuseUnlessUpcoming(now, 'resized');
    if (capacity.value < takenSpots) throw new CapacityBelowBookedError(capacity.value, takenSpots);
    if (capacity.equals(this.#capacity)) return;
    const previousCapacity = this.#capacity.value;
    this.#capacity = capacity;
    this.#touch(now);
    if (status === 'published') {
      this.record(
        domainEvent(SESSION_CAPACITY_CHANGED, this.id, now, {
          ...this.#facts(trainerName),
          previousCapacity,
          capacity: capacity.value,
        }),
      );
    }
  }

  /**
   * Hands the session to another trainer (who the application has checked may lead classes). Allowed until the
   * session is over, so a substitute can take a class that has begun; not for a cancelled one.
   */
  reassign(trainerId: string, trainerName: string, now: Date): void {
    const status = this.statusAt(now);
    if (status === 'cancelled') throw new InvalidStateError('A cancelled session cannot be given to another trainer');
    if (status === 'completed') throw new InvalidStateError('This session is over and cannot be given to another trainer');
    if (trainerId.length === 0) throw new InvalidValueError('trainerId', 'Choose a trainer');
    if (trainerId === this.#trainerId) return;
    const previousTrainerId = this.#trainerId;
    this.#trainerId = trainerId;
    this.#touch(now);
    if (status !== 'draft') {
      this.record(domainEvent(SESSION_REASSIGNED, this.id, now, { ...this.#facts(trainerName), previousTrainerId }));
    }
  }

  /**
   * Deletes a draft, whatever its time (a draft never takes place); the repository removes it and writes
   * SessionDiscarded. A session once published is on the record: it is cancelled, never deleted.
   */
  discard(now: Date, trainerName: string): void {
    if (this.#discarded) throw new InvalidStateError('This draft has already been deleted');
    if (this.#status === 'cancelled') throw new InvalidStateError('A cancelled session stays on the record and cannot be deleted');
    if (this.#status !== 'draft') throw new InvalidStateError('A published session cannot be deleted; cancel it instead');
    this.#discarded = true;
    this.record(domainEvent(SESSION_DISCARDED, this.id, now, { ...this.#facts(trainerName), templateId: this.#templateId }));
  }

  /** True once `discard` was called: the repository then removes the session instead of saving it. */
  get isDiscarded(): boolean {
    return this.#discarded;
  }

  snapshot(): ClassSessionSnapshot {
    return {
      id: this.id,
      templateId: this.#templateId,
      trainerId: this.#trainerId,
      name: this.name,
      description: this.description,
      startsAt: this.#slot.startsAt,
      endsAt: this.#slot.endsAt,
      capacity: this.#capacity.value,
      creditCost: this.#creditCost.value,
      status: this.#status,
      cancellationReason: this.#cancellationReason,
      createdAt: new Date(this.#createdAt),
      updatedAt: new Date(this.#updatedAt),
    };
  }

  /**
   * Draft, or published and not started yet; answers which of the two, or throws a message naming the state. A
   * draft never takes place, so a draft whose time has passed may still be moved, resized or cancelled.
   */
  #refuseUnlessUpcoming(now: Date, what: string): 'draft' | 'published' {
    const status = this.statusAt(now);
    switch (status) {
      case 'cancelled':
        throw new InvalidStateError(`This session is cancelled and cannot be ${what}`);
      case 'completed':
        throw new InvalidStateError(`This session is over and cannot be ${what}`);
      case 'in_progress':
        throw new InvalidStateError(`This session has already started and cannot be ${what}`);
      case 'draft':
      case 'published':
        return status;
    }
  }

  #touch(now: Date): void {
    this.#updatedAt = new Date(now);
  }

  #facts(trainerName: string): SessionFacts {
    return {
      sessionId: this.id,
      name: this.#name.value,
      startsAt: this.#slot.startsAt.toISOString(),
      endsAt: this.#slot.endsAt.toISOString(),
      trainerId: this.#trainerId,
      trainerName,
    };
  }
}
