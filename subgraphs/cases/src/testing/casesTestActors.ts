import { DEMO_ORGANIZATIONS, DEMO_PROVIDER_ORGANIZATIONS, principalFor, type TestSubgraph } from '@amparo/kit';

/**
 * Who the cases tests act as: three provider organisations (A owns the cases
 * under test, B and C are others), a consulate, and people of each. Shared so
 * that every test file means the same thing by "another organisation".
 */
export const orgA = DEMO_PROVIDER_ORGANIZATIONS[0]!.id;
export const orgB = DEMO_PROVIDER_ORGANIZATIONS[1]!.id;
export const orgC = DEMO_PROVIDER_ORGANIZATIONS[2]!.id;
export const consulate = DEMO_ORGANIZATIONS.find((o) => o.kind === 'CONSULATE')!.id;

export const caseworkerA = principalFor('caseworker', orgA, 'cw-a');
/** A second caseworker of the owning organisation. */
export const colleagueA = principalFor('caseworker', orgA, 'cw-a2');
export const caseworkerB = principalFor('caseworker', orgB, 'cw-b');
export const caseworkerC = principalFor('caseworker', orgC, 'cw-c');
export const consul = principalFor('consular', consulate, 'consul');
export const auditor = principalFor('auditor', null, 'dpo');

/** A consent's `validUntil` a year from now. */
export const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString();

export type GraphQLBody<T> = {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
};

/** Sends one operation to `sg` as `principal` and returns the GraphQL body. */
export async function callAs<T>(
  sg: TestSubgraph,
  principal: ReturnType<typeof principalFor>,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLBody<T>> {
  return (await sg.request<T>(principal, query, variables)).body as GraphQLBody<T>;
}
