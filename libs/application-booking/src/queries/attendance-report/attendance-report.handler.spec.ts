import { describe, expect, it } from 'vitest';
import { FixedClock } from '@fitflow/domain-shared';
import type { AttendanceFinder, AttendanceReportFilter } from '../../attendance-ports';
import { CAST, type CastMember, actor } from '../../testing';
import { AttendanceReportHandler } from './attendance-report.handler';

const NOW = new Date('2026-12-03T09:00:00.000Z');
const RANGE = { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' };

function report(who: CastMember, query: { from?: string; to?: string; trainerId?: string } = {}) {
  const filters: AttendanceReportFilter[] = [];
  const finder = { report: async (filter: AttendanceReportFilter) => (filters.push(filter), []) } as unknown as AttendanceFinder;
  const result = new AttendanceReportHandler(finder, new FixedClock(NOW)).handle({ actor: actor(who), ...RANGE, ...query });
  return { result, filters };
}

describe('AttendanceReportHandler', () => {
  it('reports a trainer’s own classes, with or without naming themselves', async () => {
    for (const query of [{}, { trainerId: CAST.trainer.userId }]) {
      const { result, filters } = report('trainer', query);
      await expect(result).resolves.toEqual([]);
      expect(filters).toEqual([{ from: new Date(RANGE.from), to: new Date(RANGE.to), trainerId: CAST.trainer.userId, now: NOW }]);
    }
  });

  it('reports every class to an admin, or one trainer’s', async () => {
    const all = report('admin');
    await all.result;
    expect(all.filters[0]?.trainerId).toBeNull();
    const one = report('admin', { trainerId: CAST.otherTrainer.userId });
    await one.result;
    expect(one.filters[0]?.trainerId).toBe(CAST.otherTrainer.userId);
  });

  it('refuses members, and a trainer naming another trainer, with FORBIDDEN', async () => {
    await expect(report('member').result).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(report('trainer', { trainerId: CAST.otherTrainer.userId }).result).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses an empty, reversed or longer than 366-day range with VALIDATION_FAILED naming `to`', async () => {
    await expect(report('admin', { to: RANGE.from }).result).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'to' });
    await expect(report('admin', { from: '2025-01-01T00:00:00.000Z', to: '2026-01-02T00:00:00.001Z' }).result).rejects.toMatchObject({ field: 'to' });
    await expect(report('admin', { from: '2025-01-01T00:00:00.000Z', to: '2026-01-02T00:00:00.000Z' }).result).resolves.toEqual([]);
    await expect(report('admin', { from: 'yesterday' }).result).rejects.toMatchObject({ field: 'from' });
  });
});
