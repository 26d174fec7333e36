import { describe, expect, it } from 'vitest';
import type { Actor } from '@fitflow/application-shared';
import type { SessionsFilter, SessionsFinder } from '../../ports';
import { CAST, ClassSessionMother, actor, createSchedulingFakes } from '../../testing';
import { ListSessionsHandler } from './list-sessions.handler';

/** A finder that remembers the filter it was asked. */
function recordingFinder(): SessionsFinder & { asked: SessionsFilter[] } {
  const asked: SessionsFilter[] = [];
  return {
    asked,
    byId: async () => null,
    byIds: async () => [],
    list: async (filter) => {
      asked.push(filter);
      return { items: [], page: filter.page, pageSize: filter.pageSize, total: 0 };
    },
  };
}

const day = (date: string, hour = '07') => ({
  startsAt: new Date(`2026-12-${date}T${hour}:00:00.000Z`),
  endsAt: new Date(`2026-12-${date}T${hour}:45:00.000Z`),
});

function setUp() {
  const fakes = createSchedulingFakes();
  const sessions = {
    yoga: ClassSessionMother.published({ name: 'Morning Yoga', ...day('03') }),
    boxing: ClassSessionMother.published({ name: 'Boxing', trainerId: CAST.otherTrainer.userId, ...day('02') }),
    full: ClassSessionMother.published({ name: 'Spin', capacity: 2, ...day('04') }),
    cancelled: ClassSessionMother.cancelled({ name: 'Pilates', ...day('05') }),
    ownDraft: ClassSessionMother.draft({ name: 'Draft Yoga', ...day('06') }),
    otherDraft: ClassSessionMother.draft({ name: 'Draft Boxing', trainerId: CAST.otherTrainer.userId, ...day('07') }),
    past: ClassSessionMother.published({ name: 'Yesterday Yoga', startsAt: new Date('2026-11-30T07:00:00Z'), endsAt: new Date('2026-11-30T08:00:00Z') }),
  };
  fakes.sessions.seed(...Object.values(sessions));
  fakes.occupancy.set(sessions.full.id, { booked: 1, held: 1 });
  const handler = new ListSessionsHandler(fakes.sessionsFinder);
  const names = async (viewer: Actor | null, query: object = {}) =>
    (await handler.handle({ viewer, ...query })).items.map((item) => item.name);
  return { ...fakes, sessions, handler, names };
}

describe('ListSessionsHandler', () => {
  it('asks the finder for the first page of 20 when no page is given', async () => {
    const finder = recordingFinder();
    await new ListSessionsHandler(finder).handle({ viewer: null });
    expect(finder.asked).toStrictEqual([{ viewer: null, page: 1, pageSize: 20 }]);
  });

  it('passes the range as instants, the filters, and the trimmed search through', async () => {
    const finder = recordingFinder();
    await new ListSessionsHandler(finder).handle({
      viewer: actor('member'),
      from: '2026-12-01T00:00:00Z',
      to: '2026-12-08T00:00:00Z',
      trainerId: CAST.trainer.userId,
      available: true,
      q: '  yoga ',
      page: 2,
      pageSize: 5,
    });
    expect(finder.asked).toStrictEqual([
      {
        viewer: actor('member'),
        page: 2,
        pageSize: 5,
        from: new Date('2026-12-01T00:00:00Z'),
        to: new Date('2026-12-08T00:00:00Z'),
        trainerId: CAST.trainer.userId,
        available: true,
        q: 'yoga',
      },
    ]);
  });

  it('ignores a blank search and available=false', async () => {
    const finder = recordingFinder();
    await new ListSessionsHandler(finder).handle({ viewer: null, q: '   ', available: false });
    expect(finder.asked).toStrictEqual([{ viewer: null, page: 1, pageSize: 20 }]);
  });

  it('refuses a bad instant and a range that ends before it starts', async () => {
    const handler = new ListSessionsHandler(recordingFinder());
    await expect(handler.handle({ viewer: null, from: 'monday' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'from' });
    await expect(
      handler.handle({ viewer: null, from: '2026-12-08T00:00:00Z', to: '2026-12-01T00:00:00Z' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'to' });
  });
});

describe('ListSessionsHandler with the in-memory finder', () => {
  it('shows anonymous callers and members every session but drafts, by start time', async () => {
    const { names } = setUp();
    const expected = ['Yesterday Yoga', 'Boxing', 'Morning Yoga', 'Spin', 'Pilates'];
    expect(await names(null)).toEqual(expected);
    expect(await names(actor('member'))).toEqual(expected);
  });

  it('shows a trainer their own drafts too, not another trainer’s', async () => {
    const { names } = setUp();
    expect(await names(actor('trainer'))).toContain('Draft Yoga');
    expect(await names(actor('trainer'))).not.toContain('Draft Boxing');
    expect(await names(actor('otherTrainer'))).toContain('Draft Boxing');
    expect(await names(actor('otherTrainer'))).not.toContain('Draft Yoga');
  });

  it('shows an admin everything', async () => {
    const { names } = setUp();
    expect(await names(actor('admin'))).toHaveLength(7);
  });

  it('keeps sessions starting in [from, to)', async () => {
    const { names } = setUp();
    expect(await names(null, { from: '2026-12-02T07:00:00Z', to: '2026-12-04T07:00:00Z' })).toEqual(['Boxing', 'Morning Yoga']);
  });

  it('keeps one trainer’s sessions', async () => {
    const { names } = setUp();
    expect(await names(null, { trainerId: CAST.otherTrainer.userId })).toEqual(['Boxing']);
  });

  it('with available=true keeps only bookable sessions with a free spot', async () => {
    const { names } = setUp();
    expect(await names(null, { available: true })).toEqual(['Boxing', 'Morning Yoga']);
  });

  it('searches the name and the trainer’s name, ignoring case', async () => {
    const { names } = setUp();
    expect(await names(null, { q: 'YOGA' })).toEqual(['Yesterday Yoga', 'Morning Yoga']);
    expect(await names(null, { q: 'substitute' })).toEqual(['Boxing']);
  });

  it('pages through the sessions and counts them all', async () => {
    const { handler } = setUp();
    const page = await handler.handle({ viewer: null, page: 2, pageSize: 2 });
    expect(page).toMatchObject({ page: 2, pageSize: 2, total: 5 });
    expect(page.items.map((item) => item.name)).toEqual(['Morning Yoga', 'Spin']);
  });

  it('answers effective statuses and availability', async () => {
    const { handler, sessions } = setUp();
    const { items } = await handler.handle({ viewer: null });
    const byId = new Map(items.map((item) => [item.id, item]));
    expect(byId.get(sessions.past.id)?.status).toBe('completed');
    expect(byId.get(sessions.full.id)).toMatchObject({ bookedCount: 1, heldCount: 1, availableSpots: 0 });
  });
});
