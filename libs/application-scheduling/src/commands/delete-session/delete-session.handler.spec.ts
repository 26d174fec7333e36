import { describe, expect, it } from 'vitest';
import { SESSION_DISCARDED } from '@fitflow/domain-scheduling';
import { ForbiddenError, SessionNotFoundError } from '../../errors';
import { CAST, ClassSessionMother, type CastMember, actor, createSchedulingFakes } from '../../testing';
import { DeleteSessionHandler } from './delete-session.handler';

function setUp() {
  const fakes = createSchedulingFakes();
  const draft = ClassSessionMother.draft({ trainerId: CAST.trainer.userId, name: 'Morning Yoga' });
  const published = ClassSessionMother.published({ trainerId: CAST.trainer.userId });
  fakes.sessions.seed(draft, published);
  const handler = new DeleteSessionHandler(fakes.uow, fakes.clock);
  const remove = (who: CastMember, id = draft.id) => handler.handle({ actor: actor(who), id });
  return { ...fakes, draft, published, remove };
}

describe('DeleteSessionHandler', () => {
  it.each(['trainer', 'admin'] as const)('lets the %s delete a draft: it is gone, with SessionDiscarded recorded', async (who) => {
    const { remove, sessions, draft, sessionsFinder } = setUp();
    await remove(who);
    expect(sessions.row(draft.id)).toBeUndefined();
    expect(await sessionsFinder.byId(draft.id, actor('admin'))).toBeNull();
    expect(sessions.outbox).toMatchObject([
      {
        type: SESSION_DISCARDED,
        aggregateId: draft.id,
        payload: { sessionId: draft.id, name: 'Morning Yoga', trainerName: 'Tara Trainer' },
      },
    ]);
  });

  it.each([
    { what: 'a published session', make: () => ClassSessionMother.published({ trainerId: CAST.trainer.userId }), status: 'published' },
    { what: 'a cancelled session', make: () => ClassSessionMother.cancelled({ trainerId: CAST.trainer.userId }), status: 'cancelled' },
  ])('refuses $what with INVALID_STATE and keeps it', async ({ make, status }) => {
    const { remove, sessions } = setUp();
    const session = make();
    sessions.seed(session);
    await expect(remove('trainer', session.id)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect(sessions.row(session.id)?.status).toBe(status);
    expect(sessions.outbox).toEqual([]);
  });

  it.each([
    { who: 'member', answer: 'FORBIDDEN', error: ForbiddenError },
    { who: 'otherTrainer', answer: 'NOT_FOUND', error: SessionNotFoundError },
  ] as const)('refuses $who a draft with $answer (another trainer’s draft is not theirs to know of), keeping it', async ({ who, error }) => {
    const { remove, sessions, draft } = setUp();
    await expect(remove(who)).rejects.toBeInstanceOf(error);
    expect(sessions.row(draft.id)?.status).toBe('draft');
  });

  it('refuses another trainer a published session with FORBIDDEN, as cancelling it answers', async () => {
    const { remove, published } = setUp();
    await expect(remove('otherTrainer', published.id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('answers NOT_FOUND for a session that does not exist, or no longer does', async () => {
    const { remove } = setUp();
    await expect(remove('admin', 'no-such-session')).rejects.toBeInstanceOf(SessionNotFoundError);
    await remove('trainer');
    await expect(remove('trainer')).rejects.toBeInstanceOf(SessionNotFoundError);
  });
});
