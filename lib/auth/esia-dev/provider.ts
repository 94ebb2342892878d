import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider, { interactionPolicy, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { DEV_ISSUER_PATH, type CitizenAuthConfig } from '../citizen-config';
import { DEV_PROVIDER_LOOKS, PAGE_HEADERS, pageCsp, renderErrorPage, renderSignInPage } from './pages';
import type { SigningJwk } from './signing-key';
import { isSyntheticSeed, SYNTHETIC_PREFIX, syntheticCitizenBySub } from './synthetic-citizens';
import { SYNTHETIC_KZ_PREFIX, syntheticKzCitizenBySub } from './synthetic-kz-citizens';
import { KZ_TEST_CITIZENS } from './kz-test-citizens';
import { TEST_CITIZENS, testCitizenClaims, type TestCitizen } from './test-citizens';
import type { Jurisdiction } from '@/config/env';
import { logger } from '@/lib/ops/logger';

/**
 * The development ЕСИА: a real OpenID Connect provider (`oidc-provider`) mounted in the app's own process at
 * `/esia-dev`. Authorization code with PKCE (S256, required), one client — the portal — with one redirect
 * URI, signed ID tokens, userinfo. Its sign-in page lists the test citizens instead of asking for a password.
 *
 * Grants, codes and interactions live in memory (oidc-provider's memory adapter): they last minutes, and a
 * restart in the middle of a sign-in only means starting it again.
 */
export interface EsiaDevProvider {
  readonly issuer: string;
  /** Whether it signs in synthetic citizens by seed (embedded database only, ADR 0012). */
  readonly syntheticCitizens: boolean;
  /** Answers the request when it is the provider's; false for everything else. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
}

const CLIENT_NAME = 'ЕРЗ ОМС — личный кабинет';

/** Scopes (ЕСИА's names) and the claims each releases; `openid` always carries the account's level. */
const CLAIMS: Configuration['claims'] = {
  openid: ['sub', 'trusted', 'account_level'],
  fullname: ['family_name', 'given_name', 'middle_name'],
  birthdate: ['birthdate'],
  gender: ['gender'],
  snils: ['snils'],
  id_doc: ['passport_series', 'passport_number'],
  // eGov's: Kazakhstan's register knows a person by the ИИН alone (ADR 0032).
  iin: ['iin'],
};

/** Each country's development accounts and synthetic citizens: eGov's carry an ИИН, ЕСИА's never do. */
const DEV_ACCOUNTS: Record<
  Jurisdiction,
  {
    citizens: readonly TestCitizen[];
    syntheticPrefix: string;
    syntheticBySub: (sub: string) => TestCitizen | undefined;
  }
> = {
  ru: { citizens: TEST_CITIZENS, syntheticPrefix: SYNTHETIC_PREFIX, syntheticBySub: syntheticCitizenBySub },
  kz: {
    citizens: KZ_TEST_CITIZENS,
    syntheticPrefix: SYNTHETIC_KZ_PREFIX,
    syntheticBySub: syntheticKzCitizenBySub,
  },
};

/**
 * Asks which test citizen to be on every authorization request, even with a provider session: the
 * development provider is for switching between people, and the portal's sign-out need not end it.
 */
function policy() {
  const base = interactionPolicy.base();
  base
    .get('login')!
    .checks.add(
      new interactionPolicy.Check(
        'dev_choose_account',
        'the development provider asks whom to sign in as',
        (ctx) =>
          ctx.oidc.result?.login
            ? interactionPolicy.Check.NO_NEED_TO_PROMPT
            : interactionPolicy.Check.REQUEST_PROMPT,
      ),
    );
  return base;
}

export function createEsiaDevProvider(opts: {
  config: CitizenAuthConfig;
  signingKey: SigningJwk;
  /** Derives the provider's cookie-signing key (NEXTAUTH_SECRET). */
  secret: string;
  /** Also sign in synthetic citizens named by a seed (embedded databases only: `syntheticCitizensAllowed`). */
  syntheticCitizens?: boolean;
}): EsiaDevProvider {
  const { config } = opts;
  const synthetic = opts.syntheticCitizens === true;
  // The accounts of the deployment's country only (ADR 0032).
  const { citizens, syntheticPrefix, syntheticBySub } = DEV_ACCOUNTS[config.jurisdiction];
  const accountBySub = (sub: string) =>
    citizens.find((c) => c.sub === sub) ?? (synthetic ? syntheticBySub(sub) : undefined);
  if (config.mode !== 'dev') throw new Error('The development provider runs only without ESIA_ISSUER.');
  const issuerUrl = new URL(config.issuer);
  const mount = issuerUrl.pathname.replace(/\/$/, '');
  if (mount !== DEV_ISSUER_PATH) throw new Error(`The development issuer must end in ${DEV_ISSUER_PATH}`);
  const portalOrigin = new URL(config.callbackUrl).origin;
  const csp = pageCsp(portalOrigin);

  const configuration: Configuration = {
    clients: [
      {
        client_id: config.clientId,
        client_secret: config.clientSecret,
        client_name: CLIENT_NAME,
        redirect_uris: [config.callbackUrl],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: 'RS256',
      },
    ],
    responseTypes: ['code'],
    pkce: { required: () => true },
    claims: CLAIMS,
    jwks: { keys: [opts.signingKey] },
    cookies: {
      keys: [createHmac('sha256', opts.secret).update('esia-dev cookies').digest('base64url')],
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      userinfo: { enabled: true },
    },
    // The token and userinfo endpoints are called server to server: no browser origin needs CORS.
    clientBasedCORS: () => false,
    findAccount: (_ctx, sub) => {
      const citizen = accountBySub(sub);
      return citizen ? { accountId: sub, claims: () => ({ ...testCitizenClaims(citizen), sub }) } : undefined;
    },
    interactions: {
      policy: policy(),
      url: (_ctx, interaction) => `${mount}/interaction/${interaction.uid}`,
    },
    // Consent is implied for the portal, the only client: a grant of what it asked for.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session, params } = ctx.oidc;
      if (!client || !session?.accountId || client.clientId !== config.clientId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(typeof params?.scope === 'string' ? params.scope : 'openid');
      await grant.save();
      return grant;
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.set('Content-Security-Policy', csp);
      ctx.body = renderErrorPage(
        'Вход не удался',
        `Поставщик входа отклонил запрос: ${out.error}${out.error_description ? ` — ${out.error_description}` : ''}.`,
      );
    },
    ttl: {
      AccessToken: 300,
      AuthorizationCode: 60,
      IdToken: 300,
      Interaction: 900,
      Session: 900,
      Grant: 900,
    },
  };

  const provider = new Provider(config.issuer, configuration);
  const callback = provider.callback();
  const interactionPath = new RegExp(`^${mount}/interaction/([A-Za-z0-9_-]{1,64})(/login|/abort)?$`);

  const send = (res: ServerResponse, status: number, html: string) => {
    res.writeHead(status, { ...PAGE_HEADERS, 'Content-Security-Policy': csp });
    res.end(html);
  };

  async function interaction(
    req: IncomingMessage,
    res: ServerResponse,
    uid: string,
    action: string | undefined,
  ) {
    let details;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      // No (or an expired) interaction cookie: the sign-in must start again from the portal.
      send(
        res,
        400,
        renderErrorPage('Сеанс входа истёк', 'Страница входа устарела или открыта в другом браузере.'),
      );
      return;
    }
    if (details.uid !== uid) {
      send(res, 400, renderErrorPage('Сеанс входа истёк', 'Страница входа не соответствует текущему входу.'));
      return;
    }
    if (req.method === 'GET' && !action) {
      send(
        res,
        200,
        renderSignInPage({
          clientName: CLIENT_NAME,
          citizens,
          syntheticCitizens: synthetic,
          look: DEV_PROVIDER_LOOKS[config.jurisdiction],
          loginAction: `${mount}/interaction/${uid}/login`,
          abortAction: `${mount}/interaction/${uid}/abort`,
        }),
      );
      return;
    }
    if (req.method !== 'POST' || !action) {
      send(res, 405, renderErrorPage('Недопустимый запрос', 'Этот адрес принимает только отправку формы.'));
      return;
    }
    if (action === '/abort') {
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'Вход отменён пользователем' },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const form = new URLSearchParams(await readBody(req));
    const seed = form.get('synthetic')?.trim().toLowerCase();
    if (seed !== undefined && !(synthetic && isSyntheticSeed(seed))) {
      send(
        res,
        400,
        renderErrorPage(
          'Учётная запись не найдена',
          synthetic
            ? 'Ключ синтетического гражданина — от 8 до 32 латинских букв и цифр.'
            : 'Синтетические граждане доступны только на встроенной базе данных.',
        ),
      );
      return;
    }
    const account = seed !== undefined ? `${syntheticPrefix}${seed}` : (form.get('account') ?? '');
    if (!accountBySub(account)) {
      send(
        res,
        400,
        renderErrorPage('Учётная запись не найдена', 'Выберите тестового гражданина из списка.'),
      );
      return;
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: account } },
      { mergeWithLastSubmission: false },
    );
  }

  return {
    issuer: config.issuer,
    syntheticCitizens: synthetic,
    handle(req, res) {
      const url = req.url ?? '/';
      const pathname = url.split('?')[0]!;
      if (pathname !== mount && !pathname.startsWith(`${mount}/`)) return false;
      const match = interactionPath.exec(pathname);
      if (match) {
        interaction(req, res, match[1]!, match[2]).catch((error: unknown) => {
          logger().error({ err: error }, 'esia-dev: interaction failed');
          if (!res.headersSent)
            send(res, 500, renderErrorPage('Ошибка поставщика входа', 'Попробуйте ещё раз.'));
          else res.destroy();
        });
        return true;
      }
      // Mounted like Express's app.use(prefix, …): the provider routes the rest of the path and builds its
      // URLs from originalUrl.
      (req as IncomingMessage & { originalUrl?: string }).originalUrl = url;
      req.url = url.slice(mount.length) || '/';
      // The library's own pages: when another citizen signs in over a live provider session it ends that
      // session first with a form it submits by one inline script — allowed by its hash, nothing else runs.
      res.setHeader('Content-Security-Policy', `${csp}; script-src '${OIDC_AUTO_SUBMIT_SCRIPT_HASH}'`);
      void callback(req, res);
      return true;
    },
  };
}

const BODY_LIMIT = 4096;

/**
 * The SHA-256 of oidc-provider's auto-submit script (`document.forms[0].submit()` on DOMContentLoaded) on
 * its intermediate pages. A library upgrade that changes it shows as a second sign-in in one browser
 * stopping at /esia-dev/auth/… (e2e/citizen-sign-in.spec.ts).
 */
const OIDC_AUTO_SUBMIT_SCRIPT_HASH = 'sha256-RdUNylKSz5sOn0fkU1eqAq2AfjeUgGQlHsNg7gbsfrU=';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) {
        reject(new Error('Request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
