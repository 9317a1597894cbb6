import { AmparoError } from './AmparoError.js';

/** The part of a Relay connection the iterators need. */
export interface ConnectionPage<TNode> {
  readonly edges: ReadonlyArray<{ readonly node: TNode }>;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
}

/**
 * Yields every node of a Relay connection, fetching one page at a time and
 * only as the caller iterates (stop iterating, and no further page is
 * requested). Throws `CURSOR_NOT_ADVANCING` when a page claims a next one but
 * gives no cursor or the cursor it was asked with: looping forever over the
 * same page would be worse than failing.
 */
export async function* paginate<TNode>(
  fetchPage: (after: string | undefined) => Promise<ConnectionPage<TNode>>,
): AsyncGenerator<TNode, void, undefined> {
  let after: string | undefined;
  const seen = new Set<string>();
  for (;;) {
    const page = await fetchPage(after);
    for (const edge of page.edges) yield edge.node;
    if (!page.pageInfo.hasNextPage) return;
    const next = page.pageInfo.endCursor;
    if (next === null || next === after || seen.has(next)) {
      throw new AmparoError({
        code: 'CURSOR_NOT_ADVANCING',
        message: `the connection reported a next page but its cursor did not advance (after ${after ?? 'the start'})`,
      });
    }
    seen.add(next);
    after = next;
  }
}
