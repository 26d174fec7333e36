import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../../testing/databases';
import { apiClient, expectStatus, freshWeek, signUpAs, type SignedIn } from '../../testing/scheduling';
import { TEST_ADMIN, createTestApp, signIn, signUp, type TestApp } from '../../testing/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const yoga = { name: 'Morning Yoga', description: 'Sun salutations', durationMinutes: 60, capacity: 12, creditCost: 2 };

describe.each(TEST_DATABASES)('template routes on %s', (kind) => {
  let t: TestApp;
  let api: ReturnType<typeof apiClient>;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let owner: SignedIn;
  let otherTrainer: SignedIn;
  let member: SignedIn;

  beforeAll(async () => {
    t = await createTestApp(kind);
    api = apiClient(t.app);
    admin = await signIn(t.app, TEST_ADMIN.email, TEST_ADMIN.password);
    owner = await signUpAs(t.app, 'trainer', { name: 'Tess Owner' });
    otherTrainer = await signUpAs(t.app, 'trainer', { name: 'Otto Other' });
    member = await signUp(t.app);
  });
  afterAll(() => t?.close());

  const create = async (body: object, headers = owner.headers): Promise<string> =>
    expectStatus(await api.post('/templates', body, headers), 201).json().id;

  describe('POST /templates', () => {
    it('creates a template for the calling trainer, with the defaults of API.md', async () => {
      const id = await create({ name: '  Pilates Core ', durationMinutes: 50, capacity: 10 });

      const template = expectStatus(await api.get(`/templates/${id}`, owner.headers), 200).json();
      expect(template).toEqual({
        id,
        name: 'Pilates Core',
        description: '',
        durationMinutes: 50,
        capacity: 10,
        creditCost: 1,
        trainerId: owner.id,
        trainerName: 'Tess Owner',
        createdAt: expect.stringMatching(/Z$/),
        updatedAt: expect.stringMatching(/Z$/),
      });
      const events = await t.composition.database.db.selectFrom('outbox').select(['type', 'payload']).where('aggregate_id', '=', id).execute();
      expect(events).toEqual([{ type: 'ClassTemplateCreated', payload: expect.objectContaining({ templateId: id, name: 'Pilates Core' }) }]);
    });

    it('lets an admin create a template for a trainer, but not for a member or an unknown account', async () => {
      const id = await create({ ...yoga, trainerId: otherTrainer.id }, admin.headers);
      expect(expectStatus(await api.get(`/templates/${id}`, otherTrainer.headers), 200).json()).toMatchObject({
        trainerId: otherTrainer.id,
        trainerName: 'Otto Other',
      });
      expect((await api.post('/templates', { ...yoga, trainerId: member.id }, admin.headers)).json()).toMatchObject({
        status: 400,
        code: 'VALIDATION_FAILED',
        errors: [{ path: 'trainerId' }],
      });
      expect((await api.post('/templates', { ...yoga, trainerId: UNKNOWN_ID }, admin.headers)).json()).toMatchObject({
        status: 404,
        code: 'NOT_FOUND',
      });
    });

    it('refuses a trainer naming another trainer (403), a member (403) and an anonymous caller (401)', async () => {
      expect((await api.post('/templates', { ...yoga, trainerId: otherTrainer.id }, owner.headers)).json()).toMatchObject({
        status: 403,
        code: 'FORBIDDEN',
      });
      expect((await api.post('/templates', yoga, member.headers)).json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
      expect((await api.post('/templates', yoga)).json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    });

    it.each([
      ['an empty name', { name: '   ' }, 'name'],
      ['a duration under 5 minutes', { durationMinutes: 4 }, 'durationMinutes'],
      ['a duration over 480 minutes', { durationMinutes: 481 }, 'durationMinutes'],
      ['a fractional duration', { durationMinutes: 30.5 }, 'durationMinutes'],
      ['a capacity of 0', { capacity: 0 }, 'capacity'],
      ['a capacity over 500', { capacity: 501 }, 'capacity'],
      ['a negative credit cost', { creditCost: -1 }, 'creditCost'],
      ['a credit cost over 100', { creditCost: 101 }, 'creditCost'],
      ['a trainer id that is not a UUID', { trainerId: 'tess' }, 'trainerId'],
    ])('refuses %s with the field named', async (_case, override, path) => {
      const answer = await api.post('/templates', { ...yoga, ...override }, owner.headers);
      expect(answer.statusCode).toBe(400);
      expect(answer.headers['content-type']).toContain('application/problem+json');
      expect(answer.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ path })] });
    });

    it('names every missing field', async () => {
      const answer = await api.post('/templates', {}, owner.headers);
      const paths = answer.json().errors.map((error: { path: string }) => error.path);
      expect(paths).toEqual(expect.arrayContaining(['name', 'durationMinutes', 'capacity']));
    });
  });

  describe('GET /templates', () => {
    let trainer: SignedIn;
    let own: string[];
    let foreign: string;

    beforeAll(async () => {
      trainer = await signUpAs(t.app, 'trainer', { name: 'Lister' });
      own = [];
      for (const name of ['Barre', 'Spin', 'Aerial Yoga']) own.push(await create({ ...yoga, name }, trainer.headers));
      foreign = await create({ ...yoga, name: 'Boxing' }, otherTrainer.headers);
    });

    it('shows a trainer their own templates only, by name', async () => {
      const page = expectStatus(await api.get('/templates', trainer.headers), 200).json();
      expect(page).toMatchObject({ page: 1, pageSize: 20, total: 3 });
      expect(page.items.map((item: { name: string }) => item.name)).toEqual(['Aerial Yoga', 'Barre', 'Spin']);
      expect(page.items.map((item: { id: string }) => item.id)).not.toContain(foreign);
    });

    it('pages through them', async () => {
      const first = (await api.get('/templates?pageSize=2', trainer.headers)).json();
      const second = (await api.get('/templates?pageSize=2&page=2', trainer.headers)).json();
      const past = (await api.get('/templates?pageSize=2&page=3', trainer.headers)).json();
      expect(first).toMatchObject({ total: 3, pageSize: 2 });
      expect([...first.items, ...second.items].map((item: { id: string }) => item.id).sort()).toEqual([...own].sort());
      expect(past).toMatchObject({ items: [], total: 3, page: 3 });
    });

    it('shows an admin every template, or one trainer’s', async () => {
      const all = (await api.get('/templates?pageSize=100', admin.headers)).json();
      expect(all.items.map((item: { id: string }) => item.id)).toEqual(expect.arrayContaining([...own, foreign]));
      const theirs = (await api.get(`/templates?trainerId=${trainer.id}`, admin.headers)).json();
      expect(theirs.items.map((item: { id: string }) => item.id).sort()).toEqual([...own].sort());
    });

    it('refuses a trainer asking for another trainer’s, a member and an anonymous caller', async () => {
      expect((await api.get(`/templates?trainerId=${otherTrainer.id}`, trainer.headers)).statusCode).toBe(403);
      expect((await api.get('/templates', member.headers)).json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
      expect((await api.get('/templates')).json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    });

    it('refuses a bad page size or trainer id', async () => {
      expect((await api.get('/templates?pageSize=0', trainer.headers)).json()).toMatchObject({ status: 400, errors: [{ path: 'pageSize' }] });
      expect((await api.get('/templates?trainerId=x', admin.headers)).json()).toMatchObject({ status: 400, errors: [{ path: 'trainerId' }] });
    });
  });

  describe('GET /templates/{id}', () => {
    it('shows a template to its trainer and an admin; 404 to another trainer (not theirs to know of), 403 to a member; 401 anonymous', async () => {
      const id = await create(yoga);
      expect((await api.get(`/templates/${id}`, owner.headers)).statusCode).toBe(200);
      expect((await api.get(`/templates/${id}`, admin.headers)).json()).toMatchObject({ id, name: 'Morning Yoga' });
      expect((await api.get(`/templates/${id}`, otherTrainer.headers)).json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      expect((await api.get(`/templates/${id}`, member.headers)).statusCode).toBe(403);
      expect((await api.get(`/templates/${id}`)).statusCode).toBe(401);
    });

    it('answers 404 for an unknown template and 400 for an id that is not a UUID', async () => {
      expect((await api.get(`/templates/${UNKNOWN_ID}`, owner.headers)).json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      expect((await api.get('/templates/nope', owner.headers)).json()).toMatchObject({ status: 400, errors: [{ path: 'id' }] });
    });
  });

  describe('PUT /templates/{id}', () => {
    const changed = { name: 'Evening Yoga', durationMinutes: 75, capacity: 14, creditCost: 3 };

    it('replaces every detail for the owner and an admin, and records the change', async () => {
      const id = await create(yoga);
      const before = (await api.get(`/templates/${id}`, owner.headers)).json();

      const updated = expectStatus(await api.put(`/templates/${id}`, changed, owner.headers), 200).json();
      expect(updated).toMatchObject({ ...changed, description: '', trainerId: owner.id, createdAt: before.createdAt });
      expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(before.updatedAt));
      expect((await api.put(`/templates/${id}`, { ...changed, capacity: 20 }, admin.headers)).json()).toMatchObject({ capacity: 20 });

      const types = await t.composition.database.db.selectFrom('outbox').select('type').where('aggregate_id', '=', id).orderBy('seq').execute();
      expect(types.map((row) => row.type)).toEqual(['ClassTemplateCreated', 'ClassTemplateUpdated', 'ClassTemplateUpdated']);
    });

    it('refuses another trainer (404, as reading answers), a member (403), an anonymous caller (401), an unknown id (404)', async () => {
      const id = await create(yoga);
      expect((await api.put(`/templates/${id}`, changed, otherTrainer.headers)).json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      expect((await api.put(`/templates/${id}`, changed, member.headers)).statusCode).toBe(403);
      expect((await api.put(`/templates/${id}`, changed)).statusCode).toBe(401);
      expect((await api.put(`/templates/${UNKNOWN_ID}`, changed, owner.headers)).statusCode).toBe(404);
      expect((await api.get(`/templates/${id}`, owner.headers)).json()).toMatchObject(yoga);
    });

    it('requires the credit cost and refuses bad values, naming the field', async () => {
      const id = await create(yoga);
      const { creditCost: _omitted, ...withoutCost } = changed;
      expect((await api.put(`/templates/${id}`, withoutCost, owner.headers)).json()).toMatchObject({
        status: 400,
        errors: [{ path: 'creditCost' }],
      });
      expect((await api.put(`/templates/${id}`, { ...changed, durationMinutes: 1000 }, owner.headers)).json()).toMatchObject({
        status: 400,
        errors: [{ path: 'durationMinutes' }],
      });
    });
  });

  describe('DELETE /templates/{id}', () => {
    it('deletes a template; sessions scheduled from it stay unchanged', async () => {
      const id = await create(yoga);
      const week = freshWeek();
      const scheduled = expectStatus(await api.post('/sessions', { templateId: id, startsAt: week.at(1, '07:00') }, owner.headers), 201).json();

      expect((await api.delete(`/templates/${id}`, otherTrainer.headers)).json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      expect((await api.delete(`/templates/${id}`, member.headers)).statusCode).toBe(403);
      expect((await api.delete(`/templates/${id}`)).statusCode).toBe(401);
      const deleted = await api.delete(`/templates/${id}`, owner.headers);
      expect(deleted.statusCode).toBe(204);
      expect(deleted.body).toBe('');

      expect((await api.get(`/templates/${id}`, owner.headers)).statusCode).toBe(404);
      expect((await api.delete(`/templates/${id}`, owner.headers)).statusCode).toBe(404);
      expect((await api.get('/templates?pageSize=100', owner.headers)).json().items.map((item: { id: string }) => item.id)).not.toContain(id);
      const session = expectStatus(await api.get(`/sessions/${scheduled.id}`, owner.headers), 200).json();
      expect(session).toMatchObject({ templateId: null, name: yoga.name, capacity: yoga.capacity, creditCost: yoga.creditCost });
    });

    it('lets an admin delete any template', async () => {
      const id = await create(yoga);
      expect((await api.delete(`/templates/${id}`, admin.headers)).statusCode).toBe(204);
    });
  });
});
