import type { CitizenService } from '@/lib/portal/citizen-services';

/** The citizen's services as cards, each a link to its page (the start page and the cabinet). */
export function ServiceCards({
  services,
  labelledBy,
}: {
  services: readonly CitizenService[];
  labelledBy?: string;
}) {
  return (
    <ul className="cards cards--links" aria-labelledby={labelledBy}>
      {services.map((s) => (
        <li key={s.href} className="card">
          <h3>
            <a href={s.href}>{s.title}</a>
          </h3>
          <p>{s.text}</p>
        </li>
      ))}
    </ul>
  );
}
