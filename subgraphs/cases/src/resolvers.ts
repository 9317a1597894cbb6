import type { SubgraphContext } from '@amparo/kit';
import { readableOrganization } from './access/readableOrganization.js';
import type { CasesLoaders } from './loaders.js';
import type { Case } from './cases/caseRow.js';
import { listCases } from './cases/listCases.js';
import { presumedMinor } from './cases/presumedMinor.js';
import type { Referral } from './referrals/referralRow.js';

type Context = SubgraphContext<CasesLoaders>;
const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

// A case the caller may not see resolves to null exactly like a missing or malformed id (F2):
// the loaders only ever return rows of the caller's own organisation.
const findCase = (id: string, ctx: Context) => (isUuid(id) ? ctx.loaders.case.load(id) : null);

export const resolvers = {
  Query: {
    case: (_: unknown, { id }: { id: string }, ctx: Context) => findCase(id, ctx),
    cases: (_: unknown, args: Parameters<typeof listCases>[2], ctx: Context) =>
      listCases(ctx.db, readableOrganization(ctx.principal), args),
  },
  Case: {
    __resolveReference: (ref: { id: string }, ctx: Context) => findCase(ref.id, ctx),
    organization: (c: Case) => ({ id: c.organizationId }),
    presumedMinor: (c: Case) => presumedMinor(c, new Date()),
    referrals: (c: Case, _: unknown, ctx: Context) => ctx.loaders.referralsOfCase.load(c.id),
  },
  Referral: {
    service: (r: Referral) => ({ id: r.serviceId }),
  },
};
