import { describe, expect, it } from 'vitest';
import { metricsRefusal } from './metrics-access';

const TOKEN = 'a-metrics-token-0123456789';

describe('metricsRefusal', () => {
  it('without a token: loopback is let in, any other address is refused 403', () => {
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1'])
      expect(metricsRefusal(undefined, undefined, address)).toBeNull();
    for (const address of ['10.0.0.5', '::ffff:192.168.1.2', undefined])
      expect(metricsRefusal(undefined, undefined, address)).toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });

  it('with a token: only the right bearer token, from anywhere — loopback included — gets in', () => {
    expect(metricsRefusal(TOKEN, `Bearer ${TOKEN}`, '10.0.0.5')).toBeNull();
    for (const authorization of [undefined, '', 'Bearer', `Bearer ${TOKEN}x`, `bearer ${TOKEN}`, TOKEN])
      expect(metricsRefusal(TOKEN, authorization, '127.0.0.1')).toMatchObject({
        code: 'UNAUTHENTICATED',
        status: 401,
      });
  });
});
