import { badUserInput, forbidden, type Database, type Queryable } from '@amparo/kit';
import { firewallPolicy, type Principal } from '@amparo/schema';
import { auditWrite } from '../auditWrite.js';
import { isUuid } from '../isUuid.js';
import { FOUND_PROFILE_COLUMNS, foundProfile, type FoundProfileRow } from '../matching/matchProfile.js';
import { matchFoundPerson } from '../matching/matchSearch.js';
import { findableRecord, type FindablePersonInput, type FindableRecord } from './findablePerson.js';

/**
 * Most people one call carries, so that it fits the subgraph's 1 MiB body
 * limit with room to spare. A longer list goes in pages of one round
 * ({@link FindabilitySyncRound}).
 */
export const MAX_FINDABLE_PEOPLE = 2_000;

/**
 * One page of a sync whose list does not fit one call: every page of the
 * round names the same `id`, and only the page marked `last` removes the
 * records of people no page of the round listed. Without a round, the call
 * is the whole list.
 */
export interface FindabilitySyncRound {
  readonly id: string;
  readonly last: boolean;
}

/** What one sync changed: counts only, never who. */
export interface FindabilitySyncResult {
  readonly added: number;
  readonly updated: number;
  readonly removed: number;
  readonly unchanged: number;
}

interface StoredRecord {
  id: string;
  case_id: string;
  source_organization_id: string | null;
  given_names: string | null;
  first_surname: string | null;
  second_surname: string | null;
  sex: string;
  estimated_age_min: number | null;
  estimated_age_max: number | null;
  nationality: string | null;
  languages: string[];
  found_country: string | null;
  withdrawn: boolean;
}

function unchanged(stored: StoredRecord, record: FindableRecord): boolean {
  return (
    !stored.withdrawn &&
    stored.source_organization_id === record.organizationId &&
    stored.given_names === record.givenNames &&
    stored.first_surname === record.firstSurname &&
    stored.second_surname === record.secondSurname &&
    stored.sex === record.sex &&
    stored.estimated_age_min === record.ageMin &&
    stored.estimated_age_max === record.ageMax &&
    stored.nationality === record.nationality &&
    stored.found_country === record.foundCountry &&
    stored.languages.join(' ') === record.languages.join(' ')
  );
}

/** Removes the pending candidates of these records; returns the searches they belonged to. */
async function dropPendingCandidates(tx: Queryable, recordIds: readonly string[]): Promise<string[]> {
  if (recordIds.length === 0) return [];
  const rows = await tx.query<{ search_request_id: string }>(
    `DELETE FROM match_candidates WHERE found_person_record_id = ANY($1::uuid[]) AND review_status = 'PENDING'
     RETURNING search_request_id`,
    [recordIds],
  );
  return rows.map((r) => r.search_request_id);
}

/**
 * Issue 7, "people assisted in cases become findable only if they consented
 * to be found": the gateway's findability-sync job hands over the complete
 * list of people whose case carries an active TO_BE_FOUND consent, in one
 * call or in the pages of one round, and this makes the CASE_ASSISTANCE
 * found-person records equal to it, one transaction per call — new or
 * changed people are (re)matched against active searches; at the end of the
 * list (the call without a round, or the round's last page), people no
 * longer in it (consent revoked or expired, case erased) lose their pending
 * candidates and their record. A record a
 * caseworker already reviewed a candidate of is kept, emptied of blocking
 * keys and marked withdrawn, so that review still ends only in her own
 * found-person consent and nothing of her reaches the family otherwise.
 */
