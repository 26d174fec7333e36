import { describe, expect, it } from 'vitest';
import { attendanceReportQuerySchema, manualCheckInRequestSchema, scanCheckInRequestSchema } from './checkins';

describe('check-in requests', () => {
  it('reads a scanned code without the whitespace a scanner adds, and refuses an empty one', () => {
    expect(scanCheckInRequestSchema.parse({ code: '  ABC123\n' })).toEqual({ code: 'ABC123' });
    expect(scanCheckInRequestSchema.safeParse({ code: ' \n' }).error?.issues[0]?.message).toBe('Scan or type the code');
    expect(scanCheckInRequestSchema.safeParse({ code: 'x'.repeat(201) }).success).toBe(false);
  });

  it('takes only "manual" on the check-in button', () => {
    expect(manualCheckInRequestSchema.parse({ method: 'manual' })).toEqual({ method: 'manual' });
    expect(manualCheckInRequestSchema.safeParse({ method: 'qr' }).success).toBe(false);
  });

  it('needs both ends of the report’s range, and a trainer id only as a UUID', () => {
    const range = { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00+01:00' };
    expect(attendanceReportQuerySchema.parse(range)).toEqual(range);
    expect(attendanceReportQuerySchema.safeParse({ from: range.from }).error?.issues.map((issue) => issue.path.join('.'))).toEqual(['to']);
    expect(attendanceReportQuerySchema.safeParse({ ...range, trainerId: 'tess' }).success).toBe(false);
  });
});
