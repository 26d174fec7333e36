import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchedulingRepositories } from '@fitflow/application-scheduling';
import {
  Capacity,
  CancellationReason,
  ClassDescription,
  ClassName,
  ClassSession,
  ClassTemplate,
  CreditCost,
  Duration,
  TimeSlot,
} from '@fitflow/domain-scheduling';
import { FixedClock } from '@fitflow/domain-shared';
import { createTestDatabase, TEST_DATABASES, type TestDatabase } from '../../../testing/databases';
import { KyselyUnitOfWork } from '../../database/kysely-unit-of-work';
import { KyselyClassSessionRepository } from './kysely-class-session-repository';
import { KyselyClassTemplateRepository } from './kysely-class-template-repository';
import { KyselyClassTemplatesFinder } from './kysely-class-templates-finder';
import { KyselySessionOccupancy } from './kysely-session-occupancy';
import { KyselyTrainerDirectory } from './kysely-trainer-directory';

const NOW = new Date('2026-12-01T07:00:00.000Z');
const trainer = { id: randomUUID(), email: 'tess@example.test', name: 'Tess Trainer', role: 'trainer' as const, password_hash: 'x' };

function newTemplate(name = 'Morning Yoga'): ClassTemplate {
  return ClassTemplate.create({
    id: randomUUID(),
    trainerId: trainer.id,
    at: NOW,
    name: ClassName.create(name),
    description: ClassDescription.create('Sun salutations'),
    duration: Duration.ofMinutes(60),
    capacity: Capacity.create(12),
    creditCost: CreditCost.create(2),
  });
}

function newSession(templateId: string | null): ClassSession {
  const startsAt = new Date('2027-01-04T07:00:00.000Z');
  return ClassSession.schedule({
    id: randomUUID(),
    templateId,
    trainerId: trainer.id,
    trainerName: trainer.name,
    name: ClassName.create('Morning Yoga'),
    description: ClassDescription.create(''),
    slot: TimeSlot.create(startsAt, new Date(startsAt.getTime() + 3_600_000)),
    capacity: Capacity.create(12),
    creditCost: CreditCost.create(1),
    now: NOW,
  });
}

