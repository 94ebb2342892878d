import { and, desc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { getDb, type Executor } from '@/db/client';
import { attachments, medicalOrganisations, registerEvents } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { attachmentEligibility } from '@/lib/domain/attachment-change';
import { moscowDate, type LocalDate } from '@/lib/domain/dates';
import { latestCoverage } from '@/lib/register/coverage-queries';
import { citizenContext, resolveSubject, type UseCaseOptions } from '@/lib/auth/citizen-actor';
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

/**
 * The facts the attachment rule needs, read as `attachToClinic` reads them. Kept beside the query that
 * shows them: the rule itself lives once, in lib/domain/attachment-change.
 */
async function attachmentFacts(db: Executor, personId: number, today: LocalDate) {
  const [current] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.personId, personId), isNull(attachments.validTo)))
    .orderBy(desc(attachments.validFrom))
    .limit(1);
  const history = await db
    .select({
      action: registerEvents.action,
      effectiveDate: registerEvents.effectiveDate,
      data: registerEvents.data,
    })
    .from(registerEvents)
    .where(
      and(
        eq(registerEvents.personId, personId),
        inArray(registerEvents.action, ['attachment.changed', 'coverage.region_changed', 'person.moved']),
      ),
    );
  const changes = history
    .filter(
      (e) => e.action === 'attachment.changed' && (e.data as { basis?: string } | null)?.basis === 'annual',
    )
    .map((e) => ({ date: e.effectiveDate as LocalDate }));
  const lastMove =
    (history
      .filter((e) => e.action !== 'attachment.changed')
      .map((e) => e.effectiveDate)
      .sort()
      .at(-1) as LocalDate | undefined) ?? null;
  return {
    current: current ?? null,
    eligibility: attachmentEligibility({
      today,
      lastAttachedOn: (current?.validFrom as LocalDate | undefined) ?? null,
      changes,
      lastMove,
    }),
  };
}

/** Journey 6, first page: the clinics of the person's region to choose from, and whether a change is allowed now. */
export async function listClinics(
  input: ListClinicsInput,
  actor: Actor,
  options: UseCaseOptions = {},
): Promise<ClinicChoice> {
  const now = options.now ?? new Date();
  const today = moscowDate(now);
  const db = getDb();
  const ctx = await citizenContext(actor, now);
  const personId = resolveSubject(ctx, input.subjectPersonId);
  const latest = await latestCoverage(db, personId);
  const { current, eligibility } = await attachmentFacts(db, personId, today);
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
