import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type ElementRef,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { addDays, type DateKey, formatShortDay } from '../../../core/time/studio-time';
import { CHART_METRICS, type ChartMetric, type ClassSeries, chartSummary } from './attendance-lines';
import type { LineChart, LineChartConfig } from './line-chart';

/** Okabe–Ito colours, told apart with colour-blindness too; each line also has its own point shape. */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
const POINT_STYLES = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star', 'rectRounded'] as const;

/**
 * One metric of the report per class over the range, a line per class. Chart.js loads when the chart first
 * shows. The canvas's label sums the chart up; the table beside it lists every figure.
 */
@Component({
  selector: 'ff-attendance-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (failed()) {
      <p class="ff-muted">The chart could not be loaded. The table lists the same figures.</p>
    } @else {
      <div class="frame">
        <canvas #canvas role="img" [attr.aria-label]="summary()">{{ summary() }}</canvas>
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .frame {
      position: relative;
      height: 260px;
    }
    @media (min-width: 720px) {
      .frame {
        height: 340px;
      }
    }
  `,
})
export class AttendanceChart {
  readonly series = input.required<readonly ClassSeries[]>();
  readonly metric = input.required<ChartMetric>();
  /** The range's first day (x = 0) and how many days it has. */
  readonly first = input.required<DateKey>();
  readonly days = input.required<number>();
  readonly rangeLabel = input.required<string>();

  protected readonly summary = computed(() => chartSummary(this.series(), this.metric(), this.rangeLabel()));
  protected readonly failed = signal(false);
  private readonly canvas = viewChild<ElementRef<HTMLCanvasElement>>('canvas');
  readonly #config = computed(() => chartConfig(this.series(), this.metric(), this.first(), this.days()));
  readonly #chart = signal<LineChart | null>(null);

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(async () => {
      try {
        const { drawLineChart } = await import('./line-chart');
        const canvas = this.canvas()?.nativeElement;
        if (!canvas || destroyRef.destroyed) return;
        this.#chart.set(drawLineChart(canvas, this.#config()));
      } catch {
        this.failed.set(true);
      }
    });
    effect(() => this.#chart()?.show(this.#config()));
    destroyRef.onDestroy(() => this.#chart()?.destroy());
  }
}

function chartConfig(series: readonly ClassSeries[], metric: ChartMetric, first: DateKey, days: number): LineChartConfig {
  const info = CHART_METRICS[metric];
  const format = (value: number | null): string => (value === null ? '—' : info.isPercent ? `${value} %` : String(value));
  return {
    type: 'line',
    data: {
      datasets: series.map((one, index) => ({
        label: one.name,
        data: one.points.map((point) => ({ x: point.x, y: point[metric], when: point.when })),
        borderColor: COLOURS[index % COLOURS.length],
        backgroundColor: COLOURS[index % COLOURS.length],
        pointStyle: POINT_STYLES[index % POINT_STYLES.length],
        pointRadius: 4,
        pointHoverRadius: 6,
        borderWidth: 2,
        spanGaps: true,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      parsing: false,
      interaction: { mode: 'nearest', intersect: false },
      scales: {
        x: {
          type: 'linear',
          min: 0,
          // Up to the last minute of the last day, so no tick names the day after the range.
          max: days - 1 / 1440,
          ticks: { callback: (value) => formatShortDay(addDays(first, Number(value))) },
          // A tick at the start of each labelled day only (the last minute of the range is no day of its own).
          afterBuildTicks: (axis) => {
            axis.ticks = axis.ticks.filter((tick) => Number.isInteger(tick.value));
          },
        },
        y: {
          type: 'linear',
          beginAtZero: true,
          ...(info.isPercent ? { max: 100 } : {}),
          title: { display: true, text: info.isPercent ? `${info.label} (%)` : info.label },
          ticks: { precision: 0 },
        },
      },
      plugins: {
        legend: { position: 'bottom', labels: { usePointStyle: true, boxWidth: 8, boxHeight: 8 } },
        tooltip: {
          callbacks: {
            title: (items) => items.map((item) => (item.raw as { when: string }).when).join(', '),
            label: (item) => `${item.dataset.label ?? ''}: ${format(item.parsed.y)}`,
          },
        },
      },
    },
  };
}
