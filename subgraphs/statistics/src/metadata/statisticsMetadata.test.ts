import { describe, expect, it } from 'vitest';
import { LABEL_LANGUAGES } from '../codes/labels.js';
import { DEFAULT_RELEASE_POLICY } from '../disclosure/releasePolicy.js';
import { MEASURES } from '../measures/measures.js';
import { DIMENSIONS } from '../codes/dimensions.js';
import { statisticsMetadata } from './statisticsMetadata.js';

describe('statisticsMetadata', () => {
  it('defines every measure and dimension in es, en, fr and pt, with distinct texts per language', () => {
    const all = LABEL_LANGUAGES.map((language) => statisticsMetadata(language, DEFAULT_RELEASE_POLICY));
    for (const metadata of all) {
      expect(metadata.measures.map((m) => m.measure)).toEqual([...MEASURES]);
      expect(metadata.dimensions.map((d) => d.dimension)).toEqual([...DIMENSIONS]);
      for (const m of metadata.measures) {
        expect(m.name.length).toBeGreaterThan(3);
        expect(m.definition.length).toBeGreaterThan(20);
        expect(m.sdmxKeyOrder[0]).toBe('FREQ');
        expect(m.dataflow).toBe(`AMPARO:${m.measure}(1.0)`);
      }
      for (const d of metadata.dimensions) {
        expect(d.definition.length).toBeGreaterThan(20);
        expect(d.codes.at(-1)?.code).toBe('_T');
      }
      expect(metadata.ageGroups.map((a) => a.code)).toEqual([
        'Y_LT12',
        'Y12T17',
        'Y18T24',
        'Y25T34',
        'Y35T49',
        'Y50T59',
        'Y_GE60',
        '_U',
      ]);
      expect(metadata.disclosureControl).toContain('11');
      expect(metadata.disclosureControl).toContain('±7');
    }
    expect(new Set(all.map((m) => m.disclosureControl)).size).toBe(4);
    expect(new Set(all.map((m) => m.measures[0]?.definition)).size).toBe(4);
    expect(JSON.stringify(all)).not.toMatch(/MIGRATION_STATUS/);
  });

  it('states the parameters new releases use', () => {
    const metadata = statisticsMetadata('en', { ...DEFAULT_RELEASE_POLICY, threshold: 20 });
    expect(metadata.currentPolicy).toMatchObject({
      threshold: 20,
      noiseScale: 3,
      contributionCap: 1,
      confidenceLevel: 0.9,
      intervalHalfWidth: 7,
    });
    expect(metadata.disclosureControl).toMatch(/below 20/);
  });
});
