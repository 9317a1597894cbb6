/**
 * Error codes an {@link AmparoError} carries: the gateway's catalogue, plus
 * the client's own for failures that never reached (or never came back from)
 * the gateway.
 */
export const AMPARO_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
  /** The request could not be sent or its answer could not be read. */
  'NETWORK_ERROR',
  /** `timeoutMs` elapsed (retries included). */
  'TIMEOUT',
  /** A paginated iterator received the same (or no) cursor for a page that claims a next one. */
  'CURSOR_NOT_ADVANCING',
] as const;

export type AmparoErrorCode = (typeof AMPARO_ERROR_CODES)[number];

/** One GraphQL error as the gateway sends it. */
export interface GraphQLErrorPayload {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/** An input the gateway refused: `field` names it (e.g. `input.validUntil`). */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export interface AmparoErrorDetails {
  readonly code: AmparoErrorCode;
  readonly message: string;
  readonly requestId?: string | undefined;
  readonly status?: number | undefined;
  readonly errors?: readonly GraphQLErrorPayload[] | undefined;
  readonly partialData?: unknown;
  readonly retryAfterSeconds?: number | undefined;
  readonly cause?: unknown;
}

/**
 * Every failure of the SDK. `requestId` (the gateway's `x-request-id`) is what
 * to quote to Amparo's operators; `partialData` keeps what the gateway did
 * answer when some fields failed; `fieldErrors` lists refused inputs.
 */
export class AmparoError extends Error {
  override readonly name = 'AmparoError';
  readonly code: AmparoErrorCode;
  /** The gateway's request id, when the gateway answered. */
  readonly requestId: string | undefined;
  /** The HTTP status, when the gateway answered. */
  readonly status: number | undefined;
  /** Every GraphQL error of the response (the message above is the first one's). */
  readonly errors: readonly GraphQLErrorPayload[];
  /** For `BAD_USER_INPUT`: the refused inputs (from `extensions.field`). */
  readonly fieldErrors: readonly FieldError[];
  /** The `data` of a response that carried both data and errors; undefined otherwise. */
  readonly partialData: unknown;
  /** For `RATE_LIMITED`: how long the gateway asked to wait. */
  readonly retryAfterSeconds: number | undefined;

  constructor(details: AmparoErrorDetails) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = details.code;
    this.requestId = details.requestId;
    this.status = details.status;
    this.errors = details.errors ?? [];
    this.partialData = details.partialData;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.fieldErrors = this.errors.flatMap((e) =>
      e.extensions?.code === 'BAD_USER_INPUT' && typeof e.extensions.field === 'string'
        ? [{ field: e.extensions.field, message: e.message }]
        : [],
    );
  }
}

/** True for an {@link AmparoError}, optionally with one of `codes`. */
export function isAmparoError(error: unknown, ...codes: AmparoErrorCode[]): error is AmparoError {
  return error instanceof AmparoError && (codes.length === 0 || codes.includes(error.code));
}
