import { appendAuditEvents, badUserInput, type SubgraphContext } from '@amparo/kit';
import { writableOrganization } from '../access/writableOrganization.js';
import { caseWriteEvent } from '../cases/caseWriteEvent.js';
import { isUuid } from '../cases/isUuid.js';
import { lockOwnedCase } from '../cases/lockOwnedCase.js';
import { presumedMinor } from '../cases/presumedMinor.js';
import { CONSENT_COLUMNS, toConsent, type Consent, type ConsentRow } from '../consent/consentRow.js';
import { MAX_CONSENT_DAYS, MAX_PURPOSE_LENGTH, type RecordConsentInput } from '../consent/recordConsent.js';

/** The section that makes her findable by family searches (migration 0009). */
export const TO_BE_FOUND = 'TO_BE_FOUND';

/**
 * Records her consent to be found by family searches (issue 7). Unlike a
 * sharing consent it names no other organisation: it is recorded alone and
 * for her own organisation, so it opens her case to no one — a consent to
 * another organisation would make the case visible there. It only puts her
 * in the findability extract; the searches flow still asks her before
 * anything of her whereabouts reaches a family. Revoked like any consent
 * (revokeConsent), and she leaves the searches at the next sync. Same rules
 * as recordConsent otherwise: purpose, validity, a guardian's consent while
 * she is presumed a minor, one transaction with its WRITE event.
 */
export async function recordFindabilityConsent(
  ctx: SubgraphContext<unknown>,
  input: RecordConsentInput,
  now = new Date(),
): Promise<Consent> {
  if (!isUuid(input.organizationId)) throw badUserInput('input.organizationId', 'must be the id of an organisation');
  if (input.sections.some((s) => s !== TO_BE_FOUND)) {
    throw badUserInput('input.sections', 'TO_BE_FOUND is recorded on its own: it shares no section with anyone');
  }
  const purpose = input.purpose.trim();
  if (purpose.length === 0 || purpose.length > MAX_PURPOSE_LENGTH) {
    throw badUserInput('input.purpose', `must be 1 to ${MAX_PURPOSE_LENGTH} characters`);
  }
  const validUntil = new Date(input.validUntil);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(input.validUntil) || Number.isNaN(validUntil.getTime())) {
    throw badUserInput('input.validUntil', 'must be an ISO 8601 date-time, e.g. 2027-01-31T23:59:59Z');
  }
  if (validUntil <= now || validUntil.getTime() - now.getTime() > MAX_CONSENT_DAYS * 86_400_000) {
    throw badUserInput('input.validUntil', `must lie in the future, at most ${MAX_CONSENT_DAYS} days ahead`);
  }
  const organizationId = writableOrganization(ctx.principal);
  if (organizationId !== null && input.organizationId !== organizationId) {
    throw badUserInput('input.organizationId', 'TO_BE_FOUND is recorded for your own organisation, owner of the case');
  }
  return ctx.db.transaction(async (tx) => {
    const locked = await lockOwnedCase(tx, input.caseId, organizationId);
    if (locked.status === 'CLOSED') throw badUserInput('input.caseId', 'the case is closed');
    if (presumedMinor(locked, now) && input.givenHow !== 'GUARDIAN_FOR_MINOR') {
      throw badUserInput('input.givenHow', 'she is presumed a minor: only GUARDIAN_FOR_MINOR consent counts');
    }
    const [row] = await tx.query<ConsentRow>(
      `INSERT INTO consents AS k (case_id, organization_id, sections, purpose, given_how, valid_until, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${CONSENT_COLUMNS}`,
      [locked.id, organizationId, [TO_BE_FOUND], purpose, input.givenHow, validUntil, ctx.principal.sub],
    );
    const consent = toConsent(row as ConsentRow, now);
    await appendAuditEvents(tx, 'cases', [
      caseWriteEvent(ctx, 'Consent', [locked.id, consent.id], ['recordConsent', TO_BE_FOUND]),
    ]);
    return consent;
  });
}
