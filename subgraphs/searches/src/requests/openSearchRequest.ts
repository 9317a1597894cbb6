import { AmparoError, badUserInput, forbidden, type Database } from '@amparo/kit';
import { firewallPolicy, type Principal } from '@amparo/schema';
import { auditWrite } from '../auditWrite.js';
import { ageRange, coordinates, countries, country, isoDate, languages, SEXES, text } from '../input/inputRules.js';
import { isUuid } from '../isUuid.js';
import { matchSearch } from '../matching/matchSearch.js';
import { SEARCH_PROFILE_COLUMNS, searchProfile, type SearchProfileRow } from '../matching/matchProfile.js';
import { matchKeys } from '../names/matchKeys.js';
import { nameKey } from '../names/nameKey.js';
import { nameTokens } from '../names/personName.js';

/** Active searches a family member not vetted by an organisation may hold at once. */
export const UNVETTED_ACTIVE_LIMIT = 3;

export interface OpenSearchRequestInput {
  handlingOrganizationId?: string | null;
  givenNames: string;
  firstSurname?: string | null;
  secondSurname?: string | null;
  aliases?: string[] | null;
  sex?: string | null;
  birthDate?: string | null;
  ageRange?: { min: number; max: number } | null;
  nationality?: string | null;
  languages?: string[] | null;
  physicalDescription?: string | null;
  lastContact?: {
    date?: string | null;
    place?: string | null;
    country?: string | null;
    latitude?: number | null;
    longitude?: number | null;
    route?: string | null;
  } | null;
  circumstances: string;
  countriesInvolved?: string[] | null;
  requester: {
    relationship: string;
    contact?: string | null;
    givenNames?: string | null;
    firstSurname?: string | null;
    secondSurname?: string | null;
  };
}

/** Who opens the search, and for whom: the row-level rule of issue 7. */
function ownership(principal: Principal, input: OpenSearchRequestInput) {
  if (!firewallPolicy(principal)) throw forbidden();
  const org = principal.org && isUuid(principal.org) ? principal.org : null;
  if (principal.role === 'family') {
    if (!principal.sub || principal.sub === 'anonymous') throw forbidden();
    if (org) return { requesterSub: principal.sub, handlingOrganizationId: org, vetted: true };
    const chosen = input.handlingOrganizationId;
    if (!chosen || !isUuid(chosen)) {
      throw badUserInput('input.handlingOrganizationId', 'name the organisation that should handle your search');
    }
    return { requesterSub: principal.sub, handlingOrganizationId: chosen, vetted: false };
  }
  if ((principal.role === 'caseworker' || principal.role === 'consular') && org) {
    return { requesterSub: null, handlingOrganizationId: org, vetted: true };
  }
  throw forbidden();
}

function rowValues(input: OpenSearchRequestInput) {
  const givenNames = text('input.givenNames', input.givenNames, 200, true) as string;
  const firstSurname = text('input.firstSurname', input.firstSurname, 100);
  const secondSurname = text('input.secondSurname', input.secondSurname, 100);
  const aliases = (input.aliases ?? []).map((a, i) => text(`input.aliases.${i}`, a, 100, true) as string);
  if (aliases.length > 10) throw badUserInput('input.aliases', 'must list at most 10 aliases');
  const sex = input.sex ?? 'UNKNOWN';
  if (!(SEXES as readonly string[]).includes(sex)) throw badUserInput('input.sex', 'is not a known value');
  const lastContact = input.lastContact ?? {};
  const [latitude, longitude] = coordinates('input.lastContact', lastContact.latitude, lastContact.longitude);
  const nationality = country('input.nationality', input.nationality);
  const lastContactCountry = country('input.lastContact.country', lastContact.country);
  const involved = countries('input.countriesInvolved', input.countriesInvolved);
  return {
    givenNames,
    firstSurname,
    secondSurname,
    aliases,
    sex,
    birthDate: isoDate('input.birthDate', input.birthDate),
    age: ageRange('input.ageRange', input.ageRange),
    nationality,
    languages: languages('input.languages', input.languages),
    physicalDescription: text('input.physicalDescription', input.physicalDescription, 5000),
    lastContactDate: isoDate('input.lastContact.date', lastContact.date),
    lastContactPlace: text('input.lastContact.place', lastContact.place, 300),
    lastContactCountry,
    latitude,
    longitude,
    route: text('input.lastContact.route', lastContact.route, 1000),
    relationship: input.requester.relationship,
    contact: text('input.requester.contact', input.requester.contact, 300),
    requesterGivenNames: text('input.requester.givenNames', input.requester.givenNames, 200),
    requesterFirstSurname: text('input.requester.firstSurname', input.requester.firstSurname, 100),
    requesterSecondSurname: text('input.requester.secondSurname', input.requester.secondSurname, 100),
    circumstances: input.circumstances,
    // The countries whose partner organisations may help: at least those the family named.
    countriesInvolved: [
      ...new Set([...involved, ...[nationality, lastContactCountry].filter((c): c is string => !!c)]),
    ],
  };
}

