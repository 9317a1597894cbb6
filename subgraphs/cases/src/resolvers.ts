import { auditTrail, readsAudit, verifyAuditChain, type SubgraphContext } from '@amparo/kit';
import { assignCaseworker } from './assignments/assignCaseworker.js';
import { unassignCaseworker } from './assignments/unassignCaseworker.js';
import type { Case } from './cases/caseRow.js';
import { closeCase } from './cases/closeCase.js';
import { isUuid } from './cases/isUuid.js';
import { listCases } from './cases/listCases.js';
import { openCase } from './cases/openCase.js';
import { updateCase } from './cases/updateCase.js';
import type { CaseInput } from './cases/validateCaseInput.js';
import type { Consent } from './consent/consentRow.js';
import { recordConsent, type RecordConsentInput } from './consent/recordConsent.js';
import { revokeConsent } from './consent/revokeConsent.js';
import { casesKeyring } from './crypto/casesKeyring.js';
import { readsMigrationStatus } from './crypto/readsMigrationStatus.js';
import { addFamilyMember } from './family/addFamilyMember.js';
import { removeFamilyMember } from './family/removeFamilyMember.js';
import { updateFamilyMember } from './family/updateFamilyMember.js';
import type { FamilyMemberInput } from './family/validateFamilyMemberInput.js';
import { openMigrationStatus } from './crypto/sealMigrationStatus.js';
import { recordIncident, type RecordIncidentInput } from './incidents/recordIncident.js';
import type { CasesLoaders } from './loaders.js';
import { addCaseNote } from './notes/addCaseNote.js';
import { moveReferral } from './referrals/moveReferral.js';
import { receivedReferrals } from './referrals/receivedReferrals.js';
import { referCase, type ReferCaseInput } from './referrals/referCase.js';
import { referralOutcomes } from './referrals/referralOutcomes.js';
import type { Referral } from './referrals/referralRow.js';
import { eraseCase } from './rights/eraseCase.js';
import { exportCaseData } from './rights/exportCaseData.js';
import { casesStatisticsExtract } from './statistics/casesStatisticsExtract.js';
import { casesFindablePeople } from './findability/casesFindablePeople.js';

type Context = SubgraphContext<CasesLoaders>;
type ListArgs = { status?: string | null; first?: number | null; after?: string | null };
type AssignArgs = { caseId: string; caseworker: string };

// A case the caller may not see resolves to null exactly like a missing or malformed id (F2):
// the loaders only return her organisation's cases and cases shared with it by an active consent.
const findCase = (id: string, ctx: Context) => (isUuid(id) ? ctx.loaders.case.load(id) : null);

// The case as it is after the change: assignments loaded earlier in the same request would be stale.
function caseAfterAssignment(caseId: string, ctx: Context) {
  ctx.loaders.assignedCaseworkersOfCase.clear(caseId);
  return ctx.loaders.case.load(caseId);
}

