export interface TranslationRow {
  service_id: string;
  language: string;
  name: string;
  description: string | null;
}

export interface Translation {
  serviceId: string;
  language: string;
  name: string;
  description: string | null;
}

export function toTranslation(row: TranslationRow): Translation {
  return { serviceId: row.service_id, language: row.language, name: row.name, description: row.description };
}

/**
 * The text in the first language of `chain` that the service has, the
 * entered text (in its own language) when none does.
 */
export function pickTranslation(
  service: { defaultName: string; defaultDescription: string | null; defaultLanguage: string },
  translations: readonly Translation[],
  chain: readonly string[],
): { name: string; description: string | null; language: string } {
  const own = { name: service.defaultName, description: service.defaultDescription, language: service.defaultLanguage };
  for (const language of chain) {
    if (language === service.defaultLanguage) return own;
    const found = translations.find((t) => t.language.toLowerCase() === language);
    if (found) return { name: found.name, description: found.description, language: found.language };
  }
  return own;
}
