import type { DateKey } from '../../../core/time/studio-time';
import type { AttendanceLine } from './attendance-lines';

interface CsvColumn {
  header: string;
  value: (line: AttendanceLine) => string | number;
  /** Only in an admin's report, as in the table. */
  adminOnly?: boolean;
}

/** The table's columns, with values a spreadsheet reads: ISO dates, plain numbers, an empty rate with nobody booked. */
const COLUMNS: readonly CsvColumn[] = [
  { header: 'Date', value: (line) => line.date },
  { header: 'Time', value: (line) => line.time },
  { header: 'Class', value: (line) => line.className },
  { header: 'Trainer', value: (line) => line.trainerName, adminOnly: true },
  { header: 'Capacity', value: (line) => line.capacity },
  { header: 'Booked', value: (line) => line.booked },
  { header: 'Checked in', value: (line) => line.checkedIn },
  { header: 'Late', value: (line) => line.late },
  { header: 'No-shows', value: (line) => line.noShow },
  { header: 'Occupancy %', value: (line) => line.occupancy ?? '' },
  { header: 'No-show rate %', value: (line) => line.noShowRate ?? '' },
];

/** Text a spreadsheet would run as a formula (OWASP's CSV injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** The attendance table as CSV (RFC 4180: a header line, CRLF line ends, quoted where needed). */
export function attendanceCsv(lines: readonly AttendanceLine[], options: { withTrainer: boolean }): string {
  const columns = COLUMNS.filter((column) => options.withTrainer || !column.adminOnly);
  const records = [
    columns.map((column) => column.header),
    ...lines.map((line) => columns.map((column) => column.value(line))),
  ];
  return records.map((record) => record.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * One field: text that a spreadsheet would read as a formula gets a leading `'` (so a class named `=HYPERLINK(…)`
 * stays text), then quotes when it holds a comma, a quote or a line break, with its quotes doubled.
 */
export function csvField(value: string | number): string {
  const text = String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** `attendance-2026-11-01-to-2026-11-30.csv`. */
export function attendanceCsvFileName(first: DateKey, last: DateKey): string {
  return `attendance-${first}-to-${last}.csv`;
}
