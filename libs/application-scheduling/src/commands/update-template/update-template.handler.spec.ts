import { describe, expect, it } from 'vitest';
import { CLASS_TEMPLATE_UPDATED } from '@fitflow/domain-scheduling';
import { ForbiddenError, TemplateNotFoundError } from '../../errors';
import { CAST, ClassTemplateMother, FAKE_NOW, LONG_AGO, type CastMember, actor, createSchedulingFakes } from '../../testing';
import { UpdateTemplateHandler } from './update-template.handler';

const change = { name: 'Power Yoga', description: 'Faster', durationMinutes: 45, capacity: 8, creditCost: 2 };

function setUp() {
  const fakes = createSchedulingFakes();
  const template = ClassTemplateMother.stored({ trainerId: CAST.trainer.userId });
  fakes.templates.seed(template);
  const handler = new UpdateTemplateHandler(fakes.uow, fakes.templatesFinder, fakes.clock);
  const update = (who: CastMember, overrides: object = {}) =>
    handler.handle({ actor: actor(who), id: template.id, ...change, ...overrides });
  return { ...fakes, template, update };
}

describe('UpdateTemplateHandler', () => {
  it('lets the owner trainer replace the details, and answers the Template', async () => {
    const { update, template } = setUp();
    await expect(update('trainer')).resolves.toEqual({
      id: template.id,
      name: 'Power Yoga',
      description: 'Faster',
      durationMinutes: 45,
      capacity: 8,
      creditCost: 2,
      trainerId: CAST.trainer.userId,
      trainerName: 'Tara Trainer',
      createdAt: LONG_AGO.toISOString(),
      updatedAt: FAKE_NOW,
    });
  });

  it('records ClassTemplateUpdated in the outbox', async () => {
    const { update, templates } = setUp();
    await update('trainer');
    expect(templates.outbox).toMatchObject([{ type: CLASS_TEMPLATE_UPDATED, payload: { name: 'Power Yoga', capacity: 8 } }]);
  });

  it('lets an admin change any trainer’s template', async () => {
    const { update, templates, template } = setUp();
    await update('admin');
    expect(templates.row(template.id)).toMatchObject({ name: 'Power Yoga', trainerId: CAST.trainer.userId });
  });

  it.each([
    { who: 'member', answer: 'FORBIDDEN', error: ForbiddenError },
    { who: 'otherTrainer', answer: 'NOT_FOUND', error: TemplateNotFoundError },
  ] as const)('refuses $who with $answer (another trainer may not know the template exists), changing nothing', async ({ who, error }) => {
    const { update, templates, template } = setUp();
    await expect(update(who)).rejects.toBeInstanceOf(error);
    expect(templates.row(template.id)?.name).toBe('Morning Yoga');
    expect(templates.outbox).toEqual([]);
  });

  it('answers NOT_FOUND for a template that does not exist', async () => {
    const { update } = setUp();
    await expect(update('admin', { id: 'no-such-template' })).rejects.toBeInstanceOf(TemplateNotFoundError);
  });

  it('refuses a bad value with VALIDATION_FAILED and changes nothing', async () => {
    const { update, templates, template } = setUp();
    await expect(update('trainer', { capacity: 0 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'capacity' });
    expect(templates.row(template.id)?.capacity).toBe(12);
  });
});
