import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { persons } from '@/db/schema';
import type { OsmsStatus } from '@/lib/domain/kz';
import { AppError } from '@/lib/errors';
import type { OsmsRecords } from './osms-records';

/** The id of the Kazakh person under a (checked) ИИН, or null: all a permission check may read first. */
export async function findKzPersonId(db: Executor, iin: string): Promise<number | null> {
  const [row] = await db
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.iin, iin), eq(persons.jurisdiction, 'kz')))
    .limit(1);
  return row?.id ?? null;
}

export function kzPersonNotFound(): AppError {
  return new AppError('PERSON_NOT_FOUND', {
    message: 'Человек с таким ИИН не найден в реестре участников ОСМС.',
  });
}

/**
 * What the caller was told, for the access log: the status (code, insured, until), the months marked
 * paid, and — for a full read — how many facts of each kind were shown; "as known at" when asked.
 */
export function statusDetails(status: OsmsStatus, knownAt?: Date, shown?: OsmsRecords): string {
  const paid = status.months.filter((m) => m.paid).length;
  const parts = [
    `статус на ${status.on}: ${status.code}, ${status.insured ? 'застрахован' : 'не застрахован'}` +
      (status.until ? ` до ${status.until}` : ''),
    `оплачено месяцев ${paid} из ${status.months.length}`,
  ];
  if (shown) {
    parts.push(
      `показано: взносов ${shown.contributions.length}, категорий ${shown.memberships.length}, ` +
        `временных статусов ${shown.temporaryStatuses.length}`,
    );
  }
  if (knownAt) parts.push(`по данным на ${knownAt.toISOString()}`);
  return parts.join('; ');
}
