/**
 * Dates as epoch days, and a byte sink that writes PostgreSQL COPY text format directly as UTF-8: one
 * row per line, tab-separated, `\N` for NULL, backslash/tab/newline/CR escaped. Writing bytes instead of
 * building strings keeps the garbage collector out of the hot path (it took half the time before).
 */

const DAY_MS = 86_400_000;
/** Epoch day of 1900-01-01 and 2100-12-31: the range of dates the seeder writes. */
const FIRST_DAY = Date.UTC(1900, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2100, 11, 31) / DAY_MS;
const SPAN = LAST_DAY - FIRST_DAY + 1;
const YEARS = new Int16Array(SPAN);
const MONTHS = new Uint8Array(SPAN);
const DAYS = new Uint8Array(SPAN);
{
  let y = 1900;
  let m = 1;
  let d = 1;
  const monthLength = (yy: number, mm: number) =>
    mm === 2
      ? (yy % 4 === 0 && yy % 100 !== 0) || yy % 400 === 0
        ? 29
        : 28
      : [4, 6, 9, 11].includes(mm)
        ? 30
        : 31;
  for (let i = 0; i < SPAN; i++) {
    YEARS[i] = y;
    MONTHS[i] = m;
    DAYS[i] = d;
    if (++d > monthLength(y, m)) {
      d = 1;
      if (++m > 12) {
        m = 1;
        y++;
      }
    }
  }
}

function index(day: number): number {
  const i = day - FIRST_DAY;
  if (!(i >= 0 && i < SPAN) || !Number.isInteger(i)) throw new RangeError(`Epoch day out of range: ${day}`);
  return i;
}

/** The epoch day (days since 1970-01-01) of an ISO date. */
export function epochDay(iso: string): number {
  const t = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(t)) throw new RangeError(`Not an ISO date: ${iso}`);
  return t / DAY_MS;
}

/** `YYYY-MM-DD` of an epoch day. */
export function isoDay(day: number): string {
  const i = index(day);
  return `${YEARS[i]}-${String(MONTHS[i]).padStart(2, '0')}-${String(DAYS[i]).padStart(2, '0')}`;
}

export function yearOf(day: number): number {
  return YEARS[index(day)]!;
}

/** Year, month (1–12) and day of an epoch day. */
export function dayParts(day: number): [number, number, number] {
  const i = index(day);
  return [YEARS[i]!, MONTHS[i]!, DAYS[i]!];
}

/** Full years from `birth` to `on` (the birthday itself counts). */
export function fullYears(birth: number, on: number): number {
  const b = index(birth);
  const o = index(on);
  const m = MONTHS[o]!;
  const bm = MONTHS[b]!;
  return YEARS[o]! - YEARS[b]! - (m < bm || (m === bm && DAYS[o]! < DAYS[b]!) ? 1 : 0);
}

/** The same month and day `years` later (29 February falls back to 28 February). */
export function addYears(day: number, years: number): number {
  const i = index(day);
  const m = MONTHS[i]!;
  const t = Date.UTC(YEARS[i]! + years, m - 1, DAYS[i]) / DAY_MS;
  return MONTHS[index(t)] === m ? t : t - 1;
}

const TAB = 9;
const NL = 10;
const BACKSLASH = 92;

/** A growable byte buffer holding COPY text. */
export class CopySink {
  private buf: Buffer;
  private pos = 0;
  /** Rows written since the last `take`. */
  rows = 0;

  constructor(private capacity = 1 << 20) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  get length(): number {
    return this.pos;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  /** Hands over the bytes written so far and starts a fresh buffer of about the same size. */
  take(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    this.capacity = Math.max(this.capacity, this.pos + (this.pos >> 3));
    this.buf = Buffer.allocUnsafe(this.capacity);
    this.pos = 0;
    this.rows = 0;
    return out;
  }

  tab(): this {
    this.ensure(1);
    this.buf[this.pos++] = TAB;
    return this;
  }

  /** Ends the row. */
  end(): void {
    this.ensure(1);
    this.buf[this.pos++] = NL;
    this.rows++;
  }

  nul(): this {
    this.ensure(2);
    this.buf[this.pos++] = BACKSLASH;
    this.buf[this.pos++] = 78; // N
    return this;
  }

  /** A non-negative integer. */
  int(n: number): this {
    this.ensure(20);
    if (n < 10) {
      this.buf[this.pos++] = 48 + n;
      return this;
    }
    let digits = 1;
    for (let v = n; v >= 10; v = Math.floor(v / 10)) digits++;
    let at = this.pos + digits;
    this.pos = at;
    for (let v = n; digits > 0; digits--) {
      const q = Math.floor(v / 10);
      this.buf[--at] = 48 + (v - q * 10);
      v = q;
    }
    return this;
  }

  /** Any text, UTF-8 encoded and escaped for COPY. */
  text(s: string): this {
    this.ensure(s.length * 6);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c === BACKSLASH) {
          buf[p++] = BACKSLASH;
          buf[p++] = BACKSLASH;
        } else if (c === TAB || c === NL || c === 13) {
          buf[p++] = BACKSLASH;
          buf[p++] = c === TAB ? 116 : c === NL ? 110 : 114; // t n r
        } else buf[p++] = c;
      } else if (c < 0x800) {
        buf[p++] = 0xc0 | (c >> 6);
        buf[p++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
        buf[p++] = 0xf0 | (cp >> 18);
        buf[p++] = 0x80 | ((cp >> 12) & 0x3f);
        buf[p++] = 0x80 | ((cp >> 6) & 0x3f);
        buf[p++] = 0x80 | (cp & 0x3f);
      } else {
        buf[p++] = 0xe0 | (c >> 12);
        buf[p++] = 0x80 | ((c >> 6) & 0x3f);
        buf[p++] = 0x80 | (c & 0x3f);
      }
    }
    this.pos = p;
    return this;
  }

  /** Text or NULL. */
  opt(s: string | null): this {
    return s === null ? this.nul() : this.text(s);
  }

  /** `YYYY-MM-DD`. */
  date(day: number): this {
    const i = index(day);
    this.ensure(10);
    const buf = this.buf;
    let p = this.pos;
    const y = YEARS[i]!;
    buf[p++] = 48 + Math.floor(y / 1000);
    buf[p++] = 48 + (Math.floor(y / 100) % 10);
    buf[p++] = 48 + (Math.floor(y / 10) % 10);
    buf[p++] = 48 + (y % 10);
    buf[p++] = 45;
    const m = MONTHS[i]!;
    buf[p++] = 48 + Math.floor(m / 10);
    buf[p++] = 48 + (m % 10);
    buf[p++] = 45;
    const d = DAYS[i]!;
    buf[p++] = 48 + Math.floor(d / 10);
    buf[p++] = 48 + (d % 10);
    this.pos = p;
    return this;
  }

  optDate(day: number | null): this {
    return day === null ? this.nul() : this.date(day);
  }

  /** Midnight of that day in Moscow, as a timestamptz literal: `YYYY-MM-DD 00:00:00+03`. */
  moscowMidnight(day: number): this {
    this.date(day);
    return this.text(' 00:00:00+03');
  }
}
