import { DEMO_ORGANIZATIONS, SeededRandom } from '@amparo/kit';
import { graphqlData } from '../graphqlAnswer.js';
import { bearer, operation, type LatencyWorkload } from '../domainWorkload.js';
import { seedCaseBookings } from '../seedCaseBookings.js';

const QUERY = `query CasePage($id: ID!) {
  case(id: $id) {
    id referenceCode status countryOfAssistance phase givenName familyName preferredName sex birthDate estimatedAge
    presumedMinor nationality languages intakeStatement openedAt closedAt closureReason vulnerabilities needs
    organization { id name }
    referrals {
      id status createdAt respondedAt completedAt intakeStatementShared
      service { id name categories city organization { id name kind } }
      receivingOrganization { id name }
    }
    incidents { id violenceType phase country occurredFrom occurredTo }
    consents { id organization { id name } sections purpose validUntil givenHow active revokedAt }
    interpretationBookings { id status startsAt endsAt modality language sphere interpreter { id displayName } }
  }
}`;

interface Answer {
  case: {
    id: string;
    organization: { id: string; name: string } | null;
    referrals: { service: { name: string; organization: { name: string } | null } | null }[];
    incidents: unknown[];
    consents: { organization: { name: string } | null }[];
    interpretationBookings: { interpreter: { id: string } | null }[];
  } | null;
}

interface Expected {
  readonly organizationId: string;
  readonly referrals: number;
  readonly incidents: number;
  readonly consents: number;
  readonly bookings: number;
}

/**
 * A caseworker's case page: one case of her organisation with its referrals
 * (→ Service → Organization, from the services subgraph), incidents,
 * consents and interpretation bookings (interpreters subgraph). Every
 * seeded case is a candidate; each request uses a token of the case's own
 * organisation. Each answer must be the case asked for, with exactly the
 * referrals, incidents, consents and bookings the database holds for it.
 */
export const casePage: LatencyWorkload = {
  name: 'case-page',
  description: "caseworker's case page: case + referrals → Service → Organization, incidents, consents, bookings",
  targetP95Ms: 100,
  subgraphs: ['cases', 'services', 'interpreters'],
  async prepare({ federation, progress }) {
    const cases = await federation.database('cases');
    const rows = await cases.query<{ id: string; organization_id: string }>(
      'SELECT id::text, organization_id::text FROM cases ORDER BY id',
    );
    const count = async (table: string) =>
      new Map(
        (
          await cases.query<{ id: string; n: number }>(
            `SELECT case_id::text AS id, count(*)::int AS n FROM ${table} GROUP BY case_id`,
          )
        ).map((r) => [r.id, r.n]),
      );
    const referrals = await count('referrals');
    const incidents = await count('incidents');
    const consents = await count('consents');
    progress(`interpreters: booking interpreters for about a third of the ${rows.length} cases…`);
    const bookings = await seedCaseBookings(
      await federation.database('interpreters'),
      rows.map((r) => ({ id: r.id, organizationId: r.organization_id })),
    );
    const expected = new Map<string, Expected>(
      rows.map((r) => [
        r.id,
        {
          organizationId: r.organization_id,
          referrals: referrals.get(r.id) ?? 0,
          incidents: incidents.get(r.id) ?? 0,
          consents: consents.get(r.id) ?? 0,
          bookings: bookings.get(r.id) ?? 0,
        },
      ]),
    );
    const tokens = new Map<string, Record<string, string>>();
    for (const organizationId of new Set(rows.map((r) => r.organization_id))) {
      const kind = DEMO_ORGANIZATIONS.find((o) => o.id === organizationId)?.kind;
      const token = await federation.tokenFor('caseworker', {
        org: organizationId,
        orgKind: kind,
        sub: `bench-caseworker-${tokens.size}`,
      });
      tokens.set(organizationId, bearer(token));
    }
    const ids = [...expected.keys()];
    const random = new SeededRandom('domain-bench:case-page');
    return {
      dataset: {
        cases: ids.length,
        organizations: tokens.size,
        referrals: [...referrals.values()].reduce((a, b) => a + b, 0),
        incidents: [...incidents.values()].reduce((a, b) => a + b, 0),
        consents: [...consents.values()].reduce((a, b) => a + b, 0),
        caseBookings: [...bookings.values()].reduce((a, b) => a + b, 0),
      },
      next() {
        const id = random.pick(ids);
        const want = expected.get(id) as Expected;
        return {
          body: operation(QUERY, { id }),
          headers: tokens.get(want.organizationId),
          check(status, text) {
            const answer = graphqlData<Answer>(status, text);
            if ('problem' in answer) return answer.problem;
            const page = answer.data.case;
            if (!page) return 'case answered null';
            if (page.id !== id) return 'another case than the one asked for';
            if (page.organization?.id !== want.organizationId || !page.organization.name) return 'wrong organisation';
            if (page.referrals.length !== want.referrals) return 'referral count differs from the database';
            if (page.referrals.some((r) => !r.service?.name || !r.service.organization?.name)) {
              return 'referral without its service or the service without its organisation';
            }
            if (page.incidents.length !== want.incidents) return 'incident count differs from the database';
            if (page.consents.length !== want.consents) return 'consent count differs from the database';
            if (page.consents.some((c) => !c.organization?.name)) return 'consent without its organisation';
            if (page.interpretationBookings.length !== want.bookings) return 'booking count differs from the database';
            if (page.interpretationBookings.some((b) => !b.interpreter?.id)) return 'booking without its interpreter';
            return null;
          },
        };
      },
    };
  },
};
