import type { GraphQLSchema } from 'graphql';
import { GraphQLError } from 'graphql';
import {
  evaluateCondition,
  type FetchNode,
  type FlattenNode,
  type ParallelNode,
  type PlanNode,
  type QueryPlanSelectionNode,
  type ResponsePath,
} from '@apollo/query-planner';
// @apollo/gateway's own merge and rewrite steps, so answers stay exactly what its
// executor produced; the driving loop below and the compiled shaping are ours.
import { applyRewrites, isObjectOfType } from '@apollo/gateway/dist/dataRewrites.js';
import { deepMerge } from '@apollo/gateway/dist/utilities/deepMerge.js';
import {
  memberKey,
  memberOf,
  mergeEntityFetches,
  representationsOf,
  type MergedOperation,
} from './mergedEntityFetch.js';
import type { PreparedOperation } from './preparedOperation.js';

type JsonObject = Record<string, unknown>;

/** One subgraph request as the plan states it. */
export interface SubgraphRequest {
  readonly query: string;
  readonly operationName: string | undefined;
  readonly variables: JsonObject;
}

export interface SubgraphAnswer {
  readonly data?: JsonObject | null;
  readonly errors?: readonly { message?: string; path?: readonly (string | number)[]; extensions?: JsonObject }[];
}

/** Sends one planned fetch to the named subgraph (signing and transport are the caller's). */
export type SubgraphFetcher = (subgraph: string, request: SubgraphRequest) => Promise<SubgraphAnswer>;

export interface PlanResult {
  readonly data: JsonObject | null | undefined;
  readonly errors: readonly GraphQLError[];
}

interface Cursor {
  readonly path: ResponsePath;
  readonly data: unknown;
  readonly fullResult: JsonObject;
}

interface Run {
  readonly supergraphSchema: GraphQLSchema;
  readonly prepared: PreparedOperation;
  readonly variables: JsonObject;
  readonly fetch: SubgraphFetcher;
  readonly errors: GraphQLError[];
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Runs a query plan: fetches in the plan's order, entity answers merged into
 * the objects they extend, then the operation's compiled result shaping
 * (aliases, type conditions, null propagation, fields the client did not ask
 * for removed; ./compileShaper.ts). The same steps as @apollo/gateway's
 * executeQueryPlan without its per-request costs: no usage-reporting trace
 * objects, no tracing spans, no operation model rebuilt, no shaping
 * interpreted through federation-internals' getters.
 */
export async function executePlan(
  supergraphSchema: GraphQLSchema,
  prepared: PreparedOperation,
  variables: JsonObject,
  fetch: SubgraphFetcher,
): Promise<PlanResult> {
  const run: Run = { supergraphSchema, prepared, variables, fetch, errors: [] };
  const merged: JsonObject = Object.create(null) as JsonObject;
  const root = prepared.plan.node;
  if (root) {
    if (root.kind === 'Subscription') throw new Error('invariant failed: subscriptions are not planned here');
    await executeNode(run, root, { path: [], data: merged, fullResult: merged });
  }
  let shaped: ReturnType<PreparedOperation['shape']>;
  try {
    shaped = prepared.shape(merged, variables);
  } catch (error) {
    // Data no schema allows (a list where an object belongs…): no answer can be built from it.
    const message = error instanceof Error ? error.message : String(error);
    return {
      data: undefined,
      errors: [...run.errors, new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } })],
    };
  }
  // Shaping errors (a subgraph's null for a non-null field) follow from a fetch error when there is
  // one, so only that is reported; alone they are a subgraph breaking its schema, which clients must see.
  return {
    data: shaped.data,
    errors: run.errors.length > 0 ? run.errors : shaped.errors,
  };
}

async function executeNode(run: Run, node: PlanNode, cursor: Cursor): Promise<void> {
  switch (node.kind) {
    case 'Sequence':
      for (const child of node.nodes) await executeNode(run, child, cursor);
      return;
    case 'Parallel': {
      const { alone, together } = parallelGroups(node);
      await Promise.all([
        ...alone.map((child) => executeNode(run, child, cursor)),
        ...together.map((group) => executeMergedFetches(run, node, group, cursor)),
      ]);
      return;
    }
    case 'Flatten': {
      const data = valuesAtPath(cursor.data, node.path);
      if (data === undefined || data === null) return;
      await executeNode(run, node.node, { path: [...cursor.path, ...node.path], data, fullResult: cursor.fullResult });
      return;
    }
    case 'Fetch':
      try {
        await executeFetch(run, node, cursor);
      } catch (error) {
        fetchFailed(run, node, error);
      }
      return;
    case 'Condition': {
      const branch = evaluateCondition(node, run.prepared.model.variableDefinitions, run.variables)
        ? node.ifClause
        : node.elseClause;
      if (branch) await executeNode(run, branch, cursor);
      return;
    }
    case 'Defer':
      throw new Error('invariant failed: @defer is not enabled');
  }
}

