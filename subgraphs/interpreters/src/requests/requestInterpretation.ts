import type { Database } from '@amparo/kit';
import { criteriaOf } from '../matching/criteriaOf.js';
import { matchCandidates } from '../matching/matchCandidates.js';
import type { Caller } from './Caller.js';
import { REQUEST_COLUMNS, toInterpretationRequest, type InterpretationRequestRow } from './requestRow.js';
import { validateRequestInput, type RequestInterpretationInput } from './validateRequestInput.js';
import { writeAuditEvent } from './writeAuditEvent.js';

/**
 * Records a request and matches it in the same transaction: MATCHED when at
 * least one interpreter could take it, otherwise it stays REQUESTED and its
 * language, sphere and country are counted as unmet demand.
 */
export async function requestInterpretation(
  db: Database,
  caller: Caller,
  input: RequestInterpretationInput,
  now = Date.now(),
) {
  const valid = validateRequestInput(input, caller.principal, now);
  const { principal } = caller;
  return db.transaction(async (tx) => {
    const [row] = await tx.query<InterpretationRequestRow>(
      `INSERT INTO interpretation_requests (language, target_language, sphere, modality, urgency, window_starts_at,
         window_ends_at, duration_minutes, country, preferred_gender, avoid_communities, case_id, requested_by_sub,
         requested_by_role, organization_id, person_preferred_name, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'REQUESTED')
       RETURNING ${REQUEST_COLUMNS}`,
      [
        valid.language,
        valid.targetLanguage,
        valid.sphere,
        valid.modality,
        valid.urgency,
        valid.windowStartsAt,
        valid.windowEndsAt,
        valid.durationMinutes,
        valid.country,
        valid.preferredGender,
        valid.avoidCommunities,
        valid.caseId,
        principal.sub,
        principal.role,
        principal.role === 'caseworker' ? principal.org : null,
        valid.personPreferredName,
      ],
    );
    if (!row) throw new Error('insert returned no row');
    let request = toInterpretationRequest(row);
    const { candidates } = await matchCandidates(tx, criteriaOf(request, now));
    if (candidates.length > 0) {
      await tx.query(`UPDATE interpretation_requests SET status = 'MATCHED', updated_at = now() WHERE id = $1`, [
        request.id,
      ]);
      request = { ...request, status: 'MATCHED' };
    } else {
      await tx.query(
        'INSERT INTO unmet_interpretation_demand (request_id, language, sphere, country) VALUES ($1, $2, $3, $4)',
        [request.id, request.language, request.sphere, request.country],
      );
    }
    await writeAuditEvent(tx, caller, 'InterpretationRequest', [request.id], Object.keys(input).sort());
    return request;
  });
}
