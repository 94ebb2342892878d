import type { Metadata, Route } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { staffRoleName } from '@/lib/auth/staff-accounts';
import { jurisdictionProfile } from '@/lib/jurisdiction/current';
import { organisationOf } from './sotrudniki/labels';
import { requireStaff } from '@/lib/auth/staff-context';
import { StaffUserBar } from '../vhod/staff-user-bar';
import { sectionsFor } from './_shell/sections';

export function generateMetadata(): Metadata {
  return { title: { default: 'Консоль', template: `%s — консоль ${jurisdictionProfile().texts.siteName}` } };
}

/**
 * The console's frame: staff only (signed out → sign-in; anyone else signed in → 403). Every page and
 * server action below checks again with requireStaff(), and every use case checks its permission: the
 * layout is the menu, not the lock.
 */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaff();
  const { actor } = staff;
  const organisation = organisationOf({
    role: actor.role,
    subjectCode: actor.role === 'tfoms_operator' ? actor.subjectCode : null,
    insurerCode: actor.role === 'smo_operator' ? actor.insurerCode : null,
    moCode: null,
  });
  return (
    <div className="console">
      <StaffUserBar>
        <p>
          {staff.fullName} · {staffRoleName(staff.role)} · {organisation}
        </p>
      </StaffUserBar>
      <nav aria-label="Разделы консоли">
        <ul className="nav-cabinet">
          <li>
            <Link href="/konsol">Начало</Link>
          </li>
          {sectionsFor(staff.role).map((s) => (
            <li key={s.href}>
              <Link href={s.href as Route}>{s.title}</Link>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </div>
  );
}
