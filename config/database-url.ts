/**
 * `DATABASE_URL` may name several hosts the way libpq does (`postgres://u@h1:5432,h2:5432/db`): the nodes
 * of a cluster, one of which is the primary (ADR 0025). node-postgres takes one host per connection, so
 * the URL is split here into one single-host URL per node, in order; a single-host URL is returned as is.
 * `target_session_attrs` is dropped: the app always looks for the writable node itself (db/primary.ts).
 */
const MULTI_HOST = /^(postgres(?:ql)?:\/\/)(?:([^@/?#]*)@)?([^/?#]*)(.*)$/;

export function databaseHostUrls(url: string): string[] {
  const match = MULTI_HOST.exec(url);
  if (!match?.[3]?.includes(',')) return [url];
  const [, scheme, userInfo, hostList, rest] = match;
  const [pathPart, query = ''] = (rest ?? '').split('?', 2);
  const params = new URLSearchParams(query);
  params.delete('target_session_attrs');
  const search = params.size > 0 ? `?${params.toString()}` : '';
  const user = userInfo === undefined ? '' : `${userInfo}@`;
  return (hostList ?? '').split(',').map((host) => `${scheme}${user}${host}${pathPart}${search}`);
}

/** Whether every host of the URL makes a valid postgres:// URL (what the configuration accepts). */
export function isDatabaseUrl(url: string): boolean {
  return databaseHostUrls(url).every((single) => {
    const parsed = URL.parse(single);
    return parsed !== null && /^postgres(ql)?:$/.test(parsed.protocol);
  });
}
