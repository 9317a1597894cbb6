import { createHash, randomUUID } from 'node:crypto';
import { execute, getVariableValues, Kind, parse, validate, type DocumentNode, type GraphQLError } from 'graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '@amparo/schema';
import { AuthenticationError, type Authenticate } from '../auth/authenticate.js';
import type { GatewayLimits } from '../config/gatewayConfig.js';
import type { GatewayContext } from '../datasource/GatewayContext.js';
import { executePlan, type SubgraphAnswer, type SubgraphRequest } from '../execution/executePlan.js';
import type { FederatedSchema } from '../execution/FederatedSchema.js';
import { OperationChoiceError, prepareOperation, type PreparedOperation } from '../execution/preparedOperation.js';
import { errorBody, formatGatewayError } from '../errors/formatGatewayError.js';
import type { Firewall } from '../firewall/createFirewall.js';
import { BoundedCache } from '../cache/BoundedCache.js';
import { checkLimits, type LimitViolation } from '../limits/checkLimits.js';
import { checkPageSizes } from '../limits/checkPageSizes.js';
import type { RateLimiter } from '../limits/rateLimiter.js';
import { ImmutableAnswerCache } from '../immutable/ImmutableAnswerCache.js';
import type { ImmutableOperations } from '../immutable/immutableOperations.js';
import type { GatewayMetrics } from '../metrics/gatewayMetrics.js';
import type { TrustedDocuments } from '../trusted/trustedDocuments.js';
import { PURPOSE_HEADER, requestPurpose } from './requestPurpose.js';

export interface GraphQLHandlerDeps {
  readonly schema: FederatedSchema;
  /** Sends one planned fetch, signed for this request's principal (F3). */
  readonly fetchSubgraph: (
    subgraph: string,
    request: SubgraphRequest,
    context: GatewayContext,
  ) => Promise<SubgraphAnswer>;
  readonly authenticate: Authenticate;
  /** Replaces the claimed organisation kind with the registry's when that is stricter. */
  readonly resolveOrganizationKind: (principal: Principal) => Promise<Principal>;
  readonly firewall: () => Firewall;
  /** Which operations have answers that never change (published statistics releases). */
  readonly immutableOperations: () => ImmutableOperations;
  readonly limits: GatewayLimits;
  readonly rateLimiter: RateLimiter;
  readonly development: boolean;
  /** False only for a benchmark baseline: validates against the whole API schema instead of the caller's projection. */
  readonly enforceFirewall: boolean;
  readonly trustedDocuments: TrustedDocuments;
  readonly metrics: GatewayMetrics;
  /** Clients (by authenticated `azp`/`client_id`, never by a header) allowed only trusted documents. */
  readonly trustedOnlyClients: ReadonlySet<string>;
}

interface GraphQLBody {
  query?: unknown;
  documentId?: unknown;
  variables?: unknown;
  operationName?: unknown;
  extensions?: unknown;
}

function operationNameOf(document: DocumentNode): string | null {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  return operations.length === 1 && operations[0]?.kind === Kind.OPERATION_DEFINITION
    ? (operations[0].name?.value ?? null)
    : null;
}

function isIntrospection(document: DocumentNode): boolean {
  return document.definitions.some(
    (d) =>
      d.kind === Kind.OPERATION_DEFINITION &&
      d.selectionSet.selections.some(
        (s) => s.kind === Kind.FIELD && (s.name.value === '__schema' || s.name.value === '__type'),
      ),
  );
}

function onlyIntrospection(document: DocumentNode): boolean {
  return document.definitions.every(
    (d) =>
      d.kind !== Kind.OPERATION_DEFINITION ||
      d.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__')),
  );
}

/**
 * POST /graphql: authenticate, rate-limit, parse with a token cap, measure,
 * validate against the caller's own projection, then plan (Apollo's query
 * planner) and execute (../execution/). Every refusal happens before a
 * subgraph is contacted.
 */
