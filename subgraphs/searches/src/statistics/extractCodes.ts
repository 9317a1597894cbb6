import { DEMO_NATIONALITIES, RCM_COUNTRIES } from '@amparo/kit';

/**
 * The statistics code lists this extract emits (statistics'
 * src/codes/codeLists.ts builds the same lists from the same kit constants;
 * a code outside them makes a release fail, so nothing else may appear).
 */
export const COUNTRY_CODES: readonly string[] = RCM_COUNTRIES;
export const NATIONALITY_CODES: readonly string[] = [...DEMO_NATIONALITIES.map(([code]) => code), '_O', '_U'];
export const SEX_CODES: readonly string[] = ['F', 'M', '_O', '_U'];
/** Fixed bands, lower bound inclusive; the last has no upper bound. */
export const AGE_BANDS: readonly (readonly [code: string, below: number | null])[] = [
  ['Y_LT12', 12],
  ['Y12T17', 18],
  ['Y18T24', 25],
  ['Y25T34', 35],
  ['Y35T49', 50],
  ['Y50T59', 60],
  ['Y_GE60', null],
];
export const AGE_GROUP_CODES: readonly string[] = [...AGE_BANDS.map(([code]) => code), '_U'];

/** SQL mapping the stored Sex enum to SDMX codes. */
export const sexCodeSql = (column: string) =>
  `CASE ${column} WHEN 'FEMALE' THEN 'F' WHEN 'MALE' THEN 'M' WHEN 'INTERSEX' THEN '_O' WHEN 'OTHER' THEN '_O' ELSE '_U' END`;

/** SQL for the band of an age in whole years (null when the age is unknown). */
export function ageBandSql(age: string): string {
  const bands = AGE_BANDS.map(([code, below]) =>
    below === null ? `ELSE '${code}'` : `WHEN ${age} < ${below} THEN '${code}'`,
  ).join(' ');
  return `CASE WHEN ${age} IS NULL THEN '_U' ${bands} END`;
}
