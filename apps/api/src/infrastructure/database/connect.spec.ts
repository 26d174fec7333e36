import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Socket } from 'node:net';
import { commitBehind } from '@fitflow/application-shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestPostgres, type TestDatabase } from '../../testing/databases';
import { connectDatabase, ping } from './connect';
import { KyselyUnitOfWork } from './kysely-unit-of-work';

describe('connectDatabase', () => {
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'fitflow-connect-'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('opens PGlite in a data folder that does not exist yet', async () => {
    const dataDir = join(folder, 'not', 'there');
    const handle = await connectDatabase({ dataDir });
    try {
      expect(handle.kind).toBe('pglite');
      await expect(ping(handle.db)).resolves.toBeUndefined();
    } finally {
      await handle.close();
    }
    expect(await readdir(dataDir)).toEqual(['pglite']);
  });

  describe('with a database URL', () => {
    let server: TestDatabase & { url: string };

    beforeAll(async () => {
      server = await createTestPostgres();
    });
    afterAll(() => server?.close());

    it('uses PostgreSQL', async () => {
      const handle = await connectDatabase({ databaseUrl: server.url, dataDir: join(folder, 'unused'), poolSize: 1 });
      try {
        expect(handle.kind).toBe('postgres');
        await expect(ping(handle.db)).resolves.toBeUndefined();
      } finally {
        await handle.close();
      }
    });

    it('sends a unit of work in two writes: BEGIN with its first reads, its last writes with the COMMIT', async () => {
      const handle = await connectDatabase({ databaseUrl: server.url, dataDir: join(folder, 'unused'), poolSize: 1 });
      const uow = new KyselyUnitOfWork(handle.db, (trx) => ({
        read: (n: number) => sql<{ n: number }>`select ${n}::int as n`.execute(trx),
        write: (n: number) => sql`select ${n}::int`.execute(trx),
      }));
      try {
        await ping(handle.db);
        const writes = vi.spyOn(Socket.prototype, '_writev');
        const write = vi.spyOn(Socket.prototype, '_write');
        const answer = await uow.transaction(async ({ read, write }) => {
          const [one, two] = await Promise.all([read(1), read(2)]);
          return commitBehind(one.rows[0]!.n + two.rows[0]!.n, write(3), write(4));
        });
        expect(answer).toBe(3);
        expect(writes.mock.calls.length + write.mock.calls.length).toBe(2);
      } finally {
        vi.restoreAllMocks();
        await handle.close();
      }
    });

    it('fails the ping when the database cannot be reached', async () => {
      const url = new URL(server.url);
      url.pathname = '/fitflow_no_such_database';
      const handle = await connectDatabase({ databaseUrl: url.toString(), dataDir: join(folder, 'unused') });
      try {
        await expect(ping(handle.db)).rejects.toThrow(/does not exist/);
      } finally {
        await handle.close();
      }
    });
  });
});
