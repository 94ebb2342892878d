import { CodeField, Field } from '../../_components/field';
import { errorFor, type FormState } from '../../_components/form-state';

const CODE_FIELDS = [
  { name: 'subjectCode', label: 'Код региона', hint: 'Для оператора ТФОМС: две цифры, например 77' },
  { name: 'insurerCode', label: 'Код СМО', hint: 'Для оператора СМО: пять цифр, например 77001' },
  { name: 'moCode', label: 'Код МО', hint: 'Для регистратора: шесть цифр, например 770001' },
] as const;

/** The role and its organisation (no hooks: used by client forms, given the role names as props): one code field per kind, only the role's own is used. */
export function ScopeFields({
  state,
  roles,
  initial,
}: {
  state: FormState<unknown>;
  /** The roles that may be given, with their names. */
  roles: readonly { value: string; label: string }[];
  initial: Record<string, string>;
}) {
  const value = (name: string) => state.values[name] ?? initial[name] ?? '';
  return (
    <>
      <Field id="role" name="role" label="Роль" error={errorFor(state, 'role')}>
        {(p) => (
          <select {...p} className="input" defaultValue={value('role')}>
            <option value="">Выберите роль</option>
            {roles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {CODE_FIELDS.map((f) => (
        <CodeField
          key={f.name}
          id={f.name}
          label={f.label}
          hint={f.hint}
          error={errorFor(state, f.name)}
          defaultValue={value(f.name)}
        />
      ))}
    </>
  );
}
