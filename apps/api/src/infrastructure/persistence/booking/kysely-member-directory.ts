import type { Transaction } from 'kysely';
import type { DirectoryMember, MemberDirectory } from '@fitflow/application-booking';
import type { Database } from '../../database/schema';
import { isUuid } from '../scheduling/uuid';

/** The membership context's accounts, read on the booking transaction's connection (see BookingRepositories). */
export class KyselyMemberDirectory implements MemberDirectory {
  constructor(private readonly trx: Transaction<Database>) {}

  async findAll(userIds: readonly string[]): Promise<DirectoryMember[]> {
    const ids = [...new Set(userIds.filter(isUuid))];
    if (ids.length === 0) return [];
    return this.trx.selectFrom('users').select(['id', 'email', 'name']).where('id', 'in', ids).execute();
  }
}
