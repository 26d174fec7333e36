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
}
