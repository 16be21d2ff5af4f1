import * as echarts from 'echarts';
import { html, trustedMarkup, type Html } from './html';
import { t, type Lang } from './i18n';
import type { UnitCases } from './view-models';

/** Units on one chart before the rest are left to the table: a phone shows about this many bars. */
export const CHART_UNITS = 30;

/**
 * Cases per unit (bars: open, closed) and 办结率 (a line on its own axis), drawn by ECharts on the
 * server as SVG: no chart script goes to the browser, and ECharts escapes its own labels.
 */
export function casesChart(units: readonly UnitCases[], lang: Lang): Html {
  const w = t(lang);
  const shown = [...units].sort((a, b) => b.filed - a.filed).slice(0, CHART_UNITS);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 640, height: 300 });
  try {
    chart.setOption({
      animation: false,
      legend: { top: 0 },
      grid: { left: 40, right: 44, top: 36, bottom: 70 },
      xAxis: { type: 'category', data: shown.map((u) => u.unitName), axisLabel: { rotate: 35, fontSize: 11 } },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        {
          name: w.closed,
          type: 'bar',
          stack: 'cases',
          data: shown.map((u) => u.closed),
          itemStyle: { color: '#2e7d32' },
        },
        { name: w.open, type: 'bar', stack: 'cases', data: shown.map((u) => u.open), itemStyle: { color: '#e0a100' } },
        {
          name: w.closureRate,
          type: 'line',
          yAxisIndex: 1,
          data: shown.map((u) => (u.closureRate === null ? null : Math.round(u.closureRate * 100))),
          itemStyle: { color: '#0b5cad' },
        },
      ],
    });
    return html`<div class="chart" role="img" aria-label="${w.casesByUnit}">
      ${trustedMarkup(chart.renderToSVGString())}
    </div>`;
  } finally {
    chart.dispose();
  }
}
