import type { Transaction } from 'kysely';
import type { DirectoryEntry, TrainerDirectory } from '@fitflow/application-scheduling';
import type { Database } from '../../database/schema';
import { isUuid } from './uuid';

/** The membership context's accounts, read on the scheduling transaction's connection (see SchedulingRepositories). */
export class KyselyTrainerDirectory implements TrainerDirectory {
  constructor(private readonly trx: Transaction<Database>) {}

  async find(userId: string): Promise<DirectoryEntry | null> {
    if (!isUuid(userId)) return null;
    const row = await this.trx.selectFrom('users').select(['id', 'name', 'role']).where('id', '=', userId).executeTakeFirst();
    return row ?? null;
  }
}
