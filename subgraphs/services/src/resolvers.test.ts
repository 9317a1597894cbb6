import { describe, expect, it } from 'vitest';
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

/** A request's loaders that fail the test if a field reaches the database. */
function context(prefetched: { openNow?: boolean; organization?: Organization }) {
  const unexpected = { load: () => Promise.reject(new Error('read from the database')) };
  const translated = { load: async () => [{ serviceId: 's-1', language: 'en', name: 'Legal aid', description: null }] };
  const loaders = {
    prefetched: { openNow: new Map<string, boolean>(), organization: new Map<string, Organization>() },
    openNow: { load: async () => ({ id: 's-1', open: false }) },
    organization: { load: async () => ({ ...organization, name: 'loaded' }) },
    translations: translated,
    service: unexpected,
  };
  if (prefetched.openNow !== undefined) loaders.prefetched.openNow.set('s-1', prefetched.openNow);
  if (prefetched.organization) loaders.prefetched.organization.set('o-1', prefetched.organization);
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
