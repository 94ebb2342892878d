import { describe, expect, it } from 'vitest';
import {
  applicationsChart,
  duplicatesChart,
  feedsChart,
  insuredRankingChart,
  lookupsChart,
  statusChart,
  TOP_ROWS,
} from './chart-options';
import type { Dashboard } from './read-dashboard';
import { renderChartSvg } from './render-svg';

type Series = { name?: string; type?: string; data?: unknown[] };
const seriesOf = (option: unknown) => (option as { series: Series[] }).series;
const categoriesOf = (option: unknown, axis: 'xAxis' | 'yAxis') =>
  (option as Record<string, { data: string[] }>)[axis]!.data;

const regions = Array.from({ length: 20 }, (_, i) => ({
  code: String(10 + i),
  name: `Регион ${i + 1}`,
  active: 1000 - i * 10,
  suspended: i,
}));

describe('chart option builders', () => {
  it('ranks insured persons top-down, shows the first 15 bars and says the table has all', () => {
    const spec = insuredRankingChart(regions, 'в регионах');
    const names = categoriesOf(spec.option, 'yAxis');
    expect(names).toHaveLength(TOP_ROWS);
    // ECharts draws the first category at the bottom: the largest must come last to be on top.
    expect(names.at(-1)).toBe('Регион 1');
    expect(names[0]).toBe('Регион 15');
    const [active, suspended] = seriesOf(spec.option);
    expect(active!.data!.at(-1)).toBe(1000);
    expect(suspended!.data!.at(-1)).toBe(0);
    expect(suspended!.data![0]).toBe(14);
    const total = regions.reduce((n, r) => n + r.active + r.suspended, 0);
    expect(spec.summary).toContain(
      `Застрахованных всего: ${new Intl.NumberFormat('ru-RU').format(total).replace(/\u00a0/g, ' ')}`,
    );
    expect(spec.summary).toContain('первые 15 из 20');
  });

  it('says when nobody is insured instead of drawing an empty ranking silently', () => {
    expect(insuredRankingChart([], 'в регионах').summary).toBe('Застрахованных в регионах нет.');
  });

  it('puts decided in time and late as stacked bars and submitted as a line, with the share in time', () => {
    const days: Dashboard['applicationDays'] = [
      { day: '2026-12-01', submitted: 5, inTime: 3, late: 1 },
      { day: '2026-12-02', submitted: 2, inTime: 3, late: 1 },
    ];
    const spec = applicationsChart(days);
    expect(categoriesOf(spec.option, 'xAxis')).toEqual(['01.12', '02.12']);
    const s = seriesOf(spec.option);
    expect(s.map((x) => [x.name, x.type, x.data])).toEqual([
      ['Рассмотрено в срок', 'bar', [3, 3]],
      ['Рассмотрено с опозданием', 'bar', [1, 1]],
      ['Подано', 'line', [5, 2]],
    ]);
    expect(spec.summary).toBe(
      'Заявления за 2 дн.: подано 7, рассмотрено в срок 6, с опозданием 2 (75% в срок).',
    );
  });

  it('stacks lookups by channel in the order workspace, REST, FHIR', () => {
    const spec = lookupsChart([
      { day: '2026-12-01', clinic_ui: 4, rest: 2, fhir: 1 },
      { day: '2026-12-02', clinic_ui: 0, rest: 5, fhir: 0 },
    ]);
    expect(seriesOf(spec.option).map((x) => [x.name, x.data])).toEqual([
      ['Рабочее место МО', [4, 0]],
      ['REST API', [2, 5]],
      ['FHIR', [1, 0]],
    ]);
    expect(spec.summary).toContain('Рабочее место МО — 4, REST API — 7, FHIR — 1');
  });

  it('draws one line per agency with the events received each day', () => {
    const day = (d: string, received: number) => ({
      day: d,
      received,
      applied: received,
      pending: 0,
      rejected: 0,
    });
    const spec = feedsChart([
      {
        source: 'zags',
        lastReceivedAt: null,
        lastOccurredAt: null,
        days: [day('2026-12-01', 3), day('2026-12-02', 0)],
      },
      {
        source: 'mvd',
        lastReceivedAt: null,
        lastOccurredAt: null,
        days: [day('2026-12-01', 0), day('2026-12-02', 9)],
      },
    ]);
    expect(seriesOf(spec.option).map((x) => [x.name, x.data])).toEqual([
      ['ЗАГС', [3, 0]],
      ['МВД', [0, 9]],
    ]);
    expect(spec.summary).toBe('Событий получено за 2 дн.: ЗАГС — 3, МВД — 9.');
  });

  it('shows the status counts and the duplicates with the candidates only once the scan reports them', () => {
    const status = statusChart({ active: 10, suspended: 2, terminated: 1 });
    expect((seriesOf(status.option)[0]!.data as { value: number }[]).map((d) => d.value)).toEqual([10, 2, 1]);
    expect(categoriesOf(duplicatesChart({ candidates: null, mergedPersons: 3 }).option, 'xAxis')).toEqual([
      'Объединено записей',
    ]);
    const withScan = duplicatesChart({
      candidates: { open: 4, merged: 3, notDuplicate: 1 },
      mergedPersons: 3,
    });
    expect(categoriesOf(withScan.option, 'xAxis')).toEqual([
      'Ждут проверки',
      'Признаны разными лицами',
      'Объединено записей',
    ]);
    expect(withScan.summary).toBe(
      'Дубликаты. Ждут проверки: 4; Признаны разными лицами: 1; Объединено записей: 3.',
    );
  });
});

describe('renderChartSvg', () => {
  it('renders SVG markup only — no script, no style element — labelled with the summary', () => {
    const svg = renderChartSvg(insuredRankingChart(regions.slice(0, 3), 'в регионах'));
    expect(svg.startsWith('<svg role="img" aria-label="Застрахованных всего:')).toBe(true);
    expect(svg).not.toMatch(/<script|<style|on\w+=/i);
    expect(svg).toContain('Регион 1');
  });

  it('escapes names from the directories in the text and in the label', () => {
    const svg = renderChartSvg(
      insuredRankingChart(
        [{ code: '77', name: 'СМО "Альфа" <ООО> & Ко', active: 5, suspended: 0 }],
        'в регионах',
      ),
    );
    expect(svg).not.toContain('<ООО>');
    expect(svg).toContain('&lt;ООО&gt;');
    expect(svg).toContain(
      'aria-label="Застрахованных всего: 5. Больше всего — СМО &quot;Альфа&quot; &lt;ООО&gt; &amp; Ко: 5."',
    );
  });
});
