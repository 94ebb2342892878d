import type { Metadata } from 'next';
import { citizenPortal } from '@/lib/auth/citizen-portal';

export const metadata: Metadata = { title: 'Страница не найдена' };

/** Every unknown address, and every page that calls notFound(): in Russian, with a way on. */
export default function NotFound() {
  return (
    <>
      <h1>Страница не найдена</h1>
      <p>Если вы набрали адрес вручную, проверьте, нет ли в нём опечатки.</p>
      <p>Если вы перешли по ссылке, возможно, страница перенесена или больше не существует.</p>
      <ul>
        <li>
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- portal pages are plain HTML (ADR 0016) */}
          <a href="/">Главная страница</a>
        </li>
        <li>
          <a href={citizenPortal().cabinet}>Личный кабинет</a>
        </li>
      </ul>
    </>
  );
}
