import type { GraphQLFormattedError } from 'graphql';

const PUBLIC_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'RATE_LIMITED']);
/** Extensions a client may see; anything else (stack, serviceName, exception, http) is dropped. */
const PUBLIC_EXTENSIONS = ['field', 'reason', 'limit', 'retryAfterSeconds'];

/**
 * The last word on every error leaving the gateway: the code comes from the
 * catalogue, messages of unknown errors are replaced (a subgraph's connection
 * error would otherwise name an internal URL), and no stack or exception
 * detail survives outside development mode.
 */
export function formatGatewayError(formatted: GraphQLFormattedError, development: boolean): GraphQLFormattedError {
  const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : 'INTERNAL_SERVER_ERROR';
  const extensions: Record<string, unknown> = { code: PUBLIC_CODES.has(code) ? code : 'INTERNAL_SERVER_ERROR' };
  for (const key of PUBLIC_EXTENSIONS) {
    if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
  }
  const known = PUBLIC_CODES.has(code);
  const message = known || development ? formatted.message : 'Internal server error';
  return { message, ...(formatted.path ? { path: formatted.path } : {}), extensions };
}

export function errorBody(code: string, message: string, extra: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...extra } }] };
}