/**
 * Opens a search (issue 7) in one transaction: the row, its blocking keys,
 * incremental matching against found records and other searches, and the
 * WRITE audit event. Returns the new id.
 */
export async function openSearchRequest(
  db: Database,
  principal: Principal,
  requestId: string,
  input: OpenSearchRequestInput,
): Promise<string> {
  const owner = ownership(principal, input);
  const v = rowValues(input);
  return db.transaction(async (tx) => {
    if (!owner.vetted && owner.requesterSub) {
      // Serialises one requester's concurrent openings, so the cap cannot be raced.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('searches:requester:' || $1))`, [owner.requesterSub]);
      // Counted on family_status, the status she sees: counting the working status would
      // reveal a match she has not been told about through the cap itself.
      const [active] = await tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM search_requests WHERE requester_sub = $1 AND family_status = 'OPEN'`,
        [owner.requesterSub],
      );
      if ((active?.n ?? 0) >= UNVETTED_ACTIVE_LIMIT) {
        throw new AmparoError(
          'RATE_LIMITED',
          `at most ${UNVETTED_ACTIVE_LIMIT} active searches per requester without a vetting organisation; ask an organisation to open further searches with you`,
        );
      }
    }
    const keys = matchKeys(nameTokens(v.givenNames, v.firstSurname, v.secondSurname, v.aliases));
    const requester = v.requesterGivenNames
      ? nameTokens(v.requesterGivenNames, v.requesterFirstSurname, v.requesterSecondSurname)
      : null;
    const [row] = await tx.query<SearchProfileRow>(
      `INSERT INTO search_requests (requester_sub, requester_relationship, requester_contact, handling_organization_id,
         given_names, first_surname, second_surname, aliases, name_key, match_keys, sex, birth_date, age_min, age_max,
         nationality, languages, physical_description, last_contact_date, last_contact_place, last_contact_country,
         last_contact_latitude, last_contact_longitude, last_contact_route, circumstances, countries_involved,
         requester_given_names, requester_first_surname, requester_second_surname, requester_match_keys)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23,
         $24, $25, $26, $27, $28, $29)
       RETURNING ${SEARCH_PROFILE_COLUMNS}`,
      [
        owner.requesterSub,
        v.relationship,
        v.contact,
        owner.handlingOrganizationId,
        v.givenNames,
        v.firstSurname,
        v.secondSurname,
        v.aliases,
        nameKey(v.givenNames, v.firstSurname, v.secondSurname),
        keys,
        v.sex,
        v.birthDate,
        v.age?.min ?? null,
        v.age?.max ?? null,
        v.nationality,
        v.languages,
        v.physicalDescription,
        v.lastContactDate,
        v.lastContactPlace,
        v.lastContactCountry,
        v.latitude,
        v.longitude,
        v.route,
        v.circumstances,
        v.countriesInvolved,
        v.requesterGivenNames,
        v.requesterFirstSurname,
        v.requesterSecondSurname,
        requester ? matchKeys(requester) : [],
      ],
      { prepare: true },
    );
    if (!row) throw new Error('insert returned no row');
    await matchSearch(tx, searchProfile(row), requester);
    await auditWrite(
      tx,
      { principal, requestId },
      {
        type: 'SearchRequest',
        ids: [row.id],
        fields: ['missingPerson', 'lastContact', 'requester', 'circumstances', 'countriesInvolved'],
        purpose: 'open search request',
      },
    );
    return row.id;
  });
}
