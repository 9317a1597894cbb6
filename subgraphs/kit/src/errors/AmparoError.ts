import type { ErrorCode } from './errorCodes.js';

/**
 * An error whose message is safe to show to the caller. Anything thrown that
 * is not an AmparoError becomes INTERNAL_SERVER_ERROR with a generic message.
 */
export class AmparoError extends Error {
  override readonly name = 'AmparoError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** Invalid input; `field` is the path of the offending input field, e.g. `input.countryCode`. */
export function badUserInput(field: string, message: string, extra: Record<string, unknown> = {}): AmparoError {
  return new AmparoError('BAD_USER_INPUT', message, { field, ...extra });
}

/**
 * Used both for records that do not exist and for records the caller may not
 * see, so the two cannot be told apart (F2).
 */
export function notFound(what: string): AmparoError {
  return new AmparoError('NOT_FOUND', `${what} not found`);
}

export function forbidden(message = 'not allowed'): AmparoError {
  return new AmparoError('FORBIDDEN', message);
}

/** Asserts an internal invariant; a failure is our bug, reported as an internal error. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`invariant failed: ${message}`);
}
