import {
  defaultFieldResolver,
  getNamedType,
  isObjectType,
  type DirectiveNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type ValueNode,
} from 'graphql';
import { isAllowed, type Principal } from '@amparo/schema';
import type { AuditCollector } from '../audit/AuditCollector.js';
import { AmparoError } from '../errors/AmparoError.js';

/** What the SECURITY directives on one field (or the type it returns) demand. */
export interface FieldRequirement {
  authenticated: boolean;
  scopes: string[][] | null;
  policies: string[][] | null;
}

function listOfLists(value: ValueNode | undefined): string[][] {
  if (value?.kind !== 'ListValue') return [];
  return value.values.map((inner) =>
    inner.kind === 'ListValue' ? inner.values.flatMap((v) => (v.kind === 'StringValue' ? [v.value] : [])) : [],
  );
}

function merge(into: FieldRequirement, directives: readonly DirectiveNode[] | undefined): void {
  for (const d of directives ?? []) {
    const arg = d.arguments?.[0]?.value;
    if (d.name.value === 'authenticated') into.authenticated = true;
    // Several declarations must all hold: AND them by concatenating each alternative.
    if (d.name.value === 'requiresScopes') into.scopes = andAlternatives(into.scopes, listOfLists(arg));
    if (d.name.value === 'policy') into.policies = andAlternatives(into.policies, listOfLists(arg));
  }
}

function andAlternatives(a: string[][] | null, b: string[][]): string[][] {
  if (a === null) return b;
  return a.flatMap((x) => b.map((y) => [...x, ...y]));
}

function typeRequirement(type: GraphQLNamedType): FieldRequirement {
  const requirement: FieldRequirement = { authenticated: false, scopes: null, policies: null };
  merge(requirement, type.astNode?.directives);
  for (const ext of type.extensionASTNodes ?? []) merge(requirement, ext.directives);
  return requirement;
}

/**
 * The requirement of a field: its own directives, those of the type it
 * returns and those of the type it belongs to (so an entity reached through
 * `_entities` is as protected as one reached through a query field).
 */
export function requirementOf(field: GraphQLField<unknown, unknown>, parent?: GraphQLNamedType): FieldRequirement {
  const requirement: FieldRequirement = { authenticated: false, scopes: null, policies: null };
  merge(requirement, field.astNode?.directives);
  const named = getNamedType(field.type);
  merge(requirement, named.astNode?.directives);
  for (const ext of named.extensionASTNodes ?? []) merge(requirement, ext.directives);
  if (parent) {
    merge(requirement, parent.astNode?.directives);
    for (const ext of parent.extensionASTNodes ?? []) merge(requirement, ext.directives);
  }
  return requirement;
}

const declares = (r: FieldRequirement) => r.authenticated || r.scopes !== null || r.policies !== null;

type ReferenceResolver = (reference: unknown, context: { principal: Principal }, info: unknown) => unknown;

/**
 * `_entities` resolves an entity through `__resolveReference`, which no field
 * resolver guards; an entity whose type declares a requirement answers null
 * to a principal who does not meet it — exactly what a missing entity answers.
 */
function guardReferenceResolver(type: GraphQLObjectType): void {
  const requirement = typeRequirement(type);
  if (!declares(requirement)) return;
  const extensions = type.extensions as { apollo?: { subgraph?: { resolveReference?: ReferenceResolver } } };
  const resolveReference = extensions.apollo?.subgraph?.resolveReference;
  const guarded: ReferenceResolver = (reference, context, info) =>
    isAllowed(context.principal, requirement)
      ? resolveReference
        ? resolveReference(reference, context, info)
        : reference
      : null;
  (type as { extensions: unknown }).extensions = {
    ...extensions,
    apollo: { ...extensions.apollo, subgraph: { ...extensions.apollo?.subgraph, resolveReference: guarded } },
  };
}

/**
 * Defence in depth (F3): every field that declares `@authenticated`,
 * `@requiresScopes` or `@policy` — on itself, its type or the type it returns — is
 * re-checked here with the same policy code the gateway uses, so a request
 * that slipped past the gateway's filter still gets nothing.
 */
export function enforceFieldAuthorization(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    guardReferenceResolver(type);
    for (const field of Object.values(type.getFields())) {
      const requirement = requirementOf(field, type);
      if (!declares(requirement)) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const audited = requirement.policies?.some((all) => all.includes('firewall')) ?? false;
      const typeName = type.name;
      field.resolve = (source, args, context: { principal: Principal; audit?: AuditCollector }, info) => {
        if (!isAllowed(context.principal, requirement)) {
          throw new AmparoError('FORBIDDEN', 'not allowed');
        }
        // F6: firewalled data read is written to the trail when the request ends.
        if (audited) context.audit?.record(typeName, field.name, (source as { id?: unknown } | null)?.id);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
