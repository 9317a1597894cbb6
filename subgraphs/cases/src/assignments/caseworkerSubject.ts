import { badUserInput } from '@amparo/kit';

/** Longest token subject kept as a caseworker id (the column's CHECK). */
export const MAX_SUBJECT_LENGTH = 200;

/**
 * Checks a caseworker's token subject (`sub`) as given in `field`: opaque,
 * printable, without spaces. Only its shape can be checked here: this
 * subgraph holds no directory of who works where.
 */
export function caseworkerSubject(field: string, value: string): string {
  if (!/^[\x21-\x7e]+$/.test(value) || value.length > MAX_SUBJECT_LENGTH) {
    throw badUserInput(field, `must be a caseworker's subject id: 1 to ${MAX_SUBJECT_LENGTH} printable characters`);
  }
  return value;
}
