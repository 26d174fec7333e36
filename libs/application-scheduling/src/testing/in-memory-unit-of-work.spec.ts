import { describe, expect, it } from 'vitest';
import { ClassSessionMother } from './class-session.mother';
import { ClassTemplateMother } from './class-template.mother';
import { createSchedulingFakes } from './scheduling-fakes';

describe('InMemorySchedulingUnitOfWork', () => {
  it('keeps what a transaction saved once it completes', async () => {
    const { uow, sessions } = createSchedulingFakes();
    const session = ClassSessionMother.draft();
    session.publish(new Date('2026-12-01T07:00:00Z'), 'Tara Trainer');
    await uow.transaction(({ sessions: tx }) => tx.save(session));
    expect(sessions.row(session.id)?.status).toBe('published');
    expect(sessions.outbox).toHaveLength(1);
  });

  it('puts rows and outbox of templates and sessions back as they were when the work throws', async () => {
    const { uow, sessions, templates } = createSchedulingFakes();
    const session = ClassSessionMother.draft();
    const template = ClassTemplateMother.stored();
    sessions.seed(session);
    templates.seed(template);
    session.publish(new Date('2026-12-01T07:00:00Z'), 'Tara Trainer');
    template.delete(new Date('2026-12-01T07:00:00Z'));
    const failing = uow.transaction(async (tx) => {
      await tx.sessions.save(session);
      await tx.templates.delete(template);
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    expect(sessions.row(session.id)?.status).toBe('draft');
    expect(templates.row(template.id)).toBeDefined();
    expect([...sessions.outbox, ...templates.outbox]).toEqual([]);
    expect(uow.rollbacks).toBe(1);
  });
});
