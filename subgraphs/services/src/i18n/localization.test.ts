import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANIZATIONS, principalFor, startTestSubgraph, type TestSubgraph } from '@amparo/kit';
import { servicesSubgraph } from '../definition.js';
import { CODE_LABELS } from './codeLabels.js';
import { languageChain } from './languageChain.js';

let sg: TestSubgraph;
const org = DEMO_ORGANIZATIONS.find((o) => o.kind === 'NGO')!;
const staff = principalFor('caseworker', org.id, 'staff', 'NGO');
const anyone = principalFor('public');
let spanishFirst = '';
let englishOnly = '';

const CREATE = `mutation ($input: CreateServiceInput!) { createService(input: $input) { id } }`;
const base = {
  categories: ['LEGAL_AID'],
  phases: ['DESTINATION'],
  country: 'MX',
  languages: ['spa'],
  timeZone: 'America/Mexico_City',
};

beforeAll(async () => {
  sg = await startTestSubgraph(servicesSubgraph);
  await sg.db.query('INSERT INTO organizations (id, name, kind, country) VALUES ($1, $2, $3, $4)', [
    org.id,
    org.name,
    org.kind,
    'GT',
  ]);
  const a = await sg.request<{ createService: { id: string } }>(staff, CREATE, {
    input: {
      ...base,
      name: 'Asesoría jurídica',
      description: 'Para mujeres',
      language: 'es',
      translations: [
        { language: 'en', name: 'Legal aid', description: 'For women' },
        { language: 'pt-BR', name: 'Assistência jurídica' },
      ],
    },
  });
  spanishFirst = a.body.data!.createService.id;
  const b = await sg.request<{ createService: { id: string } }>(staff, CREATE, {
    input: {
      ...base,
      name: 'Legal clinic',
      language: 'en',
      translations: [{ language: 'fr', name: 'Clinique juridique' }],
    },
  });
  englishOnly = b.body.data!.createService.id;
});
afterAll(() => sg?.close());

const NAME = `query ($id: ID!, $language: String) {
  service(id: $id) { name(language: $language) description(language: $language) nameLanguage(language: $language)
    categoryLabels(language: $language) { code label language } }
}`;
interface Named {
  service: {
    name: string;
    description: string | null;
    nameLanguage: string;
    categoryLabels: { code: string; label: string; language: string }[];
  };
}
const named = async (id: string, language: string | null) =>
  (await sg.request<Named>(anyone, NAME, { id, language })).body.data!.service;

describe('localized names and descriptions', () => {
  it('answers in the requested language when the service has it', async () => {
    expect(await named(spanishFirst, 'en')).toMatchObject({
      name: 'Legal aid',
      description: 'For women',
      nameLanguage: 'en',
    });
    expect(await named(spanishFirst, 'pt-BR')).toMatchObject({ name: 'Assistência jurídica', nameLanguage: 'pt-BR' });
    expect(await named(englishOnly, 'fr')).toMatchObject({ name: 'Clinique juridique', nameLanguage: 'fr' });
  });

  it('falls back quc → es → en → the entered text', async () => {
    expect(languageChain('quc')).toEqual(['quc', 'es', 'en']);
    expect(await named(spanishFirst, 'quc')).toMatchObject({ name: 'Asesoría jurídica', nameLanguage: 'es' });
    expect(await named(englishOnly, 'quc')).toMatchObject({ name: 'Legal clinic', nameLanguage: 'en' });
    expect(await named(spanishFirst, 'en-CA')).toMatchObject({ name: 'Legal aid', nameLanguage: 'en' });
    expect(await named(englishOnly, 'es')).toMatchObject({ name: 'Legal clinic', nameLanguage: 'en' });
    expect(await named(spanishFirst, null)).toMatchObject({ name: 'Asesoría jurídica', nameLanguage: 'es' });
  });

  it('refuses a malformed language tag, naming the argument', async () => {
    const { body } = await sg.request(anyone, NAME, { id: spanishFirst, language: 'español!' });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'language' });
  });
});

describe('localized code lists', () => {
  it('has labels in es, en, fr and pt for every code, distinct from the code itself', () => {
    for (const [list, codes] of Object.entries(CODE_LABELS)) {
      for (const [code, labels] of Object.entries(codes)) {
        expect(labels, `${list}.${code}`).toHaveLength(4);
        for (const label of labels) expect(label.trim().length, `${list}.${code}`).toBeGreaterThan(1);
      }
    }
  });

  it('labels a service’s categories and whole lists, with fallback', async () => {
    expect((await named(spanishFirst, 'fr')).categoryLabels).toEqual([
      { code: 'LEGAL_AID', label: 'Aide juridique', language: 'fr' },
    ]);
    expect((await named(spanishFirst, 'mam')).categoryLabels).toEqual([
      { code: 'LEGAL_AID', label: 'Asesoría jurídica', language: 'es' },
    ]);
    const LIST = `query ($list: ServiceCodeList!, $language: String) { serviceCodeList(list: $list, language: $language) { code label language } }`;
    const phases = await sg.request<{ serviceCodeList: { code: string; label: string; language: string }[] }>(
      anyone,
      LIST,
      {
        list: 'PHASE',
        language: 'pt-BR',
      },
    );
    expect(phases.body.data!.serviceCodeList).toEqual([
      { code: 'ORIGIN', label: 'Origem', language: 'pt' },
      { code: 'TRANSIT', label: 'Trânsito', language: 'pt' },
      { code: 'DESTINATION', label: 'Destino', language: 'pt' },
      { code: 'RETURN', label: 'Retorno', language: 'pt' },
    ]);
    const categories = await sg.request<{ serviceCodeList: { code: string }[] }>(anyone, LIST, {
      list: 'CATEGORY',
      language: 'en',
    });
    expect(categories.body.data!.serviceCodeList).toHaveLength(21);
  });
});
