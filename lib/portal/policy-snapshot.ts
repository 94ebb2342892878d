import { and, desc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import { enpOf } from '@/lib/register/russian-key';
import type { Executor } from '@/db/client';
import { attachments, insurers, medicalOrganisations, persons, subjects } from '@/db/schema';
import { coverageReasonText } from '@/lib/domain/ru/coverage';
import { moscowDate, type LocalDate } from '@/lib/domain/dates';
import { describePolicyStatus, type PolicyStatus } from '@/lib/domain/ru/policy-status';
import { AppError } from '@/lib/errors';
import { coverageTimeline, toPeriod } from '@/lib/register/coverage-queries';
import {
  toClinicView,
  toInsurerView,
  type ClinicView,
  type InsurerView,
  type RegionView,
} from '@/lib/applications/directory-views';

/** A person's policy as the register believes it at one instant: what «Мой полис» and the extract show. */
export interface PolicySnapshot {
  personId: number;
  enp: string;
  person: {
    lastName: string;
    firstName: string;
    patronymic: string | null;
    sex: 'M' | 'F';
    birthDate: LocalDate;
    deathDate: LocalDate | null;
  };
  /** Status on `asOf` with its explanation and the next step (rule 9). */
  status: PolicyStatus & {
    /** The day the current state began (the period's start), or the day the last policy ended. */
    since: LocalDate | null;
    /** Why the policy is not active, in words; null when it is. */
    reasonText: string | null;
  };
  coverage: {
    validFrom: LocalDate;
    validTo: LocalDate | null;
    /** Insured with the current insurer without a break since this day (the extract's «дата страхования»). */
    insuredWithInsurerSince: LocalDate;
    form: 'electronic' | 'paper_extract' | 'legacy_card';
  } | null;
  insurer: InsurerView | null;
  region: RegionView | null;
  clinic: (ClinicView & { attachedSince: LocalDate }) | null;
  asOf: LocalDate;
  asOfInstant: Date;
}

/**
 * Reads the snapshot: the person, the believed coverage timeline (period on the date, or the last one),
 * the insurer, the region and the clinic. Suspended and terminated periods keep their insurer and region
 * so the page can say who to call.
 */
export async function loadPolicySnapshot(db: Executor, personId: number, now: Date): Promise<PolicySnapshot> {
  const asOf = moscowDate(now);
  const [[person], timeline, [attachment]] = await Promise.all([
    db.select().from(persons).where(eq(persons.id, personId)),
    coverageTimeline(db, personId),
    db
      .select({ attachment: attachments, mo: medicalOrganisations })
      .from(attachments)
      .innerJoin(medicalOrganisations, eq(medicalOrganisations.code, attachments.moCode))
      .where(
        and(
          eq(attachments.personId, personId),
          lte(attachments.validFrom, asOf),
          or(isNull(attachments.validTo), gt(attachments.validTo, asOf)),
        ),
      )
      .orderBy(desc(attachments.validFrom))
      .limit(1),
  ]);
  if (!person) throw new AppError('PERSON_NOT_FOUND');

  const currentIndex = timeline.findIndex(
    (c) => c.validFrom <= asOf && (c.validTo === null || c.validTo > asOf),
  );
  const current = currentIndex >= 0 ? timeline[currentIndex]! : null;
  const lastStarted = [...timeline].reverse().find((c) => c.validFrom <= asOf) ?? null;
  const status = describePolicyStatus(
    current ? toPeriod(current) : null,
    asOf,
    lastStarted ? toPeriod(lastStarted) : null,
  );
  const shown = current ?? lastStarted;

  let insuredSince: LocalDate | null = null;
  if (current) {
    insuredSince = current.validFrom as LocalDate;
    for (let i = currentIndex - 1; i >= 0; i--) {
      const prev = timeline[i]!;
      if (prev.validTo !== insuredSince || prev.insurerCode !== current.insurerCode) break;
      insuredSince = prev.validFrom as LocalDate;
    }
  }

  const [[insurer], [region]] = await Promise.all([
    shown ? db.select().from(insurers).where(eq(insurers.code, shown.insurerCode)) : Promise.resolve([]),
    shown
      ? db
          .select({ code: subjects.code, name: subjects.nameRu })
          .from(subjects)
          .where(eq(subjects.code, shown.subjectCode))
      : Promise.resolve([]),
  ]);

  const since = current
    ? (current.validFrom as LocalDate)
    : lastStarted?.validTo
      ? (lastStarted.validTo as LocalDate)
      : null;
  return {
    personId,
    enp: enpOf(person),
    person: {
      lastName: person.lastName,
      firstName: person.firstName,
      patronymic: person.patronymic,
      sex: person.sex,
      birthDate: person.birthDate as LocalDate,
      deathDate: person.deathDate as LocalDate | null,
    },
    status: {
      ...status,
      since,
      reasonText: status.status === 'active' || !status.reason ? null : coverageReasonText(status.reason),
    },
    coverage:
      current && insuredSince
        ? {
            validFrom: current.validFrom as LocalDate,
            validTo: current.validTo as LocalDate | null,
            insuredWithInsurerSince: insuredSince,
            form: current.form,
          }
        : null,
    insurer: insurer ? toInsurerView(insurer) : null,
    region: region ?? null,
    clinic: attachment
      ? { ...toClinicView(attachment.mo), attachedSince: attachment.attachment.validFrom as LocalDate }
      : null,
    asOf,
    asOfInstant: now,
  };
}
