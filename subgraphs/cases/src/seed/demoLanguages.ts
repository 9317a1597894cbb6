import type { SeededRandom } from '@amparo/kit';

/** Indigenous languages (ISO 639-3) spoken in each nationality's country, among DEMO_LANGUAGES. */
const INDIGENOUS_BY_NATIONALITY: Readonly<Record<string, { share: number; codes: readonly string[] }>> = {
  GT: { share: 0.45, codes: ['quc', 'mam', 'kek', 'cak', 'tzj', 'ixl', 'poh'] },
  MX: { share: 0.25, codes: ['nhe', 'tzo', 'tzh', 'yua', 'zap', 'mix'] },
  HN: { share: 0.08, codes: ['cab', 'miq', 'len'] },
  NI: { share: 0.08, codes: ['miq'] },
  SV: { share: 0.03, codes: ['ppl'] },
};

/** Mayan languages among those above: their speakers get Maya names more often. */
export const MAYAN_LANGUAGES: ReadonlySet<string> = new Set([
  'quc',
  'mam',
  'kek',
  'cak',
  'tzj',
  'ixl',
  'poh',
  'tzo',
  'tzh',
  'yua',
]);

/**
 * The languages a demo person speaks. A quarter of indigenous-language
 * speakers speak no Spanish: they are the ones who most need an interpreter.
 */
export function demoLanguages(random: SeededRandom, nationality: string | null): string[] {
  if (nationality === 'HT') {
    const languages = ['hat'];
    if (random.chance(0.4)) languages.push('fra');
    if (random.chance(0.3)) languages.push('spa');
    return languages;
  }
  const indigenous = nationality ? INDIGENOUS_BY_NATIONALITY[nationality] : undefined;
  const languages: string[] = [];
  if (indigenous && random.chance(indigenous.share)) {
    languages.push(random.pick(indigenous.codes));
    if (random.chance(0.75)) languages.push('spa');
  } else {
    languages.push('spa');
  }
  if (random.chance(0.05)) languages.push('eng');
  return languages;
}
