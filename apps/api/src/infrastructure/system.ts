import { randomUUID } from 'node:crypto';
import type { IdGenerator } from '@fitflow/application-shared';
import type { Clock } from '@fitflow/domain-shared';

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

export class UuidGenerator implements IdGenerator {
  next(): string {
    return randomUUID();
  }
}
