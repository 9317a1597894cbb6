import { LABEL_LANGUAGES, type LabelLanguage } from '../codes/labels.js';

interface MediaRange {
  readonly type: string;
  readonly params: Readonly<Record<string, string>>;
  readonly q: number;
}

function parseAccept(header: string): MediaRange[] {
  return header
    .split(',')
    .map((part) => {
      const [type = '', ...rest] = part.split(';').map((s) => s.trim());
      const params: Record<string, string> = {};
      for (const p of rest) {
        const [k, v] = p.split('=').map((s) => s.trim());
        if (k) params[k.toLowerCase()] = (v ?? '').replace(/^"|"$/g, '');
      }
      const q = params.q === undefined ? 1 : Number(params.q);
      return { type: type.toLowerCase(), params, q: Number.isFinite(q) ? q : 0 };
    })
    .filter((range) => range.type !== '' && range.q > 0);
}

/**
 * True when the Accept header admits one of `types` (exact type, `x/*` or
 * `*\/*`), honouring a `version` parameter on SDMX types: we serve 2.0.0
 * only. A missing header accepts anything.
 */
export function accepts(header: string | undefined, types: readonly string[], sdmxType: string): boolean {
  if (header === undefined || header.trim() === '') return true;
  return parseAccept(header).some((range) => {
    if (range.type === '*/*') return true;
    if (range.type.endsWith('/*')) return types.some((t) => t.startsWith(range.type.slice(0, -1)));
    if (range.type === sdmxType) {
      const version = range.params.version;
      return version === undefined || /^2(\.0(\.0)?)?$/.test(version);
    }
    return types.includes(range.type);
  });
}

/** The first of es, en, fr, pt the Accept-Language header names; English otherwise. */
export function preferredLanguage(header: string | undefined): LabelLanguage {
  for (const range of (header ?? '').split(',')) {
    const tag = range.split(';')[0]?.trim().slice(0, 2).toLowerCase();
    const language = LABEL_LANGUAGES.find((l) => l === tag);
    if (language) return language;
  }
  return 'en';
}
