/**
 * ECharts, tree-shaken: only the chart types and components these pages draw are registered
 * (echarts/core), keeping the renderer bundle small. Every chart is labelled for screen readers.
 */
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart, GaugeChart, LineChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';

echarts.use([
  BarChart,
  GaugeChart,
  LineChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

/** A user who asked the system for less motion gets charts drawn at once, not grown in. */
const reducedMotion = () =>
  typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

export function Chart({
  option,
  label,
  height = 260,
  testId,
}: {
  option: EChartsOption;
  label: string;
  height?: number;
  testId?: string;
}) {
  return (
    <div role="img" aria-label={label} data-testid={testId}>
      <ReactEChartsCore
        echarts={echarts}
        option={{
          aria: { enabled: true, label: { description: label } },
          ...(reducedMotion() ? { animation: false } : {}),
          ...option,
        }}
        style={{ height }}
        notMerge
        lazyUpdate
      />
    </div>
  );
}

/** Points against the expulsion line (24 in the marketplace rules). */
export function PointsGauge({
  total,
  line,
  label,
  height = 200,
}: {
  total: number;
  line: number;
  label: string;
  height?: number;
}) {
  const ratio = line > 0 ? total / line : 0;
  const color = ratio >= 1 ? '#cf1322' : ratio >= 0.5 ? '#d46b08' : '#389e0d';
  return (
    <Chart
      label={label}
      height={height}
      testId="points-gauge"
      option={{
        series: [
          {
            type: 'gauge',
            min: 0,
            max: line,
            progress: { show: true, width: 14, itemStyle: { color } },
            axisLine: { lineStyle: { width: 14 } },
            axisTick: { show: false },
            // The detail says "total / line"; scale labels inside a small gauge only collide with it.
            splitLine: { show: false },
            axisLabel: { show: false },
            pointer: { show: false },
            detail: {
              valueAnimation: false,
              fontSize: 28,
              offsetCenter: [0, '10%'],
              formatter: `{value} / ${line}`,
              color,
            },
            data: [{ value: total }],
          },
        ],
      }}
    />
  );
}
