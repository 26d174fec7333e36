import { describe, expect, it } from 'vitest';
import { type ClassSession, SESSION_SCHEDULED } from '@fitflow/domain-scheduling';
import { ForbiddenError, TemplateNotFoundError, TrainerNotFoundError } from '../../errors';
import { CAST, ClassTemplateMother, FAKE_NOW, actor, createSchedulingFakes } from '../../testing';
import { type ScheduleSessionsCommand, ScheduleSessionsHandler } from './schedule-sessions.handler';

function setUp(now: string = FAKE_NOW, timeZone = 'Europe/Berlin') {
  const fakes = createSchedulingFakes(now, { timeZone });
  const template = ClassTemplateMother.stored({
    trainerId: CAST.trainer.userId,
    name: 'Morning Yoga',
    description: 'Gentle flow',
    durationMinutes: 45,
    capacity: 10,
    creditCost: 2,
  });
  fakes.templates.seed(template);
  const handler = new ScheduleSessionsHandler(fakes.uow, fakes.ids, fakes.clock, fakes.studio);
  const schedule = (command: Partial<ScheduleSessionsCommand>) =>
    handler.handle({ actor: actor('trainer'), templateId: template.id, startsAt: '2026-12-02T07:00:00.000Z', ...command });
  return { ...fakes, template, handler, schedule };
}

const adHoc = { templateId: undefined, name: 'Open Gym', endsAt: '2026-12-02T09:00:00.000Z', capacity: 30 };

