import { isDeepStrictEqual } from 'node:util';

interface DeepResult {
  data?: {
    users?: { reviews?: { product?: { shippingEstimate?: number | null } | null }[] | null }[] | null;
    topProducts?: { upc?: string; shippingEstimate?: number | null; reviews?: { author?: { username?: string } }[] }[];
  } | null;
  errors?: unknown[];
}

/**
 * Independent sanity check of the reference answer, so that "matches the
 * reference" cannot mean "equally wrong": 6 users with 2 reviews each, 5 top
 * products, @requires applied (Table: price 899 ≤ 1000 → weight/2 = 50;
 * Couch: price 1299 → 0) and @provides honoured (every author username).
 */
export function referenceProblems(text: string): string[] {
  const problems: string[] = [];
  let body: DeepResult;
  try {
    body = JSON.parse(text) as DeepResult;
  } catch {
    return ['not JSON'];
  }
  if (body.errors) problems.push(`errors: ${JSON.stringify(body.errors).slice(0, 300)}`);
  const users = body.data?.users ?? [];
  if (users.length !== 6) problems.push(`expected 6 users, got ${users.length}`);
  if (!users.every((u) => u.reviews?.length === 2)) problems.push('every user should have 2 reviews');
  const top = body.data?.topProducts ?? [];
  if (top.length !== 5) problems.push(`expected 5 top products, got ${top.length}`);
  if (top[0]?.shippingEstimate !== 50 || top[1]?.shippingEstimate !== 0)
    problems.push('@requires shippingEstimate wrong');
  if (!top.every((p) => (p.reviews ?? []).every((r) => r.author?.username === 'adareyes'))) {
    problems.push('@provides username missing');
  }
  return problems;
}

/** Same data, no errors, as the reference answer. */
export function sameAnswer(text: string, reference: unknown): boolean {
  try {
    const body = JSON.parse(text) as { data?: unknown; errors?: unknown };
    return body.errors === undefined && isDeepStrictEqual(body.data, reference);
  } catch {
    return false;
  }
}
