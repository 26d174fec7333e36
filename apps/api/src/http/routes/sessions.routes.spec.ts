import { randomUUID } from 'node:crypto';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { sessionPageSchema, sessionSchema } from '@fitflow/api-contract';
import { TEST_DATABASES } from '../../testing/databases';
import { apiClient, expectStatus, freshWeek, signUpAs, wallClock, type Headers, type SignedIn } from '../../testing/scheduling';
import { TEST_ADMIN, createTestApp, signIn, signUp, type TestApp } from '../../testing/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const BERLIN = 'Europe/Berlin';
const MINUTE = 60_000;

interface SessionJson {
  id: string;
  name: string;
  status: string;
  startsAt: string;
  endsAt: string;
  trainerId: string;
  [key: string]: unknown;
}

const idsOf = (page: { items: SessionJson[] }) => page.items.map((item) => item.id);

describe.each(TEST_DATABASES)('session routes on %s', (kind) => {
  let t: TestApp;
  let api: ReturnType<typeof apiClient>;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let owner: SignedIn;
  let otherTrainer: SignedIn;
  let member: SignedIn;
  let yogaTemplate: string;

  beforeAll(async () => {
    t = await createTestApp(kind, { STUDIO_TIME_ZONE: BERLIN });
    api = apiClient(t.app);
    admin = await signIn(t.app, TEST_ADMIN.email, TEST_ADMIN.password);
    owner = await signUpAs(t.app, 'trainer', { name: 'Tess Owner' });
    otherTrainer = await signUpAs(t.app, 'trainer', { name: 'Otto Other' });
    member = await signUp(t.app, { name: 'Maya Member' });
    const template = { name: 'Morning Yoga', description: 'Sun salutations', durationMinutes: 60, capacity: 12, creditCost: 2 };
    yogaTemplate = expectStatus(await api.post('/templates', template, owner.headers), 201).json().id;
  });
  afterAll(() => t?.close());

  const schedule = async (body: object, headers: Headers = owner.headers): Promise<{ id: string; ids: string[] }> =>
    expectStatus(await api.post('/sessions', body, headers), 201).json();
  const scheduleOne = async (startsAt: string, body: object = {}, headers: Headers = owner.headers): Promise<string> =>
    (await schedule({ templateId: yogaTemplate, startsAt, ...body }, headers)).id;
  const publish = async (id: string, headers: Headers = owner.headers): Promise<SessionJson> =>
    expectStatus(await api.post(`/sessions/${id}/publish`, undefined, headers), 200).json();
  const cancel = (id: string, reason: unknown, headers: Headers = owner.headers) =>
    api.post(`/sessions/${id}/cancel`, { reason }, headers);
  const list = async (query: string, headers: Headers = {}) =>
    expectStatus(await api.get(`/sessions?${query}`, headers), 200).json() as Promise<{ items: SessionJson[]; total: number; page: number; pageSize: number }>;

  /** A published session whose time has come, written straight to the table (the API refuses the past). */
  const insertPublished = async (startsAt: Date, endsAt: Date, name = 'Started Yoga'): Promise<string> => {
    const id = randomUUID();
    await t.composition.database.db
      .insertInto('class_sessions')
      .values({ id, template_id: null, trainer_id: owner.id, name, description: '', starts_at: startsAt, ends_at: endsAt, capacity: 8, credit_cost: 1, status: 'published', cancellation_reason: null })
      .execute();
    return id;
  };

  it('documents every scheduling route and the Session schema in OpenAPI', async () => {
    const doc = (await t.app.inject('/docs/json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/templates', '/api/v1/templates/{id}', '/api/v1/sessions', '/api/v1/sessions/{id}', '/api/v1/sessions/{id}/publish', '/api/v1/sessions/{id}/cancel']),
    );
    const schema = doc.components.schemas.Session;
    expect(schema.required).toEqual(expect.arrayContaining(['availableSpots', 'bookedCount', 'heldCount', 'waitlistCount', 'status']));
    expect(schema.required).not.toContain('me');
    const query = doc.paths['/api/v1/sessions'].get.parameters.map((parameter: { name: string }) => parameter.name);
    expect(query).toEqual(expect.arrayContaining(['from', 'to', 'trainerId', 'available', 'q', 'page', 'pageSize']));
  });

  describe('POST /sessions', () => {
    it('schedules a draft from a template, taking its name, capacity, cost and duration', async () => {
      const week = freshWeek();
      const created = await schedule({ templateId: yogaTemplate, startsAt: week.at(2, '06:00') });
      const notOpenYet = { allowed: false, code: 'INVALID_STATE', reason: 'This session is not open for booking yet' };
      const startsAt = { minusHours: (hours: number) => new Date(Date.parse(week.at(2, '06:00')) - hours * 3_600_000).toISOString() };
      expect(created).toEqual({ id: expect.any(String), ids: [created.id] });

      const session = expectStatus(await api.get(`/sessions/${created.id}`, owner.headers), 200).json();
      expect(session).toEqual({
        id: created.id,
        name: 'Morning Yoga',
        description: 'Sun salutations',
        templateId: yogaTemplate,
        trainerId: owner.id,
        trainerName: 'Tess Owner',
        startsAt: week.at(2, '06:00'),
        endsAt: week.at(2, '07:00'),
        capacity: 12,
        creditCost: 2,
        bookedCount: 0,
        heldCount: 0,
        availableSpots: 12,
        waitlistCount: 0,
        status: 'draft',
        cancellationReason: null,
        actions: { book: notOpenYet, hold: notOpenYet },
        refundOutlook: { percentage: 100, credits: 2, changesAt: startsAt.minusHours(24), nextPercentage: 50, nextCredits: 1 },
        me: { bookingId: null, holdId: null, waitlistPosition: null },
      });
      const events = await t.composition.database.db.selectFrom('outbox').select('type').where('aggregate_id', '=', created.id).execute();
      expect(events).toEqual([{ type: 'SessionScheduled' }]);
    });

    it('takes the fields given over the template’s, and schedules without a template', async () => {
      const week = freshWeek();
      const fromTemplate = await scheduleOne(week.at(1, '17:00'), { name: 'Yoga Special', capacity: 4, creditCost: 0, endsAt: week.at(1, '17:45') });
      expect((await api.get(`/sessions/${fromTemplate}`, owner.headers)).json()).toMatchObject({
        name: 'Yoga Special',
        capacity: 4,
        creditCost: 0,
        endsAt: week.at(1, '17:45'),
        templateId: yogaTemplate,
      });

      const adHoc = (await schedule({ name: 'Open Gym', startsAt: week.at(3, '10:00'), endsAt: week.at(3, '12:00'), capacity: 30 })).id;
      expect((await api.get(`/sessions/${adHoc}`, owner.headers)).json()).toMatchObject({
        name: 'Open Gym',
        description: '',
        templateId: null,
        capacity: 30,
        creditCost: 1,
        endsAt: week.at(3, '12:00'),
      });
    });

    it('accepts an instant with an offset and answers it in UTC', async () => {
      const week = freshWeek();
      const local = week.at(1, '08:00').replace('08:00:00.000Z', '09:00:00+01:00');
      const id = await scheduleOne(local);
      expect((await api.get(`/sessions/${id}`, owner.headers)).json().startsAt).toBe(week.at(1, '08:00'));
    });

    it.each([
      ['no name without a template', { startsAt: 'W1 10:00', endsAt: 'W1 11:00', capacity: 5 }, 'name'],
      ['no end without a template', { name: 'Run', startsAt: 'W1 10:00', capacity: 5 }, 'endsAt'],
      ['no capacity without a template', { name: 'Run', startsAt: 'W1 10:00', endsAt: 'W1 11:00' }, 'capacity'],
      ['an end before the start', { name: 'Run', startsAt: 'W1 10:00', endsAt: 'W1 09:00', capacity: 5 }, 'endsAt'],
      ['an end equal to the start', { name: 'Run', startsAt: 'W1 10:00', endsAt: 'W1 10:00', capacity: 5 }, 'endsAt'],
      ['a start that is not an instant', { templateId: 'T', startsAt: 'tomorrow at 7' }, 'startsAt'],
      ['a capacity of 0', { templateId: 'T', startsAt: 'W1 10:00', capacity: 0 }, 'capacity'],
      ['a credit cost over 100', { templateId: 'T', startsAt: 'W1 10:00', creditCost: 101 }, 'creditCost'],
      ['an unknown weekday', { templateId: 'T', startsAt: 'W1 10:00', repeat: { weekdays: ['monday'], until: '2028-12-01' } }, 'repeat.weekdays.0'],
      ['no weekday', { templateId: 'T', startsAt: 'W1 10:00', repeat: { weekdays: [], until: '2028-12-01' } }, 'repeat.weekdays'],
      ['an impossible end date', { templateId: 'T', startsAt: 'W1 10:00', repeat: { weekdays: ['mon'], until: '2028-02-30' } }, 'repeat.until'],
      ['an end date before the first day', { templateId: 'T', startsAt: 'W1 10:00', repeat: { weekdays: ['mon'], until: '2027-01-01' } }, 'repeat.until'],
      ['a series of more than 100', { templateId: 'T', startsAt: 'W1 10:00', repeat: { weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], until: '2028-11-29' } }, 'repeat'],
    ])('refuses %s with the field named and creates nothing', async (_case, raw, path) => {
      const week = freshWeek();
      const body = JSON.parse(
        JSON.stringify(raw)
          .replace(/"W1 (\d\d:\d\d)"/g, (_match, time: string) => JSON.stringify(week.at(1, time)))
          .replace('"T"', JSON.stringify(yogaTemplate)),
      );
      const answer = await api.post('/sessions', body, owner.headers);
      expect(answer.statusCode, answer.body).toBe(400);
      expect(answer.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ path })] });
      expect((await list(`from=${week.from}&to=${week.to}`, admin.headers)).total).toBe(0);
    });

    it('refuses a start in the past', async () => {
      const answer = await api.post('/sessions', { templateId: yogaTemplate, startsAt: new Date(Date.now() - MINUTE).toISOString() }, owner.headers);
      expect(answer.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ path: 'startsAt' }] });
    });

    it('refuses an unknown template and another trainer’s template (404 both) and giving the class to another trainer (403)', async () => {
      const startsAt = freshWeek().at(1, '10:00');
      expect((await api.post('/sessions', { templateId: UNKNOWN_ID, startsAt }, owner.headers)).json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      expect((await api.post('/sessions', { templateId: yogaTemplate, startsAt }, otherTrainer.headers)).json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      expect((await api.post('/sessions', { templateId: yogaTemplate, startsAt, trainerId: otherTrainer.id }, owner.headers)).statusCode).toBe(403);
    });

    it('lets an admin schedule from any template, for any trainer, but not for a member', async () => {
      const week = freshWeek();
      const forOther = await scheduleOne(week.at(1, '10:00'), { trainerId: otherTrainer.id }, admin.headers);
      expect((await api.get(`/sessions/${forOther}`, otherTrainer.headers)).json()).toMatchObject({ trainerId: otherTrainer.id, trainerName: 'Otto Other', status: 'draft' });
      const forMember = await api.post('/sessions', { templateId: yogaTemplate, startsAt: week.at(2, '10:00'), trainerId: member.id }, admin.headers);
      expect(forMember.json()).toMatchObject({ status: 400, errors: [{ path: 'trainerId' }] });
    });

    it('refuses a member (403) and an anonymous caller (401)', async () => {
      const body = { templateId: yogaTemplate, startsAt: freshWeek().at(1, '10:00') };
      expect((await api.post('/sessions', body, member.headers)).json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
      expect((await api.post('/sessions', body)).json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
      expect((await api.post('/sessions', body, { authorization: 'Bearer not-a-token' })).statusCode).toBe(401);
    });
  });

  describe('weekly series in the studio’s time zone (Europe/Berlin)', () => {
    it('keeps 07:00 at 07:00 when summer time starts on 2027-03-28', async () => {
      const created = await schedule({
        templateId: yogaTemplate,
        startsAt: '2027-03-22T06:00:00.000Z',
        repeat: { weekdays: ['mon', 'wed'], until: '2027-04-07' },
      });
      expect(created.ids).toHaveLength(6);
      expect(created.id).toBe(created.ids[0]);

      const page = await list(`from=2027-03-22T00:00:00Z&to=2027-04-08T00:00:00Z&trainerId=${owner.id}`, owner.headers);
      expect(idsOf(page)).toEqual(created.ids);
      expect(page.items.map((session) => session.startsAt)).toEqual([
        '2027-03-22T06:00:00.000Z',
        '2027-03-24T06:00:00.000Z',
        '2027-03-29T05:00:00.000Z',
        '2027-03-31T05:00:00.000Z',
        '2027-04-05T05:00:00.000Z',
        '2027-04-07T05:00:00.000Z',
      ]);
      expect(page.items.map((session) => wallClock(session.startsAt, BERLIN))).toEqual([
        'Mon 2027-03-22 07:00',
        'Wed 2027-03-24 07:00',
        'Mon 2027-03-29 07:00',
        'Wed 2027-03-31 07:00',
        'Mon 2027-04-05 07:00',
        'Wed 2027-04-07 07:00',
      ]);
      expect(page.items.every((session) => Date.parse(session.endsAt) - Date.parse(session.startsAt) === 60 * MINUTE)).toBe(true);
      expect(page.items.every((session) => session.status === 'draft')).toBe(true);
    });

    it('keeps 18:30 at 18:30 when summer time ends on 2027-10-31, and starts on the first chosen weekday', async () => {
      const created = await schedule({
        name: 'Evening Flow',
        startsAt: '2027-10-27T16:30:00.000Z', // a Wednesday, not chosen: the series starts on Thursday
        endsAt: '2027-10-27T17:45:00.000Z',
        capacity: 10,
        repeat: { weekdays: ['thu', 'sun'], until: '2027-11-04' },
      });
      const sessions = await Promise.all(created.ids.map(async (id) => (await api.get(`/sessions/${id}`, owner.headers)).json()));
      expect(sessions.map((session) => wallClock(session.startsAt, BERLIN))).toEqual([
        'Thu 2027-10-28 18:30',
        'Sun 2027-10-31 18:30',
        'Thu 2027-11-04 18:30',
      ]);
      expect(sessions.map((session) => session.startsAt)).toEqual([
        '2027-10-28T16:30:00.000Z',
        '2027-10-31T17:30:00.000Z',
        '2027-11-04T17:30:00.000Z',
      ]);
      expect(sessions.map((session) => wallClock(session.endsAt, BERLIN).slice(-5))).toEqual(['19:45', '19:45', '19:45']);
    });
  });

  describe('POST /sessions/{id}/publish', () => {
    it('publishes a draft for its trainer, once', async () => {
      const id = await scheduleOne(freshWeek().at(1, '07:00'));
      const published = await publish(id);
      expect(published).toMatchObject({ id, status: 'published', availableSpots: 12 });

      const again = await api.post(`/sessions/${id}/publish`, undefined, owner.headers);
      expect(again.statusCode).toBe(409);
      expect(again.headers['content-type']).toContain('application/problem+json');
      expect(again.json()).toMatchObject({ status: 409, code: 'INVALID_STATE' });
      const types = await t.composition.database.db.selectFrom('outbox').select('type').where('aggregate_id', '=', id).orderBy('seq').execute();
      expect(types.map((row) => row.type)).toEqual(['SessionScheduled', 'SessionPublished']);
    });

    it('lets an admin publish anyone’s draft; refuses another trainer (404: a draft not theirs), a member (403), anonymous (401), an unknown id (404)', async () => {
      const id = await scheduleOne(freshWeek().at(1, '07:00'));
      expect((await api.post(`/sessions/${id}/publish`, undefined, otherTrainer.headers)).json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      expect((await api.post(`/sessions/${id}/publish`, undefined, member.headers)).statusCode).toBe(403);
      expect((await api.post(`/sessions/${id}/publish`)).statusCode).toBe(401);
      expect((await api.post(`/sessions/${UNKNOWN_ID}/publish`, undefined, owner.headers)).json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      expect((await publish(id, admin.headers)).status).toBe('published');
    });

    it('refuses a session that has started (409)', async () => {
      const id = await insertPublished(new Date(Date.now() - 10 * MINUTE), new Date(Date.now() + 50 * MINUTE));
      expect((await api.post(`/sessions/${id}/publish`, undefined, owner.headers)).json()).toMatchObject({ status: 409, code: 'INVALID_STATE' });
    });
  });

  describe('POST /sessions/{id}/cancel', () => {
    it('cancels a published session with its reason, once; everyone sees it cancelled', async () => {
      const id = await scheduleOne(freshWeek().at(1, '07:00'));
      await publish(id);
      const cancelled = expectStatus(await cancel(id, '  Trainer is ill '), 200).json();
      expect(cancelled).toMatchObject({ id, status: 'cancelled', cancellationReason: 'Trainer is ill' });

      expect((await cancel(id, 'Again')).json()).toMatchObject({ status: 409, code: 'INVALID_STATE' });
      expect((await api.post(`/sessions/${id}/publish`, undefined, owner.headers)).json()).toMatchObject({ status: 409, code: 'INVALID_STATE' });
      expect((await api.get(`/sessions/${id}`)).json()).toMatchObject({ status: 'cancelled', cancellationReason: 'Trainer is ill' });
      const events = await t.composition.database.db.selectFrom('outbox').select(['type', 'payload']).where('aggregate_id', '=', id).orderBy('seq').execute();
      expect(events.at(-1)).toMatchObject({ type: 'SessionCancelled', payload: { reason: 'Trainer is ill', previousStatus: 'published', trainerName: 'Tess Owner' } });
    });

    it('lets an admin cancel a draft; refuses another trainer (404: a draft not theirs), a member (403), anonymous (401), an unknown id (404)', async () => {
      const id = await scheduleOne(freshWeek().at(1, '07:00'));
      expect((await cancel(id, 'No', otherTrainer.headers)).json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      expect((await cancel(id, 'No', member.headers)).statusCode).toBe(403);
      expect((await cancel(id, 'No', {})).statusCode).toBe(401);
      expect((await cancel(UNKNOWN_ID, 'No', owner.headers)).statusCode).toBe(404);
      expect(expectStatus(await cancel(id, 'Room closed', admin.headers), 200).json()).toMatchObject({ status: 'cancelled' });
    });

    it('requires a reason', async () => {
      const id = await scheduleOne(freshWeek().at(1, '07:00'));
      expect((await cancel(id, '   ')).json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ path: 'reason' }] });
      expect((await cancel(id, 'x'.repeat(501))).json()).toMatchObject({ status: 400, errors: [{ path: 'reason' }] });
      expect((await api.post(`/sessions/${id}/cancel`, {}, owner.headers)).json()).toMatchObject({ status: 400, errors: [{ path: 'reason' }] });
      expect((await api.get(`/sessions/${id}`, owner.headers)).json().status).toBe('draft');
    });
  });

  describe('PATCH /sessions/{id}', () => {
    it('moves a session keeping its length, changes its capacity, or sets both ends', async () => {
      const week = freshWeek();
      const id = await scheduleOne(week.at(1, '07:00'));
      await publish(id);

      const moved = expectStatus(await api.patch(`/sessions/${id}`, { startsAt: week.at(2, '08:30') }, owner.headers), 200).json();
      expect(moved).toMatchObject({ startsAt: week.at(2, '08:30'), endsAt: week.at(2, '09:30'), status: 'published' });
      const resized = (await api.patch(`/sessions/${id}`, { capacity: 20 }, owner.headers)).json();
      expect(resized).toMatchObject({ capacity: 20, availableSpots: 20, startsAt: week.at(2, '08:30') });
      const both = (await api.patch(`/sessions/${id}`, { startsAt: week.at(3, '18:00'), endsAt: week.at(3, '18:45') }, admin.headers)).json();
      expect(both).toMatchObject({ startsAt: week.at(3, '18:00'), endsAt: week.at(3, '18:45') });
      const types = await t.composition.database.db.selectFrom('outbox').select('type').where('aggregate_id', '=', id).orderBy('seq').execute();
      expect(types.map((row) => row.type)).toEqual(['SessionScheduled', 'SessionPublished', 'SessionRescheduled', 'SessionCapacityChanged', 'SessionRescheduled']);
    });

    it('lets only an admin hand a session to another trainer', async () => {
      const id = await scheduleOne(freshWeek().at(1, '07:00'));
      expect((await api.patch(`/sessions/${id}`, { trainerId: otherTrainer.id }, owner.headers)).json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
      const handed = expectStatus(await api.patch(`/sessions/${id}`, { trainerId: otherTrainer.id }, admin.headers), 200).json();
      expect(handed).toMatchObject({ trainerId: otherTrainer.id, trainerName: 'Otto Other' });
      // A draft now another trainer's: its former owner may no longer know of it.
      expect((await api.patch(`/sessions/${id}`, { capacity: 3 }, owner.headers)).statusCode).toBe(404);
      expect((await api.patch(`/sessions/${id}`, { capacity: 3 }, otherTrainer.headers)).statusCode).toBe(200);
      expect((await api.patch(`/sessions/${id}`, { trainerId: member.id }, admin.headers)).json()).toMatchObject({ status: 400, errors: [{ path: 'trainerId' }] });
      expect((await api.patch(`/sessions/${id}`, { trainerId: UNKNOWN_ID }, admin.headers)).statusCode).toBe(404);
    });

    it.each([
      ['an end before the start', { endsAt: 'W1 06:00' }, 'endsAt'],
      ['a start in the past', { startsAt: '2020-01-01T07:00:00Z' }, 'startsAt'],
      ['a capacity of 0', { capacity: 0 }, 'capacity'],
      ['a start that is not an instant', { startsAt: 'soon' }, 'startsAt'],
      ['a trainer id that is not a UUID', { trainerId: 'otto' }, 'trainerId'],
    ])('refuses %s with the field named and changes nothing', async (_case, raw, path) => {
      const week = freshWeek();
      const id = await scheduleOne(week.at(1, '07:00'));
      const body = JSON.parse(JSON.stringify(raw).replace(/"W1 (\d\d:\d\d)"/g, (_match, time: string) => JSON.stringify(week.at(1, time))));
      expect((await api.patch(`/sessions/${id}`, body, owner.headers)).json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ path })] });
      expect((await api.get(`/sessions/${id}`, owner.headers)).json()).toMatchObject({ startsAt: week.at(1, '07:00'), capacity: 12 });
    });

    it('refuses a cancelled or started session (409), another trainer (404 for a draft, 403 once published), a member (403), anonymous (401), unknown (404)', async () => {
      const id = await scheduleOne(freshWeek().at(1, '07:00'));
      expect((await api.patch(`/sessions/${id}`, { capacity: 5 }, otherTrainer.headers)).json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      await publish(id);
      expect((await api.patch(`/sessions/${id}`, { capacity: 5 }, otherTrainer.headers)).json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
      expect((await api.patch(`/sessions/${id}`, { capacity: 5 }, member.headers)).statusCode).toBe(403);
      expect((await api.patch(`/sessions/${id}`, { capacity: 5 })).statusCode).toBe(401);
      expect((await api.patch(`/sessions/${UNKNOWN_ID}`, { capacity: 5 }, owner.headers)).statusCode).toBe(404);

      expectStatus(await cancel(id, 'Moved online'), 200);
      expect((await api.patch(`/sessions/${id}`, { capacity: 5 }, owner.headers)).json()).toMatchObject({ status: 409, code: 'INVALID_STATE' });
      const started = await insertPublished(new Date(Date.now() - 10 * MINUTE), new Date(Date.now() + 50 * MINUTE));
      expect((await api.patch(`/sessions/${started}`, { capacity: 5 }, owner.headers)).json()).toMatchObject({ status: 409, code: 'INVALID_STATE' });
      expect((await cancel(started, 'Too late')).json()).toMatchObject({ status: 409, code: 'INVALID_STATE' });
    });
  });

  describe('who sees what', () => {
    let week: ReturnType<typeof freshWeek>;
    let draft: string;
    let published: string;
    let cancelled: string;
    let otherDraft: string;

    beforeAll(async () => {
      week = freshWeek();
      draft = await scheduleOne(week.at(1, '07:00'));
      published = await scheduleOne(week.at(2, '07:00'));
      await publish(published);
      cancelled = await scheduleOne(week.at(3, '07:00'));
      await publish(cancelled);
      expectStatus(await cancel(cancelled, 'Holiday'), 200);
      otherDraft = await scheduleOne(week.at(4, '07:00'), { trainerId: otherTrainer.id }, admin.headers);
    });

    const window = () => `from=${week.from}&to=${week.to}`;

    it('shows anonymous callers and members published and cancelled sessions, never drafts', async () => {
      const anonymous = await list(window());
      expect(idsOf(anonymous)).toEqual([published, cancelled]);
      expect(anonymous.total).toBe(2);
      expect(anonymous.items[0]).not.toHaveProperty('me');
      expect(anonymous.items.map((item) => item.status)).toEqual(['published', 'cancelled']);

      const asMember = await list(window(), member.headers);
      expect(idsOf(asMember)).toEqual([published, cancelled]);
      expect(asMember.items[0]?.['me']).toEqual({ bookingId: null, holdId: null, waitlistPosition: null });
    });

    it('shows a trainer their own drafts too, and an admin everything', async () => {
      expect(idsOf(await list(window(), owner.headers))).toEqual([draft, published, cancelled]);
      expect(idsOf(await list(window(), otherTrainer.headers))).toEqual([published, cancelled, otherDraft]);
      expect(idsOf(await list(window(), admin.headers))).toEqual([draft, published, cancelled, otherDraft]);
    });

    it('answers 404 for a draft the caller may not see, and for an unknown session', async () => {
      expect((await api.get(`/sessions/${draft}`)).json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      expect((await api.get(`/sessions/${draft}`, member.headers)).statusCode).toBe(404);
      expect((await api.get(`/sessions/${draft}`, otherTrainer.headers)).statusCode).toBe(404);
      expect((await api.get(`/sessions/${draft}`, owner.headers)).statusCode).toBe(200);
      expect((await api.get(`/sessions/${draft}`, admin.headers)).statusCode).toBe(200);
      expect((await api.get(`/sessions/${published}`)).json()).toMatchObject({ id: published, status: 'published' });
      expect((await api.get(`/sessions/${UNKNOWN_ID}`)).statusCode).toBe(404);
      expect((await api.get('/sessions/not-a-uuid')).json()).toMatchObject({ status: 400, errors: [{ path: 'id' }] });
    });

    it('refuses a bad bearer token instead of treating the caller as anonymous', async () => {
      expect((await api.get(`/sessions?${window()}`, { authorization: 'Bearer nope' })).json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    });

    it('shows a published session as in progress from its start and completed from its end', async () => {
      const now = Date.now();
      const running = await insertPublished(new Date(now - 10 * MINUTE), new Date(now + 50 * MINUTE), 'Running Class');
      const over = await insertPublished(new Date(now - 3 * 60 * MINUTE), new Date(now - 2 * 60 * MINUTE), 'Finished Class');
      expect((await api.get(`/sessions/${running}`)).json()).toMatchObject({ status: 'in_progress' });
      expect((await api.get(`/sessions/${over}`)).json()).toMatchObject({ status: 'completed' });

      const around = `from=${new Date(now - 4 * 60 * MINUTE).toISOString()}&to=${new Date(now + 60 * MINUTE).toISOString()}&trainerId=${owner.id}`;
      const page = await list(around);
      const mine = page.items.filter((item) => item.id === running || item.id === over);
      expect(mine.map((item) => [item.id, item.status])).toEqual([
        [over, 'completed'],
        [running, 'in_progress'],
      ]);
      expect((await list(`${around}&available=true`)).total).toBe(0);
    });
  });

  describe('GET /sessions filters and paging', () => {
    let week: ReturnType<typeof freshWeek>;
    const at: Record<string, string> = {};
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      week = freshWeek();
      const spin = expectStatus(
        await api.post('/templates', { name: 'Spin 50% Power', durationMinutes: 45, capacity: 20 }, otherTrainer.headers),
        201,
      ).json().id;
      const plan: [string, string, string, Headers, boolean][] = [
        ['mondayYoga', yogaTemplate, week.at(0, '00:00'), owner.headers, true],
        ['tuesdaySpin', spin, week.at(1, '18:00'), otherTrainer.headers, true],
        ['wednesdayYoga', yogaTemplate, week.at(2, '07:00'), owner.headers, true],
        ['wednesdaySpin', spin, week.at(2, '07:00'), otherTrainer.headers, true],
        ['thursdayYoga', yogaTemplate, week.at(3, '00:00'), owner.headers, true],
        ['fridayDraft', yogaTemplate, week.at(4, '07:00'), owner.headers, false],
        ['saturdayCancelled', spin, week.at(5, '10:00'), otherTrainer.headers, true],
      ];
      for (const [key, templateId, startsAt, headers, publishIt] of plan) {
        at[key] = startsAt;
        ids[key] = (await schedule({ templateId, startsAt }, headers)).id;
        if (publishIt) await publish(ids[key] as string, headers);
      }
      expectStatus(await cancel(ids['saturdayCancelled'] as string, 'Bike repairs', otherTrainer.headers), 200);
    });

    const inWeek = (extra = '') => `from=${week.from}&to=${week.to}${extra}`;
    const named = (...keys: string[]) => keys.map((key) => ids[key]);

    it('orders by start, then id, and takes `from` inclusive and `to` exclusive', async () => {
      const all = await list(inWeek(), admin.headers);
      const sameStart = [ids['wednesdayYoga'], ids['wednesdaySpin']].sort();
      expect(idsOf(all)).toEqual([ids['mondayYoga'], ids['tuesdaySpin'], ...sameStart, ids['thursdayYoga'], ids['fridayDraft'], ids['saturdayCancelled']]);

      const middle = await list(`from=${at['mondayYoga']}&to=${at['thursdayYoga']}`);
      expect(idsOf(middle)).toEqual([ids['mondayYoga'], ids['tuesdaySpin'], ...sameStart]);
      const fromTuesday = await list(`from=${week.at(1, '00:00')}&to=${week.to}`);
      expect(idsOf(fromTuesday)).not.toContain(ids['mondayYoga']);
    });

    it('filters by trainer', async () => {
      expect(idsOf(await list(inWeek(`&trainerId=${otherTrainer.id}`)))).toEqual(named('tuesdaySpin', 'wednesdaySpin', 'saturdayCancelled'));
      expect((await list(inWeek(`&trainerId=${member.id}`))).total).toBe(0);
    });

    it('keeps only bookable sessions with `available=true` (no draft, no cancelled)', async () => {
      const available = await list(inWeek('&available=true'), owner.headers);
      expect(idsOf(available).sort()).toEqual(named('mondayYoga', 'tuesdaySpin', 'wednesdayYoga', 'wednesdaySpin', 'thursdayYoga').sort());
      expect(available.items.every((item) => item.status === 'published' && (item['availableSpots'] as number) > 0)).toBe(true);
      expect((await list(inWeek('&available=false'), owner.headers)).total).toBe(7);
    });

    it('searches the session’s name and description and the trainer’s name, case-insensitively, with wildcards taken literally', async () => {
      expect(idsOf(await list(inWeek('&q=mORNING%20yoga')))).toEqual(named('mondayYoga', 'wednesdayYoga', 'thursdayYoga'));
      expect(idsOf(await list(inWeek('&q=SALUTATIONS')))).toEqual(named('mondayYoga', 'wednesdayYoga', 'thursdayYoga'));
      expect(idsOf(await list(inWeek('&q=otto')))).toEqual(named('tuesdaySpin', 'wednesdaySpin', 'saturdayCancelled'));
      expect(idsOf(await list(inWeek('&q=50%25')))).toEqual(named('tuesdaySpin', 'wednesdaySpin', 'saturdayCancelled'));
      expect((await list(inWeek('&q=%25%25'))).total).toBe(0);
      expect((await list(inWeek('&q=y_ga'))).total).toBe(0);
      expect(idsOf(await list(inWeek('&q=%20%20tess%20&available=true')))).toEqual(named('mondayYoga', 'wednesdayYoga', 'thursdayYoga'));
    });

    it('pages through the results with the total on every page', async () => {
      const all = idsOf(await list(inWeek()));
      expect(all).toHaveLength(6);
      const pages = await Promise.all([1, 2, 3, 4].map((page) => list(inWeek(`&pageSize=2&page=${page}`))));
      expect(pages.map((page) => page.total)).toEqual([6, 6, 6, 6]);
      expect(pages.map((page) => page.items.length)).toEqual([2, 2, 2, 0]);
      expect(pages.flatMap(idsOf)).toEqual(all);
      expect(pages[3]).toMatchObject({ page: 4, pageSize: 2 });
    });

    it.each([
      ['a `from` that is not an instant', 'from=yesterday', 'from'],
      ['a `to` that is not after `from`', 'from=2028-01-03T00:00:00Z&to=2028-01-03T00:00:00Z', 'to'],
      ['an `available` that is not true or false', 'available=yes', 'available'],
      ['a page size over 100', 'pageSize=101', 'pageSize'],
      ['a page of 0', 'page=0', 'page'],
      ['a trainer id that is not a UUID', 'trainerId=otto', 'trainerId'],
    ])('refuses %s with the parameter named', async (_case, query, path) => {
      const answer = await api.get(`/sessions?${query}`);
      expect(answer.statusCode).toBe(400);
      expect(answer.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ path })] });
    });
  });
  describe('the JSON text of the schedule (compiled serializer)', () => {
    // The schedule's answers are written by a serializer compiled from the contract's JSON Schema rather than by zod:
    // every byte must be what the zod serializer, used by every other route, writes for the same content.
    const byZod = (schema: z.ZodType) => serializerCompiler({ schema, method: 'GET', url: '/sessions' });
    const awkward = 'Zoë’s "HIIT" \\ 50%_ – 🧘 \u2028 <b>';

    it('writes pages and single sessions exactly as the zod serializer does, for every kind of caller', async () => {
      const week = freshWeek();
      const plain = await scheduleOne(week.at(1, '07:00'));
      const named = await scheduleOne(week.at(2, '07:00'), { name: awkward, description: `${awkward}\nsecond line`, capacity: 3, creditCost: 0 });
      await publish(plain);
      await publish(named);
      const cancelled = await scheduleOne(week.at(3, '07:00'));
      await publish(cancelled);
      expectStatus(await cancel(cancelled, `Trainer is ill: ${awkward}`), 200);
      await scheduleOne(week.at(4, '07:00')); // a draft, seen by its trainer and admins only

      for (const headers of [{}, member.headers, owner.headers, admin.headers]) {
        for (const [path, schema] of [
          [`/sessions?from=${week.from}&to=${week.to}`, sessionPageSchema],
          [`/sessions?from=${week.from}&to=${week.to}&page=2&pageSize=2`, sessionPageSchema],
          [`/sessions?from=${week.from}&to=${week.to}&q=${encodeURIComponent('"HIIT"')}&available=true`, sessionPageSchema],
          [`/sessions/${named}`, sessionSchema],
          [`/sessions/${cancelled}`, sessionSchema],
        ] as const) {
          const answer = expectStatus(await api.get(path, headers), 200);
          expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
          expect(answer.body).toBe(byZod(schema)(answer.json()));
        }
      }
      const page = await list(`from=${week.from}&to=${week.to}`, member.headers);
      expect(page.items.map((item) => [item.name, item['cancellationReason']])).toEqual([
        ['Morning Yoga', null],
        [awkward, null],
        ['Morning Yoga', `Trainer is ill: ${awkward}`],
      ]);
    });
  });
});
