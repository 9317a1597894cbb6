import { appendAuditEvents, badUserInput, type SubgraphContext } from '@amparo/kit';
import { writableOrganization } from '../access/writableOrganization.js';
import { caseWriteEvent } from '../cases/caseWriteEvent.js';
import { isUuid } from '../cases/isUuid.js';
import { lockOwnedCase } from '../cases/lockOwnedCase.js';
import { presumedMinor } from '../cases/presumedMinor.js';
import { CONSENT_COLUMNS, toConsent, type Consent, type ConsentRow } from './consentRow.js';

export interface RecordConsentInput {
  caseId: string;
  organizationId: string;
  sections: readonly string[];
  purpose: string;
  validUntil: string;
  givenHow: string;
}

export const MAX_PURPOSE_LENGTH = 500;
/** A consent lasts at most this long; she is asked again after it. */
export const MAX_CONSENT_DAYS = 2 * 366;
/** The section that makes her findable by family searches (migration 0009). */
export const TO_BE_FOUND = 'TO_BE_FOUND';

/**
 * Records her consent to share sections of her case with one organisation,
 * for one purpose, until a date (F5). Presumption of minority: for a person
 * presumed a minor only a guardian's consent counts (seed 000 §III, best
 * interests of the child).
 *
 * A consent to be found by family searches (TO_BE_FOUND, issue 7) follows
 * the same rules, with two of its own: it is recorded alone and for her own
 * organisation, so it opens her case to no one — a consent to another
 * organisation would make the case visible there. It only puts her in the
 * findability extract; the searches flow still asks her before anything of
 * her whereabouts reaches a family. Revoked like any consent
 * (revokeConsent), and she leaves the searches at the next sync.
 */
export async function recordConsent(
  ctx: SubgraphContext<unknown>,
  input: RecordConsentInput,
  now = new Date(),
): Promise<Consent> {
  if (!isUuid(input.organizationId)) throw badUserInput('input.organizationId', 'must be the id of an organisation');
  const findability = input.sections.includes(TO_BE_FOUND);
  if (findability && input.sections.some((s) => s !== TO_BE_FOUND)) {
    throw badUserInput('input.sections', 'TO_BE_FOUND is recorded on its own: it shares no section with anyone');
  }
  if (input.sections.length === 0) throw badUserInput('input.sections', 'must name at least one section');
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
  if (findability && organizationId !== null && input.organizationId !== organizationId) {
    throw badUserInput('input.organizationId', 'TO_BE_FOUND is recorded for your own organisation, owner of the case');
  }
  if (!findability && input.organizationId === organizationId) {
    throw badUserInput('input.organizationId', 'names your own organisation, which needs no consent');
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
      [
        locked.id,
        input.organizationId,
        [...new Set(input.sections)].sort(),
        purpose,
        input.givenHow,
        validUntil,
        ctx.principal.sub,
      ],
    );
    const consent = toConsent(row as ConsentRow, now);
    await appendAuditEvents(tx, 'cases', [
      caseWriteEvent(ctx, 'Consent', [locked.id, consent.id], ['recordConsent', ...consent.sections]),
    ]);
    return consent;
  });
}
