import { AmparoError, type AmparoErrorCode, type GraphQLErrorPayload } from './AmparoError.js';
import type { ClientOptions, RequestOptions } from './ClientOptions.js';
import { documentId } from './documentId.js';
import { selectOperation } from './operationKind.js';
import { backoffDelayMs, parseRetryAfterMs, sleep } from './retryDelay.js';

/** Client options with their defaults applied. */
export interface ResolvedClientOptions {
  readonly url: string;
  readonly getToken: () => string | undefined | Promise<string | undefined>;
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly retryBaseMs: number;
  readonly maxRetryDelayMs: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly trustedDocuments: boolean;
  /** The jitter source (tests replace it). */
  readonly random: () => number;
  /** Waits between attempts (tests replace it to observe the delays). */
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
}

export function resolveClientOptions(options: ClientOptions): ResolvedClientOptions {
  if (typeof options.url !== 'string' || options.url === '') throw new TypeError('createClient: `url` is required');
  if (options.token !== undefined && options.getToken !== undefined) {
    throw new TypeError('createClient: pass `token` or `getToken`, not both');
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') throw new TypeError('createClient: no global fetch; pass `fetch`');
  const token = options.token;
  return {
    url: options.url,
    getToken: options.getToken ?? (() => token),
    // Unbound, `window.fetch` throws "Illegal invocation" in browsers.
    fetch: (input, init) => fetchImpl(input, init),
    timeoutMs: options.timeoutMs ?? 30_000,
    retries: Math.max(0, Math.floor(options.retries ?? 2)),
    retryBaseMs: options.retryBaseMs ?? 300,
    maxRetryDelayMs: options.maxRetryDelayMs ?? 30_000,
    headers: options.headers ?? {},
    trustedDocuments: options.trustedDocuments ?? true,
    random: Math.random,
    sleep,
  };
}

interface GraphQLResponseBody {
  readonly data?: unknown;
  readonly errors?: readonly GraphQLErrorPayload[];
}

/** An attempt that failed and may be retried (for queries only). */
class RetryableFailure {
  constructor(
    readonly error: AmparoError,
    readonly retryAfterMs: number | undefined,
  ) {}
}

const STATUS_CODES: Readonly<Record<number, AmparoErrorCode>> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  429: 'RATE_LIMITED',
};

function knownCode(value: unknown): AmparoErrorCode | undefined {
  return value === 'UNAUTHENTICATED' ||
    value === 'FORBIDDEN' ||
    value === 'BAD_USER_INPUT' ||
    value === 'NOT_FOUND' ||
    value === 'RATE_LIMITED' ||
    value === 'INTERNAL_SERVER_ERROR'
    ? value
    : undefined;
}

/**
 * Sends one operation and returns its `data`, or throws an {@link AmparoError}.
 * Queries are retried on network errors, 429 and 503 with exponential
 * backoff and full jitter, waiting at least `Retry-After`; mutations are sent
 * exactly once, since a lost answer does not mean the write did not happen.
 */
export async function executeRequest(
  config: ResolvedClientOptions,
  text: string,
  variables: unknown,
  options: RequestOptions = {},
): Promise<unknown> {
  const operation = selectOperation(text);
  if (!operation) throw new TypeError('the document must contain exactly one operation');
  // Unknown kinds are treated as writes: never retried.
  const retryable = operation.kind === 'query';
  const body = JSON.stringify({
    ...(config.trustedDocuments ? { documentId: await documentId(text) } : { query: text }),
    ...(variables === undefined ? {} : { variables }),
    ...(operation.name ? { operationName: operation.name } : {}),
  });

  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new AmparoError({ code: 'TIMEOUT', message: `no answer within ${config.timeoutMs} ms` })),
    config.timeoutMs,
  );
  const signal = options.signal ? AbortSignal.any([options.signal, deadline.signal]) : deadline.signal;
  try {
    for (let attempt = 0; ; attempt += 1) {
      signal.throwIfAborted();
      const outcome = await attemptOnce(config, body, options.headers, signal);
      if (!(outcome instanceof RetryableFailure)) return outcome;
      if (!retryable || attempt >= config.retries) throw outcome.error;
      const backoff = backoffDelayMs(attempt, config.retryBaseMs, config.maxRetryDelayMs, config.random);
      const wait = Math.max(backoff, outcome.retryAfterMs ?? 0);
      if (wait > config.maxRetryDelayMs) throw outcome.error;
      await config.sleep(wait, signal);
    }
  } catch (error) {
    // The deadline's reason is our TIMEOUT error; a caller's abort keeps its own reason.
    if (signal.aborted && error === signal.reason) throw signal.reason;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

async function attemptOnce(
  config: ResolvedClientOptions,
  body: string,
  callHeaders: Readonly<Record<string, string>> | undefined,
  signal: AbortSignal,
): Promise<unknown | RetryableFailure> {
  const token = await config.getToken();
  let response: Response;
  try {
    response = await config.fetch(config.url, {
      method: 'POST',
      headers: {
        accept: 'application/graphql-response+json, application/json',
        ...config.headers,
        ...callHeaders,
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body,
      signal,
    });
  } catch (cause) {
    if (signal.aborted) throw signal.reason;
    return new RetryableFailure(
      new AmparoError({ code: 'NETWORK_ERROR', message: 'the request could not be sent', cause }),
      undefined,
    );
  }
  const requestId = response.headers.get('x-request-id') ?? undefined;
  const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'));
  let parsed: GraphQLResponseBody | undefined;
  try {
    const raw: unknown = await response.json();
    parsed = raw !== null && typeof raw === 'object' ? (raw as GraphQLResponseBody) : undefined;
  } catch (cause) {
    if (signal.aborted) throw signal.reason;
    parsed = undefined;
    if (response.ok) {
      return new RetryableFailure(
        new AmparoError({ code: 'NETWORK_ERROR', message: 'the answer was not JSON', requestId, cause }),
        undefined,
      );
    }
  }
  const errors = Array.isArray(parsed?.errors) ? parsed.errors : [];
  const data = parsed?.data ?? undefined;
  if (response.ok && errors.length === 0 && data !== undefined) return data;

  const first = errors[0];
  const code = knownCode(first?.extensions?.code) ?? STATUS_CODES[response.status] ?? 'INTERNAL_SERVER_ERROR';
  const error = new AmparoError({
    code,
    message: first?.message ?? `the gateway answered HTTP ${response.status}`,
    requestId,
    status: response.status,
    errors,
    partialData: data === null ? undefined : data,
    retryAfterSeconds: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
  });
  if (response.status === 429 || response.status === 503) return new RetryableFailure(error, retryAfterMs);
  throw error;
}
