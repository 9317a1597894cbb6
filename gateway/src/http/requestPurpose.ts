/** The header in which a client states why it reads (F6: the trail records who, role, org, purpose…). */
export const PURPOSE_HEADER = 'x-amparo-purpose';

/** Most characters of a purpose: a short reason, such as "case review" or "referral follow-up". */
export const MAX_PURPOSE_LENGTH = 100;

/**
 * Letters, digits, spaces and common punctuation only: a purpose is a reason,
 * not a place for data, and nothing in it may break a log or a CSV line.
 */
const PURPOSE = /^[\p{L}\p{N} .,:;()'/_-]+$/u;

/**
 * The purpose a request states, or null when it states none; a string
 * naming what is wrong when the header is unusable. The purpose is signed
 * into every subgraph token of the request and written on its READ audit
 * events; it is the client's word, recorded, never checked against anything.
 */
export function requestPurpose(
  header: string | string[] | undefined,
): { purpose: string | null } | { problem: string } {
  if (header === undefined) return { purpose: null };
  if (Array.isArray(header)) return { problem: `send ${PURPOSE_HEADER} once` };
  const purpose = header.trim();
  if (purpose.length === 0) return { purpose: null };
  if (purpose.length > MAX_PURPOSE_LENGTH) return { problem: `must be at most ${MAX_PURPOSE_LENGTH} characters` };
  if (!PURPOSE.test(purpose)) return { problem: "may hold letters, digits, spaces and . , : ; ( ) ' / _ - only" };
  return { purpose };
}
