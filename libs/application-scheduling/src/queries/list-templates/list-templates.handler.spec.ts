import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../errors';
import type { ClassTemplatesFinder, TemplatesFilter } from '../../ports';
import { CAST, ClassTemplateMother, actor, createSchedulingFakes } from '../../testing';
import { ListTemplatesHandler } from './list-templates.handler';

function setUp() {
  const fakes = createSchedulingFakes();
  fakes.templates.seed(
    ClassTemplateMother.stored({ name: 'Yoga', trainerId: CAST.trainer.userId }),
    ClassTemplateMother.stored({ name: 'Boxing', trainerId: CAST.otherTrainer.userId }),
    ClassTemplateMother.stored({ name: 'Pilates', trainerId: CAST.trainer.userId }),
  );
  return { ...fakes, handler: new ListTemplatesHandler(fakes.templatesFinder) };
}

const names = (page: { items: { name: string }[] }) => page.items.map((item) => item.name);

describe('ListTemplatesHandler', () => {
  it('shows a trainer their own templates only, by name', async () => {
    const { handler } = setUp();
    const page = await handler.handle({ actor: actor('trainer') });
    expect(names(page)).toEqual(['Pilates', 'Yoga']);
    expect(page).toMatchObject({ page: 1, pageSize: 20, total: 2 });
  });

  it('lets a trainer name themselves', async () => {
    const { handler } = setUp();
    expect(names(await handler.handle({ actor: actor('trainer'), trainerId: CAST.trainer.userId }))).toEqual(['Pilates', 'Yoga']);
  });

  it('refuses a trainer asking for another trainer’s templates with FORBIDDEN', async () => {
    const { handler } = setUp();
    await expect(handler.handle({ actor: actor('trainer'), trainerId: CAST.otherTrainer.userId })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it('shows an admin every template, or one trainer’s', async () => {
    const { handler } = setUp();
    expect(names(await handler.handle({ actor: actor('admin') }))).toEqual(['Boxing', 'Pilates', 'Yoga']);
    expect(names(await handler.handle({ actor: actor('admin'), trainerId: CAST.otherTrainer.userId }))).toEqual(['Boxing']);
  });

  it('refuses a member with FORBIDDEN', async () => {
    const { handler } = setUp();
    await expect(handler.handle({ actor: actor('member') })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('pages through the templates', async () => {
    const { handler } = setUp();
    const page = await handler.handle({ actor: actor('admin'), page: 2, pageSize: 2 });
    expect(page).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(names(page)).toEqual(['Yoga']);
  });

  it('asks the finder with the trainer’s own id even when none is given', async () => {
    const asked: TemplatesFilter[] = [];
    const finder: ClassTemplatesFinder = {
      byId: async () => null,
      list: async (filter) => (asked.push(filter), { items: [], page: filter.page, pageSize: filter.pageSize, total: 0 }),
    };
    await new ListTemplatesHandler(finder).handle({ actor: actor('trainer') });
    await new ListTemplatesHandler(finder).handle({ actor: actor('admin') });
    expect(asked).toStrictEqual([
      { page: 1, pageSize: 20, trainerId: CAST.trainer.userId },
      { page: 1, pageSize: 20 },
    ]);
  });
});