/** A fetch that failed as a whole (transport, a broken answer): one internal error at no path. */
function fetchFailed(run: Run, fetch: FetchNode, error: unknown): void {
  run.errors.push(
    error instanceof GraphQLError
      ? error
      : new GraphQLError(error instanceof Error ? error.message : String(error), {
          originalError: error instanceof Error ? error : undefined,
          extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: fetch.serviceName },
        }),
  );
}

/** The client's variables a fetch uses. */
function variablesOf(run: Run, fetch: FetchNode, into: JsonObject = Object.create(null) as JsonObject): JsonObject {
  for (const name of fetch.variableUsages ?? []) {
    if (Object.hasOwn(run.variables, name) && run.variables[name] !== undefined) into[name] = run.variables[name];
  }
  return into;
}

async function executeFetch(run: Run, fetch: FetchNode, cursor: Cursor): Promise<void> {
  if (!fetch.requires) {
    const entities = entitiesAt(fetch, cursor);
    if (entities.length === 0) return;
    const data = await send(run, fetch, variablesOf(run, fetch), cursor, null);
    if (!data) return;
    applyRewrites(run.supergraphSchema, fetch.outputRewrites, data);
    for (const entity of entities) deepMerge(entity, data);
    return;
  }
  const request = entityRequest(run, fetch, cursor);
  if (request) await fetchEntities(run, fetch, cursor, request);
}

/** Sends one entity fetch as planned and merges its answer. */
async function fetchEntities(run: Run, fetch: FetchNode, cursor: Cursor, request: EntityRequest): Promise<void> {
  const variables = variablesOf(run, fetch);
  if (Object.hasOwn(variables, 'representations')) {
    throw new Error('invariant failed: a variable is named "representations"');
  }
  const data = await send(
    run,
    fetch,
    { ...variables, representations: request.representations },
    cursor,
    request.owners,
  );
  if (data) mergeEntities(run, fetch, data._entities, request);
}

/** The objects at the cursor a fetch extends. */
function entitiesAt(fetch: FetchNode, cursor: Cursor): JsonObject[] {
  if (fetch.contextRewrites?.length) {
    // @fromContext: @apollo/gateway does not execute it either; refuse rather than answer wrongly.
    throw new Error('invariant failed: context rewrites are not supported');
  }
  return (Array.isArray(cursor.data) ? cursor.data : [cursor.data]).filter(isObject);
}

interface EntityRequest {
  readonly representations: JsonObject[];
  /** The object that sent each representation, at the same index. */
  readonly owners: JsonObject[];
}

/** What an entity fetch sends for the objects at the cursor; null when none has what it requires. */
function entityRequest(run: Run, fetch: FetchNode, cursor: Cursor): EntityRequest | null {
  const requires = fetch.requires;
  if (!requires) throw new Error('invariant failed: not an entity fetch');
  const representations: JsonObject[] = [];
  const owners: JsonObject[] = [];
  for (const entity of entitiesAt(fetch, cursor)) {
    const representation = select(run.supergraphSchema, entity, requires);
    if (representation && typeof representation.__typename === 'string') {
      applyRewrites(run.supergraphSchema, fetch.inputRewrites, representation);
      representations.push(representation);
      owners.push(entity);
    }
  }
  return representations.length === 0 ? null : { representations, owners };
}

/** Merges a subgraph's `_entities` answer into the objects that sent the representations. */
function mergeEntities(run: Run, fetch: FetchNode, received: unknown, request: EntityRequest): void {
  const { representations, owners } = request;
  if (!Array.isArray(received) || received.length !== representations.length) {
    throw new Error(`subgraph ${fetch.serviceName} answered ${representations.length} representations wrongly`);
  }
  received.forEach((entity: unknown, index) => {
    const owner = owners[index];
    if (!isObject(entity) || !owner) return;
    entity.__typename ??= owner.__typename;
    applyRewrites(run.supergraphSchema, fetch.outputRewrites, entity);
    deepMerge(owner, entity);
  });
}

/** Sends a fetch and files its errors at the client's paths; returns the answer's data. */
async function send(
  run: Run,
  fetch: FetchNode,
  variables: JsonObject,
  cursor: Cursor,
  owners: readonly JsonObject[] | null,
): Promise<JsonObject | null | undefined> {
  const answer = await run.fetch(fetch.serviceName, {
    query: fetch.operation,
    operationName: fetch.operationName,
    variables,
  });
  for (const error of answer.errors ?? [])
    fileError(run, fetch.serviceName, error, clientPath(error.path, cursor, owners));
  return answer.data;
}