describe.each(TEST_DATABASES)('scheduling repositories on %s', (kind) => {
  let database: TestDatabase;
  let uow: KyselyUnitOfWork<SchedulingRepositories>;

  const eventTypes = async (aggregateId: string) =>
    (await database.db.selectFrom('outbox').select('type').where('aggregate_id', '=', aggregateId).orderBy('seq').execute()).map((row) => row.type);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await database.db.insertInto('users').values(trainer).execute();
    uow = new KyselyUnitOfWork<SchedulingRepositories>(database.db, (trx, outbox) => ({
      templates: new KyselyClassTemplateRepository(trx, outbox),
      sessions: new KyselyClassSessionRepository(trx, outbox),
      occupancy: new KyselySessionOccupancy(trx, new FixedClock(NOW)),
      trainers: new KyselyTrainerDirectory(trx),
    }));
  });
  afterAll(() => database?.close());

  it('saves a template with its events and loads it back as it was', async () => {
    const template = newTemplate();
    const snapshot = template.snapshot();
    await uow.transaction(({ templates }) => templates.save(template));

    const loaded = await uow.transaction(({ templates }) => templates.getForUpdate(template.id));
    expect(loaded?.snapshot()).toEqual(snapshot);
    expect(await eventTypes(template.id)).toEqual(['ClassTemplateCreated']);

    await uow.transaction(async ({ templates }) => {
      const current = (await templates.get(template.id)) as ClassTemplate;
      current.update({ ...templateDetails(current), capacity: Capacity.create(20) }, new Date(NOW.getTime() + 60_000));
      await templates.save(current);
    });
    expect((await uow.transaction(({ templates }) => templates.get(template.id)))?.capacity.value).toBe(20);
    expect(await eventTypes(template.id)).toEqual(['ClassTemplateCreated', 'ClassTemplateUpdated']);
  });

  it('deletes a template; its sessions stay and forget it', async () => {
    const template = newTemplate('Spin');
    const session = newSession(template.id);
    await uow.transaction(async ({ templates, sessions }) => {
      await templates.save(template);
      await sessions.save(session);
    });

    await uow.transaction(async ({ templates }) => {
      const current = (await templates.getForUpdate(template.id)) as ClassTemplate;
      current.delete(NOW);
      await templates.delete(current);
    });

    expect(await uow.transaction(({ templates }) => templates.get(template.id))).toBeNull();
    expect(await new KyselyClassTemplatesFinder(database.db).byId(template.id)).toBeNull();
    const kept = await uow.transaction(({ sessions }) => sessions.get(session.id));
    expect(kept?.snapshot()).toEqual({ ...session.snapshot(), templateId: null });
    expect(await eventTypes(template.id)).toEqual(['ClassTemplateCreated', 'ClassTemplateDeleted']);
  });

  it('saves a session, and its changes, with their events', async () => {
    const session = newSession(null);
    await uow.transaction(({ sessions }) => sessions.save(session));
    expect((await uow.transaction(({ sessions }) => sessions.get(session.id)))?.snapshot()).toEqual(session.snapshot());

    await uow.transaction(async ({ sessions }) => {
      const current = (await sessions.getForUpdate(session.id)) as ClassSession;
      current.publish(NOW, trainer.name);
      current.cancel(CancellationReason.create('Snow'), NOW, trainer.name);
      await sessions.save(current);
    });
    const stored = await uow.transaction(({ sessions }) => sessions.get(session.id));
    expect(stored).toMatchObject({ status: 'cancelled', cancellationReason: 'Snow' });
    expect(await eventTypes(session.id)).toEqual(['SessionScheduled', 'SessionPublished', 'SessionCancelled']);
  });

  it('refuses a session from a template deleted meanwhile with NOT_FOUND, not a database error', async () => {
    const orphan = newSession(randomUUID());
    await expect(uow.transaction(({ sessions }) => sessions.save(orphan))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await uow.transaction(({ sessions }) => sessions.get(orphan.id))).toBeNull();
  });

  it('answers null for unknown ids and ids that are not UUIDs', async () => {
    await uow.transaction(async ({ templates, sessions, trainers }) => {
      expect(await templates.get(randomUUID())).toBeNull();
      expect(await templates.getForUpdate('nope')).toBeNull();
      expect(await sessions.get('nope')).toBeNull();
      expect(await sessions.getForUpdate(randomUUID())).toBeNull();
      expect(await trainers.find('nope')).toBeNull();
      expect(await trainers.find(randomUUID())).toBeNull();
    });
  });

  it('locks several sessions in one go, answering those that exist in id order', async () => {
    const saved = [newSession(null), newSession(null), newSession(null)];
    await uow.transaction(async ({ sessions }) => {
      for (const session of saved) await sessions.save(session);
    });
    const [a, b, c] = saved.map((session) => session.id).sort() as [string, string, string];

    await uow.transaction(async ({ sessions }) => {
      const locked = await sessions.getManyForUpdate([c, randomUUID(), 'nope', a, b]);
      expect(locked.map((session) => session.id)).toEqual([a, b, c]);
      if (kind === 'postgres') {
        // Another connection cannot take the lock while this transaction holds it (PGlite has only one connection).
        const elsewhere = database.db.selectFrom('class_sessions').select('id').where('id', '=', b).forUpdate().noWait().execute();
        await expect(elsewhere).rejects.toThrow(/could not obtain lock/);
      }
    });
    expect(await uow.transaction(({ sessions }) => sessions.getManyForUpdate(['nope']))).toEqual([]);
  });

  it('deletes a discarded draft with its event, and refuses to save it or to delete a session not discarded', async () => {
    const draft = newSession(null);
    const kept = newSession(null);
    await uow.transaction(async ({ sessions }) => {
      await sessions.save(draft);
      await sessions.save(kept);
    });
    const deletingUndiscarded = uow.transaction(async ({ sessions }) => sessions.delete((await sessions.getForUpdate(kept.id)) as ClassSession));
    await expect(deletingUndiscarded).rejects.toThrow(/discard/);

    await uow.transaction(async ({ sessions }) => {
      const current = (await sessions.getForUpdate(draft.id)) as ClassSession;
      current.discard(NOW, trainer.name);
      await expect(sessions.save(current)).rejects.toThrow(/delete\(\)/);
      await sessions.delete(current);
    });

    expect(await uow.transaction(({ sessions }) => sessions.get(draft.id))).toBeNull();
    expect(await uow.transaction(({ sessions }) => sessions.get(kept.id))).not.toBeNull();
    expect(await eventTypes(draft.id)).toEqual(['SessionScheduled', 'SessionDiscarded']);
  });

  it('cannot delete a session that a booking refers to: the foreign key guards what the domain already refuses', async () => {
    const member = { ...trainer, id: randomUUID(), email: `mo-${randomUUID()}@example.test`, name: 'Mo Member', role: 'member' as const };
    await database.db.insertInto('users').values(member).execute();
    const draft = newSession(null);
    await uow.transaction(({ sessions }) => sessions.save(draft));
    // Impossible through the API (only a published session is booked): written straight to the table.
    await database.db
      .insertInto('bookings')
      .values({ id: randomUUID(), session_id: draft.id, member_id: member.id, status: 'confirmed', credits_spent: 1 })
      .execute();

    const removing = uow.transaction(async ({ sessions }) => {
      const current = (await sessions.getForUpdate(draft.id)) as ClassSession;
      current.discard(NOW, trainer.name);
      await sessions.delete(current);
    });

    await expect(removing).rejects.toThrow(/foreign key/);
    expect(await uow.transaction(({ sessions }) => sessions.get(draft.id))).not.toBeNull();
  });

  it('looks trainers up in the accounts, and counts no taken spots before bookings exist', async () => {
    const session = newSession(null);
    await uow.transaction(({ sessions }) => sessions.save(session));
    await uow.transaction(async ({ trainers, occupancy }) => {
      expect(await trainers.find(trainer.id)).toEqual({ id: trainer.id, name: trainer.name, role: 'trainer' });
      expect(await occupancy.takenSpots(session.id)).toBe(0);
    });
  });

  it('keeps the rules in the table too', async () => {
    const row = { id: randomUUID(), trainer_id: trainer.id, name: 'X', starts_at: NOW, ends_at: NOW, capacity: 5, credit_cost: 1, status: 'draft' as const };
    await expect(database.db.insertInto('class_sessions').values(row).execute()).rejects.toThrow(/class_sessions_time_slot_check/);
    const later = new Date(NOW.getTime() + 60_000);
    await expect(database.db.insertInto('class_sessions').values({ ...row, ends_at: later, capacity: 0 }).execute()).rejects.toThrow(/capacity_check/);
    await expect(database.db.insertInto('class_sessions').values({ ...row, ends_at: later, status: 'cancelled' }).execute()).rejects.toThrow(
      /cancellation_reason_check/,
    );
    await expect(
      database.db.insertInto('class_templates').values({ id: randomUUID(), trainer_id: trainer.id, name: 'X', duration_minutes: 481, capacity: 5, credit_cost: 1 }).execute(),
    ).rejects.toThrow(/duration_minutes_check/);
  });

  it('lists templates with their trainer’s name, by name, a page at a time', async () => {
    const other = { ...trainer, id: randomUUID(), email: 'otto@example.test', name: 'Otto Other' };
    await database.db.insertInto('users').values(other).execute();
    const mine = ['Zumba', 'Barre', 'Aerial'].map((name) => ClassTemplate.restore({ ...newTemplate(name).snapshot(), trainerId: other.id }));
    await uow.transaction(async ({ templates }) => {
      for (const template of mine) await templates.save(template);
    });
    const finder = new KyselyClassTemplatesFinder(database.db);

    const first = await finder.list({ trainerId: other.id, page: 1, pageSize: 2 });
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.items.map((item) => item.name)).toEqual(['Aerial', 'Barre']);
    expect(first.items[0]).toMatchObject({ trainerName: 'Otto Other', trainerId: other.id, durationMinutes: 60, createdAt: NOW.toISOString() });
    expect(await finder.list({ trainerId: other.id, page: 3, pageSize: 2 })).toEqual({ items: [], page: 3, pageSize: 2, total: 3 });
    expect((await finder.list({ page: 1, pageSize: 100 })).total).toBeGreaterThanOrEqual(4);
  });
});

function templateDetails(template: ClassTemplate) {
  return {
    name: ClassName.create(template.name),
    description: ClassDescription.create(template.description),
    duration: template.duration,
    capacity: template.capacity,
    creditCost: template.creditCost,
  };
}
