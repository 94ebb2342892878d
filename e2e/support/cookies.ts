import type { BrowserContext } from '@playwright/test';

/** The `Cookie` header a signed-in browser context sends to the server under test. */
export async function cookieHeader(context: BrowserContext, baseURL: string): Promise<string> {
  return (await context.cookies())
    .filter((c) => c.domain === new URL(baseURL).hostname)
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
}
