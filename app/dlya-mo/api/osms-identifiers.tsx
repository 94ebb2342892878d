import { categoryName, OSMS_CATEGORIES } from '@/lib/domain/kz/categories';
import { OSMS_STATUS_DISPLAY, OSMS_STATUS_EXTENSION } from '@/lib/fhir/kz/systems';
import { ANSWER_QUALITY_SYSTEM, ERROR_CODE_SYSTEM } from '@/lib/fhir/systems';
import { jurisdictionProfile } from '@/lib/jurisdiction/current';
import { OSMS_CATEGORY_SYSTEM } from '@/lib/kz/fhir-systems';
import { DocTable, SystemGroups, type Group } from './parts';

/**
 * The URIs and codes of a Kazakh deployment's FHIR doors (ADR 0033): the ИИН system and the status code
 * system from the profile, the extension and the category code system, with every code and its meaning.
 */
export function OsmsIdentifierSystems() {
  const profile = jurisdictionProfile();
  const groups: Group[] = [
    {
      title: 'Идентификатор пациента (Patient.identifier)',
      rows: profile.fhir.patientIdentifiers.map((i) => [i.system, i.description]),
    },
    {
      title: 'Расширения и коды регистра',
      rows: [
        [
          OSMS_STATUS_EXTENSION,
          'Статус на дату: застрахован или нет, основание (или причина), категория, до какого дня; на ' +
            'CoverageEligibilityResponse.insurance и на Coverage',
        ],
        [profile.status.codeSystem, 'Основания статуса и причины его отсутствия (коды — в таблице ниже)'],
        [OSMS_CATEGORY_SYSTEM, 'Льготные категории (коды — в таблице ниже)'],
        [ERROR_CODE_SYSTEM, 'Коды ошибок регистра в OperationOutcome'],
        [ANSWER_QUALITY_SYSTEM, 'Метка stale: ответ по последним известным сведениям'],
      ],
    },
  ];
  return (
    <>
      <p>
        Для ИИН и статуса ОСМС нет опубликованного национального профиля FHIR, поэтому системы — собственные
        системы регистра. Российские системы (ЕНП, СНИЛС, документы) здесь не принимаются.
      </p>
      <SystemGroups groups={groups} />
      <DocTable
        caption="Коды статуса ОСМС"
        columns={['Код', 'Застрахован', 'Что это']}
        testId="osms-status-codes"
      >
        {profile.status.codes.map(({ code, insured }) => (
          <tr key={code}>
            <th scope="row" className="break">
              <code>{code}</code>
            </th>
            <td>{insured ? 'да' : 'нет'}</td>
            <td>{OSMS_STATUS_DISPLAY[code as keyof typeof OSMS_STATUS_DISPLAY]}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">
            <code>NOT_FOUND</code>
          </th>
          <td>—</td>
          <td>{OSMS_STATUS_DISPLAY.NOT_FOUND}</td>
        </tr>
      </DocTable>
      <DocTable caption="Льготные категории" columns={['Код', 'Категория']}>
        {OSMS_CATEGORIES.map((code) => (
          <tr key={code}>
            <th scope="row" className="break">
              <code>{code}</code>
            </th>
            <td>{categoryName(code)}</td>
          </tr>
        ))}
      </DocTable>
    </>
  );
}
