import { addDays, dateToEpochDays, formatDateRu, type LocalDate } from '@/lib/domain/dates';
import { coverageStatusText, type CoverageStatus } from '@/lib/domain/ru/coverage';
import type { CardCoverage } from '@/lib/register/person-card';

const WIDTH = 960;
const BAR_Y = 28;
const BAR_H = 36;
const FILL: Record<CoverageStatus, string> = {
  active: '#00703c',
  suspended: '#b35900',
  terminated: '#505a5f',
};

interface Segment {
  from: LocalDate;
  to: LocalDate;
  kind: CoverageStatus | 'gap';
  label: string;
}

/** Periods and the gaps between them, from the first period's start to `end`. */
function segments(periods: readonly CardCoverage[], end: LocalDate): Segment[] {
  const out: Segment[] = [];
  for (const [i, p] of periods.entries()) {
    const from = p.validFrom as LocalDate;
    const to = (p.validTo as LocalDate | null) ?? end;
    const previousEnd = i > 0 ? ((periods[i - 1]!.validTo as LocalDate | null) ?? end) : from;
    if (previousEnd < from) out.push({ from: previousEnd, to: from, kind: 'gap', label: 'нет полиса' });
    out.push({ from, to, kind: p.status, label: `${p.insurerName}, ${p.subjectName}` });
  }
  return out;
}

/**
 * The coverage timeline drawn on the server as SVG: one bar per period (insurer and region; colour and
 * pattern by status), gaps hatched, years marked. The table beside it carries the same facts in text,
 * so the drawing is one image with a summary for screen readers.
 */
export function CoverageTimeline({
  periods,
  today,
  title,
}: {
  periods: readonly CardCoverage[];
  today: LocalDate;
  title: string;
}) {
  if (periods.length === 0) return <p>Периодов страхования нет.</p>;
  const start = periods[0]!.validFrom as LocalDate;
  const lastEnd = periods.reduce<LocalDate>((max, p) => {
    const to = (p.validTo as LocalDate | null) ?? today;
    return to > max ? to : max;
  }, today);
  const end = addDays(lastEnd, 1);
  const span = Math.max(1, dateToEpochDays(end) - dateToEpochDays(start));
  const x = (d: LocalDate) => ((dateToEpochDays(d) - dateToEpochDays(start)) / span) * WIDTH;
  const parts = segments(periods, end);
  const firstYear = Number(start.slice(0, 4)) + 1;
  const lastYear = Number(end.slice(0, 4));
  const years = Array.from({ length: Math.max(0, lastYear - firstYear + 1) }, (_, i) => firstYear + i);
  const step = Math.max(1, Math.ceil(years.length / 12));
  const summary = parts
    .map(
      (s) =>
        `${formatDateRu(s.from)} — ${formatDateRu(s.to)}: ${s.kind === 'gap' ? s.label : `${s.label}, ${coverageStatusText(s.kind)}`}`,
    )
    .join('; ');
  return (
    <svg
      className="timeline-chart"
      viewBox={`0 0 ${WIDTH} 96`}
      width="100%"
      role="img"
      aria-label={`${title}. ${summary}`}
      data-testid="coverage-timeline"
    >
      <defs>
        <pattern
          id="gap-hatch"
          width="8"
          height="8"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="8" height="8" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="8" stroke="#d4351c" strokeWidth="3" />
        </pattern>
      </defs>
      {parts.map((s) => {
        const left = x(s.from);
        const w = Math.max(2, x(s.to) - left);
        return (
          <g key={`${s.from}-${s.kind}`}>
            <rect
              x={left}
              y={BAR_Y}
              width={w}
              height={BAR_H}
              fill={s.kind === 'gap' ? 'url(#gap-hatch)' : FILL[s.kind]}
              stroke="#0b0c0c"
              strokeWidth="1"
            >
              <title>{`${formatDateRu(s.from)} — ${formatDateRu(s.to)}: ${s.label}`}</title>
            </rect>
            {w > 90 ? (
              <text
                x={left + 6}
                y={BAR_Y + 23}
                fontSize="14"
                fill={s.kind === 'gap' ? '#0b0c0c' : '#ffffff'}
                fontWeight={s.kind === 'gap' ? 700 : 400}
              >
                {s.label.length * 7.5 > w - 12
                  ? `${s.label.slice(0, Math.max(3, Math.floor((w - 12) / 7.5) - 1))}…`
                  : s.label}
              </text>
            ) : null}
          </g>
        );
      })}
      {years
        .filter((_, i) => i % step === 0)
        .map((y) => {
          const tick = x(`${y}-01-01` as LocalDate);
          return (
            <g key={y}>
              <line
                x1={tick}
                y1={BAR_Y - 6}
                x2={tick}
                y2={BAR_Y + BAR_H + 6}
                stroke="#0b0c0c"
                strokeDasharray="2 2"
              />
              <text x={tick + 3} y={BAR_Y + BAR_H + 22} fontSize="13" fill="#0b0c0c">
                {y}
              </text>
            </g>
          );
        })}
      <text x={0} y={16} fontSize="13" fill="#0b0c0c">
        {formatDateRu(start)}
      </text>
      <text x={WIDTH} y={16} fontSize="13" fill="#0b0c0c" textAnchor="end">
        {lastEnd === today ? `сегодня ${formatDateRu(today)}` : formatDateRu(lastEnd)}
      </text>
    </svg>
  );
}
