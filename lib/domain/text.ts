/**
 * Character rules for text that comes from outside (forms, query strings, API bodies, feeds), shared by
 * every field whose mask does not already restrict it to letters and digits. PostgreSQL refuses NUL in
 * text, and control, format (bidi overrides, zero-width), private-use, unassigned and lone-surrogate
 * characters have no place in a person's data: they hide what a value says on screen and in logs.
 */

/** Control (Cc), format (Cf), surrogate (Cs), private use (Co) and unassigned (Cn) code points. */
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/u;

/**
 * The canonical form of outside text: Unicode NFC, so «й» typed as «и» + combining breve and «й» typed
 * as one code point are the same value (and the same length).
 */
export function canonicalText(value: string | null | undefined): string {
  return (value ?? '').normalize('NFC');
}

/** Whether the text holds a character no field of the register accepts (see FORBIDDEN). */
export function hasForbiddenCharacters(value: string): boolean {
  return FORBIDDEN.test(value);
}

/**
 * A person's name as typed, tidied the same way in every country: canonical, trimmed, spaces collapsed
 * (and removed around hyphens), dashes made hyphens, typographic apostrophes made plain. Which letters a
 * name may hold is national (lib/domain/ru/person.ts, lib/domain/kz/person-name.ts).
 */
export function tidyNameText(value: string | null | undefined): string {
  return canonicalText(value)
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/[’‘ʼ`]/g, "'")
    .replace(/ ?- ?/g, '-');
}
