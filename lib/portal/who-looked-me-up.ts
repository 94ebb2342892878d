import { and, desc, eq, inArray, lt, or } from 'drizzle-orm';
import { accessLog, medicalOrganisations } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { nationalPart } from '@/lib/jurisdiction/national';
import { readHandle } from '@/lib/register/replica-reads';
import { citizenContext, resolveSubject, type UseCaseOptions } from '@/lib/auth/citizen-actor';

export interface WhoLookedMeUpInput {
  subjectPersonId?: number | null;
  /** At most 200; 50 by default. */
  limit?: number;
  /** Continue after this entry (the `nextCursor` of the previous page). */
  before?: number | null;
}

export interface LookupEntry {
  id: number;
  at: Date;
  /** The clinic (МО) that looked, when the lookup came from one. */
  organisation: { code: string; name: string } | null;
  channel: 'clinic_ui' | 'rest' | 'fhir' | 'portal';
  /** «Регистратура поликлиники», «Информационная система клиники», «Проверка выписки по коду». */
  channelLabel: string;
  result: string;
  resultLabel: string;
}

export interface WhoLookedMeUp {
  personId: number;
  entries: LookupEntry[];
  nextCursor: number | null;
}

const CHANNEL_LABELS: Record<LookupEntry['channel'], string> = {
  clinic_ui: 'Регистратура медицинской организации',
  rest: 'Информационная система медицинской организации',
  fhir: 'Информационная система медицинской организации (FHIR)',
  portal: 'Проверка выписки по коду',
};

/** What the clinic was told, in words; a clinic's lookup reads a policy in Russia, a status in Kazakhstan. */
function resultLabels(): Record<string, string> {
  return {
    found: nationalPart({ ru: 'Сведения о полисе получены', kz: 'Сведения о статусе в ОСМС получены' }),
    stale: 'Получены последние известные сведения (регистр был недоступен)',
    valid: 'Выписка подтверждена',
    changed: 'Выписка подтверждена, сведения после неё изменились',
  };
}

const CLINIC_CHANNELS = ['clinic_ui', 'rest', 'fhir'] as const;

/**
 * Journey 9 (and the ОСМС cabinet's «Кто проверял мой статус»): who looked up the citizen's (or their
 * child's) policy or status — clinics' lookups through their
 * workspace or their information systems, and checks of the citizen's extracts by code. It shows when,
 * which МО and how; never the staff member, the API key or internal details, and not the funds' and
 * insurers' own work in the console (their reads are audited for the supervisors, not published).
 */
export async function whoLookedMeUp(
  input: WhoLookedMeUpInput,
  actor: Actor,
  options: UseCaseOptions = {},
): Promise<WhoLookedMeUp> {
  const now = options.now ?? new Date();
  // A portal read page: a replica serves it once it has replayed this citizen's own writes (ADR 0026).
  const db = readHandle('portal_page', actor);
  const ctx = await citizenContext(actor, now);
  const personId = resolveSubject(ctx, input.subjectPersonId);
  const limit = Math.min(Math.max(Math.trunc(input.limit ?? 50), 1), 200);
  const rows = await db
    .select({
      id: accessLog.id,
      at: accessLog.at,
      channel: accessLog.channel,
      actorKind: accessLog.actorKind,
      organisationCode: accessLog.organisationCode,
      result: accessLog.result,
      moName: medicalOrganisations.nameShort,
      moCode: medicalOrganisations.code,
    })
    .from(accessLog)
    .leftJoin(medicalOrganisations, eq(medicalOrganisations.code, accessLog.organisationCode))
    .where(
      and(
        eq(accessLog.personId, personId),
        or(
          and(
            inArray(accessLog.actorKind, ['clinic', 'api_key']),
            inArray(accessLog.channel, [...CLINIC_CHANNELS]),
          ),
          and(eq(accessLog.channel, 'portal'), eq(accessLog.purpose, 'extract_verify')),
        ),
        input.before != null && Number.isSafeInteger(input.before)
          ? lt(accessLog.id, input.before)
          : undefined,
      ),
    )
    .orderBy(desc(accessLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const labels = resultLabels();
  return {
    personId,
    entries: page.map((r) => {
      const channel = r.channel as LookupEntry['channel'];
      return {
        id: r.id,
        at: r.at,
        organisation: r.moCode && r.moName ? { code: r.moCode, name: r.moName } : null,
        channel,
        channelLabel: CHANNEL_LABELS[channel],
        result: r.result,
        resultLabel: labels[r.result] ?? r.result,
      };
    }),
    nextCursor: rows.length > limit ? page.at(-1)!.id : null,
  };
}
