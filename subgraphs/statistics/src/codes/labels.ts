/** Languages every code list is labelled in. */
export const LABEL_LANGUAGES = ['es', 'en', 'fr', 'pt'] as const;

export type LabelLanguage = (typeof LABEL_LANGUAGES)[number];

export type Labels = Readonly<Record<LabelLanguage, string>>;

/** Shorthand for a label in the four languages, in the order of {@link LABEL_LANGUAGES}. */
export function labels(es: string, en: string, fr: string, pt: string): Labels {
  return { es, en, fr, pt };
}
