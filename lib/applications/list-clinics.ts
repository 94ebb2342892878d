import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { medicalOrganisations } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { LocalDate } from '@/lib/domain/dates';
import type { UseCaseOptions } from '@/lib/auth/citizen-actor';
import { loadAttachmentFacts } from '@/lib/register/attachment-facts';
import { citizenSubjectRequest } from './citizen-context';
import { findRegion, toClinicView, type ClinicView, type RegionView } from './directory-views';

export interface ListClinicsInput {
  subjectPersonId?: number | null;
}

export interface ClinicChoice {
  personId: number;
  region: RegionView | null;
  currentClinic: (ClinicView & { since: LocalDate }) | null;
  /** May the person change clinic today (once a year unless moved); the message says why or why not. */
  allowed: boolean;
  message: string;
  nextAllowedDate: LocalDate | null;
  /** Primary-care clinics of the person's region working today, by name; the current one left out. */
  clinics: ClinicView[];
  asOf: LocalDate;
}

/** Journey 6, first page: the clinics of the person's region to choose from, and whether a change is allowed now. */
export async function listClinics(
  input: ListClinicsInput,
  actor: Actor,
  options: UseCaseOptions = {},
): Promise<ClinicChoice> {
  const { today, db, personId, latest } = await citizenSubjectRequest(actor, input.subjectPersonId, options);
  const { current, eligibility } = await loadAttachmentFacts(db, personId, today);
  const currentMo = current
    ? (await db.select().from(medicalOrganisations).where(eq(medicalOrganisations.code, current.moCode)))[0]
    : undefined;
  const region = latest ? await findRegion(db, latest.subjectCode) : null;
  const clinics = latest
    ? await db
        .select()
        .from(medicalOrganisations)
        .where(
          and(
            eq(medicalOrganisations.subjectCode, latest.subjectCode),
            eq(medicalOrganisations.primaryCare, true),
            lte(medicalOrganisations.activeFrom, today),
            or(isNull(medicalOrganisations.activeTo), gte(medicalOrganisations.activeTo, today)),
          ),
        )
        .orderBy(medicalOrganisations.nameShort)
    : [];
  return {
    personId,
    region,
    currentClinic:
      currentMo && current ? { ...toClinicView(currentMo), since: current.validFrom as LocalDate } : null,
    allowed: latest !== null && eligibility.allowed,
    message: latest
      ? eligibility.message
      : 'У вас нет действующего полиса ОМС: прикрепиться к поликлинике можно после его оформления.',
    nextAllowedDate: eligibility.allowed ? null : eligibility.nextAllowedDate,
    clinics: clinics.filter((c) => c.code !== current?.moCode).map(toClinicView),
    asOf: today,
  };
}
