import { getDb } from '@/db/client';
import { enpOf } from '@/lib/register/russian-key';
import { formatDateRu, moscowDate } from '@/lib/domain/dates';
import { formatEnp } from '@/lib/domain/ru/enp';
import { AppError } from '@/lib/errors';
import { latestCoverage } from '@/lib/register/coverage-queries';
import { findInsurer } from '@/lib/register/directory-queries';
import { childPolicyPlan, matchChild, type ChildPolicyPlan } from '@/lib/register/match-child';
import type { DocumentDataInput, PersonDataInput } from '@/lib/register/person-input';
import { registerPerson } from '@/lib/register/register-person';
import type { WriteMeta } from '@/lib/register/writer';
import type { ApplicationRow } from './application-store';
import type { ReviewReason } from './automatic-checks';
import type { ApplicationKind } from './labels';

/** What a registration leaves on its application: whom it is about, its result and the citizen's notice. */
export interface RegistrationDecision {
  subjectPersonId: number;
  result: Record<string, unknown>;
  notice: string;
}

/** The kinds of application whose "issue" is a registration in the register (journeys 1 and 2). */
export const REGISTERING_KINDS: readonly ApplicationKind[] = ['electronic_policy', 'child_registration'];

/** What a policy application keeps of the applicant (`payload`), as the checks left it. */
interface PolicyPayload {
  identity: Omit<PersonDataInput, 'citizenship'>;
  passport: Omit<DocumentDataInput, 'kind'>;
}

/** What a child registration keeps (`payload`): the child, the certificate, the record matched by it. */
interface ChildPayload {
  child: Omit<PersonDataInput, 'citizenship' | 'snils'>;
  certificate: Omit<DocumentDataInput, 'kind'>;
  knownPersonId: number | null;
}

const POLICY_NOTICE: Record<ChildPolicyPlan['kind'], string> = {
  issue: 'Полис ОМС ребёнка оформлен',
  first_choice: 'Страховая компания ребёнка выбрана',
  keep: 'Полис ребёнка, оформленный ранее, сохранён',
};

/**
 * The registration step of an application that registers someone — the one both deciders run: the
 * automatic decision right after the checks pass (`decideRegistration`) and an operator's «Оформить»
 * (`decideApplication`). It reads what to register from the stored application, never from a form, and
 * writes through the register's use cases with `meta` (the decider, the channel, the application number as
 * the reason; `meta.within` joins an operator's transaction). The register re-checks everything it is
 * given: data an operator issues despite a doubt must still be valid, and a document or СНИЛС registered
 * meanwhile is refused (DOCUMENT_ALREADY_REGISTERED, SNILS_ALREADY_REGISTERED).
 */
export async function runRegistrationStep(
  row: ApplicationRow,
  meta: WriteMeta,
): Promise<RegistrationDecision> {
  const db = meta.within ?? getDb();
  const subjectCode = row.subjectCode;
  const insurerCode = row.insurerCode;
  if (!REGISTERING_KINDS.includes(row.kind) || !subjectCode || !insurerCode) {
    throw new AppError('APPLICATION_NOT_ISSUABLE');
  }
  const insurer = await findInsurer(db, insurerCode);
  const insurerName = insurer?.nameShort ?? insurerCode;

  if (row.kind === 'electronic_policy') {
    const { identity, passport } = row.payload as PolicyPayload;
    const registered = await registerPerson(
      {
        person: { ...identity, citizenship: 'RUS', category: null },
        document: { ...passport, kind: 14 },
        coverage: { insurerCode, subjectCode, reason: 'new_policy' },
        attachment: null,
      },
      meta,
    );
    return {
      subjectPersonId: registered.personId,
      result: { enp: registered.enp, personId: registered.personId, coverageFrom: registered.coverageFrom },
      notice: `Полис ОМС оформлен: номер полиса (ЕНП) ${formatEnp(registered.enp)}, страховая компания — ${insurerName}, действует с ${formatDateRu(registered.coverageFrom)}.`,
    };
  }

  const { child, certificate, knownPersonId } = row.payload as ChildPayload;
  const parentId = row.applicantPersonId;
  if (parentId === null) throw new AppError('APPLICATION_NOT_ISSUABLE');
  if (knownPersonId === parentId) {
    throw new AppError('APPLICATION_NOT_ISSUABLE', {
      message:
        'Свидетельство о рождении в регистре записано на самого заявителя: оформить полис ребёнку нельзя.',
    });
  }
  const fio = [child.lastName, child.firstName, child.patronymic].filter(Boolean).join(' ');
  if (knownPersonId) {
    const today = moscowDate(meta.now ?? new Date());
    const plan = childPolicyPlan(await latestCoverage(db, knownPersonId), insurerCode, today);
    await matchChild({ childId: knownPersonId, parentId, insurerCode, subjectCode, plan }, meta);
    const [known] = await db.query.persons.findMany({
      columns: { enp: true },
      where: (p, { eq }) => eq(p.id, knownPersonId),
    });
    const enp = enpOf({ id: knownPersonId, enp: known!.enp });
    const policy =
      plan.kind === 'issue' ? 'issued' : plan.kind === 'first_choice' ? 'insurer_chosen' : 'kept';
    return {
      subjectPersonId: knownPersonId,
      result: { personId: knownPersonId, enp, policy, matched: true },
      notice: `${fio} теперь в вашем личном кабинете. Номер полиса (ЕНП) ребёнка: ${formatEnp(enp)}. ${POLICY_NOTICE[plan.kind]}.`,
    };
  }
  const registered = await registerPerson(
    {
      person: { ...child, citizenship: 'RUS', snils: null, category: 2 },
      document: { ...certificate, kind: 3 },
      coverage: { insurerCode, subjectCode, reason: 'birth' },
      attachment: null,
      representative: { personId: parentId, kind: 'parent' },
    },
    meta,
  );
  return {
    subjectPersonId: registered.personId,
    result: { personId: registered.personId, enp: registered.enp, policy: 'issued', matched: false },
    notice: `Полис ОМС ребёнка (${fio}) оформлен: ЕНП ${formatEnp(registered.enp)}, страховая компания — ${insurerName}, действует с ${formatDateRu(registered.coverageFrom)}.`,
  };
}

/**
 * Why an automatic registration that the register refused waits for an operator: someone with this
 * document or СНИЛС was registered meanwhile through another channel, or the register refused otherwise.
 */
export function racedReason(kind: ApplicationKind, error: AppError): ReviewReason {
  switch (error.code) {
    case 'DOCUMENT_ALREADY_REGISTERED':
      return {
        code: 'DUPLICATE_DOCUMENT',
        text:
          kind === 'child_registration'
            ? 'свидетельство о рождении появилось в регистре во время проверки'
            : 'паспорт с такими серией и номером появился в регистре во время проверки',
      };
    case 'SNILS_ALREADY_REGISTERED':
      return { code: 'DUPLICATE_SNILS', text: 'этот СНИЛС появился в регистре во время проверки' };
    case 'POSSIBLE_DUPLICATE':
      return {
        code: 'DUPLICATE_PERSON',
        text: 'в регистре, возможно, уже есть этот человек (проверка дублей)',
      };
    default:
      return { code: 'AUTO_CHECK_FAILED', text: error.message };
  }
}
