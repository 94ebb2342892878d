'use client';

/**
 * The last resort of pages that run React in the browser (staff pages) when rendering fails: in Russian,
 * with a way on. Portal pages carry no client runtime; the launcher answers their server errors with its
 * own page (scripts/portal-html.ts).
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="ru">
      <body>
        <main id="main" style={{ maxWidth: '40rem', padding: '1rem', fontFamily: 'system-ui, sans-serif' }}>
          <h1>Сервис временно недоступен</h1>
          <p>Страницу не удалось показать. Попробуйте ещё раз через несколько минут.</p>
          <p>
            <button type="button" onClick={reset}>
              Попробовать ещё раз
            </button>
          </p>
        </main>
      </body>
    </html>
  );
}
