import type { Queryable } from '@amparo/kit';
import { newReferenceCode } from '../cases/referenceCode.js';

// Age in completed years when the case was opened; an estimate counts as stated.
const AGE_AT_OPENING = `CASE WHEN birth_date IS NOT NULL THEN extract(year FROM age(opened_at::date, birth_date))::int
  ELSE estimated_age END`;
const AGE_GROUP = `CASE WHEN (${AGE_AT_OPENING}) IS NULL THEN 'UNKNOWN'
  WHEN (${AGE_AT_OPENING}) < 12 THEN '0-11' WHEN (${AGE_AT_OPENING}) < 18 THEN '12-17'
  WHEN (${AGE_AT_OPENING}) < 25 THEN '18-24' WHEN (${AGE_AT_OPENING}) < 35 THEN '25-34'
  WHEN (${AGE_AT_OPENING}) < 50 THEN '35-49' ELSE '50+' END`;

/**
 * Erases the personal data of the given cases inside the caller's
 * transaction: names, birth date, age, nationality, languages, intake
 * statement, migration status, gender identity, vulnerabilities and the reference code (replaced, so a code on
 * paper no longer leads anywhere). Country, phase, sex, age group and needs stay
 * for statistics; the case is closed and marked erased. Its consents are
 * revoked and their purpose text cleared; referrals keep service and status.
 * Her family members and the case's working notes are deleted outright:
 * nothing in them is needed for statistics. Assignments stay (they name
 * caseworkers, not her).
 * Returns the ids actually erased (already erased ones are skipped).
 */
export async function eraseCaseRows(tx: Queryable, ids: readonly string[]): Promise<string[]> {
  const erased: string[] = [];
  for (const id of ids) {
    const rows = await tx.query<{ id: string }>(
      `UPDATE cases SET age_group = ${AGE_GROUP}, given_name = NULL, family_name = NULL, preferred_name = NULL,
         birth_date = NULL, estimated_age = NULL, nationality = NULL, languages = '{}', intake_statement = NULL,
         migration_status_sealed = NULL, gender_identity = NULL, vulnerabilities = '{}', reference_code = $2, status = 'CLOSED', closed_at = coalesce(closed_at, now()),
         closure_reason = coalesce(closure_reason, 'OTHER'), erased_at = now(), version = version + 1, updated_at = now()
       WHERE id = $1::uuid AND erased_at IS NULL RETURNING id`,
      [id, newReferenceCode()],
    );
    if (rows.length > 0) erased.push(id);
  }
  if (erased.length > 0) {
    // Type, phase and country of an incident stay for statistics; its dates could help identify her.
    await tx.query('UPDATE incidents SET occurred_from = NULL, occurred_to = NULL WHERE case_id = ANY($1::uuid[])', [
      erased,
    ]);
    await tx.query('DELETE FROM family_members WHERE case_id = ANY($1::uuid[])', [erased]);
    await tx.query('DELETE FROM case_notes WHERE case_id = ANY($1::uuid[])', [erased]);
    await tx.query(
      `UPDATE consents SET purpose = '[erased]', revoked_at = coalesce(revoked_at, now()) WHERE case_id = ANY($1::uuid[])`,
      [erased],
    );
  }
  return erased;
}
