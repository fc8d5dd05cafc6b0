/**
 * Teams' chart elements for the summary's tallies (Chart.Donut, Chart.HorizontalBar.Stacked).
 * Only Teams draws them, so each carries a text fallback with the same numbers in our own words:
 * other clients, screen readers and the card lint all rely on it. Labels and titles are ours,
 * never anyone's typed words.
 */
import type { TextBlock } from './types';

export type ChartColor = 'good' | 'warning' | 'attention';

export type ChartPoint = {
  readonly legend: string;
  readonly value: number;
  readonly color?: ChartColor;
};

export type DonutChart = {
  readonly type: 'Chart.Donut';
  readonly title?: string;
  readonly data: readonly ChartPoint[];
  readonly fallback: TextBlock;
};

export type StackedBarChart = {
  readonly type: 'Chart.HorizontalBar.Stacked';
  readonly title?: string;
  readonly data: readonly { readonly title: string; readonly data: readonly ChartPoint[] }[];
  readonly fallback: TextBlock;
};

export type Chart = DonutChart | StackedBarChart;

const fallbackText = (text: string): TextBlock => ({ type: 'TextBlock', text, wrap: true });

export function donutChart(title: string, points: readonly ChartPoint[], fallback: string): DonutChart {
  return { type: 'Chart.Donut', title, data: points, fallback: fallbackText(fallback) };
}

/** One bar per row, each split into the same legends. */
export function stackedBars(title: string, rows: readonly { readonly title: string; readonly data: readonly ChartPoint[] }[], fallback: string): StackedBarChart {
  return { type: 'Chart.HorizontalBar.Stacked', title, data: rows, fallback: fallbackText(fallback) };
}
