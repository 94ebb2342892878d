import type { ReactNode } from 'react';
import { formatMoscowDateTime } from '@/lib/applications/labels';
import { renderChartSvg, type ChartSpec } from '@/lib/dashboard/render-svg';

/**
 * One dashboard figure: its heading, how fresh it is, the chart as server-rendered SVG (an image labelled
 * with its summary), the summary in words, and the numbers as a table (`children`).
 */
export function ChartFigure({
  id,
  title,
  asOf,
  chart,
  children,
}: {
  id: string;
  title: string;
  asOf: Date | null;
  chart: ChartSpec;
  children: ReactNode;
}) {
  return (
    <section className="dashboard-figure" aria-labelledby={`${id}-title`} data-testid={`figure-${id}`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="hint">
        {asOf
          ? `По состоянию на ${formatMoscowDateTime(asOf)} (МСК).`
          : 'Показатели ещё не рассчитаны: расчёт выполняется фоновым заданием каждые 10 минут.'}
      </p>
      <figure className="chart">
        {/* ECharts' SSR output: SVG markup only (no script), built from the figures read above. */}
        <div className="chart__image" dangerouslySetInnerHTML={{ __html: renderChartSvg(chart) }} />
        <figcaption>{chart.summary}</figcaption>
      </figure>
      {children}
    </section>
  );
}

/** The numbers of a figure: a header row and one row per category, first cell a row header. */
export function FigureTable({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: readonly string[];
  rows: readonly (readonly [string, ...(string | number)[]])[];
}) {
  return (
    <table className="table table--numbers">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([first, ...rest]) => (
          <tr key={first}>
            <th scope="row">{first}</th>
            {rest.map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
