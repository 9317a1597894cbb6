// An example partner integration, compiled with `tsc --strict` against the
// installed @amparo/sdk tarball and run with node by tarball.e2e.ts.
import { AmparoError, createClient, isAmparoError } from '@amparo/sdk';

const url = required('AMPARO_URL');
const organizationId = required('AMPARO_ORG_ID');
const trustedDocuments = process.env.AMPARO_TRUSTED_DOCUMENTS !== 'false';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

// 1. Anyone: search the public catalogue, one page and then page by page.
const publicClient = createClient({ url, trustedDocuments, retries: 1 });
const firstPage = await publicClient.services.search({ first: 3, language: 'es' });
const walked: string[] = [];
for await (const service of publicClient.services.searchAll({ first: 4 })) {
  walked.push(service.id);
  if (walked.length === 10) break;
}

// 2. A caseworker: open a case, record her consent, refer her, read the case page, close it.
const caseworker = createClient({ url, getToken: () => process.env.AMPARO_TOKEN, trustedDocuments });
const opened = await caseworker.cases.open({
  countryOfAssistance: 'MX',
  phase: 'TRANSIT',
  preferredName: 'Ana',
  birthDate: '1991-03-08',
  languages: ['spa'],
});

let elsewhere: { id: string; organizationId: string } | undefined;
for await (const service of caseworker.services.searchAll({ first: 20 })) {
  if (service.organization.id !== organizationId) {
    elsewhere = { id: service.id, organizationId: service.organization.id };
    break;
  }
}
if (!elsewhere) throw new Error('no service of another organisation in the catalogue');

const consent = await caseworker.cases.recordConsent({
  caseId: opened.id,
  organizationId: elsewhere.organizationId,
  sections: ['INTAKE_STATEMENT'],
  purpose: 'referral for legal aid',
  validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  givenHow: 'SIGNED',
});
const referral = await caseworker.cases.refer({
  caseId: opened.id,
  serviceId: elsewhere.id,
  receivingOrganizationId: elsewhere.organizationId,
  consentId: consent.id,
});
const casePage = await caseworker.cases.get(opened.id);
const listed = await caseworker.cases.list({ status: 'REFERRED', first: 50 });
const closed = await caseworker.cases.close(opened.id, 'REFERRED_ELSEWHERE');

// 3. Errors are typed: a bad country comes back as BAD_USER_INPUT naming the field.
let refusal: { code: string; requestId: string | undefined; fields: string[] } | undefined;
try {
  await caseworker.cases.open({ countryOfAssistance: 'ZZ', phase: 'ORIGIN' });
} catch (error) {
  if (!isAmparoError(error, 'BAD_USER_INPUT')) throw error;
  refusal = { code: error.code, requestId: error.requestId, fields: error.fieldErrors.map((f) => f.field) };
}

// 4. Without a token, cases are refused with a typed error too.
let anonymous: string | undefined;
try {
  await publicClient.cases.list();
} catch (error) {
  anonymous = error instanceof AmparoError ? error.code : 'not an AmparoError';
}

console.log(
  JSON.stringify({
    firstPage: { totalCount: firstPage.totalCount, size: firstPage.edges.length },
    walked,
    opened: { id: opened.id, status: opened.status, referenceCode: opened.referenceCode },
    referral: { id: referral.id, status: referral.status, serviceId: referral.service.id },
    casePage: casePage && {
      status: casePage.status,
      referrals: casePage.referrals.map((r) => ({ id: r.id, serviceId: r.service.id, serviceName: r.service.name })),
    },
    listedReferred: listed.edges.some((e) => e.node.id === opened.id),
    closed: { status: closed.status, closureReason: closed.closureReason },
    refusal,
    anonymous,
  }),
);
