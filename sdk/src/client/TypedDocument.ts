/**
 * A document that knows its result and variables types: the SDK's generated
 * `…Document` constants, or any `TypedDocumentString` (structurally the same
 * as `DocumentTypeDecoration` from `@graphql-typed-document-node/core`).
 */
export interface TypedDocument<TResult, TVariables> {
  /** The document text, exactly as sent and hashed. */
  toString(): string;
  /** Type-level only; never present at run time. */
  readonly __apiType?: (variables: TVariables) => TResult;
}

/** The result type of a typed document. */
export type ResultOf<T> = T extends TypedDocument<infer R, infer _V> ? R : never;
/** The variables type of a typed document. */
export type VariablesOf<T> = T extends TypedDocument<infer _R, infer V> ? V : never;
