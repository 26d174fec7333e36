import { describe, expect, it } from 'vitest';
import { ForbiddenError, TemplateNotFoundError } from '../../errors';
import { CAST, ClassTemplateMother, LONG_AGO, type CastMember, actor, createSchedulingFakes } from '../../testing';
import { GetTemplateHandler } from './get-template.handler';

function setUp() {
  const fakes = createSchedulingFakes();
  const template = ClassTemplateMother.stored({ trainerId: CAST.trainer.userId });
  fakes.templates.seed(template);
  const handler = new GetTemplateHandler(fakes.templatesFinder);
  const get = (who: CastMember, id = template.id) => handler.handle({ actor: actor(who), id });
  return { template, get };
}

describe('GetTemplateHandler', () => {
  it.each(['trainer', 'admin'] as const)('answers the Template to the %s', async (who) => {
    const { get, template } = setUp();
    await expect(get(who)).resolves.toEqual({
      id: template.id,
      name: 'Morning Yoga',
      description: 'Gentle flow to start the day',
      durationMinutes: 60,
      capacity: 12,
      creditCost: 1,
      trainerId: CAST.trainer.userId,
      trainerName: 'Tara Trainer',
      createdAt: LONG_AGO.toISOString(),
      updatedAt: LONG_AGO.toISOString(),
    });
  });

  it('refuses a member with FORBIDDEN: members never manage classes', async () => {
    const { get } = setUp();
    await expect(get('member')).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('answers NOT_FOUND to another trainer: for them the template does not exist', async () => {
    const { get } = setUp();
    await expect(get('otherTrainer')).rejects.toBeInstanceOf(TemplateNotFoundError);
  });

  it('answers NOT_FOUND for a template that does not exist', async () => {
    const { get } = setUp();
    await expect(get('admin', 'no-such-template')).rejects.toBeInstanceOf(TemplateNotFoundError);
  });
});
