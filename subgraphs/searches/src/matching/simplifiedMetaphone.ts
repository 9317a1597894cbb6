/**
 * A simplified (original, single-code) Metaphone, standing in for the Double
 * Metaphone Primero's Solr index uses. English sound rules only — the point
 * of the comparison: it is what the reference matcher knows. Codes are cut to
 * 4 characters like Double Metaphone's. Latin letters only: a token with any
 * other script gets no code (Primero applies it to Latin script only).
 */
export function simplifiedMetaphone(token: string): string {
  let code = CACHE.get(token);
  if (code === undefined) {
    code = encode(token);
    if (CACHE.size > 50_000) CACHE.clear();
    CACHE.set(token, code);
  }
  return code;
}

const CACHE = new Map<string, string>();

function encode(token: string): string {
  const word = token
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s'’ʼ`´-]/g, '');
  if (!word || /[^a-z]/.test(word)) return '';
  let w = word
    .replace(/^(kn|gn|pn|wr|ae)/, (m) => m.slice(1))
    .replace(/^x/, 's')
    .replace(/^wh/, 'w');
  w = w.replace(/mb$/, 'm');
  const vowel = (c: string | undefined) => !!c && 'aeiou'.includes(c);
  let code = '';
  for (let i = 0; i < w.length; i++) {
    const c = w[i] as string;
    const next = w[i + 1];
    const prev = w[i - 1];
    if (c === prev && c !== 'c') continue;
    if (vowel(c)) {
      if (i === 0) code += c.toUpperCase();
      continue;
    }
    switch (c) {
      case 'b':
        code += 'B';
        break;
      case 'c':
        if (next === 'h' || (next === 'i' && w[i + 2] === 'a')) code += 'X';
        else if (next === 'i' || next === 'e' || next === 'y') code += 'S';
        else code += 'K';
        break;
      case 'd':
        code += next === 'g' && 'eiy'.includes(w[i + 2] ?? '') ? 'J' : 'T';
        break;
      case 'g':
        if (next === 'h' && !vowel(w[i + 2])) break;
        code += next === 'i' || next === 'e' || next === 'y' ? 'J' : 'K';
        break;
      case 'h':
        if (vowel(next) && !'csptg'.includes(prev ?? '')) code += 'H';
        break;
      case 'k':
        if (prev !== 'c') code += 'K';
        break;
      case 'p':
        code += next === 'h' ? 'F' : 'P';
        break;
      case 'q':
        code += 'K';
        break;
      case 's':
        code += next === 'h' || (next === 'i' && (w[i + 2] === 'o' || w[i + 2] === 'a')) ? 'X' : 'S';
        break;
      case 't':
        if (next === 'h') code += '0';
        else code += next === 'i' && (w[i + 2] === 'o' || w[i + 2] === 'a') ? 'X' : 'T';
        break;
      case 'v':
        code += 'F';
        break;
      case 'w':
      case 'y':
        if (vowel(next)) code += c.toUpperCase();
        break;
      case 'x':
        code += 'KS';
        break;
      case 'z':
        code += 'S';
        break;
      default:
        code += c.toUpperCase();
    }
  }
  return code.slice(0, 4);
}
