import type { Browser, BrowserContext, Page } from '@playwright/test';

/** The `Cookie` header a signed-in browser context sends to the server under test. */
export async function cookieHeader(context: BrowserContext, baseURL: string): Promise<string> {
  return (await context.cookies())
    .filter((c) => c.domain === new URL(baseURL).hostname)
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
}

/** The `Cookie` header of a fresh browser context after `signIn` in it (the context is closed after). */
export async function sessionCookie(
  browser: Browser,
  baseURL: string,
  signIn: (page: Page) => Promise<unknown>,
): Promise<string> {
  const context = await browser.newContext({ baseURL });
  try {
    await signIn(await context.newPage());
    return await cookieHeader(context, baseURL);
  } finally {
    await context.close();
  }
}
