import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFindabilitySync } from '@amparo/gateway';
import { DEMO_ORGANIZATIONS, DEMO_PROVIDER_ORGANIZATIONS } from '@amparo/kit';
import { createInternalSigner } from '@amparo/schema';
import { startFederation, type Federation } from '../src/index.js';

/**
 * Issue 7 end to end: a woman assisted in a case becomes findable by family
 * searches only with her TO_BE_FOUND consent, carried from cases to searches
 * by the gateway's findability-sync job; revoking the consent takes her out
 * again at the next sync, and the family learns nothing either way.
 */
let federation: Federation;
let sync: () => ReturnType<typeof runFindabilitySync>;

const shelter = DEMO_PROVIDER_ORGANIZATIONS.find((o) => o.kind === 'SHELTER')!.id;
const ngo = DEMO_ORGANIZATIONS.find((o) => o.kind === 'NGO')!.id;
const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString();

const OPEN_CASE = `mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }`;
const CONSENT = `mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id active } }`;
const REVOKE = `mutation ($id: ID!) { revokeConsent(id: $id) { id active } }`;
const OPEN_SEARCH = `mutation ($input: OpenSearchRequestInput!) { openSearchRequest(input: $input) { id } }`;
const STAFF_VIEW = `query ($id: ID!) { searchRequest(id: $id) { status candidates(first: 20) { id score
  foundPerson { sourceKind givenNames familyNames { firstSurname secondSurname } foundPlace foundCountry } } } }`;
const FAMILY_VIEW = `query ($id: ID!) { searchRequest(id: $id) { id status outcome { kind sharedContact } candidates { id } }
  searchRequests { totalCount edges { node { id status } } } }`;

interface StaffView {
  searchRequest: {
    status: string;
    candidates: {
      foundPerson: {
        sourceKind: string;
        givenNames: string | null;
        familyNames: { firstSurname: string | null; secondSurname: string | null };
        foundPlace: string | null;
        foundCountry: string | null;
      } | null;
    }[];
  };
}

let caseworkerToken: string;
let searchStaffToken: string;
let familyToken: string;

async function ok<T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const { body } = await federation.query<T>(query, variables, { token });
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

async function openCase(givenName: string, familyName: string): Promise<string> {
  const data = await ok<{ openCase: { id: string } }>(
    OPEN_CASE,
    {
      input: {
        countryOfAssistance: 'MX',
        phase: 'TRANSIT',
        givenName,
        familyName,
        sex: 'FEMALE',
        birthDate: '1997-05-05',
        nationality: 'GT',
        languages: ['quc'],
        intakeStatement: 'Salió de Huehuetenango en marzo.',
      },
    },
    caseworkerToken,
  );
  return data.openCase.id;
}

async function openSearch(givenNames: string, firstSurname: string, secondSurname: string): Promise<string> {
  const data = await ok<{ openSearchRequest: { id: string } }>(
    OPEN_SEARCH,
    {
      input: {
        givenNames,
        firstSurname,
        secondSurname,
        sex: 'FEMALE',
        ageRange: { min: 26, max: 30 },
        nationality: 'GT',
        lastContact: { date: '2024-03-01', country: 'MX' },
        circumstances: 'LOST_CONTACT',
        requester: { relationship: 'PARENT' },
      },
    },
    familyToken,
  );
  return data.openSearchRequest.id;
}

/** The candidates of a search that are people assisted in cases, as the handling organisation's staff see them. */
async function caseAssistanceCandidates(searchId: string) {
  const data = await ok<StaffView>(STAFF_VIEW, { id: searchId }, searchStaffToken);
  return data.searchRequest.candidates.filter((c) => c.foundPerson?.sourceKind === 'CASE_ASSISTANCE');
}

beforeAll(async () => {
  federation = await startFederation({ seedScale: 0.1 });
  const subgraphUrls = Object.fromEntries([...federation.subgraphs.values()].map((s) => [s.name, s.url]));
  const sign = await createInternalSigner(federation.internalKeys.privateJwk);
  // Two people per call: every sync below goes in several pages of one round, as a long list would.
  sync = () => runFindabilitySync({ sign, subgraphUrls, peoplePerCall: 2 });
  caseworkerToken = await federation.tokenFor('caseworker', { org: shelter, orgKind: 'SHELTER', sub: 'cw-shelter' });
  searchStaffToken = await federation.tokenFor('caseworker', { org: ngo, orgKind: 'NGO', sub: 'cw-ngo' });
  familyToken = await federation.tokenFor('family', { org: ngo, sub: 'fam-e2e-mother' });
});
afterAll(() => federation?.close());

