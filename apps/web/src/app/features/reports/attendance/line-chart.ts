import {
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

/*
 * Chart.js with only what the attendance chart draws: lines with points on two linear scales, a legend and tooltips.
 * This module is imported dynamically by the chart, so Chart.js loads with the attendance page only.
 */
Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip);

export type LineChartConfig = ChartConfiguration<'line', LinePoint[]>;

/** A point of a line; `when` names it in the tooltip. */
export interface LinePoint {
  x: number;
  y: number | null;
  when: string;
}

export interface LineChart {
  show(config: LineChartConfig): void;
  destroy(): void;
}

/** Draws on `canvas`; `show` replaces what is drawn (without animation, which would only delay the figures). */
export function drawLineChart(canvas: HTMLCanvasElement, config: LineChartConfig): LineChart {
  const chart = new Chart(canvas, config);
  return {
    show(next) {
      chart.data = next.data;
      chart.options = next.options ?? {};
      chart.update('none');
    },
    destroy: () => chart.destroy(),
  };
}
