import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { requireStaff } from '@/lib/auth/staff-context';
import { checkHealth, type HealthProblem } from '@/lib/health/check-health';
import { sectionsFor } from './_shell/sections';

export const metadata: Metadata = { title: 'Начало' };

/** Where an administrator acts on each kind of problem. */
const ACT_ON: Record<HealthProblem['code'], { href: string; text: string }> = {
  CALENDAR_MISSING: { href: '/konsol/spravochniki/kalendar', text: 'Загрузить производственный календарь' },
  CALENDAR_INCOMPLETE: {
    href: '/konsol/spravochniki/kalendar',
    text: 'Загрузить производственный календарь',
  },
  FEED_SILENT: { href: '/konsol/lenty', text: 'Ведомственный обмен' },
};

export default async function ConsoleStartPage() {
  const staff = await requireStaff('/konsol');
  const sections = sectionsFor(staff.role);
  // The fund's staff see what the register needs from them (the calendar of the next year from 1 October,
  // a silent agency feed): the same problems /api/health reports to machines.
  const problems = staff.role === 'smo_operator' ? [] : (await checkHealth()).problems;
  return (
    <>
      <h1>Консоль регистра</h1>
      <p className="lead">Здравствуйте, {staff.fullName}. Выберите раздел.</p>
      {problems.length > 0 ? (
        <div className="notice" role="status" aria-labelledby="attention-title">
          <h2 id="attention-title">Требует внимания</h2>
          <ul>
            {problems.map((p) => {
              const act = ACT_ON[p.code];
              const reachable = sections.some((s) => act.href.startsWith(s.href));
              return (
                <li key={`${p.code}:${p.message}`}>
                  {p.message} {reachable ? <Link href={act.href}>{act.text}</Link> : null}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      <ul className="cards cards--links">
        {sections.map((s) => (
          <li key={s.href} className="card">
            <h2>
              <Link href={s.href as Route}>{s.title}</Link>
            </h2>
            <p>{s.text}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