export function createGraphQLHandler(deps: GraphQLHandlerDeps) {
  const { limits } = deps;
  const documents = new BoundedCache<
    string,
    {
      document: DocumentNode;
      violation: LimitViolation | null;
      immutable?: boolean;
      /** Planned on first use after a caller's validation passed; depends on the text alone. */
      prepared?: PreparedOperation;
      /** Validation against the whole API schema, for the benchmark baseline without the firewall. */
      apiErrors?: readonly GraphQLError[];
    }
  >(500);
  const immutableAnswers = new ImmutableAnswerCache();
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const started = performance.now();
    let role = 'unauthenticated';
    reply.raw.once('finish', () => {
      deps.metrics.requests.inc({ role, status: String(reply.statusCode) });
      deps.metrics.duration.observe({ role }, (performance.now() - started) / 1000);
    });
    const requestId = randomUUID();
    reply.header('x-request-id', requestId);
    const bad = (message: string, extra: Record<string, unknown> = {}) =>
      reply.code(400).send(errorBody('BAD_USER_INPUT', message, extra));

    let principal: Principal;
    try {
      const header = request.headers.authorization;
      principal = await deps.authenticate(typeof header === 'string' ? header : undefined);
    } catch (error) {
      const message = error instanceof AuthenticationError ? error.message : 'authentication failed';
      return reply.code(401).header('www-authenticate', 'Bearer').send(errorBody('UNAUTHENTICATED', message));
    }
    role = principal.role;
    try {
      principal = await deps.resolveOrganizationKind(principal);
    } catch {
      // Fail closed: without the registry we cannot tell an enforcement agency's staff apart.
      return reply
        .code(503)
        .header('retry-after', '5')
        .send(errorBody('INTERNAL_SERVER_ERROR', 'a required service is unavailable; retry shortly'));
    }

    const rate = deps.rateLimiter.hit(principal.role === 'public' ? `ip:${request.ip}` : `sub:${principal.sub}`);
    reply.header('ratelimit-limit', String(limits.rateLimitPerMinute));
    reply.header('ratelimit-remaining', String(rate.remaining));
    if (!rate.allowed) {
      reply.header('retry-after', String(rate.retryAfterSeconds));
      return reply.code(429).send(
        errorBody('RATE_LIMITED', `too many requests; retry in ${rate.retryAfterSeconds} s`, {
          retryAfterSeconds: rate.retryAfterSeconds,
        }),
      );
    }

    const stated = requestPurpose(request.headers[PURPOSE_HEADER]);
    if ('problem' in stated) return bad(`${PURPOSE_HEADER} ${stated.problem}`, { field: PURPOSE_HEADER });

    const body = request.body as GraphQLBody | GraphQLBody[] | undefined;
    if (Array.isArray(body)) return bad('batched requests are not supported; send one operation per request');
    if (!body || typeof body !== 'object') return bad('the body must be a JSON object', { field: 'query' });
    let queryText: unknown = body.query;
    if (body.documentId !== undefined) {
      if (typeof body.documentId !== 'string')
        return bad('"documentId" must be a string "sha256:<hex>"', { field: 'documentId' });
      const text = deps.trustedDocuments.lookup(body.documentId);
      if (text === undefined)
        return bad('unknown document id; send a document from the SDK manifest', { field: 'documentId' });
      if (typeof body.query === 'string' && body.query !== text) {
        return bad('"query" does not match the document id', { field: 'query' });
      }
      queryText = text;
    } else if (principal.client && deps.trustedOnlyClients.has(principal.client)) {
      return bad('this client may only send trusted documents (documentId)', { field: 'documentId' });
    }
    if (typeof queryText !== 'string') {
      return bad('the body must be a JSON object with a "query" string or a "documentId"', { field: 'query' });
    }
    const query = queryText;
    if (
      body.variables !== undefined &&
      body.variables !== null &&
      (typeof body.variables !== 'object' || Array.isArray(body.variables))
    ) {
      return bad('"variables" must be a JSON object', { field: 'variables' });
    }
    if (body.operationName !== undefined && body.operationName !== null && typeof body.operationName !== 'string') {
      return bad('"operationName" must be a string', { field: 'operationName' });
    }
    const operationName = (body.operationName as string | null | undefined) ?? null;

    // Parsing and measuring depend only on the text and the operation chosen: done once per text.
    const queryHash = createHash('sha256').update(query).digest('hex');
    const documentKey = `${operationName ?? ''}:${queryHash}`;
    let analysed = documents.get(documentKey);
    if (!analysed) {
      let document: DocumentNode;
      try {
        document = parse(query, { maxTokens: limits.maxTokens, noLocation: false });
      } catch (error) {
        return bad((error as GraphQLError).message, { field: 'query' });
      }
      analysed = { document, violation: checkLimits(document, operationName, limits) };
      documents.set(documentKey, analysed);
    }
    const { document, violation } = analysed;
    if (violation) return bad(violation.message, { limit: violation.limit });

    const oversized = checkPageSizes(
      document,
      (body.variables as Record<string, unknown> | null) ?? {},
      limits.maxPageSize,
    );
    if (oversized) {
      return bad(`"${oversized.argument}" may be at most ${limits.maxPageSize}`, {
        field: oversized.argument,
        limit: 'maxPageSize',
      });
    }

    const firewall = deps.firewall();
    if (!deps.enforceFirewall && !analysed.apiErrors) analysed.apiErrors = validate(deps.schema.apiSchema, document);
    const errors = deps.enforceFirewall
      ? firewall.validate(principal, document, documentKey)
      : (analysed.apiErrors ?? []);
    if (errors.length > 0) {
      return reply.code(400).send({
        errors: errors.map((e) => ({
          message: e.message,
          locations: e.locations,
          extensions: { code: 'BAD_USER_INPUT' },
        })),
      });
    }

    if (isIntrospection(document)) {
      if (!onlyIntrospection(document)) {
        return bad('introspection fields cannot be combined with data fields in one operation', { field: 'query' });
      }
      // Answered from the caller's projection, never from the full schema (F2).
      const result = await execute({
        schema: firewall.projectionFor(principal),
        document,
        variableValues: body.variables as Record<string, unknown> | undefined,
        operationName,
      });
      return reply.send({
        ...result,
        errors: result.errors?.map((e) => formatGatewayError(e.toJSON(), deps.development)),
      });
    }

    // Decided once per document, after the caller's own validation passed.
    analysed.immutable ??= deps.immutableOperations().isImmutable(document, operationName);
    const answerKey = analysed.immutable ? ImmutableAnswerCache.keyOf(documentKey, body.variables) : undefined;
    if (answerKey !== undefined) {
      const kept = immutableAnswers.get(answerKey) ?? (await immutableAnswers.pending(answerKey));
      if (kept) {
        deps.metrics.immutableAnswers.inc({ result: 'hit' });
        return reply
          .code(200)
          .header('content-type', 'application/json; charset=utf-8')
          .header('cache-status', 'amparo-gateway; hit')
          .send(kept.body);
      }
      deps.metrics.immutableAnswers.inc({ result: 'miss' });
    }

    let prepared = analysed.prepared;
    if (!prepared) {
      try {
        prepared = prepareOperation(deps.schema, document, operationName);
      } catch (error) {
        if (error instanceof OperationChoiceError) return bad(error.message, { field: 'operationName' });
        throw error;
      }
      analysed.prepared = prepared;
    }
    const variables = (body.variables as Record<string, unknown> | null | undefined) ?? {};
    const coercion = getVariableValues(
      deps.schema.apiSchema,
      prepared.definition.variableDefinitions ?? [],
      variables,
      // No "Did you mean…": a suggestion would name an enum value or input field the caller did not send.
      { maxErrors: 10, hideSuggestions: true },
    );
    if (coercion.errors) {
      return reply.code(400).send({
        errors: coercion.errors.map((e) => ({
          message: e.message,
          extensions: { code: 'BAD_USER_INPUT', ...variableField(e) },
        })),
      });
    }

    const context: GatewayContext = {
      principal,
      requestId,
      // The audit trail names the operation even when the client did not say which one it sent.
      operationName: operationName ?? operationNameOf(document),
      operationHash: queryHash,
      purpose: stated.purpose,
    };
    const answered = answerKey === undefined ? undefined : immutableAnswers.begin(answerKey);
    try {
      const result = await executePlan(deps.schema.supergraphSchema, prepared, variables, (subgraph, request) =>
        deps.fetchSubgraph(subgraph, request, context),
      );
      const answer = JSON.stringify({
        errors:
          result.errors.length > 0
            ? result.errors.map((e) => formatGatewayError(e.toJSON(), deps.development))
            : undefined,
        data: result.data,
      });
      // Answers carry personal data: no shared or browser cache may keep them.
      reply.code(200).header('content-type', 'application/json; charset=utf-8').header('cache-control', 'no-store');
      if (answerKey !== undefined) {
        const stored = immutableAnswers.offer(answerKey, 200, answer);
        if (stored) deps.metrics.immutableAnswers.inc({ result: 'stored' });
        reply.header('cache-status', `amparo-gateway; fwd=miss${stored ? '; stored' : ''}`);
      }
      return reply.send(answer);
    } finally {
      answered?.();
    }
  };
}

/** graphql-js attaches the variable's definition to a coercion error: clients get its name as `field`. */
function variableField(error: GraphQLError): { field?: string } {
  const node = error.nodes?.[0];
  return node?.kind === Kind.VARIABLE_DEFINITION ? { field: node.variable.name.value } : {};
}
