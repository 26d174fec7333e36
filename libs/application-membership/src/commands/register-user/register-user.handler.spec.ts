import { describe, expect, it } from 'vitest';
import { EmailTakenError, InvalidEmailError, USER_REGISTERED, WeakPasswordError } from '@fitflow/domain-membership';
import { InvalidValueError } from '@fitflow/domain-shared';
import { FAKE_NOW, FakePasswordHasher, UserMother, createMembershipFakes } from '../../testing';
import { FakePasswordStrength } from '../../testing/fake-password-strength';
import { RegisterUserHandler } from './register-user.handler';

const command = { email: 'Ada@Example.com', password: 'kettle-bell-42', name: 'Ada Lovelace' };

function setUp() {
  const fakes = createMembershipFakes();
  const handler = new RegisterUserHandler(fakes.uow, fakes.hasher, fakes.commonPasswords, fakes.ids, fakes.clock, new FakePasswordStrength());
  return { ...fakes, handler };
}

describe('RegisterUserHandler', () => {
  it('opens a member account with the hashed password and answers its id', async () => {
    const { handler, users } = setUp();
    const { id } = await handler.handle(command);
    expect(users.rows()).toEqual([
      {
        id,
        email: 'ada@example.com',
        name: 'Ada Lovelace',
        role: 'member',
        passwordHash: FakePasswordHasher.hashOf('kettle-bell-42'),
        credentialsVersion: 0,
        createdAt: new Date(FAKE_NOW),
        updatedAt: new Date(FAKE_NOW),
      },
    ]);
  });

  it('announces the registration through the outbox', async () => {
    const { handler, users } = setUp();
    const { id } = await handler.handle(command);
    expect(users.outbox).toMatchObject([
      { type: USER_REGISTERED, payload: { userId: id, email: 'ada@example.com', name: 'Ada Lovelace', role: 'member' } },
    ]);
  });

  it('refuses an email that already has an account, whatever its case', async () => {
    const { handler, users } = setUp();
    users.seed(UserMother.member({ email: 'ada@example.com' }));
    await expect(handler.handle({ ...command, email: ' ADA@example.COM ' })).rejects.toMatchObject({
      code: 'EMAIL_TAKEN',
    });
    expect(users.rows()).toHaveLength(1);
    expect(users.outbox).toEqual([]);
  });

  it('lets only one of two registrations racing for one email succeed', async () => {
    const { handler, users } = setUp();
    const results = await Promise.allSettled([handler.handle(command), handler.handle(command)]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: expect.any(EmailTakenError) });
    expect(users.rows()).toHaveLength(1);
  });

  it('refuses a password shorter than 10 characters', async () => {
    const { handler, users } = setUp();
    await expect(handler.handle({ ...command, password: 'kettlebel' })).rejects.toBeInstanceOf(WeakPasswordError);
    expect(users.rows()).toEqual([]);
  });

  it('refuses a commonly breached password', async () => {
    const { handler } = setUp();
    await expect(handler.handle({ ...command, password: 'Password123' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'password',
    });
  });

  it('refuses a password built on the person’s own name, or one easy to guess, and saves nothing', async () => {
    const { handler, users } = setUp();
    await expect(handler.handle({ ...command, password: 'Ada-Lovelace-1815' })).rejects.toMatchObject({
      field: 'password',
      message: 'Too easy to guess: it contains your name.',
    });
    await expect(handler.handle({ ...command, password: ' '.repeat(10) })).rejects.toMatchObject({
      field: 'password',
      message: 'Too easy to guess: it repeats the same characters.',
    });
    expect(users.rows()).toEqual([]);
  });

  it('refuses a malformed email', async () => {
    const { handler } = setUp();
    await expect(handler.handle({ ...command, email: 'ada.example.com' })).rejects.toBeInstanceOf(InvalidEmailError);
  });

  it('refuses a blank name', async () => {
    const { handler } = setUp();
    await expect(handler.handle({ ...command, name: '   ' })).rejects.toMatchObject({ field: 'name' });
    await expect(handler.handle({ ...command, name: '   ' })).rejects.toBeInstanceOf(InvalidValueError);
  });
});
