import { describe, expect, it } from 'vitest';
import { isReplicaFailure } from './read-pools';

describe('which failures of a replica hand the read to the primary', () => {
  it.each([
    ['refused', { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5433' }],
    ['connection class', { code: '08006', message: 'connection failure' }],
    ['admin shutdown', { code: '57P01', message: 'terminating connection due to administrator command' }],
    ['starting up', { code: '57P03', message: 'the database system is starting up' }],
    ['statement timeout', { code: '57014', message: 'canceling statement due to statement timeout' }],
    ['recovery conflict', { code: '40001', message: 'canceling statement due to conflict with recovery' }],
    ['lost socket', { message: 'Connection terminated unexpectedly' }],
    ['pool timeout', { message: 'timeout exceeded when trying to connect' }],
  ])('%s', (_, error) => {
    expect(isReplicaFailure(Object.assign(new Error(error.message), error))).toBe(true);
  });

  it.each([
    ['a serialization failure of the primary kind', { code: '40001', message: 'could not serialize access' }],
    ['a syntax error', { code: '42601', message: 'syntax error at or near "selec"' }],
    ['a unique violation', { code: '23505', message: 'duplicate key value' }],
  ])('not %s: that is an answer, the same on the primary', (_, error) => {
    expect(isReplicaFailure(Object.assign(new Error(error.message), error))).toBe(false);
  });
});
