import { DEMO_LANGUAGES, DEMO_NATIONALITIES, invariant } from '@amparo/kit';

/**
 * SQL expressions that turn a case (alias `c`), her ages at the event (alias
 * `a`, see {@link AGES_AT_EVENT_SQL}) and the event (alias `e`) into codes of
 * the statistics code lists. Only these columns are read: never names, dates
 * as such, free text, places finer than a country, or migration status.
 */

/** A constant code list as an SQL array literal; the codes come from the kit, and are checked to be bare codes. */
function codeArray(codes: readonly string[]): string {
  invariant(
    codes.every((code) => /^[A-Za-z]{2,3}$/.test(code)),
    'code lists hold ISO codes only',
  );
  return `ARRAY[${codes.map((code) => `'${code}'`).join(', ')}]::text[]`;
}

const NATIONALITY_CODES = codeArray(DEMO_NATIONALITIES.map(([code]) => code));
const INDIGENOUS_CODES = codeArray(DEMO_LANGUAGES.filter((l) => l.indigenous).map((l) => l.code));

const band = (age: string) => `CASE WHEN ${age} < 0 THEN '_U' WHEN ${age} < 12 THEN 'Y_LT12'
  WHEN ${age} < 18 THEN 'Y12T17' WHEN ${age} < 25 THEN 'Y18T24' WHEN ${age} < 35 THEN 'Y25T34'
  WHEN ${age} < 50 THEN 'Y35T49' WHEN ${age} < 60 THEN 'Y50T59' ELSE 'Y_GE60' END`;

/**
 * Her age in completed years on `e.event_date`: from the birth date when
 * known; otherwise the estimate made at intake plus the years since the case
 * was opened.
 */
export const AGES_AT_EVENT_SQL = `CROSS JOIN LATERAL (SELECT
    CASE WHEN c.birth_date IS NOT NULL THEN extract(year FROM age(e.event_date, c.birth_date))::int END AS known,
    CASE WHEN c.estimated_age IS NOT NULL THEN c.estimated_age
      + extract(year FROM age(e.event_date, (c.opened_at AT TIME ZONE 'UTC')::date))::int END AS estimated
  ) a`;

export const COUNTRY_SQL = 'c.country_of_assistance';

export const NATIONALITY_SQL = `CASE WHEN c.nationality IS NULL THEN '_U'
  WHEN c.nationality = ANY (${NATIONALITY_CODES}) THEN c.nationality ELSE '_O' END`;

export const SEX_SQL = `CASE c.sex WHEN 'FEMALE' THEN 'F' WHEN 'MALE' THEN 'M'
  WHEN 'INTERSEX' THEN '_O' WHEN 'OTHER' THEN '_O' ELSE '_U' END`;

/**
 * Erased cases keep only the group of her age at opening (0-11 … 50+); 50+
 * spans two bands, so it is unknown here. An estimated age that leaves her
 * presumed a minor (under 18 + 2, presumedMinor.ts) counts in the minors'
 * band, as statistics' AGE_GROUP definition says.
 */
export const AGE_GROUP_SQL = `CASE
  WHEN c.erased_at IS NOT NULL THEN CASE c.age_group WHEN '0-11' THEN 'Y_LT12' WHEN '12-17' THEN 'Y12T17'
    WHEN '18-24' THEN 'Y18T24' WHEN '25-34' THEN 'Y25T34' WHEN '35-49' THEN 'Y35T49' ELSE '_U' END
  WHEN a.known IS NOT NULL THEN ${band('a.known')}
  WHEN a.estimated IS NOT NULL AND a.estimated BETWEEN 12 AND 19 THEN 'Y12T17'
  WHEN a.estimated IS NOT NULL THEN ${band('a.estimated')}
  ELSE '_U' END`;

export const CASE_PHASE_SQL = 'c.phase';

export const INCIDENT_PHASE_SQL = `coalesce(e.phase, '_U')`;

// Erasure clears vulnerabilities and languages: what she declared is then unknown, not "no".
export const DISABILITY_SQL = `CASE WHEN c.erased_at IS NOT NULL THEN '_U'
  WHEN 'DISABILITY' = ANY (c.vulnerabilities) THEN 'Y' ELSE 'N' END`;

export const INDIGENOUS_LANGUAGE_SQL = `CASE WHEN c.erased_at IS NOT NULL OR cardinality(c.languages) = 0 THEN '_U'
  WHEN c.languages && ${INDIGENOUS_CODES} THEN 'Y' ELSE 'N' END`;

// Referrals do not record the category of the service (the services subgraph owns it): her first need stands for it.
export const CATEGORY_SQL = `coalesce(c.needs[1], '_U')`;

// Needs are recorded with the services catalogue's categories (CaseNeed = ServiceCategory): the code is the need.
export const NEED_CATEGORY_SQL = 'e.category';

export const VIOLENCE_TYPE_SQL = `CASE WHEN e.violence_type = 'OTHER' THEN '_O' ELSE e.violence_type END`;
