import { badUserInput, forbidden, type Database } from '@amparo/kit';
import { firewallPolicy, type Principal } from '@amparo/schema';
import { auditWrite } from '../auditWrite.js';
import { ageRange, coordinates, country, isoDate, SEXES, text } from '../input/inputRules.js';
import { isUuid } from '../isUuid.js';
import { FOUND_PROFILE_COLUMNS, foundProfile, type FoundProfileRow } from '../matching/matchProfile.js';
import { matchFoundPerson } from '../matching/matchSearch.js';
import { matchKeys } from '../names/matchKeys.js';
import { nameKey } from '../names/nameKey.js';
import { nameTokens } from '../names/personName.js';

/**
 * Which kinds of organisation register which records (issue 7: shelters,
 * consulates, hospitals, detention-visit teams, forensic services).
 */
export const REGISTERING_KINDS: Readonly<Record<string, readonly string[]>> = {
  SHELTER: ['SHELTER', 'NGO'],
  CONSULATE: ['CONSULATE'],
  HOSPITAL: ['HEALTH_PROVIDER'],
  DETENTION_VISIT: ['NGO', 'LEGAL_AID', 'CONSULATE', 'INTERNATIONAL_ORGANIZATION'],
  FORENSIC_SERVICE: ['INTERNATIONAL_ORGANIZATION', 'HEALTH_PROVIDER'],
};

export interface RegisterFoundPersonInput {
  sourceKind: string;
  vitalStatus: string;
  givenNames?: string | null;
  firstSurname?: string | null;
  secondSurname?: string | null;
  sex?: string | null;
  estimatedAge?: { min: number; max: number } | null;
  nationality?: string | null;
  foundPlace?: string | null;
  foundCountry?: string | null;
  foundLatitude?: number | null;
  foundLongitude?: number | null;
  foundDate?: string | null;
}

/**
 * Registers a found person for the caller's organisation and matches the
 * record against active searches, in one transaction with its WRITE audit
 * event. Only caseworkers and consular officials of an organisation of a
 * kind that registers this source may do it (the scope table gives family
 * members searches:write too, so the role is checked here).
 */
export async function registerFoundPerson(
  db: Database,
  principal: Principal,
  requestId: string,
  input: RegisterFoundPersonInput,
): Promise<string> {
  const org = principal.org && isUuid(principal.org) ? principal.org : null;
  if (!firewallPolicy(principal) || (principal.role !== 'caseworker' && principal.role !== 'consular') || !org) {
    throw forbidden();
  }
  const kinds = REGISTERING_KINDS[input.sourceKind];
  if (!kinds) throw badUserInput('input.sourceKind', 'is not a known source');
  if (!principal.orgKind || !kinds.includes(principal.orgKind)) {
    throw forbidden('your organisation does not register records of this source');
  }
  const givenNames = text('input.givenNames', input.givenNames, 200);
  const firstSurname = text('input.firstSurname', input.firstSurname, 100);
  const secondSurname = text('input.secondSurname', input.secondSurname, 100);
  const sex = input.sex ?? 'UNKNOWN';
  if (!(SEXES as readonly string[]).includes(sex)) throw badUserInput('input.sex', 'is not a known value');
  const age = ageRange('input.estimatedAge', input.estimatedAge);
  const [latitude, longitude] = coordinates('input.foundLatitude', input.foundLatitude, input.foundLongitude);
  const values = [
    input.sourceKind,
    org,
    input.vitalStatus,
    givenNames,
    firstSurname,
    secondSurname,
    nameKey(givenNames, firstSurname, secondSurname),
    matchKeys(nameTokens(givenNames, firstSurname, secondSurname)),
    sex,
    age?.min ?? null,
    age?.max ?? null,
    country('input.nationality', input.nationality),
    text('input.foundPlace', input.foundPlace, 300),
    country('input.foundCountry', input.foundCountry),
    latitude,
    longitude,
    isoDate('input.foundDate', input.foundDate),
    principal.sub,
  ];
  return db.transaction(async (tx) => {
    const [row] = await tx.query<FoundProfileRow>(
      `INSERT INTO found_person_records (source_kind, source_organization_id, vital_status, given_names, first_surname,
         second_surname, name_key, match_keys, sex, estimated_age_min, estimated_age_max, nationality, found_place,
         found_country, found_latitude, found_longitude, found_date, registered_by_sub)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
       RETURNING ${FOUND_PROFILE_COLUMNS}`,
      values,
    );
    if (!row) throw new Error('insert returned no row');
    await matchFoundPerson(tx, foundProfile(row));
    await auditWrite(
      tx,
      { principal, requestId },
      {
        type: 'FoundPersonRecord',
        ids: [row.id],
        fields: [
          'sourceKind',
          'vitalStatus',
          'givenNames',
          'familyNames',
          'sex',
          'estimatedAge',
          'nationality',
          'foundPlace',
        ],
        purpose: 'register found person',
      },
    );
    return row.id;
  });
}
