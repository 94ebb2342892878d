import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Единый регистр застрахованных лиц ОМС', template: '%s — ЕРЗ ОМС' },
  description:
    'Полис ОМС онлайн: электронный полис, замена страховой компании, прикрепление к поликлинике, проверка полиса.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="ru">
      <body>
        <a className="skip-link" href="#main">
          Перейти к основному содержанию
        </a>
        <header className="site-header">
          <div className="container">
            <Link href="/" className="site-title">
              ЕРЗ ОМС
            </Link>
            <span className="site-subtitle">Единый регистр застрахованных лиц</span>
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
            <p>
              Федеральный фонд обязательного медицинского страхования. Данные в демонстрационной версии
              вымышлены.
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