describe('ScheduleSessionsHandler, one session', () => {
  it('schedules a draft from a template, taking its name, description, capacity, cost and duration', async () => {
    const { schedule, sessions, template } = setUp();
    const result = await schedule({});
    expect(result).toEqual({ id: result.ids[0], ids: [expect.any(String)] });
    expect(sessions.rows()).toEqual([
      {
        id: result.id,
        templateId: template.id,
        trainerId: CAST.trainer.userId,
        name: 'Morning Yoga',
        description: 'Gentle flow',
        startsAt: new Date('2026-12-02T07:00:00.000Z'),
        endsAt: new Date('2026-12-02T07:45:00.000Z'),
        capacity: 10,
        creditCost: 2,
        status: 'draft',
        cancellationReason: null,
        createdAt: new Date(FAKE_NOW),
        updatedAt: new Date(FAKE_NOW),
      },
    ]);
  });

  it('records SessionScheduled with the trainer’s name', async () => {
    const { schedule, sessions } = setUp();
    const { id } = await schedule({});
    expect(sessions.outbox).toMatchObject([
      { type: SESSION_SCHEDULED, payload: { sessionId: id, name: 'Morning Yoga', trainerName: 'Tara Trainer', startsAt: '2026-12-02T07:00:00.000Z' } },
    ]);
  });

  it('lets the command override the template’s name, end, capacity and cost', async () => {
    const { schedule, sessions } = setUp();
    const { id } = await schedule({ name: 'Sunrise Yoga', endsAt: '2026-12-02T08:30:00.000Z', capacity: 4, creditCost: 0 });
    expect(sessions.row(id)).toMatchObject({
      name: 'Sunrise Yoga',
      endsAt: new Date('2026-12-02T08:30:00.000Z'),
      capacity: 4,
      creditCost: 0,
    });
  });

  it('schedules without a template from a name, an end and a capacity, costing 1 credit', async () => {
    const { schedule, sessions } = setUp();
    const { id } = await schedule(adHoc);
    expect(sessions.row(id)).toMatchObject({ templateId: null, name: 'Open Gym', description: '', capacity: 30, creditCost: 1 });
  });

  it.each(['name', 'endsAt', 'capacity'] as const)('without a template, requires %s', async (field) => {
    const { schedule, sessions } = setUp();
    await expect(schedule({ ...adHoc, [field]: undefined })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field });
    expect(sessions.rows()).toEqual([]);
  });

  it('answers NOT_FOUND for a template that does not exist', async () => {
    const { schedule, sessions } = setUp();
    await expect(schedule({ templateId: 'no-such-template' })).rejects.toBeInstanceOf(TemplateNotFoundError);
    expect(sessions.rows()).toEqual([]);
  });

  it('refuses a start in the past with VALIDATION_FAILED on startsAt', async () => {
    const { schedule, sessions } = setUp();
    await expect(schedule({ startsAt: '2026-12-01T06:00:00.000Z' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'startsAt',
    });
    expect(sessions.rows()).toEqual([]);
  });

  it('refuses an end that is not after the start, and a date that is not one', async () => {
    const { schedule } = setUp();
    await expect(schedule({ endsAt: '2026-12-02T07:00:00.000Z' })).rejects.toMatchObject({ field: 'endsAt' });
    await expect(schedule({ startsAt: 'tomorrow' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'startsAt' });
  });
});

describe('ScheduleSessionsHandler, permissions', () => {
  it('refuses a member with FORBIDDEN', async () => {
    const { schedule, sessions } = setUp();
    await expect(schedule({ actor: actor('member') })).rejects.toBeInstanceOf(ForbiddenError);
    expect(sessions.rows()).toEqual([]);
  });

  it('answers NOT_FOUND to another trainer scheduling from this trainer’s template, even for themselves', async () => {
    const { schedule, sessions } = setUp();
    const attempt = schedule({ actor: actor('otherTrainer'), trainerId: CAST.otherTrainer.userId });
    await expect(attempt).rejects.toBeInstanceOf(TemplateNotFoundError);
    expect(sessions.rows()).toEqual([]);
  });

  it('refuses a trainer naming another trainer', async () => {
    const { schedule } = setUp();
    await expect(schedule({ ...adHoc, trainerId: CAST.otherTrainer.userId })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('gives a session an admin schedules from a template to the template’s trainer', async () => {
    const { schedule, sessions } = setUp();
    const { id } = await schedule({ actor: actor('admin') });
    expect(sessions.row(id)?.trainerId).toBe(CAST.trainer.userId);
  });

  it('lets an admin schedule for any trainer', async () => {
    const { schedule, sessions } = setUp();
    const { id } = await schedule({ actor: actor('admin'), trainerId: CAST.otherTrainer.userId });
    expect(sessions.row(id)?.trainerId).toBe(CAST.otherTrainer.userId);
    expect(sessions.outbox).toMatchObject([{ payload: { trainerName: 'Sam Substitute' } }]);
  });

  it('refuses a member as trainer (VALIDATION_FAILED) and an unknown one (NOT_FOUND)', async () => {
    const { schedule } = setUp();
    await expect(schedule({ actor: actor('admin'), trainerId: CAST.member.userId })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'trainerId',
    });
    await expect(schedule({ actor: actor('admin'), trainerId: 'nobody' })).rejects.toBeInstanceOf(TrainerNotFoundError);
  });
});

describe('ScheduleSessionsHandler, weekly series', () => {
  it('schedules every chosen weekday at 07:00 Berlin time across the end of daylight saving', async () => {
    const { schedule, sessions } = setUp('2026-10-01T00:00:00.000Z');
    const { id, ids } = await schedule({
      startsAt: '2026-10-19T05:00:00.000Z',
      repeat: { weekdays: ['mon', 'wed'], until: '2026-10-28' },
    });
    expect(ids).toHaveLength(4);
    expect(id).toBe(ids[0]);
    expect(sessions.rows().map((row) => [row.id, row.startsAt.toISOString(), row.endsAt.toISOString()])).toEqual([
      [ids[0], '2026-10-19T05:00:00.000Z', '2026-10-19T05:45:00.000Z'],
      [ids[1], '2026-10-21T05:00:00.000Z', '2026-10-21T05:45:00.000Z'],
      [ids[2], '2026-10-26T06:00:00.000Z', '2026-10-26T06:45:00.000Z'],
      [ids[3], '2026-10-28T06:00:00.000Z', '2026-10-28T06:45:00.000Z'],
    ]);
    expect(sessions.outbox).toHaveLength(4);
  });

  it('keeps the wall-clock time in the studio’s zone, New York here', async () => {
    const { schedule, sessions } = setUp('2026-10-01T00:00:00.000Z', 'America/New_York');
    await schedule({ startsAt: '2026-10-29T11:00:00.000Z', repeat: { weekdays: ['thu'], until: '2026-11-05' } });
    expect(sessions.rows().map((row) => row.startsAt.toISOString())).toEqual([
      '2026-10-29T11:00:00.000Z',
      '2026-11-05T12:00:00.000Z',
    ]);
  });

  it('refuses more than 100 sessions with VALIDATION_FAILED on repeat, scheduling none', async () => {
    const { schedule, sessions } = setUp();
    const attempt = schedule({
      startsAt: '2026-12-02T07:00:00.000Z',
      repeat: { weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], until: '2027-03-12' },
    });
    await expect(attempt).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'repeat' });
    expect(sessions.rows()).toEqual([]);
  });

  it('refuses an end date before the first start', async () => {
    const { schedule } = setUp();
    await expect(schedule({ repeat: { weekdays: ['wed'], until: '2026-12-01' } })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'repeat.until',
    });
  });

  it('refuses a series whose first start is in the past even if its weekday is not chosen', async () => {
    const { schedule, sessions } = setUp();
    await expect(
      schedule({ startsAt: '2026-11-30T07:00:00.000Z', repeat: { weekdays: ['fri'], until: '2026-12-31' } }),
    ).rejects.toMatchObject({ field: 'startsAt' });
    expect(sessions.rows()).toEqual([]);
  });

  it('schedules the whole series or nothing', async () => {
    const { handler, sessions, uow, template } = setUp();
    const save = sessions.save.bind(sessions);
    let saves = 0;
    sessions.save = async (session: ClassSession) => {
      saves += 1;
      if (saves === 3) throw new Error('connection lost');
      return save(session);
    };
    const attempt = handler.handle({
      actor: actor('trainer'),
      templateId: template.id,
      startsAt: '2026-12-02T07:00:00.000Z',
      repeat: { weekdays: ['wed'], until: '2026-12-30' },
    });
    await expect(attempt).rejects.toThrow('connection lost');
    expect(sessions.rows()).toEqual([]);
    expect(sessions.outbox).toEqual([]);
    expect(uow.rollbacks).toBe(1);
  });
});
