import { badUserInput } from '../errors/AmparoError.js';

/** Largest page any list returns; larger `first` values are refused, not clamped silently. */
export const MAX_PAGE_SIZE = 100;

/** An opaque cursor over a keyset position (the ORDER BY values of the last row). */
export function encodeCursor(position: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, field = 'after'): (string | number)[] | null {
  if (cursor === null || cursor === undefined) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value;
  } catch {
    /* reported below */
  }
  throw badUserInput(field, 'is not a cursor this API returned; pass pageInfo.endCursor of the previous page');
}

/** Validates `first`: 1…{@link MAX_PAGE_SIZE}. */
export function pageSize(first: number | null | undefined, fallback = 20, field = 'first'): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) {
    throw badUserInput(field, `must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return n;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/**
 * Builds a Relay connection from `size + 1` fetched rows: the extra row only
 * tells whether another page exists.
 */
export function toConnection<T>(
  rows: readonly T[],
  size: number,
  totalCount: number,
  positionOf: (row: T) => readonly (string | number)[],
): Connection<T> {
  const page = rows.slice(0, size);
  const edges = page.map((node) => ({ cursor: encodeCursor(positionOf(node)), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}
