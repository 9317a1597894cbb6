import { groupedLoader, keyedLoader, type Database } from '@amparo/kit';
import type { VerifiedInternalClaims } from '@amparo/schema';
import { readableOrganization } from './access/readableOrganization.js';
import { CASE_COLUMNS, toCase, type CaseRow } from './cases/caseRow.js';
import { REFERRAL_COLUMNS, toReferral, type ReferralRow } from './referrals/referralRow.js';

/**
 * One set per request, already narrowed to what the principal may read:
 * every query carries her organisation, so no resolver can load another
 * organisation's case by mistake (row-level access, F2/F3). For a principal
 * who may read no cases the loaders answer empty without touching the store.
 */
export function createCasesLoaders(db: Database, claims: VerifiedInternalClaims) {
  const organizationId = readableOrganization(claims.principal);
  return {
    case: keyedLoader(
      async (ids: readonly string[]) =>
        organizationId === null
          ? []
          : (
              await db.query<CaseRow>(
                `SELECT ${CASE_COLUMNS} FROM cases WHERE id = ANY($1::uuid[]) AND organization_id = $2::uuid`,
                [ids, organizationId],
              )
            ).map(toCase),
      (c) => c.id,
    ),
    referralsOfCase: groupedLoader(
      async (caseIds: readonly string[]) =>
        organizationId === null
          ? []
          : (
              await db.query<ReferralRow>(
                `SELECT ${REFERRAL_COLUMNS} FROM referrals r JOIN cases c ON c.id = r.case_id
                 WHERE r.case_id = ANY($1::uuid[]) AND c.organization_id = $2::uuid
                 ORDER BY r.created_at, r.id`,
                [caseIds, organizationId],
              )
            ).map(toReferral),
      (r) => r.caseId,
    ),
  };
}

export type CasesLoaders = ReturnType<typeof createCasesLoaders>;
