import { documentKindName, type DocumentKindCode } from '@/lib/domain/ru/documents';
import {
  ANSWER_QUALITY_SYSTEM,
  BIRTH_CERTIFICATE_SYSTEM,
  COVERAGE_REASON_SYSTEM,
  ENP_SYSTEM,
  ERROR_CODE_SYSTEM,
  F011_SYSTEM,
  F011_TO_NSI,
  IDENTITY_DOCUMENT_SYSTEM,
  MCOD_SYSTEM,
  NSI_IDENTITY_DOCUMENT_SYSTEM,
  POLICY_STATE_EXTENSION,
  POLICY_STATUS_SYSTEM,
  POLICY_SUSPENDED_MODIFIER,
  SMOCOD_SYSTEM,
  SNILS_SYSTEM,
  SUBJECT_SYSTEM,
  TERRITORY_EXTENSION,
} from '@/lib/fhir/systems';
import { DocTable } from './parts';

/** The URIs are the ones the FHIR layer speaks (lib/fhir/systems.ts); the words say what each is for. */
const GROUPS: readonly { title: string; rows: readonly [string, string][] }[] = [
  {
    title: 'Идентификаторы пациента (Patient.identifier)',
    rows: [
      [ENP_SYSTEM, 'ЕНП — единый номер полиса ОМС, 16 цифр'],
      [SNILS_SYSTEM, 'СНИЛС, 11 цифр; в поиске — только вместе с датой рождения'],
      [BIRTH_CERTIFICATE_SYSTEM, 'Свидетельство о рождении: значение «серия номер»; только с датой рождения'],
      [IDENTITY_DOCUMENT_SYSTEM, 'Документ, удостоверяющий личность; вид документа — в identifier.type'],
    ],
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
      [POLICY_STATE_EXTENSION, 'Состояние полиса на дату: действует, приостановлен, прекращён — с причиной'],
      [POLICY_SUSPENDED_MODIFIER, 'Модифицирующее расширение приостановленного полиса'],
      [TERRITORY_EXTENSION, 'Субъект РФ, в котором застрахован человек'],
      [POLICY_STATUS_SYSTEM, 'Коды состояния полиса (ACTIVE, SUSPENDED, DECEASED, NOT_FOUND…)'],
      [COVERAGE_REASON_SYSTEM, 'Основания периодов страхования'],
      [SUBJECT_SYSTEM, 'Субъекты РФ по двузначному коду'],
      [ERROR_CODE_SYSTEM, 'Коды ошибок регистра в OperationOutcome'],
      [ANSWER_QUALITY_SYSTEM, 'Метка stale: ответ по последнему известному состоянию'],
    ],
  },
];

export function IdentifierSystems() {
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
      {GROUPS.map((g) => (
        <DocTable key={g.title} caption={g.title} columns={['Система (URI)', 'Что это']}>
          {g.rows.map(([uri, meaning]) => (
            <tr key={uri}>
              <td className="break">
                <code>{uri}</code>
              </td>
              <td>{meaning}</td>
            </tr>
          ))}
        </DocTable>
      ))}
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
