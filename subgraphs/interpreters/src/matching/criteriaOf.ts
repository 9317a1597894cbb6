import type { InterpretationRequest } from '../requests/requestRow.js';
import type { MatchCriteria } from './matchCandidates.js';
import { matchWindow } from './matchWindow.js';

/** The matching criteria of a stored request, as of `now`. */
export function criteriaOf(request: InterpretationRequest, now: number, interpreterId?: string): MatchCriteria {
  return {
    language: request.language,
    targetLanguage: request.targetLanguage,
    sphere: request.sphere,
    modality: request.modality,
    country: request.country,
    preferredGender: request.preferredGender,
    avoidCommunities: request.avoidCommunities,
    durationMinutes: request.durationMinutes,
    window: matchWindow(request, now),
    now,
    ...(interpreterId === undefined ? {} : { interpreterId }),
  };
}
