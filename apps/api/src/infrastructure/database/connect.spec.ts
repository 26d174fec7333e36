import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPostgres, type TestDatabase } from '../../testing/databases';
import { connectDatabase, ping } from './connect';

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
