import { badUserInput } from '@amparo/kit';

const BCP47 = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}$/;

/**
 * Languages tried, in order, for a requested BCP-47 tag: the tag itself, its
 * primary language, then Spanish (the lingua franca of the routes, so a K'iche'
 * speaker reads Spanish before English), then English.
 */
export function languageChain(language: string | null | undefined, field = 'language'): string[] {
  if (language === null || language === undefined) return ['es', 'en'];
  if (!BCP47.test(language)) throw badUserInput(field, 'must be a BCP-47 language tag such as "es", "pt-BR" or "quc"');
  const tag = language.toLowerCase();
  const primary = tag.split('-')[0] as string;
  return [...new Set([tag, primary, 'es', 'en'])];
}

/** Normalizes a tag for storage (lower-case primary language, as given otherwise). */
export function normalizeLanguageTag(language: string, field: string): string {
  if (!BCP47.test(language)) throw badUserInput(field, 'must be a BCP-47 language tag such as "es", "pt-BR" or "quc"');
  const [primary, ...rest] = language.split('-');
  return [(primary as string).toLowerCase(), ...rest].join('-');
}
