import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffAccount } from '@/lib/auth/staff-accounts';
import { signInWithPassword } from '@/lib/auth/staff-sign-in';
import { totpEnrolmentOffer } from '@/lib/auth/totp-enrolment';
import { guardedHandler } from './edge';
import { feedEventsJsonSchema } from './v1/feeds/schemas';

/**
 * The words a Kazakh register shows outside Next's pages (ADR 0029): the edge's own error pages and the
 * machine documents and the authenticator's issuer carry its site's name, and nothing of Russia's ОМС is said there.
 */
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer(
    guardedHandler(() => {
      throw new Error('a failure the edge answers');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('the Kazakh register’s own words outside its pages', () => {
  it('the edge’s 500 page is the ОСМС site’s and speaks of ОСМС, not ОМС', async () => {
    const res = await fetch(`${base}/kabinet`);
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).toContain('<title>Сервис временно недоступен — ОСМС</title>');
    expect(html).toContain('не влияет на права застрахованных в ОСМС.');
    expect(html).not.toMatch(/ЕРЗ|полиса ОМС/);
  });

  it('a bad address is answered on the ОСМС site’s 400 page', async () => {
    const res = await fetch(`${base}/kabinet/%zz`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<title>Адрес страницы указан неверно — ОСМС</title>');
  });

  it('the feed events’ JSON Schema is titled with the site’s name', () => {
    expect(feedEventsJsonSchema().title).toBe('ОСМС — agency feed events');
  });

  it('an administrator enrolling a second factor gets the ОСМС site as the authenticator’s issuer', async () => {
    const login = `kz.enrol.${Date.now()}`;
    const password = 'a-long-test-password-1';
    await createStaffAccount({ login, password, fullName: 'Ахметова Айгуль', role: 'ffoms_admin' });
    const signedIn = await signInWithPassword({ login, password, address: '198.51.100.7' });
    if (!('sessionId' in signedIn)) throw new Error(`no session: ${JSON.stringify(signedIn)}`);
    const offer = await totpEnrolmentOffer(signedIn.sessionId);
    expect(new URL(offer.uri).searchParams.get('issuer')).toBe('ОСМС');
  });
});
