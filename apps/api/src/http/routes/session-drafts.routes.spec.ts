import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../../testing/databases';
import { apiClient, expectStatus, freshWeek, signUpAs, type Headers, type SignedIn } from '../../testing/scheduling';
import { TEST_ADMIN, createTestApp, signIn, signUp, type TestApp } from '../../testing/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const DAY = 86_400_000;

interface SessionJson {
  id: string;
  status: string;
  startsAt: string;
  [key: string]: unknown;
}

/**
 * What a trainer does with drafts in bulk or for good: POST /sessions/publish (a whole series at once, all or
 * none) and DELETE /sessions/{id} (a draft nobody has seen).
 */
describe.each(TEST_DATABASES)('publishing drafts together and deleting drafts on %s', (kind) => {
  let t: TestApp;
  let api: ReturnType<typeof apiClient>;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let owner: SignedIn;
  let otherTrainer: SignedIn;
  let member: SignedIn;
  let seriesWeeks: ReturnType<typeof freshWeek>;

  beforeAll(async () => {
    t = await createTestApp(kind);
    api = apiClient(t.app);
    admin = await signIn(t.app, TEST_ADMIN.email, TEST_ADMIN.password);
    owner = await signUpAs(t.app, 'trainer', { name: 'Tess Owner' });
    otherTrainer = await signUpAs(t.app, 'trainer', { name: 'Otto Other' });
    member = await signUp(t.app, { name: 'Maya Member' });
    seriesWeeks = freshWeek();
    for (let week = 1; week < 4; week += 1) freshWeek();
  });
  afterAll(() => t?.close());

  /**
   * Drafts of `headers`' trainer: every Monday and Wednesday at 07:00 for `weeks` weeks (at most 4) from the weeks
   * `beforeAll` set aside. Series overlap in time, as nothing forbids; the tests tell them apart by id.
   */
  const draftSeries = async (weeks: number, headers: Headers = owner.headers): Promise<string[]> => {
    const until = new Date(Date.parse(seriesWeeks.from) + ((weeks - 1) * 7 + 2) * DAY).toISOString().slice(0, 10);
    const body = {
      name: 'Sunrise Yoga',
      capacity: 10,
      startsAt: seriesWeeks.at(0, '07:00'),
      endsAt: seriesWeeks.at(0, '08:00'),
      repeat: { weekdays: ['mon', 'wed'], until },
    };
    return expectStatus(await api.post('/sessions', body, headers), 201).json().ids;
  };
  const draft = async (headers: Headers = owner.headers): Promise<string> => (await draftSeries(1, headers))[0] as string;
  const publishOne = async (id: string, headers: Headers = owner.headers): Promise<void> => {
    expectStatus(await api.post(`/sessions/${id}/publish`, undefined, headers), 200);
  };
  const publishAll = (ids: unknown, headers: Headers = owner.headers) => api.post('/sessions/publish', { ids }, headers);
  const statusOf = async (id: string): Promise<string> => expectStatus(await api.get(`/sessions/${id}`, admin.headers), 200).json().status;
  const eventsOf = async (ids: string[], type: string): Promise<string[]> => {
    const { db } = t.composition.database;
    const rows = await db.selectFrom('outbox').select('aggregate_id').where('aggregate_id', 'in', ids).where('type', '=', type).execute();
    return rows.map((row) => row.aggregate_id);
  };

  it('documents both routes in OpenAPI', async () => {
    const doc = (await t.app.inject('/docs/json')).json();
    expect(doc.paths['/api/v1/sessions/publish'].post).toMatchObject({ operationId: 'publishSessions', tags: ['sessions'] });
    expect(Object.keys(doc.paths['/api/v1/sessions/publish'].post.responses)).toEqual(['200', '400', '401', '403', '404', '409']);
    expect(doc.paths['/api/v1/sessions/{id}'].delete).toMatchObject({ operationId: 'deleteSession', tags: ['sessions'] });
    expect(doc.components.schemas.PublishSessionsRequestInput.properties.ids).toMatchObject({ minItems: 1, maxItems: 100 });
    expect(doc.components.schemas.PublishedSessions.required).toEqual(['items']);
  });

  describe('POST /sessions/publish', () => {
    it('publishes a whole weekly series in one request, and answers every session published, by start', async () => {
      const series = await draftSeries(4);
      expect(series).toHaveLength(8);

      const answer = expectStatus(await publishAll([...series].reverse()), 200).json() as { items: SessionJson[] };

      expect(answer.items.map((session) => session.id)).toEqual(series);
      expect(answer.items.every((session) => session.status === 'published')).toBe(true);
      expect(answer.items[0]).toMatchObject({ availableSpots: 10, actions: expect.any(Object), me: expect.any(Object) });
      for (const id of series) expect(await statusOf(id)).toBe('published');
      expect((await eventsOf(series, 'SessionPublished')).sort()).toEqual([...series].sort());
    });

    it('lets an admin publish a trainer’s drafts together', async () => {
      const series = await draftSeries(1);
      const answer = expectStatus(await publishAll(series, admin.headers), 200).json() as { items: SessionJson[] };
      expect(answer.items.map((session) => [session.id, session.status])).toEqual(series.map((id) => [id, 'published']));
    });

    it.each([
      { refusal: 'one is published already', status: 409, code: 'INVALID_STATE' },
      { refusal: 'one is another trainer’s draft', status: 404, code: 'NOT_FOUND' },
      { refusal: 'one is another trainer’s published session', status: 403, code: 'FORBIDDEN' },
      { refusal: 'one does not exist', status: 404, code: 'NOT_FOUND' },
    ])('publishes nothing when $refusal: $status $code, naming that session', async ({ refusal, status, code }) => {
      const series = await draftSeries(2);
      const refused = await (async () => {
        if (refusal === 'one does not exist') return UNKNOWN_ID;
        const id = await draft(refusal.includes('another trainer') ? otherTrainer.headers : owner.headers);
        if (refusal.includes('published')) await publishOne(id, refusal.includes('another trainer') ? otherTrainer.headers : owner.headers);
        return id;
      })();

      const answer = await publishAll([series[0], series[1], refused, series[2], series[3]]);

      expect(answer.statusCode).toBe(status);
      expect(answer.headers['content-type']).toContain('application/problem+json');
      const naming = new RegExp(`^Session ${refused}: .+ Nothing was published\\.$`);
      expect(answer.json()).toMatchObject({ status, code, detail: expect.stringMatching(naming) });
      for (const id of series) expect(await statusOf(id)).toBe('draft');
      expect(await eventsOf(series, 'SessionPublished')).toEqual([]);
    });

    it.each([
      ['an empty list', [], 'ids'],
      ['the same id twice', ['S0', 'S0'], 'ids'],
      ['an id that is not a UUID', ['S0', 'not-an-id'], 'ids.1'],
      ['more than 100 ids', 'MANY', 'ids'],
      ['no list at all', undefined, 'ids'],
    ])('refuses %s with 400 and publishes nothing', async (_case, raw, path) => {
      const [id] = await draftSeries(1);
      const many = Array.from({ length: 101 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
      const ids = raw === 'MANY' ? many : Array.isArray(raw) ? raw.map((value) => (value === 'S0' ? id : value)) : raw;
      const answer = await api.post('/sessions/publish', ids === undefined ? {} : { ids }, owner.headers);
      expect(answer.statusCode, answer.body).toBe(400);
      expect(answer.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ path })] });
      expect(await statusOf(id as string)).toBe('draft');
    });

    it('refuses a member (403) and an anonymous caller (401)', async () => {
      const series = await draftSeries(1);
      expect((await publishAll(series, member.headers)).json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
      expect((await publishAll(series, {})).json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
      expect(await statusOf(series[0] as string)).toBe('draft');
    });

    describe('two at once, over real HTTP', () => {
      let base: string;

      beforeAll(async () => {
        await t.app.listen({ port: 0, host: '127.0.0.1' });
        base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/v1`;
      });

      const post = async (ids: string[]) => {
        const response = await fetch(`${base}/sessions/publish`, {
          method: 'POST',
          headers: { ...owner.headers, 'content-type': 'application/json' },
          body: JSON.stringify({ ids }),
        });
        return { status: response.status, body: (await response.json()) as { code?: string; items?: SessionJson[] } };
      };

      it('publishes overlapping drafts once: one request publishes all of its own, the other nothing, and neither deadlocks', async () => {
        // Each round lists the shared drafts in opposite orders, which is how two transactions that lock as they
        // go would deadlock; rounds give the requests several chances to interleave.
        for (let round = 0; round < 5; round += 1) {
          const drafts = await draftSeries(3);
          const first = drafts.slice(0, 4);
          const second = drafts.slice(2).reverse();

          const answers = await Promise.all([post(first), post(second)]);

          expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
          const winner = answers.find((answer) => answer.status === 200)!;
          const loser = answers.find((answer) => answer.status === 409)!;
          expect(loser.body.code).toBe('INVALID_STATE');
          const published = winner.body.items!.map((session) => session.id);
          expect(published).toHaveLength(4);
          for (const id of drafts) expect(await statusOf(id)).toBe(published.includes(id) ? 'published' : 'draft');
          expect((await eventsOf(drafts, 'SessionPublished')).sort()).toEqual([...published].sort());
        }
      });
    });
  });

  describe('DELETE /sessions/{id}', () => {
    it('deletes a draft: 204, then it is gone from its trainer’s classes and from its address, for good', async () => {
      const week = freshWeek();
      const body = { name: 'Draft to drop', capacity: 5, startsAt: week.at(2, '18:00'), endsAt: week.at(2, '19:00') };
      const [kept, dropped] = [
        expectStatus(await api.post('/sessions', { ...body, name: 'Draft to keep' }, owner.headers), 201).json().id as string,
        expectStatus(await api.post('/sessions', body, owner.headers), 201).json().id as string,
      ];
      const mine = async () => {
        const page = expectStatus(await api.get(`/sessions?from=${week.from}&to=${week.to}&trainerId=${owner.id}`, owner.headers), 200);
        return (page.json() as { items: SessionJson[] }).items.map((session) => session.id);
      };
      expect(await mine()).toEqual(expect.arrayContaining([kept, dropped]));

      const answer = await api.delete(`/sessions/${dropped}`, owner.headers);

      expect(answer.statusCode).toBe(204);
      expect(answer.body).toBe('');
      expect(await mine()).toEqual([kept]);
      expect((await api.get(`/sessions/${dropped}`, admin.headers)).statusCode).toBe(404);
      expect((await api.delete(`/sessions/${dropped}`, owner.headers)).statusCode).toBe(404);
      expect((await api.post(`/sessions/${dropped}/publish`, undefined, owner.headers)).statusCode).toBe(404);
      expect(await eventsOf([dropped], 'SessionDiscarded')).toEqual([dropped]);
    });

    it('refuses a published or a cancelled session with 409 INVALID_STATE: those are cancelled, never deleted', async () => {
      const published = await draft();
      await publishOne(published);
      const cancelled = await draft();
      expectStatus(await api.post(`/sessions/${cancelled}/cancel`, { reason: 'Studio closed' }, owner.headers), 200);

      for (const [id, status] of [
        [published, 'published'],
        [cancelled, 'cancelled'],
      ] as const) {
        const answer = await api.delete(`/sessions/${id}`, owner.headers);
        expect(answer.json()).toMatchObject({ status: 409, code: 'INVALID_STATE' });
        expect(await statusOf(id)).toBe(status);
      }
    });

    it('lets an admin delete anyone’s draft; refuses another trainer (404: a draft not theirs), a member (403), anonymous (401), an unknown id (404)', async () => {
      const id = await draft();
      expect((await api.delete(`/sessions/${id}`, otherTrainer.headers)).json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      expect((await api.delete(`/sessions/${id}`, member.headers)).json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
      expect((await api.delete(`/sessions/${id}`, {})).json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
      expect((await api.delete(`/sessions/${UNKNOWN_ID}`, owner.headers)).json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      expect(await statusOf(id)).toBe('draft');

      expect((await api.delete(`/sessions/${id}`, admin.headers)).statusCode).toBe(204);
      expect((await api.get(`/sessions/${id}`, admin.headers)).statusCode).toBe(404);
    });

    it('answers another trainer 403 for a published session, as cancelling it does', async () => {
      const id = await draft();
      await publishOne(id);
      expect((await api.delete(`/sessions/${id}`, otherTrainer.headers)).json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    });
  });
});
