import type { ErrorCode } from '@/lib/errors';
import { addDays, formatDateRu, type LocalDate } from '@/lib/domain/dates';

/**
 * The coverage state machine. A person's insurance is a timeline of periods [validFrom, validTo)
 * (validTo null = open-ended); every change at date `on` ends the latest period at `on` and opens the
 * next one there. Directory checks (does the insurer serve the region, is the person alive) belong
 * to the caller; this module only knows which transitions the law allows from which state.
 */

export type CoverageStatus = 'active' | 'suspended' | 'terminated';

export const ISSUE_REASONS = [
  'new_policy',
  'birth',
  'citizenship_acquired',
  'residence_permit',
  'initial_load',
] as const;
/** Military service, or equivalent service (police, penal system, bailiffs, fire service, customs, Rosgvardia…). */
export const SUSPENSION_REASONS = ['military_service', 'equivalent_service'] as const;
export const TERMINATION_REASONS = [
  'death',
  'declared_dead',
  'citizenship_ended',
  'residence_permit_annulled',
  'temporary_permit_annulled',
  'permit_expired',
  'refugee_status_ended',
  'eaeu_contract_ended',
] as const;
export const CHANGE_REASONS = ['renewal', 'insurer_change', 'region_change'] as const;

export type IssueReason = (typeof ISSUE_REASONS)[number];
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];
export type TerminationReason = (typeof TERMINATION_REASONS)[number];
export type ChangeReason = (typeof CHANGE_REASONS)[number];
export type CoverageReason = IssueReason | SuspensionReason | TerminationReason | ChangeReason;

export const COVERAGE_REASONS: readonly CoverageReason[] = [
  ...ISSUE_REASONS,
  ...SUSPENSION_REASONS,
  ...TERMINATION_REASONS,
  ...CHANGE_REASONS,
];

/** Terminations after which no new policy can be issued (the person is dead in law). */
export const FINAL_TERMINATION_REASONS: readonly TerminationReason[] = ['death', 'declared_dead'];

const REASON_TEXT: Record<CoverageReason, string> = {
  new_policy: 'оформление полиса по заявлению',
  birth: 'рождение ребёнка',
  citizenship_acquired: 'приобретение гражданства Российской Федерации',
  residence_permit: 'получение вида на жительство или разрешения на временное проживание',
  initial_load: 'перенос сведений из прежнего регистра',
  military_service: 'прохождение военной службы',
  equivalent_service:
    'служба, приравненная к военной (полиция, уголовно-исполнительная система, органы принудительного исполнения, противопожарная служба, таможня, Росгвардия и др.)',
  death: 'смерть',
  declared_dead: 'объявление умершим по решению суда',
  citizenship_ended: 'прекращение гражданства Российской Федерации',
  residence_permit_annulled: 'аннулирование вида на жительство',
  temporary_permit_annulled: 'аннулирование разрешения на временное проживание',
  permit_expired:
    'истечение срока документа, дающего право на ОМС (вид на жительство, разрешение на временное проживание)',
  refugee_status_ended: 'утрата статуса беженца или временного убежища',
  eaeu_contract_ended: 'прекращение трудового договора работника из государства — члена ЕАЭС',
  renewal: 'возобновление после окончания службы',
  insurer_change: 'замена страховой медицинской организации',
  region_change: 'переезд в другой регион',
};

const STATUS_TEXT: Record<CoverageStatus, string> = {
  active: 'действует',
  suspended: 'приостановлен',
  terminated: 'прекращён',
};

export function isCoverageReason(s: string): s is CoverageReason {
  return (COVERAGE_REASONS as readonly string[]).includes(s);
}

/** The reason in Russian, lower-case, to be put after «Основание: » or in a sentence. */
export function coverageReasonText(reason: CoverageReason): string {
  return REASON_TEXT[reason];
}

/** «действует» / «приостановлен» / «прекращён» (of the polis). */
export function coverageStatusText(status: CoverageStatus): string {
  return STATUS_TEXT[status];
}

export interface CoveragePeriod {
  insurerCode: string;
  subjectCode: string;
  status: CoverageStatus;
  reason: CoverageReason;
  validFrom: LocalDate;
  /** Exclusive end; null = open-ended. */
  validTo: LocalDate | null;
}

export type CoverageCommand =
  | {
      type: 'issue';
      on: LocalDate;
      insurerCode: string;
      subjectCode: string;
      reason: IssueReason;
      /** A bounded policy (foreigners: the permit or contract end), exclusive. */
      validTo?: LocalDate | null;
    }
  | { type: 'suspend'; on: LocalDate; reason: SuspensionReason }
  | { type: 'renew'; on: LocalDate }
  | { type: 'terminate'; on: LocalDate; reason: TerminationReason }
  | { type: 'change_insurer'; on: LocalDate; insurerCode: string }
  | { type: 'change_region'; on: LocalDate; subjectCode: string; insurerCode: string };

