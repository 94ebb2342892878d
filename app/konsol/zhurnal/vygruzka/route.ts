import { Readable } from 'node:stream';
import { exportAuditLog } from '@/lib/audit/export-audit-log';
import { currentIdentity } from '@/lib/auth/session';
import { currentStaff } from '@/lib/auth/staff-context';
import { zonedFormat } from '@/lib/domain/dates';
import { errorCatalogue, isAppError } from '@/lib/errors';
import { jurisdictionProfile } from '@/lib/jurisdiction/current';
import { auditInputFromParams, auditQuery } from '../audit-params';

const PAGE = '/konsol/zhurnal';

function textAnswer(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/** `zhurnal-audita-2026-12-04-2315.csv`, in the register's time zone. */
function fileName(now: Date): string {
  const local = zonedFormat('sv-SE', jurisdictionProfile().timeZone, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(now); // 2026-12-04 23:15
  return `zhurnal-audita-${local.slice(0, 10)}-${local.slice(11, 13)}${local.slice(14, 16)}.csv`;
}

/**
 * GET /konsol/zhurnal/vygruzka?<the page's filters>: the audit log as CSV, streamed (ADR 0020). The staff
 * session is read like on every console page (currentStaff: the account is re-read, a blocked one is
 * nobody); the use case decides the permission and the scope. Invalid filters go back to the page,
 * which names the fields.
 */
export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const { input } = auditInputFromParams(Object.fromEntries(url.searchParams));
  const staff = await currentStaff();
  if (!staff) {
    if (await currentIdentity()) return textAnswer(403, errorCatalogue.FORBIDDEN.message);
    const next = `${PAGE}${auditQuery(input)}`;
    return Response.redirect(new URL(`/vhod?next=${encodeURIComponent(next)}`, url), 303);
  }
  try {
    const rows = await exportAuditLog(input, {
      actor: staff.actor,
      staffId: staff.staffId,
      login: staff.login,
    });
    return new Response(Readable.toWeb(rows) as ReadableStream<Uint8Array>, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${fileName(new Date())}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === 'FORBIDDEN') return textAnswer(403, error.message);
    return Response.redirect(new URL(`${PAGE}${auditQuery(input)}`, url), 303);
  }
}
