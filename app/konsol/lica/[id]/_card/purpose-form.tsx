import { CARD_PURPOSES } from '@/lib/register/person-card';
import { ErrorSummary } from '../../../../_components/error-summary';
import { Field } from '../../../../_components/field';

/**
 * Opening a card is a read of personal data: the employee says why first (a GET form, so it works
 * without JavaScript and the address names only the person's number and the purpose). Nothing about the
 * person is shown before. The purposes are the deployment's card's (the Russian list by default); only the
 * Russian one asks for an application's number.
 */
export function PurposeForm({
  personId,
  purpose,
  applicationNumber,
  errors,
  purposes = CARD_PURPOSES,
}: {
  personId: number;
  purpose: string | null;
  applicationNumber: string;
  errors: { field: string; message: string }[];
  purposes?: Readonly<Record<string, string>>;
}) {
  const withApplication = Object.hasOwn(purposes, 'application');
  const error = (f: string) => errors.find((e) => e.field === f)?.message;
  return (
    <>
      <h1>Карточка застрахованного</h1>
      <ErrorSummary errors={errors} />
      <p>Просмотр карточки записывается в журнал доступа вместе с целью. Укажите цель просмотра.</p>
      <form method="get" action={`/konsol/lica/${personId}`} className="panel" noValidate>
        <Field id="purpose" name="cel" label="Цель просмотра" error={error('purpose')}>
          {(p) => (
            <select {...p} className="select" defaultValue={purpose ?? ''}>
              <option value="" disabled>
                Выберите цель
              </option>
              {Object.entries(purposes).map(([code, name]) => (
                <option key={code} value={code}>
                  {code === 'application' ? `${name} № …` : name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {withApplication ? (
          <Field
            id="applicationNumber"
            name="zayavlenie"
            label="Номер заявления (если по заявлению)"
            hint="Например, 2026-00000042"
            error={error('applicationNumber')}
          >
            {(p) => (
              <input
                {...p}
                className="input input--short"
                autoComplete="off"
                defaultValue={applicationNumber}
              />
            )}
          </Field>
        ) : null}
        <button className="button" type="submit">
          Открыть карточку
        </button>
      </form>
    </>
  );
}
