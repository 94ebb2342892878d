/**
 * The seeder's own deterministic random source: mulberry32 (32-bit state, fast, good enough for synthetic
 * data). The same seed always yields the same sequence, on every machine and Node version, which is what
 * makes `--seed` reproducible; Math.random is never used.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    // Spread small seeds (0, 1, 2…) over the state space so neighbouring seeds diverge at once.
    this.state = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ 0xc2b2ae35) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max] (both inclusive). */
  between(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

/**
 * O(1) weighted choice: a table of 4096 slots filled in proportion to the weights, so one random number
 * picks an index. Weights below one slot still get at least one slot (no item is ever impossible).
 */
export class WeightedTable {
  private readonly slots: Uint16Array;

  constructor(weights: readonly number[]) {
    if (weights.length === 0 || weights.length > 4096) throw new RangeError('1..4096 weights expected');
    const size = 4096;
    const total = weights.reduce((a, b) => a + b, 0);
    const counts = weights.map((w) => Math.max(1, Math.round((w / total) * size)));
    // Trim or pad the largest entry so the counts fill the table exactly.
    const diff = counts.reduce((a, b) => a + b, 0) - size;
    const largest = counts.indexOf(Math.max(...counts));
    counts[largest] = counts[largest]! - diff;
    this.slots = new Uint16Array(size);
    let at = 0;
    counts.forEach((c, i) => {
      this.slots.fill(i, at, at + c);
      at += c;
    });
  }

  pick(rng: Prng): number {
    return this.slots[Math.floor(rng.next() * 4096)]!;
  }
}

/** Zipf-like weights for lists ordered from most to least common. */
export function rankWeights(count: number, flatten = 6): number[] {
  return Array.from({ length: count }, (_, i) => 1 / (i + flatten));
}
