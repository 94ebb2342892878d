import { documentKindName, type DocumentKindCode } from '@/lib/domain/ru/documents';
import {
  ANSWER_QUALITY_SYSTEM,
  COVERAGE_REASON_SYSTEM,
  ERROR_CODE_SYSTEM,
  F011_SYSTEM,
  F011_TO_NSI,
  MCOD_SYSTEM,
  NSI_IDENTITY_DOCUMENT_SYSTEM,
  POLICY_STATE_EXTENSION,
  POLICY_SUSPENDED_MODIFIER,
  SMOCOD_SYSTEM,
  SUBJECT_SYSTEM,
  TERRITORY_EXTENSION,
} from '@/lib/fhir/systems';
import { jurisdictionProfile } from '@/lib/jurisdiction/current';
import { nationalPart } from '@/lib/jurisdiction/national';
import type { JurisdictionProfile } from '@/lib/jurisdiction/profile';
import { OsmsIdentifierSystems } from './osms-identifiers';
import { DocTable, SystemGroups, type Group } from './parts';

/**
 * The URIs are the ones the FHIR layer speaks; the words say what each is for. The patient's identifiers
 * and the status codes come from the deployment's profile (ADR 0029), the rest from lib/fhir/systems.ts.
 */
function identifierGroups(profile: JurisdictionProfile): readonly Group[] {
  const statusCodes = profile.status.codes.map((c) => c.code).join(', ');
  return [
    {
      title: 'Идентификаторы пациента (Patient.identifier)',
      rows: profile.fhir.patientIdentifiers.map((i) => [i.system, i.description]),
    },
    {
      title: 'Виды документов',
      rows: [
        [F011_SYSTEM, 'Классификатор ФФОМС F011 (код «14» — паспорт гражданина РФ)'],
        [
          NSI_IDENTITY_DOCUMENT_SYSTEM,
          'НСИ Минздрава России 1.2.643.5.1.13.13.99.2.48 (для видов в таблице ниже)',
        ],
      ],
    },
    {
      title: 'Организации',
      rows: [
        [SMOCOD_SYSTEM, 'Страховая медицинская организация по коду реестра F002 (SMOCOD)'],
        [MCOD_SYSTEM, 'Медицинская организация по коду реестра F003 (MCOD)'],
      ],
    },
    {
      title: 'Расширения и коды регистра',
      rows: [
        [
          POLICY_STATE_EXTENSION,
          'Состояние полиса на дату: действует, приостановлен, прекращён — с причиной',
        ],
        [POLICY_SUSPENDED_MODIFIER, 'Модифицирующее расширение приостановленного полиса'],
        [TERRITORY_EXTENSION, 'Субъект РФ, в котором застрахован человек'],
        [profile.status.codeSystem, `Коды состояния полиса (${statusCodes})`],
        [COVERAGE_REASON_SYSTEM, 'Основания периодов страхования'],
        [SUBJECT_SYSTEM, 'Субъекты РФ по двузначному коду'],
        [ERROR_CODE_SYSTEM, 'Коды ошибок регистра в OperationOutcome'],
        [ANSWER_QUALITY_SYSTEM, 'Метка stale: ответ по последнему известному состоянию'],
      ],
    },
  ];
}

/** The URIs of this deployment's FHIR doors (ADR 0033): Russia's here, Kazakhstan's in osms-identifiers. */
export function IdentifierSystems() {
  return nationalPart({ ru: <RussianIdentifierSystems />, kz: <OsmsIdentifierSystems /> });
}

function RussianIdentifierSystems() {
  const groups = identifierGroups(jurisdictionProfile());
  const nsi = Object.entries(F011_TO_NSI).map(([f011, code]) => ({
    f011,
    name: documentKindName(Number(f011) as DocumentKindCode),
    nsi: code.code,
  }));
  return (
    <>
      <p>
        Системы идентификаторов — из российского базового профиля FHIR (fhir.ru/ig/core) там, где он их
        определяет, и собственные системы регистра там, где нет.
      </p>
      <SystemGroups groups={groups} />
      <DocTable
        caption="Виды документов, которые можно указать кодом НСИ"
        columns={['Документ', 'F011', 'НСИ']}
      >
        {nsi.map((d) => (
          <tr key={d.f011}>
            <td>{d.name}</td>
            <td>{d.f011}</td>
            <td>{d.nsi}</td>
          </tr>
        ))}
      </DocTable>
    </>
  );
}
