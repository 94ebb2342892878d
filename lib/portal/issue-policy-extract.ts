import { env } from '@/config/env';
import { createHash } from 'node:crypto';
import { getDb } from '@/db/client';
import { extracts } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { formatMoscowDateTime } from '@/lib/applications/labels';
import { citizenContext, resolveSubject, type UseCaseOptions } from '@/lib/auth/citizen-actor';
import { formatDateRu, moscowDate } from '@/lib/domain/dates';
import { formatEnp } from '@/lib/domain/ru/enp';
import { AppError } from '@/lib/errors';
import { formatExtractCode, generateExtractCode, maskHolder } from './extract-code';
import { renderExtractPdf, type ExtractContent } from './extract-pdf';
import { loadPolicySnapshot, type PolicySnapshot } from './policy-snapshot';

export interface IssuePolicyExtractInput {
  subjectPersonId?: number | null;
  /** The portal's public origin for the verification link; `PUBLIC_BASE_URL` (or `NEXTAUTH_URL`) by default. */
  baseUrl?: string | null;
}

export interface IssuedExtract {
  personId: number;
  /** Canonical code (26 characters), as in the link. */
  code: string;
  /** As printed: `XXXXX-XXXXX-XXXXX-XXXXX-XXXXXX`. */
  formattedCode: string;
  verifyUrl: string;
  pdf: Uint8Array;
  /** A file name for `Content-Disposition`, ASCII only. */
  fileName: string;
  issuedAt: Date;
  asOf: Date;
}

/** What the extract's status record keeps, to tell a verifier later whether it has changed. */
export interface ExtractSnapshot {
  enp: string;
  status: PolicySnapshot['status']['status'];
  statusCode: PolicySnapshot['status']['code'];
  insurerCode: string | null;
  subjectCode: string | null;
}

export function verifyBaseUrl(given?: string | null): string {
  const raw = given ?? env().PUBLIC_BASE_URL ?? env().NEXTAUTH_URL ?? 'http://localhost:3000';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('INTERNAL', { message: 'Адрес портала для проверки выписки настроен неверно.' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AppError('INTERNAL');
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function extractContent(
  s: PolicySnapshot,
  formattedCode: string,
  verifyUrl: string,
  now: Date,
): ExtractContent {
  const p = s.person;
  return {
    enp: formatEnp(s.enp),
    fullName: [p.lastName, p.firstName, p.patronymic].filter(Boolean).join(' '),
    sex: p.sex === 'M' ? 'мужской' : 'женский',
    birthDate: formatDateRu(p.birthDate),
    insurer: s.insurer ? `${s.insurer.nameFull} (код ${s.insurer.code})` : 'нет',
    region: s.region ? `${s.region.name} (код ${s.region.code})` : 'нет',
    insuranceDate: s.coverage ? formatDateRu(s.coverage.insuredWithInsurerSince) : 'нет',
    status: s.status.text,
    asOf: formatMoscowDateTime(now),
    code: formattedCode,
    verifyUrl,
  };
}

/**
 * Journey 7: the PDF extract (выписка из ЕРЗ) in Russian — ЕНП, ФИО, sex, birth date, insurer, region,
 * date of insurance, status, as of when — with a verification code and a QR code linking to
 * `/verify/<code>`. The code is 128 random bits; the row kept for it (person, issued/as-of time, the
 * hash of the printed content, the status facts) is what `verifyExtract` answers from. A citizen's read
 * of their own (or their child's) data: no access-log entry.
 */
export async function issuePolicyExtract(
  input: IssuePolicyExtractInput,
  actor: Actor,
  options: UseCaseOptions = {},
): Promise<IssuedExtract> {
  const now = options.now ?? new Date();
  const db = getDb();
  const ctx = await citizenContext(actor, now);
  const personId = resolveSubject(ctx, input.subjectPersonId);
  const snapshot = await loadPolicySnapshot(db, personId, now);

  const code = generateExtractCode();
  const formattedCode = formatExtractCode(code);
  const verifyUrl = `${verifyBaseUrl(input.baseUrl)}/verify/${code}`;
  const content = extractContent(snapshot, formattedCode, verifyUrl, now);
  const contentHash = createHash('sha256').update(JSON.stringify(content)).digest('hex');
  const pdf = await renderExtractPdf(content, now);
  const stored: ExtractSnapshot = {
    enp: snapshot.enp,
    status: snapshot.status.status,
    statusCode: snapshot.status.code,
    insurerCode: snapshot.insurer?.code ?? null,
    subjectCode: snapshot.region?.code ?? null,
  };
  await db.insert(extracts).values({
    code,
    personId,
    issuedToSub: ctx.actor.id,
    issuedAt: now,
    asOf: now,
    contentHash,
    holderMasked: maskHolder(snapshot.person),
    snapshot: stored,
  });
  return {
    personId,
    code,
    formattedCode,
    verifyUrl,
    pdf,
    fileName: `vypiska-erz-${snapshot.enp}-${moscowDate(now)}.pdf`,
    issuedAt: now,
    asOf: now,
  };
}
