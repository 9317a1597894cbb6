import { DEMO_ORGANIZATIONS } from '@amparo/kit';

/**
 * The demo's cross-border partners (issue 7, migration 0003): each demo
 * consulate partners on searches involving the country it works in — the
 * country of its demo place — so a consular official sees those searches as
 * well as the ones her consulate handles. Only consulates: partner
 * visibility is a consular official's (requestVisibility). Deterministic:
 * derived from the kit's fixed demo organisations.
 */
export function demoPartnerOrganizations(): { organizationId: string; country: string }[] {
  return DEMO_ORGANIZATIONS.filter((o) => o.kind === 'CONSULATE').map((o) => ({
    organizationId: o.id,
    country: o.place.country,
  }));
}