export const resolvers = {
  Query: {
    case: (_: unknown, { id }: { id: string }, ctx: Context) => findCase(id, ctx),
    cases: (_: unknown, args: ListArgs & { assignedToMe?: boolean | null }, ctx: Context) =>
      listCases(ctx.db, ctx.loaders.reader.owner, args, 'owned', args.assignedToMe ? ctx.principal.sub : null),
    sharedCases: (_: unknown, args: ListArgs, ctx: Context) =>
      listCases(ctx.db, ctx.loaders.reader.sharedWith, args, 'shared'),
    receivedReferrals: (_: unknown, args: ListArgs, ctx: Context) =>
      receivedReferrals(ctx.db, ctx.loaders.reader.owner, args),
    referralOutcomes: (_: unknown, { direction }: { direction: 'SENT' | 'RECEIVED' }, ctx: Context) =>
      referralOutcomes(ctx.db, ctx.loaders.reader.owner, direction),
    exportCaseData: (_: unknown, { caseId }: { caseId: string }, ctx: Context) => exportCaseData(ctx, caseId),
    caseAuditTrail: (_: unknown, args: { caseId: string; first?: number; after?: string }, ctx: Context) =>
      // A malformed id names no record: an empty trail, like an unknown one.
      readsAudit(ctx.principal)
        ? auditTrail(ctx.db, { ...args, recordId: isUuid(args.caseId) ? args.caseId : '' })
        : null,
    verifyCaseAuditChain: async (_: unknown, __: unknown, ctx: Context) => {
      if (!readsAudit(ctx.principal)) return null;
      const result = await verifyAuditChain(ctx.db);
      return { ...result, firstInvalidSeq: result.firstInvalidSeq === null ? null : String(result.firstInvalidSeq) };
    },
    // Reached only with the pipeline's system scope (checked by the gateway and again by the kit).
    casesStatisticsExtract: (_: unknown, { period }: { period: string }, ctx: Context) =>
      casesStatisticsExtract(ctx.db, period),
    // Only the findability-sync job holds cases:findable:extract; checked by the kit and again inside.
    casesFindablePeople: (_: unknown, args: { first?: number | null; after?: string | null }, ctx: Context) =>
      casesFindablePeople(ctx.db, ctx.principal, args),
  },
  Mutation: {
    openCase: (_: unknown, { input }: { input: CaseInput }, ctx: Context) => openCase(ctx, input),
    updateCase: (_: unknown, { id, input }: { id: string; input: CaseInput }, ctx: Context) =>
      updateCase(ctx, id, input),
    closeCase: (_: unknown, { id, reason }: { id: string; reason: string }, ctx: Context) => closeCase(ctx, id, reason),
    eraseCase: (_: unknown, { id }: { id: string }, ctx: Context) => eraseCase(ctx, id),
    recordIncident: (_: unknown, args: { caseId: string; input: RecordIncidentInput }, ctx: Context) =>
      recordIncident(ctx, args.caseId, args.input),
    // TO_BE_FOUND is recorded alone and for her own organisation, so it opens her case to no one.
    recordConsent: (_: unknown, { input }: { input: RecordConsentInput }, ctx: Context) => recordConsent(ctx, input),
    revokeConsent: (_: unknown, { id }: { id: string }, ctx: Context) => revokeConsent(ctx, id),
    referCase: (_: unknown, { input }: { input: ReferCaseInput }, ctx: Context) => referCase(ctx, input),
    respondToReferral: (_: unknown, { id, accept }: { id: string; accept: boolean }, ctx: Context) =>
      moveReferral(ctx, id, accept ? 'ACCEPTED' : 'DECLINED'),
    completeReferral: (_: unknown, { id }: { id: string }, ctx: Context) => moveReferral(ctx, id, 'COMPLETED'),
    addFamilyMember: (_: unknown, args: { caseId: string; input: FamilyMemberInput }, ctx: Context) =>
      addFamilyMember(ctx, args.caseId, args.input),
    updateFamilyMember: (_: unknown, args: { id: string; input: FamilyMemberInput }, ctx: Context) =>
      updateFamilyMember(ctx, args.id, args.input),
    removeFamilyMember: (_: unknown, { id }: { id: string }, ctx: Context) => removeFamilyMember(ctx, id),
    addCaseNote: (_: unknown, args: { caseId: string; text: string }, ctx: Context) =>
      addCaseNote(ctx, args.caseId, args.text),
    assignCaseworker: async (_: unknown, args: AssignArgs, ctx: Context) =>
      caseAfterAssignment(await assignCaseworker(ctx, args.caseId, args.caseworker), ctx),
    unassignCaseworker: async (_: unknown, args: AssignArgs, ctx: Context) =>
      caseAfterAssignment(await unassignCaseworker(ctx, args.caseId, args.caseworker), ctx),
  },
  Case: {
    __resolveReference: (ref: { id: string }, ctx: Context) => findCase(ref.id, ctx),
    organization: (c: Case) => ({ id: c.organizationId }),
    referrals: (c: Case, _: unknown, ctx: Context) => ctx.loaders.referralsOfCase.load(c.id),
    consents: (c: Case, _: unknown, ctx: Context) => ctx.loaders.consentsOfCase.load(c.id),
    incidents: (c: Case, _: unknown, ctx: Context) =>
      c.sharedSections === null || c.sharedSections.includes('INCIDENTS') ? ctx.loaders.incidentsOfCase.load(c.id) : [],
    familyMembers: (c: Case, _: unknown, ctx: Context) =>
      c.sharedSections === null || c.sharedSections.includes('FAMILY')
        ? ctx.loaders.familyMembersOfCase.load(c.id)
        : [],
    // Owner only, whatever a consent shares (see the SDL).
    notes: (c: Case, _: unknown, ctx: Context) => (c.sharedSections === null ? ctx.loaders.notesOfCase.load(c.id) : []),
    assignedCaseworkers: async (c: Case, _: unknown, ctx: Context) =>
      c.sharedSections === null
        ? (await ctx.loaders.assignedCaseworkersOfCase.load(c.id)).map((a) => a.caseworker)
        : [],
    migrationStatus: (c: Case, _: unknown, ctx: Context) =>
      c.migrationStatusSealed !== null && readsMigrationStatus(ctx.principal)
        ? openMigrationStatus(casesKeyring(), c.id, c.migrationStatusSealed)
        : null,
  },
  Referral: {
    service: (r: Referral) => ({ id: r.serviceId }),
    receivingOrganization: (r: Referral) =>
      r.receivingOrganizationId === null ? null : { id: r.receivingOrganizationId },
    // Through the loader: for the receiving organisation the case exists only while the consent is active.
    case: (r: Referral, _: unknown, ctx: Context) => ctx.loaders.case.load(r.caseId),
  },
  Consent: {
    organization: (k: Consent) => ({ id: k.organizationId }),
  },
  Service: {
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    viewerHasAcceptedReferral: async (s: { id: string }, _: unknown, ctx: Context) =>
      isUuid(s.id) && (await ctx.loaders.acceptedReferralService.load(s.id)) !== null,
  },
};
