import type { Metadata } from 'next';
import { listMyPeople } from '@/lib/portal/list-my-people';
import { whoLookedMeUp } from '@/lib/portal/who-looked-me-up';
import {
  dateTimeRu,
  firstParam,
  personChoice,
  settle,
  signedInCitizen,
  type SearchParams,
} from '../_cabinet/cabinet';
import { PersonSwitcher, RefusalPanel, personName } from '../_cabinet/parts';
import { LookupList, LookupPages, lookupCursor } from '@/app/_components/citizen/lookup-list';

export const metadata: Metadata = { title: 'Кто смотрел мой полис' };

const PAGE_SIZE = 50;

/**
 * Journey 9: which clinics looked up the citizen's (or their child's) policy and when, and checks of
 * their extracts by code — from the access log, through the use case that decides what may be shown.
 */
export default async function WhoLookedPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const chosen = personChoice(params.chelovek);
  const before = lookupCursor(params.do);
  const query = [
    chosen !== undefined ? `chelovek=${firstParam(params.chelovek)}` : null,
    before !== null ? `do=${before}` : null,
  ].filter(Boolean);
  const citizen = await signedInCitizen(`/lk/prosmotry${query.length ? `?${query.join('&')}` : ''}`);
  const [people, outcome] = await Promise.all([
    listMyPeople(citizen.actor),
    settle(whoLookedMeUp({ subjectPersonId: chosen, before, limit: PAGE_SIZE }, citizen.actor)),
  ]);
  if (!outcome.ok) {
    return (
      <>
        <h1>Кто смотрел полис</h1>
        <RefusalPanel refusal={outcome.refusal} />
      </>
    );
  }
  const log = outcome.value;
  const shownId = log.personId;
  const person = people.find((p) => p.personId === shownId);
  const self = person?.self ?? true;
  const base = self ? '/lk/prosmotry' : `/lk/prosmotry?chelovek=${log.personId}`;
  const more = (cursor: number) => `${base}${self ? '?' : '&'}do=${cursor}`;

  return (
    <>
      <h1>{self ? 'Кто смотрел мой полис' : `Кто смотрел полис: ${person ? personName(person) : ''}`}</h1>
      <PersonSwitcher people={people} currentId={log.personId} basePath="/lk/prosmotry" label="Чей полис" />
      <p>
        Здесь видно, когда медицинские организации проверяли полис — в регистратуре или из своей
        информационной системы, — и когда кто-то проверял вашу выписку по коду. Если вы не обращались в эту
        организацию, сообщите в свою страховую компанию.
      </p>
      <LookupList
        entries={log.entries}
        label="Проверки полиса, сначала последние"
        empty={before !== null ? 'Более ранних проверок нет.' : 'Полис пока никто не проверял.'}
        formatAt={dateTimeRu}
      />
      <LookupPages
        newest={before !== null ? base : null}
        earlier={log.nextCursor !== null ? more(log.nextCursor) : null}
      />
    </>
  );
}
