import { describe, expect, it } from 'vitest';
import { CLASS_TEMPLATE_CREATED } from '@fitflow/domain-scheduling';
import { ForbiddenError, TrainerNotFoundError } from '../../errors';
import { CAST, FAKE_NOW, actor, createSchedulingFakes } from '../../testing';
import { type CreateTemplateCommand, CreateTemplateHandler } from './create-template.handler';

const yoga = { name: ' Morning Yoga ', description: 'Bring a mat', durationMinutes: 60, capacity: 12, creditCost: 2 };

function setUp() {
  const fakes = createSchedulingFakes();
  const handler = new CreateTemplateHandler(fakes.uow, fakes.ids, fakes.clock);
  const create = (command: Partial<CreateTemplateCommand>) => handler.handle({ actor: actor('trainer'), ...yoga, ...command });
  return { ...fakes, create };
}

describe('CreateTemplateHandler', () => {
  it('lets a trainer create a template of their own, and answers its id', async () => {
    const { create, templates } = setUp();
    const { id } = await create({});
    expect(templates.rows()).toEqual([
      {
        id,
        trainerId: CAST.trainer.userId,
        name: 'Morning Yoga',
        description: 'Bring a mat',
        durationMinutes: 60,
        capacity: 12,
        creditCost: 2,
        createdAt: new Date(FAKE_NOW),
        updatedAt: new Date(FAKE_NOW),
      },
    ]);
  });

  it('records ClassTemplateCreated in the outbox', async () => {
    const { create, templates } = setUp();
    const { id } = await create({});
    expect(templates.outbox).toMatchObject([
      { type: CLASS_TEMPLATE_CREATED, aggregateId: id, payload: { templateId: id, trainerId: CAST.trainer.userId, name: 'Morning Yoga' } },
    ]);
  });

  it('costs 1 credit and has an empty description unless told otherwise', async () => {
    const { create, templates } = setUp();
    const { id } = await create({ creditCost: undefined, description: undefined });
    expect(templates.row(id)).toMatchObject({ creditCost: 1, description: '' });
  });

  it('lets a trainer name themselves', async () => {
    const { create, templates } = setUp();
    const { id } = await create({ trainerId: CAST.trainer.userId });
    expect(templates.row(id)?.trainerId).toBe(CAST.trainer.userId);
  });

  it('refuses a trainer naming another trainer with FORBIDDEN, saving nothing', async () => {
    const { create, templates } = setUp();
    await expect(create({ trainerId: CAST.otherTrainer.userId })).rejects.toBeInstanceOf(ForbiddenError);
    expect(templates.rows()).toEqual([]);
  });

  it('refuses a member with FORBIDDEN', async () => {
    const { create, templates } = setUp();
    await expect(create({ actor: actor('member') })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(templates.rows()).toEqual([]);
  });

  it('lets an admin create a template for any trainer', async () => {
    const { create, templates } = setUp();
    const { id } = await create({ actor: actor('admin'), trainerId: CAST.otherTrainer.userId });
    expect(templates.row(id)?.trainerId).toBe(CAST.otherTrainer.userId);
  });

  it('makes the admin the trainer when the admin names nobody', async () => {
    const { create, templates } = setUp();
    const { id } = await create({ actor: actor('admin') });
    expect(templates.row(id)?.trainerId).toBe(CAST.admin.userId);
  });

  it('answers NOT_FOUND when the admin names an account that does not exist', async () => {
    const { create, templates } = setUp();
    const attempt = create({ actor: actor('admin'), trainerId: 'ffffffff-0000-4000-8000-000000000000' });
    await expect(attempt).rejects.toBeInstanceOf(TrainerNotFoundError);
    await expect(attempt).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(templates.rows()).toEqual([]);
  });

  it('refuses a member as the trainer with VALIDATION_FAILED on trainerId', async () => {
    const { create } = setUp();
    await expect(create({ actor: actor('admin'), trainerId: CAST.member.userId })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'trainerId',
    });
  });

  it.each([
    ['durationMinutes', { durationMinutes: 4 }],
    ['capacity', { capacity: 501 }],
    ['creditCost', { creditCost: 101 }],
    ['name', { name: '  ' }],
  ] as const)('refuses a bad %s with VALIDATION_FAILED, saving nothing', async (field, change) => {
    const { create, templates } = setUp();
    await expect(create(change)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field });
    expect(templates.rows()).toEqual([]);
  });
});
