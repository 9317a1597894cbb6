import { badUserInput, forbidden } from '@amparo/kit';
import type { Principal } from '@amparo/schema';
import { isUuid } from './requestAccess.js';

/** `requestInterpretation`'s input as GraphQL delivers it (enums already checked). */
export interface RequestInterpretationInput {
  language: string;
  targetLanguage: string;
  sphere: string;
  modality: string;
  urgency: 'NOW' | 'SCHEDULED';
  windowStartsAt?: string | null;
  windowEndsAt?: string | null;
  durationMinutes: number;
  country: string;
  preferredGender?: string | null;
  avoidCommunities: readonly string[];
  caseId?: string | null;
  personPreferredName?: string | null;
}

export interface ValidRequestInput extends RequestInterpretationInput {
  windowStartsAt: string;
  windowEndsAt: string;
  preferredGender: string | null;
  caseId: string | null;
  personPreferredName: string | null;
}

const LANGUAGE = /^[a-z]{3}$/;
const COUNTRY = /^[A-Z]{2}$/;
// An explicit offset or Z: a bare local time would be read in the server's zone.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
/** How far ahead a window may reach, and how wide it may be; bounds the work of matching. */
const MAX_DAYS_AHEAD = 366;
const MAX_WINDOW_DAYS = 14;
const DAY_MS = 86_400_000;

function instant(field: string, value: string | null | undefined): number {
  if (value == null) throw badUserInput(field, 'is required when urgency is SCHEDULED');
  const ms = INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms))
    throw badUserInput(field, 'must be an ISO 8601 instant with an offset, e.g. 2027-03-15T13:00:00Z');
  return ms;
}

/** Checks the input of `requestInterpretation` and who may make it; returns it normalized, windows resolved. */
export function validateRequestInput(
  input: RequestInterpretationInput,
  principal: Principal,
  now: number,
): ValidRequestInput {
  if (principal.role !== 'caseworker' && principal.role !== 'migrant') throw forbidden();
  if (principal.role === 'caseworker' && principal.org === null) throw forbidden();
  if (!LANGUAGE.test(input.language)) throw badUserInput('input.language', 'must be an ISO 639-3 code such as "mam"');
  if (!LANGUAGE.test(input.targetLanguage) || input.targetLanguage === input.language) {
    throw badUserInput('input.targetLanguage', 'must be an ISO 639-3 code other than the language');
  }
  if (!Number.isInteger(input.durationMinutes) || input.durationMinutes < 15 || input.durationMinutes > 480) {
    throw badUserInput('input.durationMinutes', 'must be between 15 and 480 minutes');
  }
  if (!COUNTRY.test(input.country))
    throw badUserInput('input.country', 'must be an ISO 3166-1 alpha-2 code such as "GT"');
  if (input.avoidCommunities.length > 20 || input.avoidCommunities.some((c) => c.trim().length < 1 || c.length > 100)) {
    throw badUserInput('input.avoidCommunities', 'at most 20 names of 1 to 100 characters');
  }
  const caseId = input.caseId ?? null;
  if (caseId !== null && principal.role === 'migrant') {
    throw badUserInput('input.caseId', 'a request made by the woman herself is not linked to a case');
  }
  if (caseId !== null && !isUuid(caseId)) throw badUserInput('input.caseId', 'is not a case id');
  const name = input.personPreferredName?.trim() ?? null;
  if (name !== null && (name.length < 1 || name.length > 100)) {
    throw badUserInput('input.personPreferredName', 'must be 1 to 100 characters');
  }

  const durationMs = input.durationMinutes * 60_000;
  let start: number;
  let end: number;
  if (input.urgency === 'NOW') {
    if (input.windowStartsAt != null || input.windowEndsAt != null) {
      throw badUserInput('input.windowStartsAt', 'a NOW request takes no window');
    }
    start = now;
    end = now + 30 * 60_000 + durationMs;
  } else {
    start = instant('input.windowStartsAt', input.windowStartsAt);
    end = instant('input.windowEndsAt', input.windowEndsAt);
    if (end - start < durationMs)
      throw badUserInput('input.windowEndsAt', 'the window must be at least as long as the duration');
    if (end - start > MAX_WINDOW_DAYS * DAY_MS)
      throw badUserInput('input.windowEndsAt', `the window may span at most ${MAX_WINDOW_DAYS} days`);
    if (end - durationMs < now) throw badUserInput('input.windowEndsAt', 'the window has already passed');
    if (start > now + MAX_DAYS_AHEAD * DAY_MS)
      throw badUserInput('input.windowStartsAt', `at most ${MAX_DAYS_AHEAD} days ahead`);
  }
  return {
    ...input,
    windowStartsAt: new Date(start).toISOString(),
    windowEndsAt: new Date(end).toISOString(),
    preferredGender: input.preferredGender ?? null,
    avoidCommunities: input.avoidCommunities.map((c) => c.trim()),
    caseId,
    personPreferredName: name,
  };
}
