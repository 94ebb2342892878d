import type { ReactNode } from 'react';
import { redirect } from 'next/navigation';
import { currentIdentity } from '@/lib/auth/session';
import { StaffUserBar } from '../vhod/staff-user-bar';

/**
 * The frame of a registrar's page (the lookup, the temporary-status upload): sign-in first — back to
 * `path` after it —, a refusal for anyone but a clinic's employee, then who is signed in and the page.
 */
export async function RegistrarFrame({
  path,
  refusal,
  children,
}: {
  path: string;
  /** What the page is, for the refusal: «Рабочее место регистратора», «Загрузка документов». */
  refusal: string;
  children: ReactNode;
}) {
  const identity = await currentIdentity();
  if (!identity) redirect(`/vhod?next=${path}`);
  if (identity.actor.kind !== 'clinic') {
    return (
      <>
        <h1>Нет доступа</h1>
        <p>{refusal} доступно только сотрудникам медицинских организаций.</p>
      </>
    );
  }
  return (
    <>
      <StaffUserBar>
        <span>
          {identity.displayName}, МО {identity.actor.moCode}
        </span>
      </StaffUserBar>
      {children}
    </>
  );
}
