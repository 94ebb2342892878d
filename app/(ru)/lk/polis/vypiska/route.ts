import { NextResponse, type NextRequest } from 'next/server';
import { nationalRoute } from '@/app/_national/jurisdiction-gate';
import { currentCitizen } from '@/lib/auth/citizen';
import { isAppError } from '@/lib/errors';
import { issuePolicyExtract } from '@/lib/portal/issue-policy-extract';
import { personChoice } from '../../_cabinet/cabinet';
import { siteUrl } from '@/lib/auth/citizen-paths';
import { fromOwnSite } from '@/lib/auth/same-site';

/**
 * «Скачать выписку (PDF)»: a form post (issuing an extract records its verification code, so it is a
 * mutation: POST, from our own pages only) answered with the PDF as an attachment — the browser saves it
 * and stays on the page, with or without JavaScript. Whose extract is only a choice (`chelovek`); the use
 * case decides whether the citizen may have it. A refusal leads back to the policy page, which says why.
 */
function site(request: NextRequest): string {
  return siteUrl(request.nextUrl.origin);
}

function back(request: NextRequest, chelovek: string | null, extra = ''): NextResponse {
  const query = [chelovek && /^\d{1,15}$/.test(chelovek) ? `chelovek=${chelovek}` : null, extra || null]
    .filter(Boolean)
    .join('&');
  return NextResponse.redirect(new URL(`/lk/polis${query ? `?${query}` : ''}`, site(request)), 303);
}

async function issueExtract(request: NextRequest) {
  if (!fromOwnSite(request, site(request))) {
    return new NextResponse('Запрос отклонён: выписку можно получить только со страницы полиса.', {
      status: 403,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  const form = await request.formData().catch(() => null);
  const raw = form?.get('chelovek');
  const chelovek = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : null;
  const citizen = await currentCitizen();
  if (!citizen) {
    const next = `/lk/polis${chelovek && /^\d{1,15}$/.test(chelovek) ? `?chelovek=${chelovek}` : ''}`;
    return NextResponse.redirect(new URL(`/lk/vhod?next=${encodeURIComponent(next)}`, site(request)), 303);
  }
  try {
    const extract = await issuePolicyExtract(
      { subjectPersonId: personChoice(chelovek ?? undefined) },
      citizen.actor,
    );
    return new NextResponse(Buffer.from(extract.pdf), {
      status: 200,
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${extract.fileName}"`,
        'content-length': String(extract.pdf.byteLength),
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    if (!isAppError(error)) throw error;
    // FORBIDDEN and the like: the policy page for the same choice shows the use case's refusal (or, if it
    // can show the policy, that the extract failed).
    return back(request, chelovek, 'vypiska=oshibka');
  }
}

/** A bookmarked or reloaded address: the extract is issued from the policy page. */
function toPolicyPage(request: NextRequest) {
  return back(request, request.nextUrl.searchParams.get('chelovek'));
}

export const POST = nationalRoute('ru', issueExtract);
export const GET = nationalRoute('ru', toPolicyPage);
