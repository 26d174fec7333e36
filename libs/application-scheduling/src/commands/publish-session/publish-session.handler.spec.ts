import { describe, expect, it } from 'vitest';
import { SESSION_PUBLISHED } from '@fitflow/domain-scheduling';
import { ForbiddenError, SessionNotFoundError } from '../../errors';
import { CAST, ClassSessionMother, FAKE_NOW, TOMORROW_0700, type CastMember, actor, createSchedulingFakes } from '../../testing';
import { PublishSessionHandler } from './publish-session.handler';

function setUp() {
  const fakes = createSchedulingFakes();
  const draft = ClassSessionMother.draft({ trainerId: CAST.trainer.userId, name: 'Morning Yoga' });
  fakes.sessions.seed(draft);
  const handler = new PublishSessionHandler(fakes.uow, fakes.sessionsFinder, fakes.clock);
  const publish = (who: CastMember, id = draft.id) => handler.handle({ actor: actor(who), id });
  return { ...fakes, draft, publish };
}

describe('PublishSessionHandler', () => {
  it.each(['trainer', 'admin'] as const)('lets the %s publish a draft, and answers the Session', async (who) => {
    const { publish, draft } = setUp();
    await expect(publish(who)).resolves.toMatchObject({ id: draft.id, status: 'published', trainerName: 'Tara Trainer' });
  });

  it('records SessionPublished, self-contained', async () => {
    const { publish, sessions, draft } = setUp();
    await publish('trainer');
    expect(sessions.outbox).toMatchObject([
      {
        type: SESSION_PUBLISHED,
        occurredAt: FAKE_NOW,
        payload: { sessionId: draft.id, name: 'Morning Yoga', startsAt: TOMORROW_0700, trainerId: CAST.trainer.userId, trainerName: 'Tara Trainer' },
      },
    ]);
  });

  it.each([
    { who: 'member', answer: 'FORBIDDEN', error: ForbiddenError },
    { who: 'otherTrainer', answer: 'NOT_FOUND', error: SessionNotFoundError },
  ] as const)('refuses $who with $answer (another trainer’s draft is not theirs to know of), leaving a draft', async ({ who, error }) => {
    const { publish, sessions, draft } = setUp();
    await expect(publish(who)).rejects.toBeInstanceOf(error);
    expect(sessions.row(draft.id)?.status).toBe('draft');
  });

  it('refuses a published or a cancelled session with INVALID_STATE', async () => {
    const { publish, sessions } = setUp();
    const published = ClassSessionMother.published({ trainerId: CAST.trainer.userId });
    const cancelled = ClassSessionMother.cancelled({ trainerId: CAST.trainer.userId });
    sessions.seed(published, cancelled);
    await expect(publish('trainer', published.id)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(publish('trainer', cancelled.id)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect(sessions.outbox).toEqual([]);
  });

  it('answers NOT_FOUND for a session that does not exist', async () => {
    const { publish } = setUp();
    await expect(publish('admin', 'no-such-session')).rejects.toBeInstanceOf(SessionNotFoundError);
  });
});
