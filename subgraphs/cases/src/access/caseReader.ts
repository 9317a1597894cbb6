import { firewallPolicy, type Principal } from '@amparo/schema';
import { isUuid } from '../cases/isUuid.js';
import { readableOrganization } from './readableOrganization.js';

/**
 * Whose cases `principal` reads: `owner`, the organisation whose own cases she
 * reads in full (caseworkers); `sharedWith`, the organisation through whose
 * active consents she reads the consented sections of other organisations'
 * cases (caseworkers of a receiving organisation, consular officials). Null
 * means none. Re-checked here whatever the SDL directives say (F3, F5).
 */
export interface CaseReader {
  readonly owner: string | null;
  readonly sharedWith: string | null;
}

export function caseReader(principal: Principal): CaseReader {
  const owner = readableOrganization(principal);
  const org = principal.org !== null && isUuid(principal.org) ? principal.org : null;
  const shares =
    firewallPolicy(principal) &&
    ((principal.role === 'caseworker' && principal.scopes.includes('cases:read')) ||
      (principal.role === 'consular' && principal.scopes.includes('cases:shared:read')));
  return { owner, sharedWith: shares ? org : null };
}

/** SQL true when consent `k` currently shares its case with organisation `orgParam`. */
export const activeConsentTo = (orgParam: string) =>
  `k.organization_id = ${orgParam}::uuid AND k.revoked_at IS NULL AND k.valid_until > now()`;

/**
 * Columns and condition that make a `cases c` query return only cases the
 * reader may see, each with `shared_sections`: NULL for her own
 * organisation's case (everything), else the union of the sections of the
 * active consents to her organisation, evaluated at query time.
 */
export function visibleCases(ownerParam: string, sharedParam: string) {
  return {
    sharedSections: `CASE WHEN c.organization_id = ${ownerParam}::uuid THEN NULL ELSE (
      SELECT coalesce(array_agg(DISTINCT s.section), '{}') FROM consents k CROSS JOIN LATERAL unnest(k.sections) AS s(section)
      WHERE k.case_id = c.id AND ${activeConsentTo(sharedParam)}) END AS shared_sections`,
    owned: `c.organization_id = ${ownerParam}::uuid`,
    shared: `EXISTS (SELECT 1 FROM consents k WHERE k.case_id = c.id AND ${activeConsentTo(sharedParam)})`,
  };
}
