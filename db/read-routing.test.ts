import { describe, expect, it } from 'vitest';
import {
  chooseReadTarget,
  lagFromProbe,
  laterLsn,
  LONGEST_STALENESS_SECONDS,
  MAX_STALENESS_SECONDS,
  parseLsn,
  type ReadDecisionInput,
  type ReplicaState,
} from './read-routing';

const NOW = 1_800_000_000_000;
const fresh = (over: Partial<ReplicaState> = {}): ReplicaState => ({
  up: true,
  checkedAt: NOW,
  replayLsn: '0/3000000',
  lagSeconds: 0,
  ...over,
});
const decide = (over: Partial<ReadDecisionInput>) =>
  chooseReadTarget({
    replicas: [fresh()],
    maxStalenessSeconds: 15,
    mustHaveReplayed: null,
    now: NOW,
    turn: 0,
    ...over,
  });

describe('WAL positions', () => {
  it('reads both halves as one number, so a later segment is greater however the low half compares', () => {
    expect(parseLsn('0/0')).toBe(0n);
    expect(parseLsn('1/0')).toBe(1n << 32n);
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) + 0xb374d848n);
    expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true);
  });

  it('refuses what is not a position', () => {
    expect(() => parseLsn('16-B374D848')).toThrow('not a WAL position');
    expect(() => parseLsn('')).toThrow('not a WAL position');
  });
});

describe('where a read goes', () => {
  it('to the primary when there are no replicas', () => {
    expect(decide({ replicas: [] })).toEqual({ target: 'primary', reason: 'no_replicas' });
  });

  it('to a replica that is up and fresh', () => {
    expect(decide({})).toEqual({ target: 'replica', index: 0 });
  });

  it('to the primary when every replica is down', () => {
    expect(decide({ replicas: [fresh({ up: false })] })).toEqual({
      target: 'primary',
      reason: 'replica_down',
    });
  });

  it('to the primary when a replica is up but how many seconds behind it is unknown, whatever the purpose', () => {
    expect(decide({ replicas: [fresh({ lagSeconds: null })], maxStalenessSeconds: 120 })).toEqual({
      target: 'primary',
      reason: 'too_stale',
    });
    expect(decide({ replicas: [fresh({ lagSeconds: null }), fresh({ lagSeconds: 3 })] })).toEqual({
      target: 'replica',
      index: 1,
    });
  });

  it('skips a replica further behind than the purpose allows, counting the time since it was measured', () => {
    expect(decide({ replicas: [fresh({ lagSeconds: 15 })] })).toEqual({ target: 'replica', index: 0 });
    expect(decide({ replicas: [fresh({ lagSeconds: 15.5 })] })).toEqual({
      target: 'primary',
      reason: 'too_stale',
    });
    // 0 s behind when measured, but measured 16 s ago: it may be 16 s behind now.
    expect(decide({ replicas: [fresh({ checkedAt: NOW - 16_000 })] })).toEqual({
      target: 'primary',
      reason: 'too_stale',
    });
    expect(decide({ replicas: [fresh({ lagSeconds: 20 })], maxStalenessSeconds: 120 })).toEqual({
      target: 'replica',
      index: 0,
    });
  });

  it("sends a caller's read to the primary until a replica has replayed the caller's own write", () => {
    expect(decide({ mustHaveReplayed: '0/3000001' })).toEqual({
      target: 'primary',
      reason: 'own_write_not_replayed',
    });
    expect(decide({ mustHaveReplayed: '0/3000000' })).toEqual({ target: 'replica', index: 0 });
    expect(decide({ mustHaveReplayed: '0/2FFFFFF' })).toEqual({ target: 'replica', index: 0 });
    expect(decide({ replicas: [fresh({ replayLsn: null })], mustHaveReplayed: '0/1' })).toEqual({
      target: 'primary',
      reason: 'own_write_not_replayed',
    });
  });

  it('picks, among several, only replicas that pass every test, and takes turns between them', () => {
    const replicas = [
      fresh({ up: false }),
      fresh({ replayLsn: '0/5000000' }),
      fresh({ lagSeconds: 60 }),
      fresh({ replayLsn: '0/2000000' }),
      fresh({ replayLsn: '0/6000000' }),
    ];
    const picks = [0, 1, 2, 3].map(
      (turn) => (decide({ replicas, mustHaveReplayed: '0/4000000', turn }) as { index: number }).index,
    );
    expect(picks).toEqual([1, 4, 1, 4]);
  });

  it('has a limit for every purpose, the longest of which bounds how long a write is remembered', () => {
    expect(MAX_STALENESS_SECONDS.person_card).toBeLessThan(MAX_STALENESS_SECONDS.dashboard);
    expect(LONGEST_STALENESS_SECONDS).toBe(MAX_STALENESS_SECONDS.dashboard);
  });
});

