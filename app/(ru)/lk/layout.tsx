import type { ReactNode } from 'react';
import { currentCitizen } from '@/lib/auth/citizen';
import { countUnreadNotifications } from '@/lib/notifications/count-unread-notifications';
import { SignOutForm } from '@/app/_components/citizen/sign-out-form';

/**
 * The cabinet's frame: who is signed in with the one sign-out button, and the cabinet's sections with the number of unread
 * notifications. Signed-out pages of /lk (sign-in, sign-out) get no frame; the pages themselves send
 * signed-out visitors to the sign-in — a layout cannot know which page it wraps.
 */
export default async function CabinetLayout({ children }: { children: ReactNode }) {
  const citizen = await currentCitizen();
  if (!citizen) return children;
  const unread = await countUnreadNotifications(citizen.actor);
  return (
    <>
      <div className="user-bar">
        <p>
          Вы вошли как <strong>{citizen.displayName}</strong>
        </p>
        {/* The one sign-out control: one click, a form post that needs no script. */}
        <SignOutForm />
      </div>
      <nav aria-label="Разделы личного кабинета">
        <ul className="nav-cabinet">
          <li>
            <a href="/lk">Обзор</a>
          </li>
          <li>
            <a href="/lk/polis">Мой полис</a>
          </li>
          <li>
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- the cabinet uses plain links (full page loads keep the frame's unread count fresh) */}
            <a href="/lk/zayavleniya">Мои заявления</a>
          </li>
          <li>
            <a href="/lk/uvedomleniya" data-testid="nav-notifications">
              Уведомления
              {unread > 0 ? (
                <>
                  {' '}
                  <span className="tag tag--count">{unread > 99 ? '99+' : unread}</span>
                  <span className="visually-hidden"> непрочитанных</span>
                </>
              ) : null}
            </a>
          </li>
          <li>
            <a href="/lk/prosmotry">Кто смотрел мой полис</a>
          </li>
        </ul>
      </nav>
      {children}
    </>
  );
}
