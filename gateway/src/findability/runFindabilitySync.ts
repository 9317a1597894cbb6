import { randomUUID } from 'node:crypto';
import { INTERNAL_TOKEN_HEADER, scopesForRole, type InternalSigner, type Principal } from '@amparo/schema';

/**
 * Most people one call to the searches subgraph carries (it refuses more
 * than its MAX_FINDABLE_PEOPLE, 2,000); a longer list goes in the pages of
 * one round, and only the round's last page removes anyone.
 */
export const FINDABLE_PEOPLE_PER_CALL = 1_000;
/** Page size of the cases extract (the kit's largest page). */
const PAGE = 100;

const JOB: Principal = {
  sub: 'amparo-gateway:findability-sync',
  role: 'admin',
  org: null,
  orgKind: null,
  scopes: scopesForRole('admin'),
};

/** One person as the cases extract gives her and the searches sync takes her: the same fields. */
interface FindablePerson {
  caseId: string;
  organizationId: string;
  givenName: string | null;
  familyName: string | null;
  sex: string;
  birthDate: string | null;
  estimatedAge: number | null;
  nationality: string | null;
  languages: string[];
  countryOfAssistance: string;
}

interface ExtractPage {
  casesFindablePeople: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: FindablePerson }[];
  };
}

/** What a sync did: counts only, never who. */
export interface FindabilitySyncSummary {
  readonly findable: number;
  readonly added: number;
  readonly updated: number;
  readonly removed: number;
  readonly unchanged: number;
}

export class FindabilitySyncError extends Error {
  override readonly name = 'FindabilitySyncError';
}

const EXTRACT = `query ($first: Int, $after: String) { casesFindablePeople(first: $first, after: $after) {
  pageInfo { hasNextPage endCursor }
  edges { node { caseId organizationId givenName familyName sex birthDate estimatedAge nationality languages
    countryOfAssistance } } } }`;
const SYNC = `mutation ($people: [FindablePersonInput!]!, $round: FindabilitySyncRound) {
  syncFindablePeople(people: $people, round: $round) { added updated removed unchanged } }`;

/**
 * Issue 7, "people assisted in cases become findable only if they consented
 * to be found (a consent from the cases subgraph, resolved through
 * federation)": the gateway — the only holder of the signing key — reads from
 * the cases subgraph every woman whose case carries an active TO_BE_FOUND
 * consent and hands the complete list to the searches subgraph, in pages of
 * one round when it is long, which makes its CASE_ASSISTANCE found-person
 * records equal to it (adding, updating,
 * and removing whoever revoked, let expire or had her case erased). Neither
 * subgraph reads the other's tables, and no client role reaches either
 * field: their scopes belong only to the findability-sync system job. Both
 * subgraphs audit the job's read and write under its own subject.
 */
export async function runFindabilitySync(options: {
  sign: InternalSigner;
  subgraphUrls: Readonly<Record<string, string>>;
  /** People per call to searches. @default FINDABLE_PEOPLE_PER_CALL */
  peoplePerCall?: number;
}): Promise<FindabilitySyncSummary> {
  const requestId = `findability-${randomUUID()}`;
  const call = async <T>(subgraph: string, query: string, variables: Record<string, unknown>): Promise<T> => {
    const url = options.subgraphUrls[subgraph];
    if (!url) throw new FindabilitySyncError(`no URL for subgraph ${subgraph}`);
    const body = JSON.stringify({ query, variables });
    const token = await options.sign(
      { principal: JOB, requestId, operationName: null, operationHash: null, system: 'findability-sync' },
      subgraph,
      body,
    );
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: token },
      body,
      signal: AbortSignal.timeout(120_000),
    });
    const json = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (!response.ok || json.errors || !json.data) {
      // Subgraph messages carry no personal data (kit error catalogue).
      throw new FindabilitySyncError(`${subgraph}: ${json.errors?.[0]?.message ?? `HTTP ${response.status}`}`);
    }
    return json.data;
  };

  const people: FindablePerson[] = [];
  let after: string | null = null;
  do {
    const data: ExtractPage = await call<ExtractPage>('cases', EXTRACT, { first: PAGE, after });
    people.push(...data.casesFindablePeople.edges.map((e) => e.node));
    after = data.casesFindablePeople.pageInfo.hasNextPage ? data.casesFindablePeople.pageInfo.endCursor : null;
  } while (after);

  // The whole list is read first, so every page of the round comes from one reading of cases. A round that
  // fails half-way removes nobody: only its last page may, and the next round starts afresh.
  const perCall = options.peoplePerCall ?? FINDABLE_PEOPLE_PER_CALL;
  const pages = Math.max(1, Math.ceil(people.length / perCall));
  const round = { id: randomUUID(), last: false };
  const summary = { findable: people.length, added: 0, updated: 0, removed: 0, unchanged: 0 };
  for (let page = 0; page < pages; page++) {
    const synced = await call<{
      syncFindablePeople: { added: number; updated: number; removed: number; unchanged: number };
    }>('searches', SYNC, {
      people: people.slice(page * perCall, (page + 1) * perCall),
      round: { ...round, last: page === pages - 1 },
    });
    summary.added += synced.syncFindablePeople.added;
    summary.updated += synced.syncFindablePeople.updated;
    summary.removed += synced.syncFindablePeople.removed;
    summary.unchanged += synced.syncFindablePeople.unchanged;
  }
  return summary;
}
