import { foldName } from './nameKey.js';

/**
 * A phonetic code for one name token, written for Spanish as spoken in the
 * region and for Mayan and other indigenous names as civil registries
 * transliterate them. Double Metaphone (Primero's choice) encodes English
 * sound rules: it splits Spanish pairs that sound alike (Vásquez/Básquez,
 * Yolanda/Llolanda) and joins none of the colonial/modern Mayan spellings
 * (Tzoc/Tzok, Xol/Shol, Quej/Kej). The rules, applied in order on the folded
 * token (lower case, no accents, no apostrophes — foldName):
 *
 * 1. Glottal apostrophes (K'iche' k', q', tz', ch', b') are dropped by
 *    foldName: registries write them, drop them or double the letter.
 * 2. Digraphs first, so their letters are not read one by one:
 *    `tz`, `ts`, `tx` → Z (the Mayan affricate, "Tzoc" = "Tsok");
 *    `ch` → C; `sh`, `x` → X (Mayan and old Nahuatl x is "sh": Xol = Shol,
 *    Xiquín = Shiquín; Spanish x before a consonant keeps sounding like s or
 *    ks, a loss we accept); `ll`, `y` before a vowel → Y (yeísmo: Yolanda =
 *    Llolanda); `qu` before e/i → K; `gu` before e/i → G; `gü` folds to gu.
 * 3. Seseo: `z`, `c` before e/i, and `s` → S.
 * 4. Velars: `c`, `k`, `q` → K (Carmen = Karmen, Tzoc = Tzok, Quej = Kej).
 * 5. `j`, `g` before e/i, and initial or final `h` after a vowel → H (the
 *    Spanish jota and the Mayan h/j: Jiménez = Giménez, Ajpop = Ahpop).
 * 6. Other `h` is silent (Herrera = Errera); `v` → B; `w` before a vowel → W
 *    and `hu`/`gu` before a vowel → W (Huehue, Guadalupe = Wadalupe),
 *    `ñ` → NY is already split by foldName into n (accepted).
 * 7. Vowels: kept only as one `A` marker at the start (names that start with
 *    a vowel differ from those that do not); inside the word vowels are
 *    dropped, since relatives and clerks vary them most (Xiquín/Xequín).
 * 8. Runs of the same code collapse (Marroquín = Maroquín, Ajpopp = Ajpop).
 */
export function phoneticKey(token: string): string {
  let code = CACHE.get(token);
  if (code === undefined) {
    code = encode(token);
    // Names repeat a lot; a bounded cache keeps scoring thousands of candidates cheap.
    if (CACHE.size > 50_000) CACHE.clear();
    CACHE.set(token, code);
  }
  return code;
}

const CACHE = new Map<string, string>();

function encode(token: string): string {
  let s = foldName(token).replace(/\s+/g, '');
  if (!s) return '';
  s = s
    .replace(/g[uü](?=[ei])/g, 'G')
    .replace(/qu(?=[ei])/g, 'K')
    .replace(/(?:hu|gu|w)(?=[aeiou])/g, 'W')
    .replace(/t[zsx]/g, 'Z')
    .replace(/ch/g, 'C')
    .replace(/sh|x/g, 'X')
    .replace(/ll|y(?=[aeiou])/g, 'Y')
    .replace(/z|c(?=[ei])|s/g, 'S')
    .replace(/[ckq]/g, 'K')
    .replace(/j|g(?=[ei])/g, 'H')
    .replace(/(?<=[aeiou])h(?![aeiou])/g, 'H')
    .replace(/h/g, '')
    .replace(/v/g, 'b')
    .replace(/y/g, 'i');
  const initialVowel = /^[aeiou]/.test(s) ? 'A' : '';
  const consonants = s.replace(/[aeiou]/g, '').toUpperCase();
  return (initialVowel + consonants).replace(/(.)\1+/g, '$1');
}
