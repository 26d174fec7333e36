import { describe, expect, it } from 'vitest';
import { SESSION_CANCELLED } from '@fitflow/domain-scheduling';
import { ForbiddenError, SessionNotFoundError } from '../../errors';
import { CAST, ClassSessionMother, type CastMember, actor, createSchedulingFakes } from '../../testing';
import { CancelSessionHandler } from './cancel-session.handler';

function setUp(now?: string) {
  const fakes = createSchedulingFakes(now);
  const session = ClassSessionMother.published({ trainerId: CAST.trainer.userId });
  fakes.sessions.seed(session);
  const handler = new CancelSessionHandler(fakes.uow, fakes.sessionsFinder, fakes.clock);
  const cancel = (who: CastMember, reason = 'Trainer is ill', id = session.id) => handler.handle({ actor: actor(who), id, reason });
  return { ...fakes, session, cancel };
}

describe('CancelSessionHandler', () => {
  it.each(['trainer', 'admin'] as const)('lets the %s cancel, and answers the cancelled Session', async (who) => {
    const { cancel } = setUp();
    await expect(cancel(who)).resolves.toMatchObject({ status: 'cancelled', cancellationReason: 'Trainer is ill' });
  });

  it('records SessionCancelled with the reason and the trainer’s name', async () => {
    const { cancel, sessions, session } = setUp();
    await cancel('trainer');
    expect(sessions.outbox).toMatchObject([
      { type: SESSION_CANCELLED, payload: { sessionId: session.id, reason: 'Trainer is ill', trainerName: 'Tara Trainer', previousStatus: 'published' } },
    ]);
  });

  it('refuses a blank reason with VALIDATION_FAILED', async () => {
    const { cancel, sessions, session } = setUp();
    await expect(cancel('trainer', '   ')).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'reason' });
    expect(sessions.row(session.id)?.status).toBe('published');
  });

  it('refuses a session that has started with INVALID_STATE', async () => {
    const { cancel, sessions, session } = setUp('2026-12-02T07:00:00.000Z');
    await expect(cancel('trainer')).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect(sessions.row(session.id)?.status).toBe('published');
  });

  it('refuses a session already cancelled with INVALID_STATE', async () => {
    const { cancel } = setUp();
    await cancel('trainer');
    await expect(cancel('trainer')).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it.each(['otherTrainer', 'member'] as const)('refuses %s a published session (on the schedule for all) with FORBIDDEN', async (who) => {
    const { cancel, sessions, session } = setUp();
    await expect(cancel(who)).rejects.toBeInstanceOf(ForbiddenError);
    expect(sessions.row(session.id)?.status).toBe('published');
  });

  it('answers NOT_FOUND to another trainer cancelling a draft, as reading it answers', async () => {
    const { cancel, sessions } = setUp();
    const draft = ClassSessionMother.draft({ trainerId: CAST.trainer.userId });
    sessions.seed(draft);
    await expect(cancel('otherTrainer', 'No', draft.id)).rejects.toBeInstanceOf(SessionNotFoundError);
    expect(sessions.row(draft.id)?.status).toBe('draft');
  });

  it('answers NOT_FOUND for a session that does not exist', async () => {
    const { cancel } = setUp();
    await expect(cancel('admin', 'Because', 'no-such-session')).rejects.toBeInstanceOf(SessionNotFoundError);
  });
});
