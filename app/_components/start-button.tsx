import type { ReactNode } from 'react';

/** The start page's one green button with its arrow (GOV.UK pattern): a plain link, no script. */
export function StartButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a className="button button--start" href={href} draggable={false}>
      {children}
      <svg
        className="button__arrow"
        aria-hidden="true"
        focusable="false"
        viewBox="0 0 33 40"
        width="17"
        height="19"
      >
        <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
      </svg>
    </a>
  );
}
