import type { AttendanceLine } from './attendance-lines';
import { attendanceCsv, attendanceCsvFileName, csvField } from './attendance-csv';

function aLine(overrides: Partial<AttendanceLine> = {}): AttendanceLine {
  return {
    sessionId: 'a0d1c2b3-0000-4000-8000-000000000001',
    classKey: 'template-1',
    date: '2026-11-20',
    time: '18:00',
    className: 'Morning Yoga',
    trainerName: 'Tess Trainer',
    capacity: 12,
    booked: 8,
    checkedIn: 6,
    late: 1,
    noShow: 2,
    occupancy: 67,
    noShowRate: 25,
    ...overrides,
  };
}

describe('attendanceCsv', () => {
  it("writes the table's columns with a header, one line per session, CRLF line ends", () => {
    expect(attendanceCsv([aLine()], { withTrainer: true })).toBe(
      'Date,Time,Class,Trainer,Capacity,Booked,Checked in,Late,No-shows,Occupancy %,No-show rate %\r\n' +
        '2026-11-20,18:00,Morning Yoga,Tess Trainer,12,8,6,1,2,67,25\r\n',
    );
  });

  it("leaves the trainer out of a trainer's own report, and the rate empty with nobody booked", () => {
    const csv = attendanceCsv([aLine({ booked: 0, checkedIn: 0, late: 0, noShow: 0, occupancy: 0, noShowRate: null })], {
      withTrainer: false,
    });
    expect(csv.split('\r\n')).toEqual([
      'Date,Time,Class,Capacity,Booked,Checked in,Late,No-shows,Occupancy %,No-show rate %',
      '2026-11-20,18:00,Morning Yoga,12,0,0,0,0,0,',
      '',
    ]);
  });

  it('quotes fields with commas, quotes and line breaks, doubling the quotes (RFC 4180)', () => {
    expect(csvField('Yoga, gentle')).toBe('"Yoga, gentle"');
    expect(csvField('The "Core" hour')).toBe('"The ""Core"" hour"');
    expect(csvField('Two\r\nlines')).toBe('"Two\r\nlines"');
    expect(csvField('Plain')).toBe('Plain');
    expect(csvField(12)).toBe('12');
  });

  it('keeps text that a spreadsheet would run as a formula as text', () => {
    expect(csvField('=HYPERLINK("http://evil.example","Yoga")')).toBe(`"'=HYPERLINK(""http://evil.example"",""Yoga"")"`);
    expect(csvField('+1 Pilates')).toBe("'+1 Pilates");
    expect(csvField('-Stretch')).toBe("'-Stretch");
    expect(csvField('@Spin')).toBe("'@Spin");
    expect(csvField('\tTab')).toBe("'\tTab");
    expect(csvField('Yoga = calm')).toBe('Yoga = calm');
    const csv = attendanceCsv([aLine({ className: '=1+1', trainerName: '@coach' })], { withTrainer: true });
    expect(csv.split('\r\n')[1]).toBe("2026-11-20,18:00,'=1+1,'@coach,12,8,6,1,2,67,25");
  });

  it('names the file after the days it covers', () => {
    expect(attendanceCsvFileName('2026-11-01', '2026-11-30')).toBe('attendance-2026-11-01-to-2026-11-30.csv');
  });
});
