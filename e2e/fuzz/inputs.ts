import fc from 'fast-check';

/**
 * Generators of hostile input shared by the doors: what a careless client, a broken integration or an
 * attacker sends. Values are strings as the application would see them after decoding; `escaped` turns
 * them into a query-string or path component, sometimes with a broken escape on purpose.
 */

const controls = fc.constantFrom(
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\t',
  '\n',
  '\r',
  '\u001b',
  '\u007f',
  '\u0085',
);
const invisibles = fc.constantFrom(
  '\u200b',
  '\u200e',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\u00ad',
  '\ue000',
  '\u0378',
);
const lookalikes = fc.constantFrom(
  'А',
  'В',
  'Е',
  'О',
  'Р',
  'С',
  'Х',
  'І',
  'Ӏ',
  'ё',
  'й',
  'и\u0306',
  '№',
  '—',
  '−',
  '٣',
  '１',
);
const specials = fc.constantFrom(
  "'",
  '"',
  '<',
  '>',
  '&',
  ';',
  '--',
  '/*',
  '\\',
  '../',
  '%',
  '%00',
  '${',
  '{{',
  '|',
  '*',
  '?',
  '#',
  '+',
  ' ',
);

/** A string of hostile characters and ordinary ones, up to `max` long. */
export function hostileText(max = 40): fc.Arbitrary<string> {
  const unit = fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength: 3 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 2 }) },
    { weight: 2, arbitrary: controls },
    { weight: 2, arbitrary: invisibles },
    { weight: 2, arbitrary: lookalikes },
    { weight: 2, arbitrary: specials },
    { weight: 2, arbitrary: fc.stringMatching(/^\d{1,16}$/) },
  );
  return fc
    .array(unit, { maxLength: Math.max(1, Math.ceil(max / 3)) })
    .map((parts) => parts.join('').slice(0, max));
}

/** Dates that are not: wrong shapes, impossible days, far past and future, other calendars' notation. */
export const oddDate = fc.oneof(
  fc.constantFrom(
    '2023-02-29',
    '2024-02-30',
    '2024-13-01',
    '2024-00-10',
    '0000-00-00',
    '9999-12-31',
    '1899-12-31',
    '31.02.2024',
    '29.02.2023',
    '2024/01/01',
    '20240101',
    '2024-1-1',
    ' 2024-01-01',
    '2024-01-01T00:00:00Z',
    '+002024-01-01',
    '-0001-01-01',
    '1e3',
    'NaN',
    'today',
    '',
  ),
  fc
    .date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  hostileText(12),
);

/** Values that are long: past every field's limit, up to a few kilobytes. */
export const overlong = fc
  .tuple(fc.constantFrom('1', 'A', 'Я', '%', '\u0000', 'и\u0306'), fc.integer({ min: 41, max: 6_000 }))
  .map(([c, n]) => c.repeat(n));

/** Any value a field might receive. */
export function fieldValue(...plausible: fc.Arbitrary<string>[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: hostileText() },
    { weight: 1, arbitrary: oddDate },
    { weight: 1, arbitrary: overlong },
    ...plausible.map((arbitrary) => ({ weight: 3, arbitrary })),
  );
}

/** Percent-encodes `value`; one time in eight, breaks an escape on purpose. */
export function escaped(value: string, broken: boolean): string {
  let out: string;
  try {
    out = encodeURIComponent(value);
  } catch {
    // A lone surrogate: send its bytes as they come (the server must cope with invalid UTF-8).
    out = [...Buffer.from(value, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  }
  return broken ? `${out}%${['', 'Z', 'E0%A4%A', 'C3', 'FF', 'G1'][out.length % 6]}` : out;
}

/** A query string from (name, value) pairs: names may repeat, values may carry broken escapes. */
export function queryString(pairs: [string, string][], brokenAt: number): string {
  return pairs.map(([n, v], i) => `${escaped(n, false)}=${escaped(v, i === brokenAt)}`).join('&');
}

/** Query parameters: the door's own names (often repeated) and strangers. */
export function params(
  names: readonly string[],
  value: fc.Arbitrary<string>,
): fc.Arbitrary<[string, string][]> {
  const name = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...names) },
    { weight: 1, arbitrary: hostileText(12) },
  );
  return fc.array(fc.tuple(name, value), { maxLength: 8 });
}

/** Content types a client may claim, right and wrong. */
export const contentType = fc.constantFrom(
  'application/fhir+json',
  'application/json; charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'multipart/form-data',
  'text/plain',
  'application/xml',
  'application/fhir+json; charset=koi8-r',
  '',
  '*/*',
  'application/json\u0000',
);

/**
 * The read-your-writes cookie (ADR 0026) as a client may send it: absent, current, stale, from the future,
 * with a broken position, or junk — a process must ignore what it cannot trust, never fail on it.
 */
export const ownWriteCookie: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.stringMatching(/^[0-9A-Fa-f]{1,9}\/[0-9A-Fa-f]{1,9}$/),
        fc.integer({ min: -300_000, max: 300_000 }),
      )
      .map(([lsn, skew]) => `${lsn}.${Date.now() + skew}`),
  },
  {
    weight: 2,
    arbitrary: fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFx/.-+ e'.split('')), maxLength: 40 }),
  },
  { weight: 1, arbitrary: fc.constantFrom('FFFFFFFF/FFFFFFFF.99999999999999', '0/0.0', '/.', '0/1A2B', '') },
);

/** A `Cookie` header from the values present (a session's, the read-your-writes one), or none. */
export function cookieHeader(session: string | null, ownWrite: string | null): [string, string][] {
  const parts = [session, ownWrite === null ? null : `oms_rw=${ownWrite}`].filter((p) => p !== null);
  return parts.length ? [['Cookie', parts.join('; ')]] : [];
}
