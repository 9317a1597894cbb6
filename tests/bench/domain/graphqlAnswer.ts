/** The `data` of a GraphQL answer over HTTP, or what is wrong with the answer. */
export function graphqlData<T>(status: number, text: string): { data: T } | { problem: string } {
  if (status !== 200) return { problem: `HTTP ${status}` };
  let body: {
    data?: T | null;
    errors?: { message?: string; extensions?: { code?: string } }[];
    extensions?: { valueCompletion?: { message?: string }[] };
  };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return { problem: 'answer is not JSON' };
  }
  const error = body.errors?.[0];
  if (error) return { problem: `GraphQL error ${error.extensions?.code ?? ''}: ${error.message ?? ''}`.trim() };
  // @apollo/gateway reports a subgraph value its supergraph does not allow (an enum value it
  // does not know…) here, not in `errors`, and nulls the nearest nullable parent.
  const completion = body.extensions?.valueCompletion?.[0];
  if (completion) return { problem: `gateway value completion: ${completion.message ?? ''}` };
  if (body.data === undefined || body.data === null) return { problem: 'no data' };
  return { data: body.data };
}

/** Throws when an answer needed to prepare a workload is not right. */
export function requireData<T>(what: string, status: number, text: string): T {
  const answer = graphqlData<T>(status, text);
  if ('problem' in answer) throw new Error(`${what}: ${answer.problem}`);
  return answer.data;
}
