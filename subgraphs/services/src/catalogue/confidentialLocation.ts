import type { SubgraphContext } from '@amparo/kit';
import type { Service } from './serviceRow.js';

/**
 * The exact place of a service. A confidential one (a shelter a woman fled
 * to) is shown only to staff of an organisation whose referral to it was
 * accepted — a fact the cases subgraph answers (`@requires`), the gateway
 * carries in the signed request. Anything short of an explicit `true` from
 * a caseworker of an organisation answers null.
 */
export function confidentialLocation(
  service: Service & { viewerHasAcceptedReferral?: boolean },
  _: unknown,
  ctx: SubgraphContext,
) {
  const place = { area: service.area, ...service.exactLocation };
  if (!service.locationIsConfidential) return place;
  const { principal } = ctx;
  const staff =
    principal.role === 'caseworker' && principal.org !== null && principal.orgKind !== 'IMMIGRATION_ENFORCEMENT';
  return staff && service.viewerHasAcceptedReferral === true ? place : null;
}
