import type { ReactNode } from 'react';
import { SignOutForm } from '@/app/_components/citizen/sign-out-form';
import { currentCitizen } from '@/lib/auth/citizen';

/**
 * The ОСМС cabinet's frame: who is signed in, the one sign-out button, and the cabinet's sections.
 * Signed-out pages (sign-in, sign-out) get no frame; the pages send signed-out visitors to the sign-in.
 */
export default async function KzCabinetLayout({ children }: { children: ReactNode }) {
  const citizen = await currentCitizen();
  if (!citizen) return children;
  return (
    <>
      <div className="user-bar">
        <p>
          Вы вошли как <strong>{citizen.displayName}</strong>
        </p>
        <SignOutForm />
      </div>
      <nav aria-label="Разделы личного кабинета">
        <ul className="nav-cabinet">
          <li>
            <a href="/kabinet">Мой статус</a>
          </li>
          <li>
            <a href="/kabinet/vremennyi-status">Загрузить документ о категории</a>
          </li>
          <li>
            <a href="/kabinet/prosmotry">Кто проверял мой статус</a>
          </li>
        </ul>
      </nav>
      {children}
    </>
  );
}
