import type { Transaction } from 'kysely';
import type { DirectoryMember, MemberDirectory } from '@fitflow/application-booking';
import type { Database } from '../../database/schema';
import { isUuid } from '../scheduling/uuid';

/** The membership context's accounts, read on the booking transaction's connection (see BookingRepositories). */
export class KyselyMemberDirectory implements MemberDirectory {
  constructor(private readonly trx: Transaction<Database>) {}

  async find(userId: string): Promise<DirectoryMember | null> {
    if (!isUuid(userId)) return null;
    const row = await this.trx.selectFrom('users').select(['id', 'email', 'name']).where('id', '=', userId).executeTakeFirst();
    return row ?? null;
  }
}
