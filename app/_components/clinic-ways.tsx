import type { ReactNode } from 'react';

/** The start page's way in for clinics: the registrar's workspace and the API; `children` say what they check. */
export function ClinicWays({ children, api }: { children: ReactNode; api: string }) {
  return (
    <section className="audience" aria-labelledby="dlya-mo">
      <h2 id="dlya-mo">Для медицинских организаций</h2>
      <p>{children}</p>
      <ul className="link-list link-list--described">
        <li>
          <a href="/clinic">Рабочее место регистратора</a>
          <span className="hint-block">Вход по логину и паролю сотрудника медицинской организации.</span>
        </li>
        <li>
          <a href="/dlya-mo/api">API для медицинских информационных систем</a>
          <span className="hint-block">{api}</span>
        </li>
      </ul>
    </section>
  );
}
