import { appendAuditEvents, type SubgraphContext } from '@amparo/kit';
import { readableOrganization } from '../access/readableOrganization.js';
import { CASE_COLUMNS, toCase, type CaseRow } from '../cases/caseRow.js';
import { isUuid } from '../cases/isUuid.js';
import { CONSENT_COLUMNS, toConsent, type ConsentRow } from '../consent/consentRow.js';
import { casesKeyring } from '../crypto/casesKeyring.js';
import { readsMigrationStatus } from '../crypto/readsMigrationStatus.js';
import { openMigrationStatus } from '../crypto/sealMigrationStatus.js';
import { FAMILY_MEMBER_COLUMNS, toFamilyMember, type FamilyMemberRow } from '../family/familyMemberRow.js';
import { INCIDENT_COLUMNS, toIncident, type IncidentRow } from '../incidents/incidentRow.js';
import { CASE_NOTE_COLUMNS, toCaseNote, type CaseNoteRow } from '../notes/caseNoteRow.js';
import { REFERRAL_COLUMNS, toReferral, type ReferralRow } from '../referrals/referralRow.js';

/**
 * Her right of access: everything recorded about her in one case, as a JSON
 * document, for her caseworker to hand to her. Only the owning organisation
 * exports; any other caller gets null, like a case that does not exist. The
 * export is itself written to the audit trail, in the transaction that reads.
 */
export async function exportCaseData(ctx: SubgraphContext<unknown>, caseId: string): Promise<string | null> {
  const organizationId = readableOrganization(ctx.principal);
  if (organizationId === null || !isUuid(caseId)) return null;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.query<CaseRow>(
      `SELECT ${CASE_COLUMNS} FROM cases WHERE id = $1::uuid AND organization_id = $2::uuid`,
      [caseId, organizationId],
    );
    if (!row) return null;
    // One after the other: a transaction is one connection, which runs one query at a time.
    const consents = await tx.query<ConsentRow>(
      `SELECT ${CONSENT_COLUMNS} FROM consents k WHERE k.case_id = $1 ORDER BY k.recorded_at`,
      [caseId],
    );
    const referrals = await tx.query<ReferralRow>(
      `SELECT ${REFERRAL_COLUMNS} FROM referrals r WHERE r.case_id = $1 ORDER BY r.created_at`,
      [caseId],
    );
    const incidents = await tx.query<IncidentRow>(
      `SELECT ${INCIDENT_COLUMNS} FROM incidents i WHERE i.case_id = $1 ORDER BY i.recorded_at`,
      [caseId],
    );
    const familyMembers = await tx.query<FamilyMemberRow>(
      `SELECT ${FAMILY_MEMBER_COLUMNS} FROM family_members f WHERE f.case_id = $1 ORDER BY f.recorded_at, f.id`,
      [caseId],
    );
    // Working notes are about her, so her right of access covers them; authors stay opaque subjects.
    const notes = await tx.query<CaseNoteRow>(
      `SELECT ${CASE_NOTE_COLUMNS} FROM case_notes n WHERE n.case_id = $1 ORDER BY n.created_at, n.id`,
      [caseId],
    );
    const assignments = await tx.query<{ caseworker: string }>(
      'SELECT caseworker FROM case_assignments WHERE case_id = $1 ORDER BY assigned_at, caseworker',
      [caseId],
    );
    const { migrationStatusSealed, sharedSections: _, ...person } = toCase(row);
    const migrationStatus =
      migrationStatusSealed !== null && readsMigrationStatus(ctx.principal)
        ? openMigrationStatus(casesKeyring(), caseId, migrationStatusSealed)
        : null;
    await appendAuditEvents(tx, 'cases', [
      {
        requestId: ctx.requestId,
        principalSub: ctx.principal.sub,
        role: ctx.principal.role,
        organizationId: ctx.principal.org,
        purpose: 'data subject access: export',
        operationName: ctx.operationName,
        operationHash: ctx.operationHash,
        action: 'READ',
        recordType: 'Case',
        recordIds: [caseId],
        fields: ['exportCaseData'],
      },
    ]);
    return JSON.stringify({
      format: 'amparo-case-export/1',
      exportedAt: new Date().toISOString(),
      case: { ...person, migrationStatus, assignedCaseworkers: assignments.map((a) => a.caseworker) },
      consents: consents.map((k) => toConsent(k)),
      referrals: referrals.map(toReferral),
      incidents: incidents.map(toIncident),
      familyMembers: familyMembers.map((f) => toFamilyMember(f)),
      notes: notes.map(toCaseNote),
    });
  });
}
