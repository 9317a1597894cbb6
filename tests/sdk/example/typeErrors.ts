// Compiled with the example: each @ts-expect-error must be an error against the
// published declarations, or tsc fails ("Unused '@ts-expect-error' directive").
import { createClient, GetServiceDocument } from '@amparo/sdk';

export async function typeErrors(): Promise<void> {
  const client = createClient({ url: 'http://localhost/graphql' });
  // @ts-expect-error `id` is required.
  await client.request(GetServiceDocument, {});
  // @ts-expect-error `id` is a string.
  await client.request(GetServiceDocument, { id: 1 });
  // @ts-expect-error `ANYWHERE` is not a MigrationPhase.
  await client.cases.open({ countryOfAssistance: 'MX', phase: 'ANYWHERE' });
  const service = await client.services.get('s');
  // @ts-expect-error GetService does not select `version`.
  void service?.version;
}
