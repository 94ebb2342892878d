import type { OsmsStatus } from '@/lib/domain/kz';
import { AppError } from '@/lib/errors';
import type { OsmsRecords } from './osms-records';

/** Nobody in the Kazakh register has the ИИН: the one wording of every door (status, lookup, uploads). */
export const KZ_PERSON_NOT_FOUND_TEXT = 'Человек с таким ИИН не найден в реестре участников ОСМС.';

export function kzPersonNotFound(): AppError {
  return new AppError('PERSON_NOT_FOUND', { message: KZ_PERSON_NOT_FOUND_TEXT });
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
