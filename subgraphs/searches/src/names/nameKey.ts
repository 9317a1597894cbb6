/**
 * Folds one name for comparison: lower case, no diacritics, apostrophes of
 * Mayan orthographies (K'iche' "Ajpop", "Q'eqchi'") and hyphens dropped,
 * whitespace collapsed. "Xiquín", "XIQUIN" and "Xi'quin" fold alike.
 */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`´ʼ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The blocking key stored in `name_key`: folded given names and surnames in
 * that order. Computed here rather than in SQL because `unaccent()` is not
 * immutable and so cannot back an index expression.
 */
export function nameKey(givenNames: string | null, firstSurname: string | null, secondSurname: string | null): string {
  return [givenNames, firstSurname, secondSurname]
    .filter((part): part is string => !!part)
    .map(foldName)
    .filter((part) => part.length > 0)
    .join(' ');
}
