import { fieldIssue } from '@/lib/errors';
import { invalid, valid, type Checked } from '../result';
import { tidyNameText } from '../text';

/**
 * A surname, first name or patronymic as Kazakhstan's documents write it: Cyrillic with the Kazakh letters
 * (Ә Ғ Қ Ң Ө Ұ Ү Һ І), or — for a foreigner whose document is in Latin script — Latin; one script per name;
 * hyphen, apostrophe and space between letters; at most 100 characters. Normalised: trimmed, spaces
 * collapsed (and removed around hyphens), typographic apostrophes made plain; the case is kept as given
 * (Kazakh patronymics end in lower-case «қызы», «ұлы»). Null for an empty optional value.
 */
export const KZ_NAME_MAX = 100;

const CYRILLIC = 'А-ЯЁа-яёӘәҒғҚқҢңӨөҰұҮүҺһІі';
const LATIN = 'A-Za-z';
const shape = (letters: string) => new RegExp(`^[${letters}]+(?:[-' ][${letters}]+)*$`);
const CYRILLIC_NAME = shape(CYRILLIC);
const LATIN_NAME = shape(LATIN);

export function validateKzPersonName(
  field: string,
  value: string | null | undefined,
  options: { required: boolean },
): Checked<string | null> {
  const s = tidyNameText(value);
  if (s === '') return options.required ? invalid(fieldIssue(field, 'FIELD_REQUIRED')) : valid(null);
  if (s.length > KZ_NAME_MAX) {
    return invalid(fieldIssue(field, 'PERSON_NAME_INVALID', `Не длиннее ${KZ_NAME_MAX} символов.`));
  }
  if (!CYRILLIC_NAME.test(s) && !LATIN_NAME.test(s)) {
    return invalid(
      fieldIssue(
        field,
        'PERSON_NAME_INVALID',
        'Используйте буквы одного алфавита, как в документе (кириллица с казахскими буквами или латиница); дефис, апостроф или пробел — только между буквами.',
      ),
    );
  }
  return valid(s);
}
