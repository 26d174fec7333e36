/** How the benches reduce latencies to figures and print them, so their lines read alike. */
import { cpus } from 'node:os';
import type { Attempt, Timed } from './load';

/** The nearest-rank percentile of ascending values. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export interface Summary {
  /** Counted attempts a second, over the rounds' clocks added up. */
  rate: number;
  p50: number;
  p99: number;
  count: number;
  seconds: number;
}

/** The rounds' attempts that `counted` keeps (all by default), as one population. */
export function summarise(rounds: readonly Timed[], counted: (attempt: Attempt) => boolean = () => true): Summary {
  const latencies = rounds.flatMap((round) => round.attempts.filter(counted).map((a) => a.ms)).sort((a, b) => a - b);
  const seconds = rounds.reduce((sum, round) => sum + round.seconds, 0);
  return { rate: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), count: latencies.length, seconds };
}

/** A latency in a column of its own: `  12.3 ms`. */
export const ms = (value: number) => `${value.toFixed(1).padStart(6)} ms`;

/** A label and its text, one line of a bench's closing figures. */
export type Figure = readonly [label: string, text: string];

/** The machine's load beside the figures: a run that started on a busy machine measured the machine. */
export function loadAverageFigure(atStart: number, afterRounds: number): Figure {
  return [
    'load average (1 min)',
    `${atStart.toFixed(2)} when the run started, ${afterRounds.toFixed(2)} after the rounds, with this run's own processes (${cpus().length} cores: repeat when the first is low)`,
  ];
}

/** A blank line, the heading, then the figures with their labels in one column. */
export function printFigures(heading: string, figures: readonly Figure[]): void {
  console.log(`\n${heading}`);
  for (const [label, text] of figures) console.log(`  ${label.padEnd(28)} ${text}`);
}
