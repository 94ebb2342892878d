import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { fhirExamples, restExamples, type ExamplePerson, type ExampleRequest } from '@/lib/api-docs/examples';
import { OSMS_EXAMPLE_IIN, osmsFhirExamples, osmsRestExamples } from '@/lib/api-docs/osms-examples';
import { generateEnp } from '@/lib/domain/ru/enp';
import type { ErrorCode } from '@/lib/errors';
import { jurisdictionProfile } from '@/lib/jurisdiction/current';
import { kzProfile } from '@/lib/jurisdiction/kz';
import { nationalPart } from '@/lib/jurisdiction/national';
import { rateLimitsFromEnv } from '@/lib/rate-limit/rate-limits';
import { CLINIC_KEY_USAGE } from '@/scripts/clinic-key-args';
import { ErrorsReference } from './errors-reference';
import { FhirReference } from './fhir-reference';
import { IdentifierSystems } from './identifiers';
import { CodeBlock, DocSection } from './parts';
import { RestReference } from './rest-reference';

export const metadata: Metadata = { title: 'API для медицинских информационных систем' };

/**
 * The examples' person: the demo register's first person (db/seed/demo-people.ts, «active-moscow-parent»),
 * so on a demo server every example answers. Invented, like all of the demo register.
 */
const EXAMPLE_PERSON: ExamplePerson = {
  enp: generateEnp('77', 1),
  snils: '14821563057',
  birthDate: '1985-04-12',
  passport: { series: '4505', number: '318274' },
};

/** The site's address as the reader reached it (the FHIR server names its base the same way). */
async function siteOrigin(): Promise<string> {
  const h = await headers();
  const proto = h.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https' ? 'https' : 'http';
  return `${proto}://${h.get('host') ?? 'localhost'}`;
}

const CONTENTS: readonly [string, string][] = [
  ['klyuch', 'Как получить ключ'],
  ['rest', 'REST API'],
  ['fhir', 'FHIR R4'],
  ['identifikatory', 'Системы идентификаторов'],
  ['oshibki', 'Ошибки'],
];

/** What differs between the countries' pages (ADR 0033): the words about the key, the examples, the error. */
interface NationalDocs {
  lead: ReactNode;
  keyIssue: ReactNode;
  restExamples: ExampleRequest[];
  fhirExamples: ExampleRequest[];
  invalid: { field: string; code: ErrorCode; value: string };
}

function russianDocs(today: string): NationalDocs {
  const enp = EXAMPLE_PERSON.enp;
  return {
    lead: (
      <p className="lead">
        Медицинская информационная система (МИС) может проверять полис ОМС пациента сама, без регистратора: по
        документу с датой рождения, по ЕНП или по СНИЛС с датой рождения, на дату приёма. Два интерфейса с
        одними и теми же ответами — REST (JSON) и FHIR R4.
      </p>
    ),
    keyIssue: (
      <p>
        Ключ выдаётся медицинской организации (по коду реестра F003), один на информационную систему. Его
        выпускает оператор регистра — территориальный фонд ОМС вашего региона: обратитесь туда с кодом
        медицинской организации. Ключ показывают один раз; регистр хранит только его хеш, поэтому потерянный
        ключ не восстанавливают, а выпускают новый и отзывают старый. Отзыв действует сразу.
      </p>
    ),
    restExamples: restExamples(EXAMPLE_PERSON, today),
    fhirExamples: fhirExamples(EXAMPLE_PERSON, today),
    invalid: {
      field: 'enp',
      code: 'ENP_INVALID_CHECKSUM',
      value: `${enp.slice(0, 15)}${(Number(enp[15]) + 1) % 10}`,
    },
  };
}

