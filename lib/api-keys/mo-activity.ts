/**
 * Whether a medical organisation works on a date: `active_from` and `active_to` are inclusive days, as for
 * insurers in the F002/F003 directories; an open `active_to` means it still works.
 */
export function moActiveOn(mo: { activeFrom: string; activeTo: string | null }, on: string): boolean {
  return mo.activeFrom <= on && (mo.activeTo === null || on <= mo.activeTo);
}
