import { InMemoryAggregateStore } from '@fitflow/application-shared/testing';
import { ClassSession, type ClassSessionSnapshot } from '@fitflow/domain-scheduling';
import type { ClassSessionRepository } from '../ports';

export class InMemoryClassSessionRepository
  extends InMemoryAggregateStore<ClassSession, ClassSessionSnapshot>
  implements ClassSessionRepository
{
  constructor() {
    super((snapshot) => ClassSession.restore(snapshot));
  }

  async getManyForUpdate(ids: readonly string[]): Promise<ClassSession[]> {
    const sorted = [...new Set(ids)].sort();
    const found = await Promise.all(sorted.map((id) => this.getForUpdate(id)));
    return found.filter((session): session is ClassSession => session !== null);
  }

  override async save(session: ClassSession): Promise<void> {
    if (session.isDiscarded) throw new Error('A discarded draft is removed with delete(), not saved');
    await super.save(session);
  }

  async delete(session: ClassSession): Promise<void> {
    if (!session.isDiscarded) throw new Error('Call session.discard(at, trainerName) before removing it');
    await this.remove(session);
  }
}
