import { auditorQueries } from '@amparo/kit';
import { forbidden, pageSize, type SubgraphContext } from '@amparo/kit';
import type { BookingStatus } from './bookings/bookingLifecycle.js';
import type { InterpretationBooking } from './bookings/bookingRow.js';
import { confirmInterpreter } from './bookings/confirmInterpreter.js';
import { myInterpretationBookings } from './bookings/myInterpretationBookings.js';
import { updateBookingStatus } from './bookings/updateBookingStatus.js';
import { unmetInterpretationDemand } from './demand/unmetInterpretationDemand.js';
import type { InterpretersLoaders } from './loaders.js';
import type { Candidate, Exclusion } from './matching/matchCandidates.js';
import { assertMayReadInterpreters } from './registry/interpreterAccess.js';
import type { Interpreter } from './registry/interpreterRow.js';
import { searchInterpreters } from './registry/searchInterpreters.js';
import { isUuid, loadAccessibleRequest } from './requests/requestAccess.js';
import { requestInterpretation } from './requests/requestInterpretation.js';
import type { InterpretationRequest } from './requests/requestRow.js';
import type { RequestInterpretationInput } from './requests/validateRequestInput.js';
import { interpretersStatisticsExtract } from './statistics/interpretersStatisticsExtract.js';

type Context = SubgraphContext<InterpretersLoaders>;

/** Statuses for which matching still means something. */
const OPEN = new Set(['REQUESTED', 'MATCHED']);

export const resolvers = {
  Query: {
    ...auditorQueries('interpreters'),
    interpreter: (_: unknown, { id }: { id: string }, ctx: Context) =>
      isUuid(id) ? ctx.loaders.interpreter.load(id) : null,
    interpreters: (_: unknown, args: Parameters<typeof searchInterpreters>[1], ctx: Context) =>
      searchInterpreters(ctx.db, args),
    interpretationRequest: (_: unknown, { id }: { id: string }, ctx: Context) =>
      loadAccessibleRequest(ctx.db, ctx.principal, id),
    myInterpretationBookings: (_: unknown, { first }: { first?: number | null }, ctx: Context) =>
      myInterpretationBookings(ctx.db, ctx.principal, first),
    unmetInterpretationDemand: (_: unknown, args: { from: string; to: string }, ctx: Context) =>
      unmetInterpretationDemand(ctx.db, ctx.principal, args),
    interpretersStatisticsExtract: (_: unknown, { period }: { period: string }, ctx: Context) => {
      // The kit checks the scope already; a second check costs nothing and keeps the extract closed if that ever changes.
      if (!ctx.principal.scopes.includes('statistics:extract')) throw forbidden();
      return interpretersStatisticsExtract(ctx.db, period);
    },
  },
  Mutation: {
    requestInterpretation: (_: unknown, { input }: { input: RequestInterpretationInput }, ctx: Context) =>
      requestInterpretation(ctx.db, ctx, input),
    confirmInterpreter: (_: unknown, args: { requestId: string; interpreterId: string }, ctx: Context) =>
      confirmInterpreter(ctx.db, ctx, args.requestId, args.interpreterId),
    updateBookingStatus: (_: unknown, args: { requestId: string; status: BookingStatus }, ctx: Context) =>
      updateBookingStatus(ctx.db, ctx, args.requestId, args.status),
  },
  Interpreter: {
    __resolveReference: (ref: { id: string }, ctx: Context) => {
      assertMayReadInterpreters(ctx.principal);
      return isUuid(ref.id) ? ctx.loaders.interpreter.load(ref.id) : null;
    },
    languages: (interpreter: Interpreter, _: unknown, ctx: Context) =>
      ctx.loaders.languagesOfInterpreter.load(interpreter.id),
    certifications: (interpreter: Interpreter, _: unknown, ctx: Context) =>
      ctx.loaders.certificationsOfInterpreter.load(interpreter.id),
    weeklyAvailability: (interpreter: Interpreter, _: unknown, ctx: Context) =>
      ctx.loaders.weeklyAvailabilityOfInterpreter.load(interpreter.id),
    availabilityExceptions: (interpreter: Interpreter, _: unknown, ctx: Context) =>
      ctx.loaders.availabilityExceptionsOfInterpreter.load(interpreter.id),
  },
  InterpretationRequest: {
    case: (request: InterpretationRequest) => (request.caseId === null ? null : { id: request.caseId }),
    booking: (request: InterpretationRequest, _: unknown, ctx: Context) =>
      ctx.loaders.bookingOfRequest.load(request.id),
    candidates: async (request: InterpretationRequest, { first }: { first?: number | null }, ctx: Context) => {
      const size = pageSize(first, 10);
      if (!OPEN.has(request.status)) return [];
      return (await ctx.loaders.matchOf(request)).candidates.slice(0, size);
    },
    excludedInterpreters: async (request: InterpretationRequest, _: unknown, ctx: Context) =>
      OPEN.has(request.status) ? (await ctx.loaders.matchOf(request)).excluded : [],
  },
  InterpretationCandidate: {
    interpreter: (candidate: Candidate, _: unknown, ctx: Context) =>
      ctx.loaders.interpreter.load(candidate.interpreterId),
    earliestStartAt: (candidate: Candidate) => new Date(candidate.earliestStartAt).toISOString(),
  },
  CandidateExclusion: {
    interpreter: (exclusion: Exclusion, _: unknown, ctx: Context) =>
      ctx.loaders.interpreter.load(exclusion.interpreterId),
  },
  InterpretationBooking: {
    interpreter: (booking: InterpretationBooking, _: unknown, ctx: Context) =>
      ctx.loaders.interpreter.load(booking.interpreterId),
  },
  Case: {
    // Any id answers: the gateway reaches this only with a case the cases subgraph let the caller see.
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    interpretationBookings: (ref: { id: string }, _: unknown, ctx: Context) =>
      isUuid(ref.id) && ctx.principal.role === 'caseworker' ? ctx.loaders.bookingsOfCase.load(ref.id) : [],
  },
};
