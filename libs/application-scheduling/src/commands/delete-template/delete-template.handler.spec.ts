import { describe, expect, it } from 'vitest';
import { CLASS_TEMPLATE_DELETED } from '@fitflow/domain-scheduling';
import { ForbiddenError, TemplateNotFoundError } from '../../errors';
import { CAST, ClassSessionMother, ClassTemplateMother, type CastMember, actor, createSchedulingFakes } from '../../testing';
import { DeleteTemplateHandler } from './delete-template.handler';

function setUp() {
  const fakes = createSchedulingFakes();
  const template = ClassTemplateMother.stored({ trainerId: CAST.trainer.userId });
  fakes.templates.seed(template);
  const handler = new DeleteTemplateHandler(fakes.uow, fakes.clock);
  const remove = (who: CastMember, id = template.id) => handler.handle({ actor: actor(who), id });
  return { ...fakes, template, remove };
}

describe('DeleteTemplateHandler', () => {
  it.each(['trainer', 'admin'] as const)('lets the %s delete it and records ClassTemplateDeleted', async (who) => {
    const { remove, templates, template } = setUp();
    await remove(who);
    expect(templates.rows()).toEqual([]);
    expect(templates.outbox).toMatchObject([{ type: CLASS_TEMPLATE_DELETED, payload: { templateId: template.id, name: 'Morning Yoga' } }]);
  });

  it('leaves sessions scheduled from it as they were', async () => {
    const { remove, sessions, template } = setUp();
    const session = ClassSessionMother.published({ templateId: template.id });
    sessions.seed(session);
    await remove('trainer');
    expect(sessions.row(session.id)).toEqual(session.snapshot());
  });

  it.each([
    { who: 'member', answer: 'FORBIDDEN', error: ForbiddenError },
    { who: 'otherTrainer', answer: 'NOT_FOUND', error: TemplateNotFoundError },
  ] as const)('refuses $who with $answer (another trainer may not know the template exists), keeping it', async ({ who, error }) => {
    const { remove, templates } = setUp();
    await expect(remove(who)).rejects.toBeInstanceOf(error);
    expect(templates.rows()).toHaveLength(1);
  });

  it('answers NOT_FOUND for a template that does not exist', async () => {
    const { remove } = setUp();
    await expect(remove('admin', 'no-such-template')).rejects.toBeInstanceOf(TemplateNotFoundError);
  });
});
