import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { requireStaff } from '@/lib/auth/staff-context';
import { sectionsFor } from './_shell/sections';

export const metadata: Metadata = { title: 'Начало' };

export default async function ConsoleStartPage() {
  const staff = await requireStaff('/konsol');
  return (
    <>
      <h1>Консоль регистра</h1>
      <p className="lead">Здравствуйте, {staff.fullName}. Выберите раздел.</p>
      <ul className="cards cards--links">
        {sectionsFor(staff.role).map((s) => (
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
