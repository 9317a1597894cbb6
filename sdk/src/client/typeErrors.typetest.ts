/**
 * Compile-time proof that the SDK's types catch mistakes: each
 * `@ts-expect-error` below must be an error, or `tsc -b sdk` fails with
 * "Unused '@ts-expect-error' directive". Never run, only type-checked.
 */
import { GetServiceDocument, OpenCaseDocument, SearchServicesDocument } from '../generated/graphql.js';
import { createClient } from './createClient.js';

export async function typeErrors(): Promise<void> {
  const client = createClient({ url: 'http://localhost/graphql', token: 't' });

  // @ts-expect-error `id` is required by GetService.
  await client.request(GetServiceDocument, {});
  // @ts-expect-error `id` is an ID (string), not a number.
  await client.request(GetServiceDocument, { id: 42 });
  // @ts-expect-error GetService has no variable `name`.
  await client.request(GetServiceDocument, { id: 's', name: 'x' });
  // @ts-expect-error variables are required when the operation has a required one.
  await client.request(OpenCaseDocument);
  // @ts-expect-error `phase` takes a MigrationPhase, not any string.
  await client.cases.open({ countryOfAssistance: 'MX', phase: 'ANYWHERE' });
  // @ts-expect-error `SHELTERS` is not a ServiceCategory.
  await client.services.search({ filter: { categories: ['SHELTERS'] } });

  const service = await client.services.get('s');
  // @ts-expect-error the result may be null: check it first.
  service.name;
  if (service) {
    // @ts-expect-error GetService does not select `migrationStatus` (no such field on Service).
    service.migrationStatus;
    // @ts-expect-error `version` exists on Service but GetService does not select it.
    service.version;
  }

  const data = await client.request(SearchServicesDocument);
  for (const edge of data.services.edges) {
    const name: string = edge.node.name;
    // @ts-expect-error `categories` is a list of enums, not a string.
    const category: string = edge.node.categories;
    void name;
    void category;
  }

  for await (const found of client.cases.listAll({ status: 'OPEN' })) {
    // @ts-expect-error the case list does not select her intake statement.
    found.intakeStatement;
  }
}
