import { describe, expect, it } from 'vitest';
import { SESSION_PUBLISHED } from '@fitflow/domain-scheduling';
import { ForbiddenError, SessionRefusedError } from '../../errors';
import { CAST, ClassSessionMother, type CastMember, actor, createSchedulingFakes } from '../../testing';
import { PublishSessionsHandler } from './publish-sessions.handler';

const UNKNOWN_ID = '55555555-0000-4000-8000-ffffffffffff';

/** Three drafts of the trainer's weekly series, on the 2nd, 9th and 16th of December, stored in no particular order. */
function setUp() {
  const fakes = createSchedulingFakes();
  const week = (day: number) => ({
    trainerId: CAST.trainer.userId,
    startsAt: new Date(`2026-12-${String(day).padStart(2, '0')}T07:00:00.000Z`),
    endsAt: new Date(`2026-12-${String(day).padStart(2, '0')}T08:00:00.000Z`),
  });
  const series = [ClassSessionMother.draft(week(16)), ClassSessionMother.draft(week(2)), ClassSessionMother.draft(week(9))];
  const published = ClassSessionMother.published({ trainerId: CAST.trainer.userId });
  const othersDraft = ClassSessionMother.draft({ trainerId: CAST.otherTrainer.userId, name: 'Spin' });
  const othersPublished = ClassSessionMother.published({ trainerId: CAST.otherTrainer.userId, name: 'Spin' });
  fakes.sessions.seed(...series, published, othersDraft, othersPublished);
  const handler = new PublishSessionsHandler(fakes.uow, fakes.sessionsFinder, fakes.clock);
  const publish = (who: CastMember, ids: string[]) => handler.handle({ actor: actor(who), ids });
  const statuses = () => fakes.sessions.rows().map((row) => row.status);
  return { ...fakes, series, published, othersDraft, othersPublished, publish, statuses };
}

describe('PublishSessionsHandler', () => {
  it.each(['trainer', 'admin'] as const)('lets the %s publish a whole series at once, answering the sessions by start', async (who) => {
    const { publish, series } = setUp();
    const answer = await publish(who, series.map((session) => session.id));
    expect(answer.map((view) => [view.startsAt, view.status])).toEqual([
      ['2026-12-02T07:00:00.000Z', 'published'],
      ['2026-12-09T07:00:00.000Z', 'published'],
      ['2026-12-16T07:00:00.000Z', 'published'],
    ]);
  });

  it('records one SessionPublished per session, as publishing each alone would', async () => {
    const { publish, sessions, series } = setUp();
    await publish('trainer', series.map((session) => session.id));
    expect(sessions.outbox.map((event) => [event.type, event.aggregateId])).toEqual(
      expect.arrayContaining(series.map((session) => [SESSION_PUBLISHED, session.id])),
    );
    expect(sessions.outbox).toHaveLength(3);
    expect(sessions.outbox[0]).toMatchObject({ payload: { trainerName: 'Tara Trainer', capacity: 12, creditCost: 1 } });
  });

  it('lets an admin publish drafts of two trainers together, each event naming its own trainer', async () => {
    const { publish, sessions, series, othersDraft } = setUp();
    await publish('admin', [othersDraft.id, series[0]!.id]);
    const trainerNames = sessions.outbox.map((event) => [event.aggregateId, (event.payload as { trainerName: string }).trainerName]);
    expect(Object.fromEntries(trainerNames)).toEqual({
      [othersDraft.id]: 'Sam Substitute',
      [series[0]!.id]: 'Tara Trainer',
    });
  });

  it.each([
    { refused: 'a session published already', code: 'INVALID_STATE', pick: 'published' },
    { refused: 'another trainer’s draft (not theirs to know of)', code: 'NOT_FOUND', pick: 'othersDraft' },
    { refused: 'another trainer’s published session', code: 'FORBIDDEN', pick: 'othersPublished' },
    { refused: 'a session that does not exist', code: 'NOT_FOUND', pick: 'unknown' },
  ] as const)('publishes nothing when one id is $refused: $code, naming it', async ({ code, pick }) => {
    const fakes = setUp();
    const refusedId = pick === 'unknown' ? UNKNOWN_ID : fakes[pick].id;
    const before = fakes.statuses();
    const ids = [fakes.series[0]!.id, refusedId, fakes.series[1]!.id];

    const refusal = fakes.publish('trainer', ids);

    await expect(refusal).rejects.toBeInstanceOf(SessionRefusedError);
    await expect(refusal).rejects.toMatchObject({ code, sessionId: refusedId, message: expect.stringContaining(`Session ${refusedId}: `) });
    await expect(refusal).rejects.toMatchObject({ message: expect.stringMatching(/Nothing was published\.$/) });
    expect(fakes.statuses()).toEqual(before);
    expect(fakes.sessions.outbox).toEqual([]);
  });

  it('answers for the first refused session in the order the caller listed them', async () => {
    const { publish, published, othersPublished } = setUp();
    await expect(publish('trainer', [othersPublished.id, UNKNOWN_ID, published.id])).rejects.toMatchObject({
      code: 'FORBIDDEN',
      sessionId: othersPublished.id,
    });
    await expect(publish('trainer', [published.id, othersPublished.id])).rejects.toMatchObject({ code: 'INVALID_STATE', sessionId: published.id });
  });

  it('refuses a member before looking at any session', async () => {
    const { publish, series, statuses } = setUp();
    const before = statuses();
    await expect(publish('member', [series[0]!.id])).rejects.toBeInstanceOf(ForbiddenError);
    await expect(publish('member', [series[0]!.id])).rejects.not.toBeInstanceOf(SessionRefusedError);
    expect(statuses()).toEqual(before);
  });

  it('refuses a draft whose start has passed, naming it', async () => {
    const { publish, sessions, series } = setUp();
    const past = ClassSessionMother.draft({ startsAt: new Date('2026-11-30T07:00:00.000Z'), endsAt: new Date('2026-11-30T08:00:00.000Z') });
    sessions.seed(past);
    await expect(publish('trainer', [series[0]!.id, past.id])).rejects.toMatchObject({ code: 'INVALID_STATE', sessionId: past.id });
    expect(sessions.row(series[0]!.id)?.status).toBe('draft');
  });
});
