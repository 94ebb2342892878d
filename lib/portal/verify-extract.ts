import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { extracts } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import { logAccess } from '@/lib/audit/access-log';
import type { UseCaseOptions } from '@/lib/auth/citizen-actor';
import { maskEnp, normalizeExtractCode } from './extract-code';
import type { ExtractSnapshot } from './issue-policy-extract';
import { loadPolicySnapshot } from './policy-snapshot';

export type PolicyStatusKind = ExtractSnapshot['status'];

export const POLICY_STATUS_LABELS: Record<PolicyStatusKind, string> = {
  active: 'действует',
  suspended: 'приостановлен',
  terminated: 'прекращён',
  none: 'не действует',
};

export type ExtractVerification =
  | {
      valid: false;
      /** `malformed`: not a code at all (typo); `unknown`: well-formed but never issued. */
      reason: 'malformed' | 'unknown';
      message: string;
    }
  | {
      valid: true;
      /** «Иванов С. П., 12.04.****». */
      holder: string;
      /** «7700 **** **** 0016», to compare with the paper. */
      enpMasked: string;
      issuedAt: Date;
      asOf: Date;
      statusAtIssue: { status: PolicyStatusKind; label: string };
      statusNow: { status: PolicyStatusKind; label: string; asOf: Date };
      /** What differs now from the extract: the status, the insurer or the region. */
      changes: ('status' | 'insurer' | 'region')[];
      changed: boolean;
      message: string;
    };

/** The actor that public code checks are logged under: nobody signs in for them. */
const VERIFIER = systemActor('extract-verify');

/**
 * `/verify/<code>`, public: is this extract genuine, for whom (masked), as of when, and is what it says
 * still true? It shows no more than the paper in the checker's hands already does (less: the name and ЕНП
 * are masked), and nothing about why a status changed. Each check of a real code is written to the access
 * log (purpose `extract_verify`), so the holder sees in journey 9 when their extract was checked.
 */
export async function verifyExtract(
  input: { code: string },
  options: UseCaseOptions = {},
): Promise<ExtractVerification> {
  const now = options.now ?? new Date();
  const code = normalizeExtractCode(input.code ?? '');
  if (!code) {
    return {
      valid: false,
      reason: 'malformed',
      message:
        'Код проверки указан неверно: он состоит из 26 латинских букв и цифр. Проверьте, как он переписан с выписки.',
    };
  }
  const db = getDb();
  const [row] = await db.select().from(extracts).where(eq(extracts.code, code));
  if (!row) {
    return {
      valid: false,
      reason: 'unknown',
      message:
        'Выписка с таким кодом не выдавалась. Документ может быть поддельным — уточните сведения у владельца или в страховой компании.',
    };
  }
  const atIssue = row.snapshot as ExtractSnapshot;
  const current = await loadPolicySnapshot(db, row.personId, now);
  const changes: ('status' | 'insurer' | 'region')[] = [];
  if (current.status.status !== atIssue.status) changes.push('status');
  if ((current.insurer?.code ?? null) !== atIssue.insurerCode) changes.push('insurer');
  if ((current.region?.code ?? null) !== atIssue.subjectCode) changes.push('region');
  const changed = changes.length > 0;
  await logAccess({
    actor: VERIFIER,
    channel: 'portal',
    personId: row.personId,
    purpose: 'extract_verify',
    result: changed ? 'changed' : 'valid',
    at: now,
  });
  const nowLabel = POLICY_STATUS_LABELS[current.status.status];
  return {
    valid: true,
    holder: row.holderMasked,
    enpMasked: maskEnp(atIssue.enp),
    issuedAt: row.issuedAt,
    asOf: row.asOf,
    statusAtIssue: { status: atIssue.status, label: POLICY_STATUS_LABELS[atIssue.status] },
    statusNow: { status: current.status.status, label: nowLabel, asOf: now },
    changes,
    changed,
    message: changed
      ? `Выписка подлинная, но после её выдачи сведения изменились: ${[
          changes.includes('status') ? `полис сейчас ${nowLabel}` : null,
          changes.includes('insurer') ? 'сменилась страховая компания' : null,
          changes.includes('region') ? 'сменился регион страхования' : null,
        ]
          .filter(Boolean)
          .join(', ')}. Уточните актуальные сведения по ЕНП.`
      : `Выписка подлинная. Сведения о полисе с момента её выдачи не изменились: полис ${nowLabel}.`,
  };
}
