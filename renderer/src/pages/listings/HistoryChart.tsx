/** How a listing's findings went down over its check runs (ECharts, tree-shaken to a line chart). */
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { CheckRun } from '../../../../shared/ipc/contract';
import { useApp } from '../../stores/app-store';
import { useTranslation } from 'react-i18next';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export function HistoryChart({ runs }: { runs: CheckRun[] }) {
  const { t } = useTranslation('workspace');
  const locale = useApp((s) => s.locale);
  const format = new Intl.DateTimeFormat(locale, {
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Shanghai',
  });
  const x = runs.map((r) => format.format(new Date(r.checkedAt)));
  const series = (['blocker', 'warning', 'info'] as const).map((severity) => ({
    name: t(`severity.${severity}`),
    type: 'line' as const,
    data: runs.map((r) =>
      severity === 'blocker'
        ? r.counts.blockers
        : severity === 'warning'
          ? r.counts.warnings
          : r.counts.infos,
    ),
    color: severity === 'blocker' ? '#cf222e' : severity === 'warning' ? '#d4a72c' : '#0969da',
  }));
  const last = runs.at(-1);
  return (
    <div
      role="img"
      aria-label={`${t('editor.history.chart')}: ${last ? `${last.counts.blockers} / ${last.counts.warnings} / ${last.counts.infos}` : ''}`}
      data-testid="history-chart"
    >
      <ReactEChartsCore
        echarts={echarts}
        style={{ height: 180 }}
        option={{
          animation: false,
          grid: { left: 32, right: 12, top: 28, bottom: 24 },
          legend: { top: 0 },
          tooltip: { trigger: 'axis' },
          xAxis: { type: 'category', data: x },
          yAxis: { type: 'value', minInterval: 1 },
          series,
        }}
      />
    </div>
  );
}
