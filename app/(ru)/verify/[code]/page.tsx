import type { Metadata } from 'next';
import { formatMoscowDateTime } from '@/lib/applications/labels';
import { verifyExtract } from '@/lib/portal/verify-extract';

export const metadata: Metadata = {
  title: 'Проверка выписки из регистра',
  // A code is as good as the paper it is printed on: such pages have no place in search engines.
  robots: { index: false, follow: false },
};

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * `/verify/<code>`, public: the page a clinic opens from the extract's QR code or by typing its code. Says
 * whether the extract is genuine, for whom (masked), as of when and whether its facts still hold — no more.
 */
export default async function VerifyExtractPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const result = await verifyExtract({ code: decoded(code).slice(0, 100) });

  if (!result.valid) {
    return (
      <>
        <h1>Проверка выписки из регистра</h1>
        <div className="status status--bad" data-testid="verify-result">
          <h2>{result.reason === 'malformed' ? 'Код указан неверно' : 'Выписка не найдена'}</h2>
          <p>{result.message}</p>
        </div>
        <p>
          Код напечатан на выписке под QR-кодом: 26 латинских букв и цифр, группами по пять. Проверьте, нет ли
          в нём опечатки, и откройте ссылку с выписки ещё раз.
        </p>
      </>
    );
  }

  return (
    <>
      <h1>Проверка выписки из регистра</h1>
      <div className={`status ${result.changed ? 'status--warn' : 'status--ok'}`} data-testid="verify-result">
        <h2>{result.changed ? 'Выписка подлинная, сведения изменились' : 'Выписка подлинная'}</h2>
        <p>{result.message}</p>
      </div>
      <dl className="summary-list" data-testid="verify-details">
        <dt>Застрахованное лицо</dt>
        <dd>{result.holder}</dd>
        <dt>ЕНП</dt>
        <dd className="enp">{result.enpMasked}</dd>
        <dt>Выписка выдана</dt>
        <dd>{formatMoscowDateTime(result.issuedAt)} (мск)</dd>
        <dt>Сведения на момент</dt>
        <dd>{formatMoscowDateTime(result.asOf)} (мск)</dd>
        <dt>Полис в выписке</dt>
        <dd>{result.statusAtIssue.label}</dd>
        <dt>Полис сейчас</dt>
        <dd>
          {result.statusNow.label} (на {formatMoscowDateTime(result.statusNow.asOf)} мск)
        </dd>
      </dl>
      <p className="hint">
        Фамилия и ЕНП показаны не полностью: сверьте их с выпиской и документом пациента. Для приёма по ОМС
        проверьте полис по ЕНП в рабочем месте регистратора.
      </p>
    </>
  );
}
