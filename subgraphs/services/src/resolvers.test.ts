import { describe, expect, it } from 'vitest';
import { keyedLoader } from '@amparo/kit';
import type { Service } from './catalogue/serviceRow.js';
import type { Organization } from './organizations/organizationRow.js';
import { resolvers } from './resolvers.js';

const service = {
  id: 's-1',
  organizationId: 'o-1',
  defaultName: 'Asesoría jurídica',
  defaultDescription: 'Para mujeres',
  defaultLanguage: 'es',
} as Service;
const organization = { id: 'o-1', name: 'Casa de la Mujer' } as Organization;

/** A request's loaders (the kit's, as in production) that hold only what the test primes into them. */
function context(prefetched: { openNow?: boolean; organization?: Organization }) {
  const loaders = {
    openNow: keyedLoader(
      async () => [{ id: 's-1', open: false }],
      (r) => r.id,
    ),
    organization: keyedLoader(
      async () => [{ ...organization, name: 'loaded' }],
      (o: Organization) => o.id,
    ),
    translations: { load: async () => [{ serviceId: 's-1', language: 'en', name: 'Legal aid', description: null }] },
  };
  if (prefetched.openNow !== undefined) loaders.openNow.prime('s-1', { id: 's-1', open: prefetched.openNow });
  if (prefetched.organization) loaders.organization.prime('o-1', prefetched.organization);
  return { loaders } as never;
}

describe('Service fields of a catalogue page', () => {
  const { name, openNow, organization: organizationField } = resolvers.Service;

  it('answers what the page statement read as plain values, without a loader', () => {
    const ctx = context({ openNow: true, organization });
    expect(openNow(service, undefined, ctx)).toBe(true);
    expect(organizationField(service, undefined, ctx)).toBe(organization);
    expect(name(service, { language: 'es' }, ctx)).toBe('Asesoría jurídica');
  });

  it('falls back to the loaders for what the page did not read', async () => {
    const ctx = context({});
    await expect(openNow(service, undefined, ctx)).resolves.toBe(false);
    await expect(organizationField(service, undefined, ctx)).resolves.toMatchObject({ name: 'loaded' });
    await expect(name(service, { language: 'en' }, ctx)).resolves.toBe('Legal aid');
  });
});
