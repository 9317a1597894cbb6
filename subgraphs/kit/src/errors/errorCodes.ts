/** The error codes of ARCHITECTURE.md "Gateway duties"; nothing else reaches a client. */
export const ERROR_CODES = {
  UNAUTHENTICATED: { status: 401 },
  FORBIDDEN: { status: 403 },
  BAD_USER_INPUT: { status: 400 },
  NOT_FOUND: { status: 404 },
  RATE_LIMITED: { status: 429 },
  INTERNAL_SERVER_ERROR: { status: 500 },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
