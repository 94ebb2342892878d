import type { ImportSummary } from './import-feed';

/** How many rejected lines the summary explains one by one (all their numbers are listed). */
const EXPLAINED = 50;

/** Line numbers as ranges: 3, 7–9, 12. */
export function lineRanges(lines: readonly number[]): string {
  const sorted = [...lines].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

const n = (x: number) => x.toLocaleString('ru-RU');

/** The import's final summary, in Russian, for the operator's terminal. */
export function formatImportSummary(s: ImportSummary): string {
  const { applied, duplicate, pending, rejected } = s.counts;
  const events = applied + duplicate + pending + rejected;
  const out = [
    `Импорт завершён: строк ${n(s.lines)}, событий ${n(events)} за ${s.seconds.toFixed(1)} с.`,
    `  применено:  ${n(applied)}`,
    `  повторы:    ${n(duplicate)} (уже были получены — ничего не изменили)`,
    `  ожидают:    ${n(pending)} (человек пока не найден — будут применены, когда появится)`,
    `  отклонено:  ${n(rejected)}`,
  ];
  if (s.resumedAt) {
    const before = s.resumedAt.counts;
    out.push(
      `Продолжен прерванный импорт со строки ${n(s.resumedAt.line + 1)}; до неё: применено ${n(before.applied)}, ` +
        `повторов ${n(before.duplicate)}, ожидают ${n(before.pending)}, отклонено ${n(before.rejected)}.`,
    );
  }
  if (s.rejected.length > 0) {
    out.push(
      `Отклонённые строки${s.resumedAt ? ' (в этом запуске)' : ''}: ${lineRanges(s.rejected.map((r) => r.line))}`,
    );
    for (const r of s.rejected.slice(0, EXPLAINED)) {
      const reasons = r.issues.map((i) => `${i.field} — ${i.message}`).join('; ');
      out.push(`  строка ${r.line}${r.eventId ? ` (${r.eventId})` : ''}: ${reasons}`);
    }
    if (s.rejected.length > EXPLAINED) out.push(`  … и ещё ${n(s.rejected.length - EXPLAINED)}`);
  }
  return out.join('\n');
}