export async function syncFindablePeople(
  db: Database,
  principal: Principal,
  requestId: string,
  people: readonly FindablePersonInput[],
  round: FindabilitySyncRound | null = null,
  now = new Date(),
): Promise<FindabilitySyncResult> {
  // The kit already checked the SDL's scope; a job token is the only holder of it.
  if (!firewallPolicy(principal) || !principal.scopes.includes('searches:findable:sync')) throw forbidden();
  if (people.length > MAX_FINDABLE_PEOPLE) {
    throw badUserInput(
      'people',
      `must list at most ${MAX_FINDABLE_PEOPLE} people per call; send more in the pages of a round`,
    );
  }
  if (round && !isUuid(round.id)) throw badUserInput('round.id', 'must be a UUID, the same on every page of the round');
  const today = now.toISOString().slice(0, 10);
  const records = people.map((person, i) => findableRecord(`people.${i}`, person, today));
  const seen = new Set<string>();
  records.forEach((r, i) => {
    if (seen.has(r.caseId)) throw badUserInput(`people.${i}.caseId`, 'appears twice');
    seen.add(r.caseId);
  });

  // Only the end of the list says who is no longer on it, and only it needs every stored record.
  const complete = round === null || round.last;
  return db.transaction(async (tx) => {
    // Two overlapping syncs would each remove what the other just added.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('searches:findability-sync'))`);
    // An earlier page of a round reads only its own people's records, not the whole table again.
    const stored = await tx.query<StoredRecord>(
      `SELECT id, case_id, source_organization_id, given_names, first_surname, second_surname, sex,
              estimated_age_min, estimated_age_max, nationality, languages, found_country,
              withdrawn_at IS NOT NULL AS withdrawn
         FROM found_person_records
        WHERE case_id IS NOT NULL AND ($1::boolean OR case_id = ANY($2::uuid[])) FOR UPDATE`,
      [complete, [...seen]],
    );
    const byCase = new Map(stored.map((s) => [s.case_id, s]));
    const written: FoundProfileRow[] = [];
    let updated = 0;
    let same = 0;
    const changedIds: string[] = [];
    for (const r of records) {
      const current = byCase.get(r.caseId);
      if (current && unchanged(current, r)) {
        same++;
        continue;
      }
      const values = [
        r.organizationId,
        r.givenNames,
        r.firstSurname,
        r.secondSurname,
        r.nameKey,
        r.matchKeys,
        r.sex,
        r.ageMin,
        r.ageMax,
        r.nationality,
        r.foundCountry,
        r.languages,
      ];
      const [row] = current
        ? await tx.query<FoundProfileRow>(
            `UPDATE found_person_records SET source_organization_id = $2, given_names = $3, first_surname = $4,
                    second_surname = $5, name_key = $6, match_keys = $7, sex = $8, estimated_age_min = $9,
                    estimated_age_max = $10, nationality = $11, found_country = $12, languages = $13,
                    withdrawn_at = NULL
              WHERE id = $1 RETURNING ${FOUND_PROFILE_COLUMNS}`,
            [current.id, ...values],
          )
        : await tx.query<FoundProfileRow>(
            `INSERT INTO found_person_records (case_id, source_kind, vital_status, registered_by_sub,
               source_organization_id, given_names, first_surname, second_surname, name_key, match_keys, sex,
               estimated_age_min, estimated_age_max, nationality, found_country, languages)
             VALUES ($1, 'CASE_ASSISTANCE', 'ALIVE', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
             RETURNING ${FOUND_PROFILE_COLUMNS}`,
            [r.caseId, principal.sub, ...values],
          );
      if (!row) throw new Error('upsert returned no row');
      if (current) {
        updated++;
        changedIds.push(current.id);
      }
      written.push(row);
    }

    // Who the list names so far: this call, and the earlier pages of its round.
    const listed = new Set(seen);
    if (round) {
      await tx.query(
        `INSERT INTO findability_sync_rounds (round_id, case_id)
         SELECT $1::uuid, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
        [round.id, [...seen]],
      );
      if (round.last) {
        const earlier = await tx.query<{ case_id: string }>(
          'SELECT case_id FROM findability_sync_rounds WHERE round_id = $1::uuid',
          [round.id],
        );
        for (const row of earlier) listed.add(row.case_id);
        // This round's rows, and those of rounds that never reached their last page.
        await tx.query(
          `DELETE FROM findability_sync_rounds WHERE round_id = $1::uuid OR listed_at < now() - interval '1 day'`,
          [round.id],
        );
      }
    }
    const gone = complete ? stored.filter((s) => !listed.has(s.case_id) && !s.withdrawn) : [];
    const goneIds = gone.map((s) => s.id);
    // Changed people are matched afresh: their old pending candidates were scored on old data.
    const touchedSearches = await dropPendingCandidates(tx, [...changedIds, ...goneIds]);
    if (goneIds.length > 0) {
      // Kept only so a reviewed match keeps its decision: nothing of her stays in it. She revoked being
      // findable or her case was erased (the list cannot tell which); a new consent fills it again.
      await tx.query(
        `UPDATE found_person_records f SET withdrawn_at = $2, match_keys = '{}', name_key = '',
                given_names = NULL, first_surname = NULL, second_surname = NULL, sex = 'UNKNOWN',
                estimated_age_min = NULL, estimated_age_max = NULL, nationality = NULL, found_country = NULL,
                languages = '{}'
          WHERE f.id = ANY($1::uuid[])
            AND EXISTS (SELECT 1 FROM match_candidates mc WHERE mc.found_person_record_id = f.id)`,
        [goneIds, now],
      );
      await tx.query(`DELETE FROM found_person_records WHERE id = ANY($1::uuid[]) AND withdrawn_at IS NULL`, [goneIds]);
    }
    for (const row of written) await matchFoundPerson(tx, foundProfile(row));
    if (touchedSearches.length > 0) {
      // As when a caseworker rejects the last pending candidate (reviewMatch).
      await tx.query(
        `UPDATE search_requests s SET status = 'OPEN', updated_at = now()
          WHERE s.id = ANY($1::uuid[]) AND s.status = 'POTENTIAL_MATCH'
            AND NOT EXISTS (SELECT 1 FROM match_candidates mc
                             WHERE mc.search_request_id = s.id AND mc.review_status = 'PENDING'
                               AND mc.found_person_record_id IS NOT NULL)`,
        [[...new Set(touchedSearches)]],
      );
    }
    const ids = [...written.map((w) => w.id), ...goneIds];
    if (ids.length > 0) {
      await auditWrite(
        tx,
        { principal, requestId },
        {
          type: 'FoundPersonRecord',
          ids,
          fields: ['sourceKind', 'vitalStatus', 'givenNames', 'familyNames', 'sex', 'estimatedAge', 'nationality'],
          purpose: 'sync people who consented to be found',
        },
      );
    }
    return { added: written.length - updated, updated, removed: gone.length, unchanged: same };
  });
}
