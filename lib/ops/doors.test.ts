import { describe, expect, it } from 'vitest';
import { doorOf } from './doors';
import { requestIdFor } from './request-context';

describe('doorOf', () => {
  it.each([
    ['/', 'portal'],
    ['/lk/polis', 'portal'],
    ['/lk/vhod', 'auth'],
    ['/api/auth/callback/esia', 'auth'],
    ['/api/v1/lookup', 'rest'],
    ['/api/v1/feeds/zags/events', 'feeds'],
    ['/fhir/Patient', 'fhir'],
    ['/konsol/poisk', 'console'],
    ['/clinic', 'clinic'],
    ['/metrics', 'ops'],
    ['/api/ready', 'ops'],
    ['/_next/static/x.js', 'static'],
    ['/konsolx', 'other'],
    ['/wp-admin', 'other'],
  ])('%s → %s', (path, door) => {
    expect(doorOf(path)).toBe(door);
  });
});

describe('requestIdFor', () => {
  it("takes a trusted proxy's well-formed id, and makes a new one otherwise", () => {
    expect(requestIdFor('0f8fad5b-d9cb-469f-a165-70867728950e', true)).toBe(
      '0f8fad5b-d9cb-469f-a165-70867728950e',
    );
    expect(requestIdFor(['proxy-1234567', 'other-1234567'], true)).toBe('proxy-1234567');
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(requestIdFor('0f8fad5b-d9cb-469f-a165-70867728950e', false)).toMatch(uuid);
    for (const bad of [
      undefined,
      '',
      'short',
      'a b c d e f g h',
      '{"level":60}xxxx',
      'x'.repeat(129),
      '-leading-dash',
    ])
      expect(requestIdFor(bad, true)).toMatch(uuid);
    expect(requestIdFor(undefined, true)).not.toBe(requestIdFor(undefined, true));
  });
});