describe('findability of women assisted in cases', () => {
  let juanaCase: string;
  let consentId: string;
  let juanaSearch: string;
  let rosaSearch: string;
  let familyBefore: unknown;
  /** Demo women who already consented to be found (the cases seed gives a few that consent). */
  let alreadyFindable: number;

  it('makes a woman with a TO_BE_FOUND consent findable by a family search for a variant of her name', async () => {
    alreadyFindable = (await sync()).findable;
    // Enough people that each sync below takes at least two pages of its round.
    expect(alreadyFindable).toBeGreaterThanOrEqual(2);
    juanaCase = await openCase('Juana', 'Tzoc Xiquín');
    const rosaCase = await openCase('Rosa Amalia', 'Chumil Ajanel');
    // Another kind of consent does not make her findable.
    await ok(
      CONSENT,
      {
        input: {
          caseId: rosaCase,
          organizationId: ngo,
          sections: ['IDENTITY'],
          purpose: 'legal orientation',
          validUntil: inAYear(),
          givenHow: 'SIGNED',
        },
      },
      caseworkerToken,
    );
    const consent = await ok<{ recordConsent: { id: string; active: boolean } }>(
      CONSENT,
      {
        input: {
          caseId: juanaCase,
          organizationId: shelter,
          sections: ['TO_BE_FOUND'],
          purpose: 'her family may find her through the searches',
          validUntil: inAYear(),
          givenHow: 'SIGNED',
        },
      },
      caseworkerToken,
    );
    consentId = consent.recordConsent.id;

    const first = await sync();
    expect(first).toMatchObject({ findable: alreadyFindable + 1, added: 1, removed: 0 });

    // Her mother spells the K'iche' surnames as they sound.
    juanaSearch = await openSearch('Juana', 'Tzok', 'Shiquin');
    rosaSearch = await openSearch('Rosa Amalia', 'Chumil', 'Ajanel');
    const [candidate] = await caseAssistanceCandidates(juanaSearch);
    expect(candidate?.foundPerson).toEqual({
      sourceKind: 'CASE_ASSISTANCE',
      givenNames: 'Juana',
      familyNames: { firstSurname: 'Tzoc', secondSurname: 'Xiquín' },
      foundPlace: null,
      foundCountry: 'MX',
    });
    expect(await caseAssistanceCandidates(rosaSearch)).toEqual([]);

    // The family sees nothing of it: no candidate, no outcome, her search unchanged.
    const family = await federation.query(FAMILY_VIEW, { id: juanaSearch }, { token: familyToken });
    expect(family.body.errors).toBeUndefined();
    expect((family.body.data as { searchRequest: unknown }).searchRequest).toEqual({
      id: juanaSearch,
      status: 'OPEN',
      outcome: null,
      candidates: [],
    });
    expect(JSON.stringify(family.body)).not.toMatch(/Tzoc|Xiqu|CASE_ASSISTANCE/);
    familyBefore = family.body;
  });

  it('is idempotent: a second sync changes nothing', async () => {
    expect(await sync()).toEqual({
      findable: alreadyFindable + 1,
      added: 0,
      updated: 0,
      removed: 0,
      unchanged: alreadyFindable + 1,
    });
    expect(await caseAssistanceCandidates(juanaSearch)).toHaveLength(1);
  });

  it('takes her out at the next sync once she revokes the consent', async () => {
    await ok(REVOKE, { id: consentId }, caseworkerToken);
    expect(await sync()).toMatchObject({ findable: alreadyFindable, removed: 1 });
    expect(await caseAssistanceCandidates(juanaSearch)).toEqual([]);
    const family = await federation.query(FAMILY_VIEW, { id: juanaSearch }, { token: familyToken });
    expect(family.body).toEqual(familyBefore);
    // A new search for her finds nothing either.
    const again = await openSearch('Juana', 'Tzoc', 'Xiquin');
    expect(await caseAssistanceCandidates(again)).toEqual([]);
  });

  it('keeps the job’s fields out of every client role’s reach', async () => {
    for (const role of ['admin', 'caseworker', 'family', 'consular'] as const) {
      const token = await federation.tokenFor(role, { org: role === 'admin' ? undefined : ngo });
      const extract = await federation.query('{ casesFindablePeople { totalCount } }', {}, { token });
      expect(extract.body.errors?.[0]?.message).toBe('Cannot query field "casesFindablePeople" on type "Query".');
      const write = await federation.query('mutation { syncFindablePeople(people: []) { added } }', {}, { token });
      expect(write.body.errors?.[0]?.message).toBe('Cannot query field "syncFindablePeople" on type "Mutation".');
    }
  });
});