describe('lag from a probe', () => {
  it('is nothing when the replica replayed all the primary had, whatever the age of its last transaction', () => {
    expect(lagFromProbe({ primaryLsn: '0/3000000', replayLsn: '0/3000000', replayAgeSeconds: 900 })).toEqual({
      lagBytes: 0,
      lagSeconds: 0,
    });
  });

  it('is the bytes not yet replayed and the age of the last replayed transaction otherwise', () => {
    expect(lagFromProbe({ primaryLsn: '0/3000100', replayLsn: '0/3000000', replayAgeSeconds: 2.5 })).toEqual({
      lagBytes: 256,
      lagSeconds: 2.5,
    });
  });

  it('is unknown in seconds when behind with no transaction replayed yet, and unknown for a silent replica', () => {
    expect(lagFromProbe({ primaryLsn: '0/3000100', replayLsn: '0/3000000', replayAgeSeconds: null })).toEqual(
      {
        lagBytes: 256,
        lagSeconds: null,
      },
    );
    expect(lagFromProbe({ primaryLsn: '0/3000100', replayLsn: null, replayAgeSeconds: null })).toEqual({
      lagBytes: null,
      lagSeconds: null,
    });
  });

  it('without the primary (down), is the age of the last replay alone', () => {
    expect(lagFromProbe({ primaryLsn: null, replayLsn: '0/3000000', replayAgeSeconds: 4 })).toEqual({
      lagBytes: null,
      lagSeconds: 4,
    });
  });
});

describe('a write remembered by this process and one carried by the caller (its cookie)', () => {
  it('the later position is what a replica must have replayed, whichever of the two it is', () => {
    expect(laterLsn(null, null)).toBeNull();
    expect(laterLsn('0/3000001', null)).toBe('0/3000001');
    expect(laterLsn(null, '0/3000001')).toBe('0/3000001');
    expect(laterLsn('0/3000001', '0/2FFFFFF')).toBe('0/3000001');
    expect(laterLsn('0/2FFFFFF', '1/0')).toBe('1/0');
  });

  it('a carried position ahead of the replica sends the read to the primary, one behind it does not', () => {
    // Nothing remembered here (the write went through another process): the cookie alone decides.
    expect(decide({ mustHaveReplayed: laterLsn(null, '0/3000001') })).toEqual({
      target: 'primary',
      reason: 'own_write_not_replayed',
    });
    expect(decide({ mustHaveReplayed: laterLsn(null, '0/2FFFFFF') })).toEqual({
      target: 'replica',
      index: 0,
    });
    // A stale cookie does not undo this process's newer memory, nor the reverse.
    expect(decide({ mustHaveReplayed: laterLsn('0/3000001', '0/1') })).toEqual({
      target: 'primary',
      reason: 'own_write_not_replayed',
    });
    expect(decide({ mustHaveReplayed: laterLsn('0/1', '0/3000001') })).toEqual({
      target: 'primary',
      reason: 'own_write_not_replayed',
    });
  });
});
