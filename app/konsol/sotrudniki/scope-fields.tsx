import { CodeField, Field } from '../../_components/field';
import { errorFor, type FormState } from '../../_components/form-state';

/** Each organisation code, with the role that needs it: a field is shown only when that role may be given. */
const CODE_FIELDS = [
  { name: 'subjectCode', role: 'tfoms_operator', label: 'Код региона', shape: 'две цифры' },
  { name: 'insurerCode', role: 'smo_operator', label: 'Код СМО', shape: 'пять цифр' },
  { name: 'moCode', role: 'clinic_registrar', label: 'Код МО', shape: 'шесть цифр' },
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
      {CODE_FIELDS.map((f) => {
        const role = roles.find((r) => r.value === f.role);
        return role ? (
          <CodeField
            key={f.name}
            id={f.name}
            label={f.label}
            hint={`Для роли «${role.label}»: ${f.shape}`}
            error={errorFor(state, f.name)}
            defaultValue={value(f.name)}
          />
        ) : null;
      })}
    </>
  );
}
