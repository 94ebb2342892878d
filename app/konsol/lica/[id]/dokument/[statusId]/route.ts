import { currentIdentity } from '@/lib/auth/session';
import { currentStaff } from '@/lib/auth/staff-context';
import { errorCatalogue, isAppError } from '@/lib/errors';
import { readTemporaryDocument } from '@/lib/kz/console/read-temporary-document';
import { nationalRoute } from '../../../../../_national/jurisdiction-gate';
import { RECORD_ID } from '../../_card/page-input';

function textAnswer(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/** RFC 6266: an ASCII fallback and the real name in UTF-8. */
function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * GET /konsol/lica/{person}/dokument/{temporary status}: the document a temporary status was given on, for
 * the fund's staff (Kazakhstan's register only). The use case checks the permission and logs the download;
 * always an attachment, never rendered by the browser (the bytes were checked as PDF/JPEG/PNG on upload).
 */
export const GET = nationalRoute(
  'kz',
  async (request: Request, { params }: { params: Promise<{ id: string; statusId: string }> }) => {
    const { id, statusId } = await params;
    const staff = await currentStaff();
    if (!staff) {
      if (await currentIdentity()) return textAnswer(403, errorCatalogue.FORBIDDEN.message);
      const next = new URL(request.url).pathname;
      return Response.redirect(new URL(`/vhod?next=${encodeURIComponent(next)}`, request.url), 303);
    }
    const notFound = textAnswer(404, errorCatalogue.KZ_TEMPORARY_STATUS_NOT_FOUND.message);
    if (!RECORD_ID.test(id) || !RECORD_ID.test(statusId)) return notFound;
    try {
      const doc = await readTemporaryDocument(staff.actor, {
        personId: Number(id),
        temporaryStatusId: Number(statusId),
      });
      return new Response(new Uint8Array(doc.bytes), {
        headers: {
          'content-type': doc.type,
          'content-disposition': disposition(doc.name),
          'content-length': String(doc.bytes.length),
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        },
      });
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (error.code === 'FORBIDDEN') return textAnswer(403, error.message);
      if (error.code === 'KZ_TEMPORARY_STATUS_NOT_FOUND') return notFound;
      throw error;
    }
  },
);
