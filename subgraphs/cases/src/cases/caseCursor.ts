import { badUserInput, decodeCursor } from '@amparo/kit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads an `after` cursor of the case list: the (openedAt, id) of the last
 * case of the previous page. A cursor that decodes but does not hold that
 * pair is refused like any forged cursor, before it reaches SQL.
 */
export function decodeCaseCursor(after: string | null | undefined): { openedAt: string; id: string } | null {
  const position = decodeCursor(after);
  if (position === null) return null;
  const [openedAt, id] = position;
  if (
    position.length === 2 &&
    typeof openedAt === 'string' &&
    typeof id === 'string' &&
    UUID.test(id) &&
    !Number.isNaN(Date.parse(openedAt))
  ) {
    return { openedAt, id };
  }
  throw badUserInput('after', 'is not a cursor this API returned; pass pageInfo.endCursor of the previous page');
}