function osmsDocs(today: string): NationalDocs {
  return {
    lead: (
      <p className="lead">
        Медицинская информационная система (МИС) может проверять статус пациента в системе обязательного
        социального медицинского страхования (ОСМС) сама, без регистратора: по ИИН, на дату приёма. Ответ —
        застрахован ли человек, на каком основании (взносы, льготная категория, сохранение права после
        категории, временный статус…) и до какого дня, а если нет — почему и что делать. Два интерфейса с
        одними и теми же ответами — REST (JSON) и FHIR R4.
      </p>
    ),
    keyIssue: (
      <p>
        Ключ выдаётся медицинской организации, один на информационную систему. Его выпускает оператор регистра
        — {kzProfile.texts.fundName}: обратитесь в филиал фонда с кодом медицинской организации. Ключ
        показывают один раз; регистр хранит только его хеш, поэтому потерянный ключ не восстанавливают, а
        выпускают новый и отзывают старый. Отзыв действует сразу.
      </p>
    ),
    restExamples: osmsRestExamples(OSMS_EXAMPLE_IIN, today),
    fhirExamples: osmsFhirExamples(OSMS_EXAMPLE_IIN, today),
    invalid: {
      field: 'iin',
      code: 'IIN_INVALID_CHECKSUM',
      value: `${OSMS_EXAMPLE_IIN.slice(0, 11)}${(Number(OSMS_EXAMPLE_IIN[11]) + 1) % 10}`,
    },
  };
}

/**
 * The API documentation for МИС vendors, rendered on the server from the very objects the API publishes:
 * the OpenAPI 3.1 document (api/v1/openapi.ts), the CapabilityStatement (lib/fhir/capability-statement.ts),
 * the identifier systems (lib/fhir/systems.ts) and the error catalogue (lib/errors.ts). Plain HTML.
 */
export default async function ApiDocumentationPage() {
  const origin = await siteOrigin();
  const profile = jurisdictionProfile();
  const today = profile.today();
  const limit = rateLimitsFromEnv().api_key;
  const docs = nationalPart({ ru: russianDocs, kz: osmsDocs })(today);
  return (
    <>
      <p className="journey-caption">Для медицинских организаций</p>
      <h1>API для медицинских информационных систем</h1>
      {docs.lead}
      <p>
        Каждое обращение записывается в журнал доступа с ключом и медицинской организацией; застрахованный
        видит в личном кабинете, какая организация и когда проверяла его данные.
      </p>
      <nav aria-labelledby="contents-title" className="doc-contents">
        <h2 id="contents-title">Содержание</h2>
        <ol>
          {CONTENTS.map(([id, title]) => (
            <li key={id}>
              <a href={`#${id}`}>{title}</a>
            </li>
          ))}
        </ol>
      </nav>

      <DocSection id="klyuch" title="Как получить ключ">
        {docs.keyIssue}
        <p>
          Ключ передаётся в каждом запросе в заголовке <code>Authorization: Bearer &lt;ключ&gt;</code>. Вид
          ключа: <code>oms_&lt;префикс&gt;_&lt;секрет&gt;</code>. Без ключа, с неверным или отозванным ключом
          ответ — <code>401</code>. Не больше {limit.ratePerSecond} запросов в секунду на ключ (кратковременно
          — до {limit.burst}); сверх этого — <code>429</code> с заголовком <code>Retry-After</code>.
        </p>
        <p>
          Сейчас оператор выпускает ключи командой на сервере регистра; позже это можно будет сделать в
          консоли фонда.
        </p>
        <CodeBlock>{CLINIC_KEY_USAGE}</CodeBlock>
      </DocSection>

      <DocSection id="rest" title="REST API">
        <RestReference origin={origin} examples={docs.restExamples} />
      </DocSection>

      <DocSection id="fhir" title="FHIR R4">
        <FhirReference origin={origin} examples={docs.fhirExamples} />
      </DocSection>

      <DocSection id="identifikatory" title="Системы идентификаторов">
        <IdentifierSystems />
      </DocSection>

      <DocSection id="oshibki" title="Ошибки">
        <ErrorsReference invalid={docs.invalid} />
      </DocSection>

      <p>
        <a href="/clinic">Рабочее место регистратора</a> — та же проверка в браузере, по логину и паролю
        сотрудника.
      </p>
    </>
  );
}
