import { badUserInput } from '@amparo/kit';
import { publishedCodeList } from './codeLists.js';
import type { Dimension } from './dimensions.js';
import { LABEL_LANGUAGES, type LabelLanguage } from './labels.js';

const isLabelLanguage = (language: string): language is LabelLanguage =>
  (LABEL_LANGUAGES as readonly string[]).includes(language);

/** A dimension's published codes with labels in one language. */
export function codeList(dimension: Dimension, language: string) {
  if (!isLabelLanguage(language)) throw badUserInput('language', `must be one of ${LABEL_LANGUAGES.join(', ')}`);
  return publishedCodeList(dimension).map((entry) => ({ code: entry.code, label: entry.labels[language] }));
}