function fileError(
  run: Run,
  serviceName: string,
  error: NonNullable<SubgraphAnswer['errors']>[number],
  path: (string | number)[] | undefined,
): void {
  run.errors.push(
    new GraphQLError(error.message || `error while fetching from subgraph "${serviceName}"`, {
      path,
      // Without a code the subgraph's error is unexpected: the formatter turns it into an internal error.
      extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', ...(error.extensions ?? {}), serviceName },
    }),
  );
}

interface ParallelGroups {
  /** Children run as planned. */
  readonly alone: readonly PlanNode[];
  /** Entity fetches to one subgraph, two or more, sent as one request (mergedEntityFetch.ts). */
  readonly together: readonly (readonly FlattenNode[])[];
}

const groupsOfParallel = new WeakMap<ParallelNode, ParallelGroups>();

/** A Parallel node's children, its entity fetches grouped by subgraph; computed once per plan node. */
function parallelGroups(node: ParallelNode): ParallelGroups {
  const known = groupsOfParallel.get(node);
  if (known) return known;
  const bySubgraph = new Map<string, FlattenNode[]>();
  const alone: PlanNode[] = [];
  for (const child of node.nodes) {
    const fetch = child.kind === 'Flatten' && child.node.kind === 'Fetch' ? child.node : null;
    if (child.kind === 'Flatten' && fetch?.requires && !fetch.contextRewrites?.length) {
      const group = bySubgraph.get(fetch.serviceName) ?? [];
      group.push(child);
      bySubgraph.set(fetch.serviceName, group);
    } else {
      alone.push(child);
    }
  }
  const together: FlattenNode[][] = [];
  for (const group of bySubgraph.values()) {
    if (group.length > 1) together.push(group);
    else alone.push(...group);
  }
  const groups = { alone, together };
  groupsOfParallel.set(node, groups);
  return groups;
}

/** Merged operations by Parallel node and the members that had representations ("0,2"). */
const mergedOperations = new WeakMap<ParallelNode, Map<string, MergedOperation | null>>();

function mergedOperationFor(
  node: ParallelNode,
  members: readonly { readonly index: number; readonly fetch: FetchNode }[],
): MergedOperation | null {
  const byMembers = mergedOperations.get(node) ?? new Map<string, MergedOperation | null>();
  mergedOperations.set(node, byMembers);
  const key = `${members[0]?.fetch.serviceName}:${members.map((m) => m.index).join(',')}`;
  if (!byMembers.has(key)) byMembers.set(key, mergeEntityFetches(members.map((m) => m.fetch)));
  return byMembers.get(key) ?? null;
}

/**
 * Entity fetches of one Parallel node to one subgraph, sent as one request
 * when two or more have representations to send; each member's answer and
 * errors then go where its own fetch's would have.
 */
async function executeMergedFetches(
  run: Run,
  node: ParallelNode,
  group: readonly FlattenNode[],
  cursor: Cursor,
): Promise<void> {
  const members: { index: number; fetch: FetchNode; cursor: Cursor; request: EntityRequest }[] = [];
  group.forEach((flatten, index) => {
    const fetch = flatten.node as FetchNode;
    const data = valuesAtPath(cursor.data, flatten.path);
    if (data === undefined || data === null) return;
    const at: Cursor = { path: [...cursor.path, ...flatten.path], data, fullResult: cursor.fullResult };
    try {
      const request = entityRequest(run, fetch, at);
      if (request) members.push({ index, fetch, cursor: at, request });
    } catch (error) {
      fetchFailed(run, fetch, error);
    }
  });
  const operation = members.length > 1 ? mergedOperationFor(node, members) : null;
  if (!operation) {
    await Promise.all(
      members.map((m) =>
        fetchEntities(run, m.fetch, m.cursor, m.request).catch((error) => fetchFailed(run, m.fetch, error)),
      ),
    );
    return;
  }
  const variables: JsonObject = Object.create(null) as JsonObject;
  for (const member of members) variablesOf(run, member.fetch, variables);
  members.forEach((member, position) => {
    variables[representationsOf(position)] = member.request.representations;
  });
  const serviceName = members[0]?.fetch.serviceName ?? '';
  let answer: SubgraphAnswer;
  try {
    answer = await run.fetch(serviceName, { ...operation, variables });
  } catch (error) {
    for (const member of members) fetchFailed(run, member.fetch, error);
    return;
  }
  for (const error of answer.errors ?? []) {
    const position = memberOf(error.path?.[0]);
    const member = position === undefined ? undefined : members[position];
    const path =
      member && error.path
        ? clientPath(['_entities', ...error.path.slice(1)], member.cursor, member.request.owners)
        : undefined;
    fileError(run, serviceName, error, path);
  }
  const data = answer.data;
  if (!data) return;
  members.forEach((member, position) => {
    try {
      mergeEntities(run, member.fetch, data[memberKey(position)], member.request);
    } catch (error) {
      fetchFailed(run, member.fetch, error);
    }
  });
}

