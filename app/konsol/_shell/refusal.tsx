import Link from 'next/link';

const TEXT = {
  not_found: {
    title: 'Не найдено',
    body: 'Такой записи нет, или адрес набран с ошибкой. Найдите человека через поиск.',
  },
  forbidden: {
    title: 'Нет доступа',
    body: 'Этот человек вне вашей зоны доступа: вы видите застрахованных своего региона или своей страховой организации.',
  },
} as const;

/**
 * A console page's refusal, rendered in place. Not Next's notFound()/forbidden(): thrown from a page under
 * the console's layout, those answer with Next's bare error document (no lang, no layout), which the fuzz
 * suite rightly refuses as "not a Russian page" (found by its console door).
 */
export function ConsoleRefusal({ kind }: { kind: keyof typeof TEXT }) {
  return (
    <>
      <h1>{TEXT[kind].title}</h1>
      <p>{TEXT[kind].body}</p>
      <p>
        <Link href={'/konsol/poisk'}>Поиск в регистре</Link>
      </p>
    </>
  );
}
