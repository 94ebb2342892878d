import type { EChartsOption } from 'echarts';
import type { ChartSpec } from './render-svg';
import type { Dashboard, FeedSource, InsuredRow, LookupChannel } from './read-dashboard';

/** Colours with at least 3:1 contrast on white, told apart also by position and the legend's order. */
export const COLOURS = {
  primary: '#0d4cd3',
  secondary: '#b35c00',
  third: '#2e7d32',
  muted: '#6b6b6b',
} as const;

export const CHANNEL_LABELS: Record<LookupChannel, string> = {
  clinic_ui: 'Рабочее место МО',
  rest: 'REST API',
  fhir: 'FHIR',
};
export const FEED_LABELS: Record<FeedSource, string> = {
  zags: 'ЗАГС',
  mvd: 'МВД',
  military: 'Военные комиссариаты',
};
export const STATUS_LABELS = {
  active: 'Действует',
  suspended: 'Приостановлен',
  terminated: 'Прекращён',
} as const;

/** Bars shown per ranking chart; the table beside it lists every row. */
export const TOP_ROWS = 15;

const nf = new Intl.NumberFormat('ru-RU');
export const formatCount = (n: number) => nf.format(n).replace(/\u00a0/g, ' ');
/** `ДД.ММ` for the axes (the table gives the year). */
export const shortDay = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}`;

const valueAxis = { type: 'value', minInterval: 1, axisLabel: { color: '#1f1f1f' } } as const;
const grid = { left: 16, right: 24, top: 40, bottom: 24, containLabel: true } as const;
const legend = { top: 0, textStyle: { color: '#1f1f1f' } } as const;

/** Insured persons (active + suspended policies), the largest first: by region or by insurer. */
export function insuredRankingChart(rows: readonly InsuredRow[], what: string): ChartSpec {
  const top = rows.slice(0, TOP_ROWS);
  const total = rows.reduce((n, r) => n + r.active + r.suspended, 0);
  const option: EChartsOption = {
    grid,
    legend,
    // Horizontal bars read top-down: ECharts draws the first category at the bottom.
    yAxis: {
      type: 'category',
      data: top.map((r) => r.name).reverse(),
      axisLabel: { width: 220, overflow: 'truncate' },
    },
    xAxis: valueAxis,
    series: [
      {
        name: STATUS_LABELS.active,
        type: 'bar',
        stack: 'insured',
        color: COLOURS.primary,
        data: top.map((r) => r.active).reverse(),
      },
      {
        name: STATUS_LABELS.suspended,
        type: 'bar',
        stack: 'insured',
        color: COLOURS.secondary,
        data: top.map((r) => r.suspended).reverse(),
      },
    ],
  };
  const first = rows[0];
  const summary =
    rows.length === 0
      ? `Застрахованных ${what} нет.`
      : `Застрахованных всего: ${formatCount(total)}. Больше всего — ${first!.name}: ${formatCount(first!.active + first!.suspended)}` +
        (rows.length > TOP_ROWS
          ? `. На диаграмме первые ${TOP_ROWS} из ${rows.length}, все — в таблице.`
          : '.');
  return { option, summary, width: 720, height: 80 + Math.max(top.length, 1) * 24 };
}

/** Persons by the status of their current policy. */
export function statusChart(byStatus: Dashboard['byStatus']): ChartSpec {
  const keys = ['active', 'suspended', 'terminated'] as const;
  const option: EChartsOption = {
    grid,
    xAxis: { type: 'category', data: keys.map((k) => STATUS_LABELS[k]) },
    yAxis: valueAxis,
    series: [
      {
        name: 'Лиц',
        type: 'bar',
        data: keys.map((k, i) => ({
          value: byStatus[k],
          itemStyle: { color: [COLOURS.primary, COLOURS.secondary, COLOURS.muted][i] },
        })),
        label: { show: true, position: 'top', formatter: (p) => formatCount(Number(p.value)) },
      },
    ],
  };
  const summary = keys.map((k) => `${STATUS_LABELS[k]}: ${formatCount(byStatus[k])}`).join('; ') + '.';
  return { option, summary: `Полисы по статусу. ${summary}`, width: 720, height: 280 };
}

/** Applications per day: decided in time and late (stacked), and submitted (line). */
export function applicationsChart(days: Dashboard['applicationDays']): ChartSpec {
  const option: EChartsOption = {
    grid,
    legend,
    xAxis: { type: 'category', data: days.map((d) => shortDay(d.day)) },
    yAxis: valueAxis,
    series: [
      {
        name: 'Рассмотрено в срок',
        type: 'bar',
        stack: 'decided',
        color: COLOURS.primary,
        data: days.map((d) => d.inTime),
      },
      {
        name: 'Рассмотрено с опозданием',
        type: 'bar',
        stack: 'decided',
        color: COLOURS.secondary,
        data: days.map((d) => d.late),
      },
      {
        name: 'Подано',
        type: 'line',
        color: COLOURS.third,
        symbol: 'circle',
        data: days.map((d) => d.submitted),
      },
    ],
  };
  const inTime = days.reduce((n, d) => n + d.inTime, 0);
  const late = days.reduce((n, d) => n + d.late, 0);
  const submitted = days.reduce((n, d) => n + d.submitted, 0);
  const share = inTime + late === 0 ? '' : ` (${Math.round((inTime * 100) / (inTime + late))}% в срок)`;
  const summary = `Заявления за ${days.length} дн.: подано ${formatCount(submitted)}, рассмотрено в срок ${formatCount(inTime)}, с опозданием ${formatCount(late)}${share}.`;
  return { option, summary, width: 720, height: 320 };
}

/** Clinic lookups per day, stacked by channel. */
export function lookupsChart(days: Dashboard['lookupDays']): ChartSpec {
  const channels = Object.keys(CHANNEL_LABELS) as LookupChannel[];
  const colours = [COLOURS.primary, COLOURS.secondary, COLOURS.third];
  const option: EChartsOption = {
    grid,
    legend,
    xAxis: { type: 'category', data: days.map((d) => shortDay(d.day)) },
    yAxis: valueAxis,
    series: channels.map((c, i) => ({
      name: CHANNEL_LABELS[c],
      type: 'bar',
      stack: 'lookups',
      color: colours[i],
      data: days.map((d) => d[c]),
    })),
  };
  const totals = channels.map(
    (c) => `${CHANNEL_LABELS[c]} — ${formatCount(days.reduce((n, d) => n + d[c], 0))}`,
  );
  return {
    option,
    summary: `Проверки полиса медицинскими организациями за ${days.length} дн.: ${totals.join(', ')}.`,
    width: 720,
    height: 320,
  };
}

/** Events received from each agency per day: a silent source shows as a flat line at zero. */
export function feedsChart(feeds: Dashboard['feeds']): ChartSpec {
  const colours = [COLOURS.primary, COLOURS.secondary, COLOURS.third];
  const option: EChartsOption = {
    grid,
    legend,
    xAxis: { type: 'category', data: (feeds[0]?.days ?? []).map((d) => shortDay(d.day)) },
    yAxis: valueAxis,
    series: feeds.map((f, i) => ({
      name: FEED_LABELS[f.source],
      type: 'line',
      symbol: 'circle',
      color: colours[i],
      data: f.days.map((d) => d.received),
    })),
  };
  const parts = feeds.map(
    (f) => `${FEED_LABELS[f.source]} — ${formatCount(f.days.reduce((n, d) => n + d.received, 0))}`,
  );
  return {
    option,
    summary: `Событий получено за ${feeds[0]?.days.length ?? 0} дн.: ${parts.join(', ')}.`,
    width: 720,
    height: 300,
  };
}

/** Duplicates: merged records, and the scan's candidates by state once it reports them. */
export function duplicatesChart(d: Dashboard['duplicates']): ChartSpec {
  const bars: { name: string; value: number; colour: string }[] = [];
  if (d.candidates) {
    bars.push({ name: 'Ждут проверки', value: d.candidates.open, colour: COLOURS.secondary });
    bars.push({ name: 'Признаны разными лицами', value: d.candidates.notDuplicate, colour: COLOURS.muted });
  }
  bars.push({ name: 'Объединено записей', value: d.mergedPersons, colour: COLOURS.primary });
  const option: EChartsOption = {
    grid,
    xAxis: { type: 'category', data: bars.map((b) => b.name) },
    yAxis: valueAxis,
    series: [
      {
        name: 'Записей',
        type: 'bar',
        data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.colour } })),
        label: { show: true, position: 'top', formatter: (p) => formatCount(Number(p.value)) },
      },
    ],
  };
  return {
    option,
    summary: `Дубликаты. ${bars.map((b) => `${b.name}: ${formatCount(b.value)}`).join('; ')}.`,
    width: 720,
    height: 260,
  };
}
