import type { Metadata } from 'next';
import { signedInCitizen } from '@/app/_components/citizen/signed-in';
import { LookupList, LookupPages, lookupCursor } from '@/app/_components/citizen/lookup-list';
import { NotInKzRegister } from '../../_osms/not-in-register';
import { formatDateTimeIn } from '@/lib/domain/zoned-time';
import { isAppError } from '@/lib/errors';
import { jurisdictionProfile } from '@/lib/jurisdiction/current';
import { whoLookedMeUp, type WhoLookedMeUp } from '@/lib/portal/who-looked-me-up';

export const metadata: Metadata = { title: 'Кто проверял мой статус' };

const PAGE_SIZE = 50;
const PATH = '/kabinet/prosmotry';

/**
 * Which clinics checked the signed-in person's ОСМС status and when — at the registry desk or from their
 * information systems — from the access log, through the same use case as Russia's journey 9, which
 * decides what may be shown (never the employee or the key).
 */
export default async function KzWhoCheckedPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const before = lookupCursor((await searchParams).do);
  const { claims, actor } = await signedInCitizen(before !== null ? `${PATH}?do=${before}` : PATH);
  let log: WhoLookedMeUp | null = null;
  let refusal: string | null = null;
  // Someone the register does not know is told so in this register's words, before the use case is asked.
  if (actor.personId !== null) {
    try {
      log = await whoLookedMeUp({ before, limit: PAGE_SIZE }, actor);
    } catch (error) {
      if (!isAppError(error)) throw error;
      refusal = error.message;
    }
  }
  const { timeZone } = jurisdictionProfile();
  return (
    <>
      <h1>Кто проверял мой статус</h1>
      {log ? (
        <>
          <p>
            Здесь видно, когда медицинские организации проверяли ваш статус в ОСМС — в регистратуре или из
            своей информационной системы. Если вы не обращались в эту организацию, сообщите в фонд.
          </p>
          <LookupList
            entries={log.entries}
            label="Проверки статуса, сначала последние"
            empty={before !== null ? 'Более ранних проверок нет.' : 'Статус пока никто не проверял.'}
            formatAt={(at) => formatDateTimeIn(at, timeZone)}
          />
          <LookupPages
            newest={before !== null ? PATH : null}
            earlier={log.nextCursor !== null ? `${PATH}?do=${log.nextCursor}` : null}
          />
        </>
      ) : (
        <NotInKzRegister hasIin={Boolean(claims.iin)} refusal={refusal} />
      )}
    </>
  );
}
