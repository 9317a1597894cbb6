import {
  CloseCaseDocument,
  type CloseCaseMutation,
  type CaseClosureReason,
  CompleteReferralDocument,
  type CompleteReferralMutation,
  GetCaseDocument,
  type GetCaseQuery,
  ListCasesDocument,
  type ListCasesQuery,
  type ListCasesQueryVariables,
  ListReceivedReferralsDocument,
  type ListReceivedReferralsQuery,
  type ListReceivedReferralsQueryVariables,
  ListSharedCasesDocument,
  type ListSharedCasesQuery,
  type ListSharedCasesQueryVariables,
  type OpenCaseInput,
  OpenCaseDocument,
  type OpenCaseMutation,
  type RecordConsentInput,
  RecordConsentDocument,
  type RecordConsentMutation,
  type ReferCaseInput,
  ReferCaseDocument,
  type ReferCaseMutation,
  ReferralOutcomesDocument,
  type ReferralOutcomesQuery,
  type ReferralOutcomesQueryVariables,
  RespondToReferralDocument,
  type RespondToReferralMutation,
  RevokeConsentDocument,
  type RevokeConsentMutation,
} from '../../generated/graphql.js';
import type { RequestOptions } from '../ClientOptions.js';
import type { RequestFunction } from '../createClient.js';
import { paginate } from '../paginate.js';

type CaseConnection = ListCasesQuery['cases'];
/** One case as the case list returns it. */
export type CaseSummary = CaseConnection['edges'][number]['node'];
type SharedCaseConnection = ListSharedCasesQuery['sharedCases'];

/** `client.cases`: a case's lifecycle for caseworkers. Her migration status is never selected. */
export interface CasesApi {
  /** One page of the organisation's cases, newest first (`ListCases`). */
  list(variables?: ListCasesQueryVariables, options?: RequestOptions): Promise<CaseConnection>;
  /** Every case of the organisation, page by page (`ListCases`). */
  listAll(
    variables?: Omit<ListCasesQueryVariables, 'after'>,
    options?: RequestOptions,
  ): AsyncGenerator<CaseSummary, void, undefined>;
  /** One page of cases shared with the organisation by consent (`ListSharedCases`). */
  shared(variables?: ListSharedCasesQueryVariables, options?: RequestOptions): Promise<SharedCaseConnection>;
  /** The case page with consents and referrals (and each referral's service), or null (`GetCase`). */
  get(id: string, options?: RequestOptions): Promise<GetCaseQuery['case']>;
  /** Referrals received by the organisation (`ListReceivedReferrals`). */
  receivedReferrals(
    variables?: ListReceivedReferralsQueryVariables,
    options?: RequestOptions,
  ): Promise<ListReceivedReferralsQuery['receivedReferrals']>;
  /** Referral counts by outcome (`ReferralOutcomes`). */
  referralOutcomes(
    variables?: ReferralOutcomesQueryVariables,
    options?: RequestOptions,
  ): Promise<ReferralOutcomesQuery['referralOutcomes']>;
  /** Opens a case at intake (`OpenCase`; never retried). */
  open(input: OpenCaseInput, options?: RequestOptions): Promise<OpenCaseMutation['openCase']>;
  /** Records her consent to share sections with one organisation (`RecordConsent`). */
  recordConsent(input: RecordConsentInput, options?: RequestOptions): Promise<RecordConsentMutation['recordConsent']>;
  /** Revokes a consent (`RevokeConsent`). */
  revokeConsent(id: string, options?: RequestOptions): Promise<RevokeConsentMutation['revokeConsent']>;
  /** Refers a case to another organisation's service under a consent (`ReferCase`). */
  refer(input: ReferCaseInput, options?: RequestOptions): Promise<ReferCaseMutation['referCase']>;
  /** Accepts or declines a received referral (`RespondToReferral`). */
  respondToReferral(
    id: string,
    accept: boolean,
    options?: RequestOptions,
  ): Promise<RespondToReferralMutation['respondToReferral']>;
  /** Marks an accepted referral completed (`CompleteReferral`). */
  completeReferral(id: string, options?: RequestOptions): Promise<CompleteReferralMutation['completeReferral']>;
  /** Closes a case (`CloseCase`). */
  close(id: string, reason: CaseClosureReason, options?: RequestOptions): Promise<CloseCaseMutation['closeCase']>;
}

export function casesApi(request: RequestFunction): CasesApi {
  const list: CasesApi['list'] = async (variables, options) =>
    (await request(ListCasesDocument, variables, options)).cases;
  return {
    list,
    listAll: (variables, options) => paginate((after) => list({ ...variables, after }, options)),
    shared: async (variables, options) => (await request(ListSharedCasesDocument, variables, options)).sharedCases,
    get: async (id, options) => (await request(GetCaseDocument, { id }, options)).case,
    receivedReferrals: async (variables, options) =>
      (await request(ListReceivedReferralsDocument, variables, options)).receivedReferrals,
    referralOutcomes: async (variables, options) =>
      (await request(ReferralOutcomesDocument, variables, options)).referralOutcomes,
    open: async (input, options) => (await request(OpenCaseDocument, { input }, options)).openCase,
    recordConsent: async (input, options) => (await request(RecordConsentDocument, { input }, options)).recordConsent,
    revokeConsent: async (id, options) => (await request(RevokeConsentDocument, { id }, options)).revokeConsent,
    refer: async (input, options) => (await request(ReferCaseDocument, { input }, options)).referCase,
    respondToReferral: async (id, accept, options) =>
      (await request(RespondToReferralDocument, { id, accept }, options)).respondToReferral,
    completeReferral: async (id, options) =>
      (await request(CompleteReferralDocument, { id }, options)).completeReferral,
    close: async (id, reason, options) => (await request(CloseCaseDocument, { id, reason }, options)).closeCase,
  };
}
