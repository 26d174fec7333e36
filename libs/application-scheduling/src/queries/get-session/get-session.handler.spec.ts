import { describe, expect, it } from 'vitest';
import { SessionNotFoundError } from '../../errors';
import { CAST, ClassSessionMother, TOMORROW_0700, TOMORROW_0800, actor, createSchedulingFakes } from '../../testing';
import { GetSessionHandler } from './get-session.handler';

function setUp(now?: string) {
  const fakes = createSchedulingFakes(now);
  const published = ClassSessionMother.published({ trainerId: CAST.trainer.userId, templateId: null, capacity: 12 });
  const draft = ClassSessionMother.draft({ trainerId: CAST.trainer.userId });
  fakes.sessions.seed(published, draft);
  fakes.occupancy.set(published.id, { booked: 3, held: 1, waitlisted: 0 });
  return { ...fakes, published, draft, handler: new GetSessionHandler(fakes.sessionsFinder) };
}

describe('GetSessionHandler', () => {
  it('answers an anonymous caller the Session with its availability and no `me`', async () => {
    const { handler, published } = setUp();
    const view = await handler.handle({ viewer: null, id: published.id });
    expect(view).toStrictEqual({
      id: published.id,
      name: 'Morning Yoga',
      description: 'Gentle flow to start the day',
      templateId: null,
      trainerId: CAST.trainer.userId,
      trainerName: 'Tara Trainer',
      startsAt: TOMORROW_0700,
      endsAt: TOMORROW_0800,
      capacity: 12,
      creditCost: 1,
      bookedCount: 3,
      heldCount: 1,
      availableSpots: 8,
      waitlistCount: 0,
      status: 'published',
      cancellationReason: null,
    });
  });

  it('adds `me` for a signed-in caller', async () => {
    const { handler, published, occupancy } = setUp();
    occupancy.setViewerState(published.id, CAST.member.userId, { bookingId: 'booking-1' });
    const view = await handler.handle({ viewer: actor('member'), id: published.id });
    expect(view.me).toEqual({ bookingId: 'booking-1', holdId: null, waitlistPosition: null });
  });

  it('answers the status at the clock: in progress from the start', async () => {
    const { handler, published } = setUp('2026-12-02T07:30:00.000Z');
    await expect(handler.handle({ viewer: null, id: published.id })).resolves.toMatchObject({ status: 'in_progress' });
  });

  it.each([
    ['an anonymous caller', null],
    ['a member', actor('member')],
    ['another trainer', actor('otherTrainer')],
  ])('hides a draft from %s with NOT_FOUND', async (_, viewer) => {
    const { handler, draft } = setUp();
    await expect(handler.handle({ viewer, id: draft.id })).rejects.toBeInstanceOf(SessionNotFoundError);
  });

  it.each(['trainer', 'admin'] as const)('shows a draft to the %s', async (who) => {
    const { handler, draft } = setUp();
    await expect(handler.handle({ viewer: actor(who), id: draft.id })).resolves.toMatchObject({ status: 'draft' });
  });

  it('answers NOT_FOUND for a session that does not exist', async () => {
    const { handler } = setUp();
    await expect(handler.handle({ viewer: actor('admin'), id: 'no-such-session' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
