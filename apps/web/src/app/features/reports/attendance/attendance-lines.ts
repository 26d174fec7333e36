import type { AttendanceRow } from '@fitflow/api-contract';
import {
  type DateKey,
  dateKeyOf,
  daysBetween,
  formatDayWithWeekday,
  type TimeOfDay,
  timeOfDayOf,
} from '../../../core/time/studio-time';

/**
 * One session of the report as the page shows it: the API's counts, its start in the studio's calendar, and two
 * ratios of those counts for reading (not rules of their own).
 */
export interface AttendanceLine {
  sessionId: string;
  /** The class over time: its template, or its name for a class made without one. */
  classKey: string;
  date: DateKey;
  time: TimeOfDay;
  className: string;
  trainerName: string;
  capacity: number;
  booked: number;
  checkedIn: number;
  late: number;
  noShow: number;
  /** Booked of capacity, in whole percent. */
  occupancy: number | null;
  /** No-shows of those booked, in whole percent; null with nobody booked. */
  noShowRate: number | null;
}

/** The report's rows in the studio's calendar, in the API's order (by start). */
export function attendanceLines(rows: readonly AttendanceRow[], timeZone: string): AttendanceLine[] {
  return rows.map((row) => ({
    sessionId: row.sessionId,
    classKey: row.templateId ?? `name:${row.name}`,
    date: dateKeyOf(row.startsAt, timeZone),
    time: timeOfDayOf(row.startsAt, timeZone),
    className: row.name,
    trainerName: row.trainerName,
    capacity: row.capacity,
    booked: row.booked,
    checkedIn: row.checkedIn,
    late: row.late,
    noShow: row.noShow,
    occupancy: percent(row.booked, row.capacity),
    noShowRate: percent(row.noShow, row.booked),
  }));
}

/** `part` of `whole` in whole percent; null when there is no whole to share. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 100) : null;
}

/** "75 %", or "—" where there is nothing to divide. */
export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${value} %`;
}

export type ChartMetric = 'occupancy' | 'checkedIn' | 'noShowRate';

export interface ChartMetricInfo {
  label: string;
  /** Percentages run from 0 to 100; counts from 0 up. */
  isPercent: boolean;
  /** Said of one class's average in the chart's text alternative. */
  averageOf: (average: number) => string;
}

export const CHART_METRICS: Record<ChartMetric, ChartMetricInfo> = {
  occupancy: { label: 'Occupancy', isPercent: true, averageOf: (n) => `${n} % full on average` },
  checkedIn: { label: 'Check-ins', isPercent: false, averageOf: (n) => `${n} checked in on average` },
  noShowRate: { label: 'No-show rate', isPercent: true, averageOf: (n) => `${n} % no-shows on average` },
};

export interface ChartPoint {
  /** Days since the range's first day, with the time of day as a fraction, so a class's sessions keep their order. */
  x: number;
  occupancy: number | null;
  checkedIn: number;
  noShowRate: number | null;
  /** "Tue 3 Nov 18:00", for the tooltip. */
  when: string;
}

/** One class over time: a line of the chart. */
export interface ClassSeries {
  key: string;
  name: string;
  points: ChartPoint[];
}

/** The lines grouped by class (template, or name without one), by name; each class's sessions by start. */
export function classSeries(lines: readonly AttendanceLine[], first: DateKey): ClassSeries[] {
  const byClass = new Map<string, ClassSeries>();
  for (const line of lines) {
    const series = byClass.get(line.classKey) ?? { key: line.classKey, name: line.className, points: [] };
    // A renamed template goes by its latest name (lines come by start).
    series.name = line.className;
    series.points.push({
      x: daysBetween(first, line.date) + minutesOfDay(line.time) / 1440,
      occupancy: line.occupancy,
      checkedIn: line.checkedIn,
      noShowRate: line.noShowRate,
      when: `${formatDayWithWeekday(line.date)} ${line.time}`,
    });
    byClass.set(line.classKey, series);
  }
  return [...byClass.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The chart as words, for its `aria-label`: what it plots, and each class's average (the table lists every
 * session). "Occupancy per class, 2 Nov – 29 Nov: Pilates, 4 sessions, 75 % full on average; …".
 */
export function chartSummary(series: readonly ClassSeries[], metric: ChartMetric, rangeLabel: string): string {
  const info = CHART_METRICS[metric];
  const classes = series.map((one) => {
    const values = one.points.map((point) => point[metric]).filter((value): value is number => value !== null);
    const sessions = `${one.points.length} ${one.points.length === 1 ? 'session' : 'sessions'}`;
    if (values.length === 0) return `${one.name}, ${sessions}, none booked`;
    const average = Math.round(values.reduce((sum, value) => sum + value, 0) / values.length);
    return `${one.name}, ${sessions}, ${info.averageOf(average)}`;
  });
  return `${info.label} per class, ${rangeLabel}: ${classes.join('; ')}.`;
}

function minutesOfDay(time: TimeOfDay): number {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}
