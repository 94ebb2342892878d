import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { jurisdictionProfile } from '@/lib/jurisdiction/current';
import { SITE_TEXTS } from './_national/site';
import './globals.css';

/**
 * The frame speaks for the deployment's register (ADR 0032): its words come from the profile and the
 * national site texts, read per request — one build serves either country, so nothing national is baked
 * in at build time.
 */
export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const { texts, id } = jurisdictionProfile();
  const site = SITE_TEXTS[id];
  return {
    title: { default: texts.registerName, template: `%s — ${texts.siteName}` },
    description: site.description,
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  const { texts, id } = jurisdictionProfile();
  const site = SITE_TEXTS[id];
  return (
    <html lang="ru">
      <body>
        <a className="skip-link" href="#main">
          Перейти к основному содержанию
        </a>
        <header className="site-header">
          <div className="container">
            <Link href="/" className="site-title">
              {texts.siteName}
            </Link>
            <span className="site-subtitle">{site.subtitle}</span>
          </div>
        </header>
        <main id="main" className="container" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            {/* The ways in for people who are not citizens, kept out of the citizen's way (GOV.UK footer). */}
            <nav aria-label="О сервисе">
              <ul className="footer-links">
                <li>
                  <a href="/sostoyanie">Состояние сервиса</a>
                </li>
                <li>
                  <a href="/dlya-mo/api">API для медицинских организаций</a>
                </li>
                <li>
                  <a href="/vhod">Вход для сотрудников</a>
                </li>
              </ul>
            </nav>
            <p>{texts.fundName}. Данные в демонстрационной версии вымышлены.</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
