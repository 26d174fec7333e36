import { commitBehind, type OutboxWriter } from '@fitflow/application-shared';
import { domainEvent } from '@fitflow/domain-shared';
import { sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, TEST_DATABASES, type TestDatabase } from '../../testing/databases';
import { HeldConnection, kyselyOn } from '../../testing/held-connection';
import { joiningTransaction, KyselyUnitOfWork } from './kysely-unit-of-work';
import type { Database } from './schema';

/** The repositories a real composition would build; here just enough to write a row and an event. */
function makeRepositories(trx: Transaction<Database>, outbox: OutboxWriter) {
  return {
    async recordSignUp(n: number) {
      await outbox.append([domainEvent('MemberSignedUp', `member-${n}`, new Date(), { n })]);
    },
    failAStatement: () => sql`select 1 / 0`.execute(trx).catch(() => undefined),
    divideByZero: () => sql`select 1 / 0`.execute(trx),
  };
}

describe.each(TEST_DATABASES)('KyselyUnitOfWork on %s', (kind) => {
  let database: TestDatabase;
  const afterCommit = vi.fn();
  let uow: KyselyUnitOfWork<ReturnType<typeof makeRepositories>>;

  const storedAggregateIds = async () => {
    const rows = await database.db.selectFrom('outbox').select('aggregate_id').orderBy('seq').execute();
    return rows.map((row) => row.aggregate_id);
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    uow = new KyselyUnitOfWork(database.db, makeRepositories, { afterCommit });
  });
  beforeEach(async () => {
    afterCommit.mockReset();
    await database.db.deleteFrom('outbox').execute();
  });
  afterAll(() => database?.close());

  it('commits the work with its events, then calls afterCommit once', async () => {
    const result = await uow.transaction(async (repos) => {
      await repos.recordSignUp(1);
      expect(afterCommit).not.toHaveBeenCalled();
      return 'done';
    });

    expect(result).toBe('done');
    expect(afterCommit).toHaveBeenCalledTimes(1);
    expect(await storedAggregateIds()).toEqual(['member-1']);
  });

  it('rolls back the events and does not call afterCommit when the work throws', async () => {
    const work = uow.transaction(async (repos) => {
      await repos.recordSignUp(2);
      throw new Error('rule broken');
    });

    await expect(work).rejects.toThrow('rule broken');
    expect(afterCommit).not.toHaveBeenCalled();
    expect(await storedAggregateIds()).toEqual([]);
  });

  it('does not call afterCommit when the database refuses the commit', async () => {
    const work = uow.transaction(async (repos) => {
      await repos.recordSignUp(3);
      await repos.failAStatement();
    });

    await expect(work).rejects.toThrow();
    expect(afterCommit).not.toHaveBeenCalled();
    expect(await storedAggregateIds()).toEqual([]);
  });

  it('does not call afterCommit for a commit that wrote no event', async () => {
    await uow.transaction(async () => 'nothing happened');

    expect(afterCommit).not.toHaveBeenCalled();
  });

  it('joins the enclosing transaction inside joiningTransaction: its events roll back and commit with it', async () => {
    const rolledBack = database.db.transaction().execute((trx) =>
      joiningTransaction(trx, async () => {
        await uow.transaction((repos) => repos.recordSignUp(4));
        throw new Error('the enclosing work failed after the unit of work');
      }),
    );
    await expect(rolledBack).rejects.toThrow('the enclosing work failed');
    expect(await storedAggregateIds()).toEqual([]);

    await database.db.transaction().execute((trx) => joiningTransaction(trx, () => uow.transaction((repos) => repos.recordSignUp(5))));

    expect(await storedAggregateIds()).toEqual(['member-5']);
    // The enclosing transaction's owner wakes the relay once it has committed, not the joined unit of work.
    expect(afterCommit).not.toHaveBeenCalled();
  });

  it('commits right behind LastWrites, and answers once they have answered', async () => {
    const result = await uow.transaction(async (repos) => commitBehind('done', repos.recordSignUp(6), repos.recordSignUp(7)));

    expect(result).toBe('done');
    expect(await storedAggregateIds()).toEqual(['member-6', 'member-7']);
    expect(afterCommit).toHaveBeenCalledTimes(1);
  });

  it('rolls back all and throws the failing write’s own error when one of the LastWrites fails', async () => {
    const work = uow.transaction(async (repos) => commitBehind('done', repos.recordSignUp(8), repos.divideByZero()));

    await expect(work).rejects.toThrow(/division by zero/);
    expect(await storedAggregateIds()).toEqual([]);
    expect(afterCommit).not.toHaveBeenCalled();
  });

  it('refuses a write that starts its statement after an await: the call fails, and that statement never runs', async () => {
    const late = (repos: ReturnType<typeof makeRepositories>) => new Promise((resolve) => setTimeout(resolve, 0)).then(() => repos.recordSignUp(9));
    const work = uow.transaction(async (repos) => commitBehind('done', late(repos)));

    // Refused by the unit of work while its commit is on the way, by Kysely once it has been answered.
    await expect(work).rejects.toThrow(/after its unit of work had returned|already committed/);
    expect(await storedAggregateIds()).toEqual([]);
  });
});

describe('KyselyUnitOfWork and LastWrites', () => {
  it('sends the commit before the writes have answered: one round trip, not two', async () => {
    const connection = new HeldConnection();
    const held = new KyselyUnitOfWork(kyselyOn(connection) as never, (trx) => ({
      insert: () => trx.insertInto('t' as never).values({ n: 1 } as never).execute(),
    }));

    const work = held.transaction(async ({ insert }) => commitBehind('done', insert()));
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(connection.received).toEqual(['insert into "t" ("n") values ($1)', 'commit']);
    connection.answerAll();
    await expect(work).resolves.toBe('done');
  });
});
