import { format } from 'node:util';
import { scrubText } from './log-scrub';
import { logger } from './logger';

/**
 * Routes `console.error` and `console.warn` of a server process to the logger (ADR 0028). Next reports a
 * page that failed while rendering, a failed server action and its own warnings through `console.error` /
 * `console.warn`: without this those lines bypass the logger — free text among the JSON lines, without the
 * request's id, and with whatever personal data the error's message quoted. Routed, they are entries like
 * any other: the request id from the request context, the error by kind and scrubbed message
 * (log-scrub.ts). `console.log` stays as it is: Next prints its banner there, and our code logs through
 * the logger.
 */
export function routeConsoleToLog(): void {
  const holder = globalThis as unknown as { __omsConsoleRouted?: boolean };
  if (holder.__omsConsoleRouted) return;
  holder.__omsConsoleRouted = true;
  console.error = (...args: unknown[]) => logConsole('error', args);
  console.warn = (...args: unknown[]) => logConsole('warn', args);
}

function logConsole(level: 'error' | 'warn', args: unknown[]): void {
  const error = args.find((a): a is Error => a instanceof Error);
  const text = scrubText(format(...args.filter((a) => a !== error)).slice(0, 2000));
  logger()[level]({ console: true, ...(error ? { err: error } : {}) }, text || (error ? 'error' : ''));
}
