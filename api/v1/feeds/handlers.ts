import type { z } from 'zod';
import { AppError } from '@/lib/errors';
import { applyFeedEvents } from '@/lib/feeds/apply-feed-events';
import type { AnyFeedSource } from '@/lib/feeds/events';
import { isServedFeedSource, servedSourcesText } from '@/lib/feeds/served-sources';
import { verifyFeedKey } from '@/lib/feeds/feed-keys';
import { listPendingEvents } from '@/lib/feeds/list-pending';
import { parseFeedEvent, type EventOutcome, type ParsedEvent } from '@/lib/feeds/outcome';
import { sendJson, sendProblem, SECURITY_HEADERS, type ApiContext } from '../../http';
import { readFeedEvents } from './read-events';
import { feedEventsJsonSchema, type feedAnswerSchema, type feedOutcomeSchema } from './schemas';

type Answer = z.infer<typeof feedAnswerSchema>;
type Outcome = z.infer<typeof feedOutcomeSchema>;

/** The wire form of an outcome: `accepted` with the person's ЕНП or ИИН (internal ids stay inside). */
function wire(o: EventOutcome): Outcome {
  const base = { line: o.line, eventId: o.eventId, type: o.type };
  switch (o.status) {
    case 'applied':
      return { ...base, status: 'accepted', ...(o.iin !== undefined ? { iin: o.iin } : { enp: o.enp }) };
    case 'duplicate':
      return { ...base, status: 'duplicate' };
    case 'pending':
      return { ...base, status: 'pending', reason: o.reason };
    case 'rejected':
      return {
        ...base,
        status: 'rejected',
        errors: o.issues.map(({ field, code, message }) => ({ field, code, message })),
      };
  }
}

/** `/api/v1/feeds/{source}/{what}` → the source (checked) and what is asked. */
function route(url: URL): { source: AnyFeedSource; what: string } {
  const [, source = '', what = '', ...rest] = url.pathname.slice('/api/v1'.length).split('/').slice(1);
  if (!isServedFeedSource(source)) {
    throw new AppError('FEED_SOURCE_UNKNOWN', {
      message: `Неизвестный источник событий. Допустимые источники: ${servedSourcesText('и')}.`,
      details: { source: source.slice(0, 40) },
    });
  }
  if (rest.length || (what !== 'events' && what !== 'pending')) {
    throw new AppError('NOT_FOUND', { message: 'Такого адреса в API нет.' });
  }
  return { source, what };
}

/** POST /api/v1/feeds/{source}/events — apply a batch of one source's events, each on its own. */
async function postEvents({ req, res }: ApiContext, source: AnyFeedSource): Promise<void> {
  const actor = await verifyFeedKey(req.headers.authorization, source);
  const raw = await readFeedEvents(req);
  const outcomes: EventOutcome[] = new Array<EventOutcome>(raw.length);
  const valid: { index: number; parsed: ParsedEvent }[] = [];
  raw.forEach((r, index) => {
    const checked = parseFeedEvent(source, r.value, r.line);
    if (checked.ok) valid.push({ index, parsed: checked.parsed });
    else outcomes[index] = checked.outcome;
  });
  const applied = await applyFeedEvents(
    source,
    valid.map((v) => v.parsed),
    { clientId: actor.id },
  );
  valid.forEach((v, i) => (outcomes[v.index] = applied[i]!));
  const events = outcomes.map(wire);
  const count = (s: Outcome['status']) => events.filter((e) => e.status === s).length;
  const answer: Answer = {
    source,
    received: events.length,
    accepted: count('accepted'),
    duplicate: count('duplicate'),
    pending: count('pending'),
    rejected: count('rejected'),
    events,
  };
  sendJson(res, 200, answer);
}

/** GET /api/v1/feeds/{source}/pending — the source's events kept pending, with why. */
async function getPending({ req, res }: ApiContext, source: AnyFeedSource): Promise<void> {
  const actor = await verifyFeedKey(req.headers.authorization, source);
  const pending = await listPendingEvents({ source }, actor);
  sendJson(res, 200, {
    source,
    events: pending.map((p) => ({
      eventId: p.eventId,
      type: p.type,
      occurredAt: p.occurredAt.toISOString(),
      receivedAt: p.receivedAt.toISOString(),
      reason: { code: p.reasonCode, message: p.reason },
      attempts: p.attempts,
    })),
  });
}

let schemaText: string | null = null;

/** GET /api/v1/feeds/schema — public: the events' JSON Schema, generated from the validating zod schemas. */
function getSchema({ res }: ApiContext): void {
  schemaText ??= JSON.stringify(feedEventsJsonSchema());
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/schema+json; charset=utf-8',
    'Content-Length': Buffer.byteLength(schemaText),
  });
  res.end(schemaText);
}

function methodNotAllowed(ctx: ApiContext, allow: string): void {
  sendProblem(ctx.res, new AppError('METHOD_NOT_ALLOWED'), ctx.url.pathname, { Allow: allow });
}

/** Everything under /api/v1/feeds/: one handler for both methods, so a wrong one is answered per path. */
export async function feedsHandler(ctx: ApiContext): Promise<void> {
  const { req, res, url } = ctx;
  try {
    if (url.pathname === '/api/v1/feeds/schema') {
      if (req.method !== 'GET') return methodNotAllowed(ctx, 'GET');
      return getSchema(ctx);
    }
    const { source, what } = route(url);
    const allow = what === 'events' ? 'POST' : 'GET';
    if (req.method !== allow) return methodNotAllowed(ctx, allow);
    return await (what === 'events' ? postEvents(ctx, source) : getPending(ctx, source));
  } catch (error) {
    // The client may still be sending a refused body: answer and close rather than read it all.
    if (!req.complete) res.setHeader('Connection', 'close');
    sendProblem(res, error, url.pathname);
  }
}
