import type { Metadata } from 'next';
import Link from 'next/link';
import { requireConsolePage } from '../../_shell/require-section';
import { listFeedKeys } from '@/lib/feeds/feed-keys';
import { feedSourceTitle, servedFeedSources } from '@/lib/feeds/served-sources';
import { keyPrefixParam } from '../../_keys/key-actions';
import { KeysTable } from '../../_keys/keys-table';
import { OutcomeBanner } from '../../_shell/outcome-banner';
import { revokeFeedKeyAction } from './actions';
import { IssueFeedKeyForm } from './issue-form';

export const metadata: Metadata = { title: 'Ключи ведомственного обмена' };

export default async function FeedKeysPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireConsolePage('/konsol/lenty/klyuchi', 'feed_key:manage');
  const keys = await listFeedKeys({}, staff.actor);
  const query = await searchParams;
  const revoked = keyPrefixParam(query.otozvan);
  // The only refusal an administrator can meet here: a prefix that names no key.
  const failed = typeof query.oshibka === 'string' ? 'Такого ключа нет.' : null;
  return (
    <>
      <p>
        <Link href="/konsol/lenty">← Ведомственный обмен</Link>
      </p>
      <h1>Ключи ведомственного обмена</h1>
      <p>
        Ключ выдаётся системе одного источника и принимает только его события. Отозванный ключ не принимается
        со следующего же запроса.
      </p>
      <OutcomeBanner done={revoked ? `Ключ с префиксом ${revoked} отозван.` : null} failed={failed} />
      <h2>Выпустить ключ</h2>
      <IssueFeedKeyForm sources={servedFeedSources().map((s) => [s, feedSourceTitle(s)] as const)} />
      <KeysTable
        testId="feed-keys"
        caption="Выпущенные ключи, новые сверху (показаны только префиксы)"
        ownerColumn="Источник"
        revoke={revokeFeedKeyAction}
        keys={keys.map((k) => ({ ...k, owner: feedSourceTitle(k.source) }))}
      />
    </>
  );
}
