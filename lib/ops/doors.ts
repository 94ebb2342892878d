/**
 * The service's doors, for metrics (ADR 0028): every request path falls into one, a handful of labels
 * however many pages there are. Ordered: the first prefix that matches wins.
 */
export const DOORS = [
  'ops',
  'feeds',
  'rest',
  'fhir',
  'auth',
  'console',
  'clinic',
  'portal',
  'static',
  'other',
] as const;
export type Door = (typeof DOORS)[number];

const PREFIXES: [string, Door][] = [
  ['/metrics', 'ops'],
  ['/api/live', 'ops'],
  ['/api/ready', 'ops'],
  ['/api/health', 'ops'],
  ['/api/v1/feeds', 'feeds'],
  ['/api/v1', 'rest'],
  ['/fhir', 'fhir'],
  ['/api/auth', 'auth'],
  ['/vhod', 'auth'],
  ['/lk/vhod', 'auth'],
  ['/kabinet/vhod', 'auth'],
  ['/esia-dev', 'auth'],
  ['/konsol', 'console'],
  ['/clinic', 'clinic'],
  ['/lk', 'portal'],
  ['/kabinet', 'portal'],
  ['/proverka-statusa', 'portal'],
  ['/verify', 'portal'],
  ['/dlya-mo', 'portal'],
  ['/sostoyanie', 'portal'],
  ['/net-dostupa', 'portal'],
  ['/ne-naideno', 'portal'],
  ['/_next', 'static'],
  ['/favicon.ico', 'static'],
  ['/portal.js', 'static'],
];

export function doorOf(pathname: string): Door {
  if (pathname === '/') return 'portal';
  for (const [prefix, door] of PREFIXES) {
    if (pathname === prefix || pathname.startsWith(`${prefix}/`)) return door;
  }
  return 'other';
}
