/** A bearer token, or how to get a fresh one (called before every attempt). */
export type TokenSource = string | (() => string | undefined | Promise<string | undefined>);

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** The gateway's GraphQL endpoint, e.g. `https://api.amparo.example/graphql`. */
  readonly url: string;
  /** A bearer token (JWT). Omit both `token` and `getToken` for public data only. */
  readonly token?: string;
  /** Returns the bearer token; called before every attempt, so it may refresh. */
  readonly getToken?: () => string | undefined | Promise<string | undefined>;
  /** The `fetch` to use. @default globalThis.fetch */
  readonly fetch?: typeof fetch;
  /** The longest one call may take, retries and waits included. @default 30000 */
  readonly timeoutMs?: number;
  /** How many times a query is retried after a network error, 429 or 503 (mutations never are). @default 2 */
  readonly retries?: number;
  /** Backoff base: the n-th retry waits a random time up to `retryBaseMs * 2^n`. @default 300 */
  readonly retryBaseMs?: number;
  /** Longest wait between attempts; a `Retry-After` beyond it is not waited for. @default 30000 */
  readonly maxRetryDelayMs?: number;
  /** Extra headers on every request (e.g. a purpose header your organisation agreed with Amparo). */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Send `{ documentId: "sha256:<hex>" }` instead of the document text, so the
   * gateway executes only documents in the SDK's trusted-documents manifest.
   * @default true
   */
  readonly trustedDocuments?: boolean;
}

/** Options of one call. */
export interface RequestOptions {
  /** Cancels the call (and any wait before a retry); the call rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Extra headers for this call only. */
  readonly headers?: Readonly<Record<string, string>>;
}
