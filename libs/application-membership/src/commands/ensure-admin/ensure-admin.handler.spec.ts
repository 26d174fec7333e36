import { describe, expect, it } from 'vitest';
import { USER_REGISTERED, USER_ROLE_CHANGED, WeakPasswordError } from '@fitflow/domain-membership';
import { InvalidCredentialsError } from '../../errors';
import { FakePasswordHasher, KNOWN_PASSWORD, UserMother, createMembershipFakes } from '../../testing';
import { DEFAULT_ADMIN_NAME, EnsureAdminHandler } from './ensure-admin.handler';

const configured = { email: 'Owner@Studio.example', password: 'studio-owner-pass' };

function setUp() {
  const fakes = createMembershipFakes();
  const handler = new EnsureAdminHandler(fakes.uow, fakes.hasher, fakes.commonPasswords, fakes.ids, fakes.clock);
  return { ...fakes, handler };
}

describe('EnsureAdminHandler', () => {
  it('creates the admin when no account has the email', async () => {
    const { handler, users } = setUp();
    const { id, outcome } = await handler.handle(configured);
    expect(outcome).toBe('created');
    expect(users.row(id)).toMatchObject({
      email: 'owner@studio.example',
      name: DEFAULT_ADMIN_NAME,
      role: 'admin',
      passwordHash: FakePasswordHasher.hashOf('studio-owner-pass'),
    });
    expect(users.outbox).toMatchObject([{ type: USER_REGISTERED, payload: { role: 'admin' } }]);
  });

  it('uses the configured name when there is one', async () => {
    const { handler, users } = setUp();
    const { id } = await handler.handle({ ...configured, name: 'Studio Owner' });
    expect(users.row(id)?.name).toBe('Studio Owner');
  });

  it('running it again changes nothing', async () => {
    const { handler, users } = setUp();
    const first = await handler.handle(configured);
    const second = await handler.handle(configured);
    expect(second).toEqual({ id: first.id, outcome: 'unchanged' });
    expect(users.rows()).toHaveLength(1);
    expect(users.outbox).toHaveLength(1);
  });

  it('promotes an existing account the configured password opens, keeping its password', async () => {
    const { handler, users } = setUp();
    const member = UserMother.member({ email: 'owner@studio.example' });
    users.seed(member);
    const result = await handler.handle({ ...configured, password: KNOWN_PASSWORD });
    expect(result).toEqual({ id: member.id, outcome: 'promoted' });
    expect(users.row(member.id)).toMatchObject({ role: 'admin', passwordHash: FakePasswordHasher.hashOf(KNOWN_PASSWORD) });
    expect(users.outbox).toMatchObject([{ type: USER_ROLE_CHANGED, payload: { from: 'member', to: 'admin', changedBy: null } }]);
  });

  it('refuses to promote an account someone registered with the admin email but another password', async () => {
    const { handler, users } = setUp();
    const squatter = UserMother.member({ email: 'owner@studio.example' });
    users.seed(squatter);
    await expect(handler.handle(configured)).rejects.toBeInstanceOf(InvalidCredentialsError);
    expect(users.row(squatter.id)?.role).toBe('member');
  });

  it('refuses a weak configured password', async () => {
    const { handler, users } = setUp();
    await expect(handler.handle({ ...configured, password: 'password123' })).rejects.toBeInstanceOf(WeakPasswordError);
    expect(users.rows()).toEqual([]);
  });

  it('ends with one admin when several processes start at once', async () => {
    const { handler, users } = setUp();
    const outcomes = await Promise.all([handler.handle(configured), handler.handle(configured)]);
    expect(outcomes.map((result) => result.outcome).sort()).toEqual(['created', 'unchanged']);
    expect(new Set(outcomes.map((result) => result.id)).size).toBe(1);
    expect(users.rows()).toHaveLength(1);
  });
});
