import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Нет доступа' };

/** A signed-in person asked for something their role does not allow (HTTP 403). */
export default function Forbidden() {
  return (
    <>
      <h1>Нет доступа</h1>
      <p>У вашей учётной записи нет прав на эту страницу или это действие.</p>
      <p>Если доступ нужен для работы, обратитесь к администратору вашей организации.</p>
      <ul>
        <li>
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- portal pages are plain HTML (ADR 0016) */}
          <a href="/">Главная страница</a>
        </li>
        <li>
          <a href="/vhod">Вход для сотрудников</a>
        </li>
      </ul>
    </>
  );
}
