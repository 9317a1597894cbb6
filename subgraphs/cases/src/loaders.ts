import { groupedLoader, keyedLoader, type Database } from '@amparo/kit';
import type { VerifiedInternalClaims } from '@amparo/schema';
import { activeConsentTo, caseReader, visibleCases } from './access/caseReader.js';
import { CASE_COLUMNS, toCase, type CaseRow } from './cases/caseRow.js';
import { CONSENT_COLUMNS, toConsent, type ConsentRow } from './consent/consentRow.js';
import { redactCase } from './consent/redactCase.js';
import { FAMILY_MEMBER_COLUMNS, toFamilyMember, type FamilyMemberRow } from './family/familyMemberRow.js';
import { INCIDENT_COLUMNS, toIncident, type IncidentRow } from './incidents/incidentRow.js';
import { CASE_NOTE_COLUMNS, toCaseNote, type CaseNoteRow } from './notes/caseNoteRow.js';
import { REFERRAL_COLUMNS, toReferral, type ReferralRow } from './referrals/referralRow.js';

/**
 * One set per request, already narrowed to what the principal may read:
 * every query carries her organisation, so no resolver can load another
 * organisation's case by mistake (row-level access, F2/F3). Consents are
 * evaluated in SQL on each request, so a revocation takes effect on the very
 * next one (F5). For a principal who may read no cases the loaders answer
 * empty without touching the store. Every query is a lookup by key, kept
 * prepared on each connection (a case page runs several per request).
 */
export function createCasesLoaders(db: Database, claims: VerifiedInternalClaims) {
  const reader = caseReader(claims.principal);
  const none = reader.owner === null && reader.sharedWith === null;
  const visible = visibleCases('$2', '$3');
  const params = [reader.owner, reader.sharedWith];
  return {
    reader,
    case: keyedLoader(
      async (ids: readonly string[]) =>
        none
          ? []
          : (
              await db.query<CaseRow & { shared_sections: string[] | null }>(
                `SELECT ${CASE_COLUMNS}, ${visible.sharedSections} FROM cases c
                 WHERE c.id = ANY($1::uuid[]) AND (${visible.owned} OR ${visible.shared})`,
                [ids, ...params],
                { prepare: true },
              )
            ).map((row) => redactCase(toCase(row), row.shared_sections)),
      (c) => c.id,
    ),
    // The owning organisation sees every referral of its case; a receiving one only those sent to it.
    referralsOfCase: groupedLoader(
      async (caseIds: readonly string[]) =>
        none
          ? []
          : (
              await db.query<ReferralRow>(
                `SELECT ${REFERRAL_COLUMNS} FROM referrals r JOIN cases c ON c.id = r.case_id
                 WHERE r.case_id = ANY($1::uuid[])
                   AND (c.organization_id = $2::uuid OR r.receiving_organization_id = $3::uuid)
                 ORDER BY r.created_at, r.id`,
                [caseIds, ...params],
                { prepare: true },
              )
            ).map(toReferral),
      (r) => r.caseId,
    ),
    // The owning organisation sees every consent of its case; another organisation only its own active ones.
    consentsOfCase: groupedLoader(
      async (caseIds: readonly string[]) =>
        none
          ? []
          : (
              await db.query<ConsentRow>(
                `SELECT ${CONSENT_COLUMNS} FROM consents k JOIN cases c ON c.id = k.case_id
                 WHERE k.case_id = ANY($1::uuid[]) AND (c.organization_id = $2::uuid OR (${activeConsentTo('$3')}))
                 ORDER BY k.recorded_at, k.id`,
                [caseIds, ...params],
                { prepare: true },
              )
            ).map((row) => toConsent(row)),
      (k) => k.caseId,
    ),
    // Only for cases the caller already sees; the Case resolver withholds them unless she may see INCIDENTS.
    incidentsOfCase: groupedLoader(
      async (caseIds: readonly string[]) =>
        none
          ? []
          : (
              await db.query<IncidentRow>(
                `SELECT ${INCIDENT_COLUMNS} FROM incidents i JOIN cases c ON c.id = i.case_id
                 WHERE i.case_id = ANY($1::uuid[]) AND (${visible.owned} OR ${visible.shared})
                 ORDER BY i.recorded_at, i.id`,
                [caseIds, ...params],
                { prepare: true },
              )
            ).map(toIncident),
      (i) => i.caseId,
    ),
    // The owning organisation, or an organisation holding an active consent that shares FAMILY;
    // the Case resolver withholds them too unless she may see FAMILY.
    familyMembersOfCase: groupedLoader(
      async (caseIds: readonly string[]) =>
        none
          ? []
          : (
              await db.query<FamilyMemberRow>(
                `SELECT ${FAMILY_MEMBER_COLUMNS} FROM family_members f JOIN cases c ON c.id = f.case_id
                 WHERE f.case_id = ANY($1::uuid[]) AND (${visible.owned} OR EXISTS (
                   SELECT 1 FROM consents k WHERE k.case_id = c.id AND ${activeConsentTo('$3')}
                     AND 'FAMILY' = ANY(k.sections)))
                 ORDER BY f.recorded_at, f.id`,
                [caseIds, ...params],
                { prepare: true },
              )
            ).map((row) => toFamilyMember(row)),
      (f) => f.caseId,
    ),
    // Working notes and assignments belong to the owning organisation only: no consent shares them.
    notesOfCase: groupedLoader(
      async (caseIds: readonly string[]) =>
        reader.owner === null
          ? []
          : (
              await db.query<CaseNoteRow>(
                `SELECT ${CASE_NOTE_COLUMNS} FROM case_notes n JOIN cases c ON c.id = n.case_id
                 WHERE n.case_id = ANY($1::uuid[]) AND c.organization_id = $2::uuid
                 ORDER BY n.created_at DESC, n.id DESC`,
                [caseIds, reader.owner],
                { prepare: true },
              )
            ).map(toCaseNote),
      (n) => n.caseId,
    ),
    assignedCaseworkersOfCase: groupedLoader(
      async (caseIds: readonly string[]) =>
        reader.owner === null
          ? []
          : await db.query<{ case_id: string; caseworker: string }>(
              `SELECT a.case_id, a.caseworker FROM case_assignments a JOIN cases c ON c.id = a.case_id
               WHERE a.case_id = ANY($1::uuid[]) AND c.organization_id = $2::uuid
               ORDER BY a.assigned_at, a.caseworker`,
              [caseIds, reader.owner],
              { prepare: true },
            ),
      (a) => a.case_id,
    ),
    // Service ids to which a case of the caller's organisation has an accepted (or completed) referral: one query for many ids.
    acceptedReferralService: keyedLoader(
      async (serviceIds: readonly string[]) =>
        reader.owner === null
          ? []
          : await db.query<{ service_id: string }>(
              `SELECT DISTINCT r.service_id FROM referrals r JOIN cases c ON c.id = r.case_id
               WHERE r.service_id = ANY($1::uuid[]) AND c.organization_id = $2::uuid
                 AND r.status IN ('ACCEPTED', 'COMPLETED')`,
              [serviceIds, reader.owner],
              { prepare: true },
            ),
      (r) => r.service_id,
    ),
  };
}

export type CasesLoaders = ReturnType<typeof createCasesLoaders>;
