import type { InsuredGround, NotInsuredReason } from '@/lib/domain/kz/insured-status';
import { OSMS_FHIR_BASE } from '@/lib/kz/fhir-systems';

/**
 * The FHIR definitions of the clinic doors of a Kazakh deployment (ADR 0033), beside the register's
 * identifier and code systems (lib/kz/fhir-systems.ts: IIN_SYSTEM, OSMS_STATUS_SYSTEM, OSMS_CATEGORY_SYSTEM).
 */

/**
 * The status as a complex extension on CoverageEligibilityResponse.insurance and on Coverage: `insured`
 * (boolean), `ground` (Coding, OSMS_STATUS_SYSTEM — the ground, or the reason when not insured), `category`
 * (Coding, OSMS_CATEGORY_SYSTEM), `until` (date, the last day the status holds on the facts known),
 * `text` and `advice` (Russian), `asOf` (date), and while the information systems are down
 * `dataUnavailableSince` (date); when served from the last known state, `stale` (true) and `staleSince`.
 */
export const OSMS_STATUS_EXTENSION = `${OSMS_FHIR_BASE}/StructureDefinition/osms-status`;

/** Short Russian names of the status codes and NOT_FOUND (the full sentence is in the extension's `text`). */
export const OSMS_STATUS_DISPLAY: Record<InsuredGround | NotInsuredReason | 'NOT_FOUND', string> = {
  STATE_CATEGORY: 'Льготная категория: взносы платит государство',
  LOCAL_BODY_CATEGORY: 'Категория, за которую платит местный исполнительный орган',
  EMPLOYER_CONTRIBUTIONS: 'Взносы и отчисления платит работодатель',
  BUDGET_CONTRIBUTIONS: 'Взносы поступают из бюджета',
  SELF_CONTRIBUTIONS: 'Взносы оплачены самостоятельно',
  ADVANCE_PAYMENTS: 'Взносы оплачены вперёд помесячно',
  GRACE_AFTER_CATEGORY: 'Право сохраняется после выхода из категории',
  TEMPORARY_DOCUMENT: 'Временный статус по документу о категории',
  SYSTEMS_UNAVAILABLE: 'Информационные системы недоступны: право сохраняется',
  BEFORE_OSMS: 'Дата раньше начала ОСМС',
  NOT_A_PARTICIPANT: 'Не участник ОСМС',
  LUMP_SUM_NOT_ADVANCE: 'Единовременный платёж не даёт статуса',
  DEBT_IN_PAST_MONTHS: 'Не оплачены прошлые месяцы',
  GRACE_ENDED: 'Срок сохранения права после категории истёк',
  TEMPORARY_ENDED: 'Временный статус закончился',
  NO_CONTRIBUTIONS: 'Взносов нет, льготной категории нет',
  NOT_FOUND: 'Не найден в регистре',
};
