import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMembersWithTokens, startApiProcesses, type ApiProcesses } from '../../testing/api-processes';
import { createTestPostgres, type TestDatabase } from '../../testing/databases';
import { freshWeek } from '../../testing/scheduling';
import { TEST_JWT_SECRET } from '../../testing/test-env';

const SESSIONS = 50;
const CREDITS = 10;

/** A member's balance across two real API processes (`main.ts`, as deployed) on one PostgreSQL database. */
describe('credits across two API processes', () => {
  let database: TestDatabase & { url: string };
  let apis: ApiProcesses;

  beforeAll(async () => {
    database = await createTestPostgres();
    apis = await startApiProcesses(2, { DATABASE_URL: database.url, JWT_SECRET: TEST_JWT_SECRET });
  }, 240_000);
  afterAll(async () => {
    await apis?.stop();
    await database?.close();
  });

  const post = async (i: number, path: string, authorization: string, body?: object) => {
    const response = await fetch(`${apis.urls[i % apis.urls.length]}${path}`, {
      method: 'POST',
      headers: { authorization, ...(body && { 'content-type': 'application/json' }) },
      ...(body && { body: JSON.stringify(body) }),
    });
    return { status: response.status, json: (await response.json()) as { id: string; code?: string; detail?: string } };
  };

  /** `count` published sessions of one credit each, every one in a week of its own, made over both processes. */
  async function publishedSessions(count: number): Promise<string[]> {
    const [trainer] = await seedMembersWithTokens(database.db, TEST_JWT_SECRET, 1, 0);
    if (!trainer) throw new Error('No trainer seeded');
    await database.db.updateTable('users').set({ role: 'trainer' }).where('id', '=', trainer.id).execute();
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const week = freshWeek();
      const body = { name: `Rush ${i + 1}`, capacity: 5, creditCost: 1, startsAt: week.at(2, '07:00'), endsAt: week.at(2, '08:00') };
      const created = await post(i, '/sessions', trainer.authorization, body);
      expect(created.status).toBe(201);
      expect((await post(i + 1, `/sessions/${created.json.id}/publish`, trainer.authorization)).status).toBe(200);
      ids.push(created.json.id);
    }
    return ids;
  }

  it(`gives a member with ${CREDITS} credits exactly ${CREDITS} of ${SESSIONS} bookings sent at once, and a zero balance`, async () => {
    const sessionIds = await publishedSessions(SESSIONS);
    const [member] = await seedMembersWithTokens(database.db, TEST_JWT_SECRET, 1, CREDITS);
    if (!member) throw new Error('No member seeded');

    const answers = await Promise.all(sessionIds.map((sessionId, i) => post(i, `/sessions/${sessionId}/book`, member.authorization)));

    const granted = answers.filter((answer) => answer.status === 201);
    const refused = answers.filter((answer) => answer.status === 402);
    expect(granted).toHaveLength(CREDITS);
    expect(refused).toHaveLength(SESSIONS - CREDITS);
    expect(refused.every((answer) => answer.json.code === 'INSUFFICIENT_CREDITS')).toBe(true);

    const db = database.db;
    const { balance } = await db.selectFrom('memberships').select('balance').where('member_id', '=', member.id).executeTakeFirstOrThrow();
    expect(balance).toBe(0);
    const lines = await db
      .selectFrom('credit_transactions')
      .select(['type', 'amount', 'balance_after', 'booking_id'])
      .where('member_id', '=', member.id)
      .orderBy('seq')
      .execute();
    // The funding line, then one line per booking, each balance the one before minus 1: the chain never forks.
    expect(lines.map(({ type, amount, balance_after }) => ({ type, amount, balance_after }))).toEqual([
      { type: 'adjustment', amount: CREDITS, balance_after: CREDITS },
      ...Array.from({ length: CREDITS }, (_, i) => ({ type: 'booking', amount: -1, balance_after: CREDITS - 1 - i })),
    ]);
    expect(lines.reduce((sum, line) => sum + line.amount, 0)).toBe(balance);

    const bookings = await db.selectFrom('bookings').select(['id', 'status', 'credits_spent']).where('member_id', '=', member.id).execute();
    expect(bookings).toHaveLength(CREDITS);
    expect(bookings.every((booking) => booking.status === 'confirmed' && booking.credits_spent === 1)).toBe(true);
    const charged = lines.flatMap((line) => (line.booking_id ? [line.booking_id] : []));
    expect(new Set(charged)).toEqual(new Set(bookings.map((booking) => booking.id)));
    expect(new Set(charged)).toEqual(new Set(granted.map((answer) => answer.json.id)));
  }, 180_000);
});
