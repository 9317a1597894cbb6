import { DEMO_ORGANIZATIONS, principalFor, type OrganizationKind, type TestSubgraph } from '@amparo/kit';

/**
 * Who the searches tests act as: organisations of the demo seed by kind, and
 * people of each. Shared so that every test file means the same thing by
 * "the handling NGO" or "another organisation".
 */
export const orgOf = (kind: OrganizationKind, nth = 0) => DEMO_ORGANIZATIONS.filter((o) => o.kind === kind)[nth]!.id;

/** The organisation handling the searches under test. */
export const ngo = orgOf('NGO');
export const otherNgo = orgOf('NGO', 1);
export const shelter = orgOf('SHELTER');
export const consulate = orgOf('CONSULATE');
export const forensic = orgOf('INTERNATIONAL_ORGANIZATION');
export const hospital = orgOf('HEALTH_PROVIDER');

export const caseworker = principalFor('caseworker', ngo, 'cw-ngo', 'NGO');
export const otherCaseworker = principalFor('caseworker', otherNgo, 'cw-other', 'NGO');
export const shelterWorker = principalFor('caseworker', shelter, 'cw-shelter', 'SHELTER');
export const forensicWorker = principalFor('caseworker', forensic, 'cw-forensic', 'INTERNATIONAL_ORGANIZATION');
export const consul = principalFor('consular', consulate, 'consul', 'CONSULATE');
/** A family member searching without a vetting organisation. */
export const mother = principalFor('family', null, 'fam-mother');
export const stranger = principalFor('family', null, 'fam-stranger');
/** The gateway's findability-sync job. */
export const findabilityJob = principalFor('admin', null, 'amparo-gateway:findability-sync');

export type Who = ReturnType<typeof principalFor>;

export type Body = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
};

/** Sends one operation to `sg` as `who` and returns the GraphQL body. */
export async function callAs(
  sg: TestSubgraph,
  who: Who,
  query: string,
  variables?: Record<string, unknown>,
): Promise<Body> {
  return (await sg.request(who, query, variables)).body as Body;
}

export const OPEN_SEARCH = `mutation ($input: OpenSearchRequestInput!) { openSearchRequest(input: $input) { id } }`;
export const REGISTER_FOUND_PERSON = `mutation ($input: RegisterFoundPersonInput!) { registerFoundPerson(input: $input) { recordId } }`;
