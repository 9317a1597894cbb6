/**
 * Years an estimated age is taken to be uncertain by. Age estimates are
 * imprecise, and the benefit of the doubt goes to the person (seed 000 §III,
 * best interests of the child): anyone estimated younger than 18 + this margin
 * might be a child.
 */
export const AGE_ESTIMATE_MARGIN_YEARS = 2;

/** Completed years between `birthDate` ('YYYY-MM-DD') and `today` (UTC). */
export function ageOn(birthDate: string, today: Date): number {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  const beforeBirthday =
    today.getUTCMonth() + 1 < month || (today.getUTCMonth() + 1 === month && today.getUTCDate() < day);
  return today.getUTCFullYear() - year - (beforeBirthday ? 1 : 0);
}

/**
 * Presumption of minority: a person whose age is unknown or in doubt is
 * treated as a minor until shown otherwise. A known birth date decides; an
 * estimated age counts as in doubt within {@link AGE_ESTIMATE_MARGIN_YEARS}.
 */
export function presumedMinor(person: { birthDate: string | null; estimatedAge: number | null }, today: Date): boolean {
  if (person.birthDate !== null) return ageOn(person.birthDate, today) < 18;
  if (person.estimatedAge !== null) return person.estimatedAge < 18 + AGE_ESTIMATE_MARGIN_YEARS;
  return true;
}
