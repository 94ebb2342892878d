import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { can } from '@/lib/auth/permissions';
import { requireConsolePage } from '../../_shell/require-section';
import { moscowDate, yearOf } from '@/lib/domain/dates';
import { CalendarForm } from './calendar-form';

export const metadata: Metadata = { title: 'Производственный календарь' };

export default async function CalendarPage() {
  const staff = await requireConsolePage('/konsol/spravochniki/kalendar');
  if (!can(staff.actor, 'directory:manage')) forbidden();
  return (
    <>
      <p>
        <Link href={'/konsol/spravochniki'}>← Справочники</Link>
      </p>
      <h1>Производственный календарь</h1>
      <p>
        Загрузите особые дни года: праздники, перенесённые выходные и рабочие субботы. Загрузка заменяет дни
        этого года целиком. Сроки уже решённых заявлений не пересчитываются.
      </p>
      <CalendarForm defaultYear={yearOf(moscowDate(new Date())) + 1} />
    </>
  );
}