export type CoverageRefusal = { ok: false; code: ErrorCode; message: string };

export type CoverageTransition =
  { ok: true; truncated: CoveragePeriod | null; opened: CoveragePeriod } | CoverageRefusal;

const refuse = (code: ErrorCode, message: string): CoverageRefusal => ({ ok: false, code, message });

/** What the person has at the command's date, as far as the latest period tells. */
type StateAt =
  | { kind: 'none' }
  | { kind: 'expired'; period: CoveragePeriod }
  | { kind: 'active' | 'suspended' | 'terminated'; period: CoveragePeriod };

function stateAt(latest: CoveragePeriod | null, on: LocalDate): StateAt {
  if (latest === null) return { kind: 'none' };
  if (latest.validTo !== null && on >= latest.validTo) return { kind: 'expired', period: latest };
  return { kind: latest.status, period: latest };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function since(p: CoveragePeriod): string {
  return `с ${formatDateRu(p.validFrom)}`;
}

function noneMessage(state: StateAt, action: string): string {
  if (state.kind === 'expired' && state.period.validTo !== null) {
    const lastDay = formatDateRu(addDays(state.period.validTo, -1));
    return `Срок действия полиса истёк: он действовал по ${lastDay}. ${capitalise(action)} невозможно. Чтобы снова получить полис, подайте заявление о его оформлении.`;
  }
  return `У человека нет полиса ОМС: ${action} невозможно. Сначала нужно оформить полис.`;
}

function terminatedMessage(p: CoveragePeriod, action: string): string {
  const final = (FINAL_TERMINATION_REASONS as readonly string[]).includes(p.reason);
  const tail = final
    ? 'Действия с полисом умершего невозможны.'
    : 'Если основание для страхования появилось снова, оформите новый полис.';
  return `Действие полиса прекращено ${since(p)} (основание: ${coverageReasonText(p.reason)}): ${action} невозможно. ${tail}`;
}

function suspendedMessage(p: CoveragePeriod, action: string): string {
  return `Полис приостановлен ${since(p)} (основание: ${coverageReasonText(p.reason)}): ${action} невозможно. Сначала полис нужно возобновить — после окончания службы.`;
}

type PolicyChange = 'change_insurer' | 'change_region';
const CHANGE_ACTIONS: Record<PolicyChange, string> = {
  change_insurer: 'замена страховой компании',
  change_region: 'смена региона страхования',
};

function notActiveRefusal(
  state: Exclude<StateAt, { kind: 'active' }>,
  change: PolicyChange,
): CoverageRefusal {
  const action = CHANGE_ACTIONS[change];
  if (state.kind === 'terminated')
    return refuse('COVERAGE_TERMINATED', terminatedMessage(state.period, action));
  if (state.kind === 'suspended')
    return refuse('COVERAGE_NOT_ACTIVE', suspendedMessage(state.period, action));
  return refuse('COVERAGE_NONE', noneMessage(state, action));
}

/**
 * Why the insurer or the region cannot be changed on `on` (no policy, expired, terminated, suspended), or
 * null while the policy is in force. The one wording of these refusals, whether a pre-check asks before any
 * form or the register refuses the change itself.
 */
export function policyChangeRefusal(
  latest: CoveragePeriod | null,
  on: LocalDate,
  change: PolicyChange,
): CoverageRefusal | null {
  const state = stateAt(latest, on);
  return state.kind === 'active' ? null : notActiveRefusal(state, change);
}

/**
 * A change of insurer or region: only an active policy can change; the same insurer (region) is refused;
 * otherwise the active period ends on the command's date and a copy with the new insurer (region) opens.
 */
function policyChange(
  state: StateAt,
  command: Extract<CoverageCommand, { type: PolicyChange }>,
): CoverageTransition {
  if (state.kind !== 'active') return notActiveRefusal(state, command.type);
  const from = state.period;
  if (command.type === 'change_insurer' && command.insurerCode === from.insurerCode) {
    return refuse(
      'COVERAGE_SAME_INSURER',
      'Вы уже застрахованы в этой страховой компании. Выберите другую компанию, если хотите её сменить.',
    );
  }
  if (command.type === 'change_region' && command.subjectCode === from.subjectCode) {
    return refuse(
      'COVERAGE_SAME_REGION',
      'Вы уже застрахованы в этом регионе. Чтобы сменить только страховую компанию, подайте заявление о замене страховой компании.',
    );
  }
  const opened: CoveragePeriod =
    command.type === 'change_insurer'
      ? { ...from, insurerCode: command.insurerCode, reason: 'insurer_change', validFrom: command.on }
      : {
          ...from,
          subjectCode: command.subjectCode,
          insurerCode: command.insurerCode,
          reason: 'region_change',
          validFrom: command.on,
        };
  return { ok: true, truncated: truncate(from, command.on), opened };
}

/** The latest period ended at `on`, or null if it would become empty (it started on `on`). */
function truncate(latest: CoveragePeriod, on: LocalDate): CoveragePeriod | null {
  return on === latest.validFrom ? null : { ...latest, validTo: on };
}

function includes<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/**
 * One transition of the state machine from the person's latest period. On success the caller
 * replaces `latest` by `truncated` (null = delete it) and appends `opened`.
 */
export function applyCoverageCommand(
  latest: CoveragePeriod | null,
  command: CoverageCommand,
): CoverageTransition {
  const on = command.on;
  if (latest !== null && on < latest.validFrom) {
    return refuse(
      'COVERAGE_DATE_BEFORE_CURRENT',
      `Дата изменения ${formatDateRu(on)} раньше начала текущего периода страхования (${formatDateRu(latest.validFrom)}). Укажите дату не раньше ${formatDateRu(latest.validFrom)}.`,
    );
  }
  const state = stateAt(latest, on);

  switch (command.type) {
    case 'issue': {
      if (!includes(ISSUE_REASONS, command.reason)) {
        return refuse('COVERAGE_REASON_INVALID', 'Основание не подходит для оформления полиса.');
      }
      const validTo = command.validTo ?? null;
      if (validTo !== null && validTo <= on) {
        return refuse(
          'DATE_RANGE_INVALID',
          `Срок действия полиса должен заканчиваться позже даты начала (${formatDateRu(on)}).`,
        );
      }
      const opened: CoveragePeriod = {
        insurerCode: command.insurerCode,
        subjectCode: command.subjectCode,
        status: 'active',
        reason: command.reason,
        validFrom: on,
        validTo,
      };
      switch (state.kind) {
        case 'none':
          return { ok: true, truncated: null, opened };
        case 'expired':
          return { ok: true, truncated: state.period, opened };
        case 'active':
          // A foreigner's policy (bounded by the permit) follows the new status: a citizen's open-ended
          // policy, or the period of a new permit — same ЕНП, the old period cut where the new one starts.
          if (
            (command.reason === 'citizenship_acquired' || command.reason === 'residence_permit') &&
            isForeignersPeriod(state.period)
          ) {
            return { ok: true, truncated: truncate(state.period, on), opened };
          }
          return refuse(
            'COVERAGE_ALREADY_ACTIVE',
            `Полис уже действует ${since(state.period)}: второй полис оформить нельзя. Чтобы сменить страховую компанию или регион, подайте заявление о замене.`,
          );
        case 'suspended':
          return refuse(
            'COVERAGE_ALREADY_ACTIVE',
            `У человека уже есть полис, он приостановлен ${since(state.period)} (основание: ${coverageReasonText(state.period.reason)}). Новый полис не оформляется: после окончания службы действующий полис возобновляется.`,
          );
        case 'terminated':
          if (includes(FINAL_TERMINATION_REASONS, state.period.reason)) {
            return refuse('COVERAGE_TERMINATED', terminatedMessage(state.period, 'оформление полиса'));
          }
          return { ok: true, truncated: truncate(state.period, on), opened };
      }
      break;
    }

    case 'suspend': {
      if (!includes(SUSPENSION_REASONS, command.reason)) {
        return refuse(
          'COVERAGE_REASON_INVALID',
          'Полис приостанавливается только на время военной или приравненной к ней службы.',
        );
      }
      switch (state.kind) {
        case 'none':
        case 'expired':
          return refuse('COVERAGE_NONE', noneMessage(state, 'приостановление'));
        case 'terminated':
          return refuse('COVERAGE_TERMINATED', terminatedMessage(state.period, 'приостановление'));
        case 'suspended':
          return refuse(
            'COVERAGE_NOT_ACTIVE',
            `Полис уже приостановлен ${since(state.period)} (основание: ${coverageReasonText(state.period.reason)}). Повторно приостановить его нельзя.`,
          );
        case 'active':
          return {
            ok: true,
            truncated: truncate(state.period, on),
            opened: { ...state.period, status: 'suspended', reason: command.reason, validFrom: on },
          };
      }
      break;
    }

    case 'renew': {
      switch (state.kind) {
        case 'none':
        case 'expired':
          return refuse('COVERAGE_NONE', noneMessage(state, 'возобновление'));
        case 'terminated':
          return refuse('COVERAGE_TERMINATED', terminatedMessage(state.period, 'возобновление'));
        case 'active':
          return refuse(
            'COVERAGE_NOT_SUSPENDED',
            `Полис не приостановлен — он действует ${since(state.period)}. Возобновлять нечего.`,
          );
        case 'suspended':
          return {
            ok: true,
            truncated: truncate(state.period, on),
            opened: { ...state.period, status: 'active', reason: 'renewal', validFrom: on },
          };
      }
      break;
    }

    case 'terminate': {
      if (!includes(TERMINATION_REASONS, command.reason)) {
        return refuse('COVERAGE_REASON_INVALID', 'Основание не подходит для прекращения действия полиса.');
      }
      switch (state.kind) {
        case 'none':
        case 'expired':
          return refuse('COVERAGE_NONE', noneMessage(state, 'прекращение действия полиса'));
        case 'terminated':
          return refuse(
            'COVERAGE_TERMINATED',
            `Действие полиса уже прекращено ${since(state.period)} (основание: ${coverageReasonText(state.period.reason)}).`,
          );
        case 'active':
        case 'suspended':
          return {
            ok: true,
            truncated: truncate(state.period, on),
            opened: {
              ...state.period,
              status: 'terminated',
              reason: command.reason,
              validFrom: on,
              validTo: null,
            },
          };
      }
      break;
    }

    case 'change_insurer':
    case 'change_region':
      return policyChange(state, command);
  }
  // Unreachable for well-typed commands; a malformed command from outside must not pass silently.
  return refuse('VALIDATION_FAILED', 'Неизвестное действие с полисом.');
}

/** A period a foreigner holds by a permit: bounded by it, or issued on it. */
function isForeignersPeriod(p: CoveragePeriod): boolean {
  return p.validTo !== null || p.reason === 'residence_permit';
}

/**
 * A termination learnt late (a death registered after later changes were recorded): in valid time it
 * ends coverage from `on`, so the period in force that day is cut there and every later believed period
 * is void. Returns which periods of the timeline the register stops believing and what replaces them;
 * the caller keeps the retracted rows in record time.
 */
export function terminateRetroactively(
  timeline: readonly CoveragePeriod[],
  command: Extract<CoverageCommand, { type: 'terminate' }>,
):
  | { ok: true; retracted: CoveragePeriod[]; truncated: CoveragePeriod | null; opened: CoveragePeriod }
  | CoverageRefusal {
  if (!includes(TERMINATION_REASONS, command.reason)) {
    return refuse('COVERAGE_REASON_INVALID', 'Основание не подходит для прекращения действия полиса.');
  }
  const inForce = coverageOn(timeline, command.on);
  if (inForce === null) {
    return refuse(
      'COVERAGE_NONE',
      `На ${formatDateRu(command.on)} у человека не было полиса ОМС: прекращать нечего.`,
    );
  }
  if (inForce.status === 'terminated') {
    return refuse(
      'COVERAGE_TERMINATED',
      `Действие полиса уже прекращено ${since(inForce)} (основание: ${coverageReasonText(inForce.reason)}).`,
    );
  }
  const retracted = timeline.filter((p) => p === inForce || p.validFrom > command.on);
  return {
    ok: true,
    retracted,
    truncated: truncate(inForce, command.on),
    opened: {
      ...inForce,
      status: 'terminated',
      reason: command.reason,
      validFrom: command.on,
      validTo: null,
    },
  };
}

/** The latest period of a timeline: the one that starts last. */
export function latestPeriod(timeline: readonly CoveragePeriod[]): CoveragePeriod | null {
  let latest: CoveragePeriod | null = null;
  for (const p of timeline) if (latest === null || p.validFrom >= latest.validFrom) latest = p;
  return latest;
}

/**
 * Applies a command to a whole timeline (sorted by validFrom, non-overlapping) and returns the new
 * timeline; the input is not modified. A refusal leaves the caller's timeline as it was.
 */
export function applyToTimeline(
  timeline: readonly CoveragePeriod[],
  command: CoverageCommand,
): { ok: true; timeline: CoveragePeriod[] } | CoverageRefusal {
  const latest = latestPeriod(timeline);
  const t = applyCoverageCommand(latest, command);
  if (!t.ok) return t;
  const rest = timeline.filter((p) => p !== latest);
  if (t.truncated !== null) rest.push(t.truncated);
  rest.push(t.opened);
  return { ok: true, timeline: rest };
}

/** The period in force on `date` (whatever its status), or null when the person had none that day. */
export function coverageOn(timeline: readonly CoveragePeriod[], date: LocalDate): CoveragePeriod | null {
  return timeline.find((p) => p.validFrom <= date && (p.validTo === null || date < p.validTo)) ?? null;
}
