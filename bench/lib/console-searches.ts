import pg from 'pg';
import { fixed } from './format';

/**
 * The console's register search timed as the server runs it (the use case, its database round trips and
 * its access-log rows; no HTTP): bench:console and bench:scale.
 */

export interface ConsoleSample {
  id: number;
  enp: string;
  snils: string | null;
  last_name: string;
  first_name: string;
  patronymic: string | null;
  birth_date: string;
  series: string | null;
  number: string;
}

/** Random persons with a current passport and a СНИЛС (a 1 % sample of the register, then shuffled). */
export async function pickConsoleSamples(url: string, count: number): Promise<ConsoleSample[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<ConsoleSample>(
      `select p.id, p.enp, p.snils, p.last_name, p.first_name, p.patronymic, p.birth_date::text, d.series, d.number
         from persons p tablesample bernoulli (1)
         join identity_documents d on d.person_id = p.id and d.kind = 14 and d.is_current
        where p.merged_into_id is null and p.snils is not null
        order by random() limit $1`,
      [count],
    );
    return rows;
  } finally {
    await client.end();
  }
}

/** One letter of the surname replaced by its neighbour in the alphabet: the typo a search must survive. */
function withTypo(name: string, i: number): string {
  const at = 1 + (i % Math.max(1, name.length - 2));
  const letter = name[at]!;
  const swapped = letter === 'а' ? 'о' : String.fromCharCode(letter.charCodeAt(0) - 1);
  return name.slice(0, at) + swapped + name.slice(at + 1);
}

export interface Timing {
  name: string;
  calls: number;
  median: number;
  p99: number;
  goal: number | null;
  note: string;
}

/** Times `calls` calls of `run` one after another (20 warm-up calls first); `run` names its outcome. */
export async function timeCalls(
  name: string,
  calls: number,
  goal: number | null,
  log: (line: string) => void,
  run: (i: number) => Promise<string>,
): Promise<Timing> {
  const ms: number[] = [];
  const notes = new Map<string, number>();
  for (let i = 0; i < Math.min(20, calls); i++) await run(i); // warm-up, not counted
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    const note = await run(i);
    ms.push(performance.now() - t);
    notes.set(note, (notes.get(note) ?? 0) + 1);
  }
  ms.sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!;
  const timing = {
    name,
    calls,
    median: q(0.5),
    p99: q(0.99),
    goal,
    note: [...notes].map(([k, v]) => `${k}×${v}`).join(' '),
  };
  log(`${name}: median ${fixed(timing.median, 1)} ms, p99 ${fixed(timing.p99, 1)} ms (${timing.note})`);
  return timing;
}

/** The four searches (ФИО + birth date with a typo, passport, ЕНП, СНИЛС), `calls` each, as an ФОМС admin. */
export async function timeSearches(
  samples: ConsoleSample[],
  calls: number,
  goal: number | null,
  log: (line: string) => void,
): Promise<Timing[]> {
  // Imported here: it reads DATABASE_URL when first used.
  const { searchRegister } = await import('../../lib/register/search-register');
  const ffoms = { kind: 'staff', id: 'bench-console', role: 'ffoms_admin' } as const;
  const s = (i: number) => samples[i % samples.length]!;
  const found = (hits: { personId: number }[], id: number) =>
    hits.some((h) => h.personId === id) ? 'found' : 'missed';
  const n = calls;
  return [
    await timeCalls('search: ФИО + birth date, one typo', n, goal, log, async (i) => {
      const p = s(i);
      const fullName = [withTypo(p.last_name, i), p.first_name, p.patronymic].filter(Boolean).join(' ');
      const r = await searchRegister(ffoms, { kind: 'name', fullName, birthDate: p.birth_date });
      return found(r.hits, p.id);
    }),
    await timeCalls('search: passport', n, goal, log, async (i) => {
      const p = s(i);
      const r = await searchRegister(ffoms, {
        kind: 'document',
        documentKind: 14,
        series: p.series,
        number: p.number,
      });
      return found(r.hits, p.id);
    }),
    await timeCalls('search: ЕНП', n, goal, log, async (i) => {
      const r = await searchRegister(ffoms, { kind: 'enp', enp: s(i).enp });
      return found(r.hits, s(i).id);
    }),
    await timeCalls('search: СНИЛС', n, goal, log, async (i) => {
      const r = await searchRegister(ffoms, { kind: 'snils', snils: s(i).snils! });
      return found(r.hits, s(i).id);
    }),
  ];
}
