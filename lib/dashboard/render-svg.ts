import * as echarts from 'echarts';

export interface ChartSpec {
  /** ECharts option (series, axes, legend); animation and interaction are turned off here. */
  option: echarts.EChartsOption;
  /** The chart in words: its aria-label, and the sentence under it. */
  summary: string;
  width: number;
  height: number;
}

/**
 * Renders a chart to SVG markup on the server (ECharts' SSR renderer: no DOM, no script), so it shows
 * without JavaScript, prints, and passes the pages' CSP. The markup is an image with the summary as its
 * label; the numbers are in a table beside it. Hover styles are dropped: nothing on the page reacts.
 */
export function renderChartSvg(spec: ChartSpec): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: spec.width,
    height: spec.height,
  });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'system-ui, sans-serif', color: '#1f1f1f' },
      ...spec.option,
    });
    const svg = chart.renderToSVGString();
    return svg
      .replace(/<style[\s\S]*?<\/style>/g, '')
      .replace('<svg ', `<svg role="img" aria-label="${escapeAttribute(spec.summary)}" focusable="false" `);
  } finally {
    chart.dispose();
  }
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