/**
 * Where a subgraph's error belongs in the client's answer. An entity error
 * (`_entities.3.field`) is filed under the path of the object that sent
 * representation 3; a root fetch's path is already the client's below the cursor.
 */
function clientPath(
  path: readonly (string | number)[] | undefined,
  cursor: Cursor,
  owners: readonly JsonObject[] | null,
): (string | number)[] | undefined {
  if (!path) return undefined;
  if (owners === null || path[0] !== '_entities' || typeof path[1] !== 'number') return [...cursor.path, ...path];
  const owner = owners[path[1]];
  const located = owner ? pathOf(cursor.fullResult, cursor.path, owner) : undefined;
  return located ? [...located, ...path.slice(2)] : undefined;
}

/** The concrete path (list indexes filled in) of `target` below `path` (which may hold '@'). */
function pathOf(
  data: unknown,
  path: ResponsePath,
  target: unknown,
  prefix: (string | number)[] = [],
): (string | number)[] | undefined {
  if (data === target) return prefix;
  if (data === null || typeof data !== 'object') return undefined;
  if (Array.isArray(data)) {
    const rest = path[0] === '@' ? path.slice(1) : path;
    for (let i = 0; i < data.length; i += 1) {
      const found = pathOf(data[i], rest, target, [...prefix, i]);
      if (found) return found;
    }
    return undefined;
  }
  const [head, ...rest] = path;
  if (typeof head !== 'string' || head === '@') return undefined;
  return pathOf((data as JsonObject)[head], rest, target, [...prefix, head]);
}

/** The values at a plan path; '@' flattens a list (one array, filled in place: this runs per fetch). */
function valuesAtPath(value: unknown, path: ResponsePath): unknown {
  if (!path.includes('@')) return valueAt(value, path, 0);
  const found: unknown[] = [];
  collect(value, path, 0, found);
  return found;
}

function valueAt(value: unknown, path: ResponsePath, from: number): unknown {
  let current = value;
  for (let i = from; i < path.length; i += 1) {
    if (current === undefined || current === null) return current;
    current = step(current, path, i);
  }
  return current;
}

function collect(value: unknown, path: ResponsePath, from: number, into: unknown[]): void {
  let current = value;
  for (let i = from; i < path.length; i += 1) {
    if (current === undefined || current === null) return;
    if (path[i] === '@') {
      // Not a list where the plan expects one: nothing to fetch for; shaping reports the bad value.
      if (!Array.isArray(current)) return;
      for (const element of current) collect(element, path, i + 1, into);
      return;
    }
    current = step(current, path, i);
  }
  if (Array.isArray(current)) {
    for (const element of current) into.push(element);
  } else if (current !== undefined && current !== null) {
    into.push(current);
  }
}

function step(current: unknown, path: ResponsePath, i: number): unknown {
  const key = path[i];
  if (Array.isArray(current) || typeof key !== 'string') {
    throw new Error(
      `invariant failed: unexpected ${Array.isArray(current) ? 'list' : 'index'} at plan path ${path.join('.')}`,
    );
  }
  return Object.hasOwn(current as object, key) ? (current as JsonObject)[key] : undefined;
}

/**
 * The representation an entity fetch needs: the `requires` selection read off
 * the object already fetched; null when a required field is missing (that
 * object then gets nothing from this fetch, as with @apollo/gateway).
 */
function select(
  schema: GraphQLSchema,
  source: JsonObject,
  selections: readonly QueryPlanSelectionNode[],
): JsonObject | null {
  const result: JsonObject = Object.create(null) as JsonObject;
  for (const selection of selections) {
    if (selection.kind === 'Field') {
      const name = selection.alias ?? selection.name;
      const value = Object.hasOwn(source, name) ? source[name] : undefined;
      if (value === undefined) return null;
      const sub = selection.selections;
      if (Array.isArray(value)) {
        result[name] = sub ? value.map((item: unknown) => (isObject(item) ? select(schema, item, sub) : item)) : value;
      } else if (sub && isObject(value)) {
        result[name] = select(schema, value, sub);
      } else {
        result[name] = value;
      }
    } else if (selection.typeCondition && isObjectOfType(schema, source, selection.typeCondition)) {
      deepMerge(result, select(schema, source, selection.selections));
    }
  }
  return result;
}
