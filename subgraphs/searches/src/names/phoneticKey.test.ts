import { describe, expect, it } from 'vitest';
import { matchKeys } from './matchKeys.js';
import { canonicalGivenName } from './nicknames.js';
import { nameTokens } from './personName.js';
import { phoneticKey } from './phoneticKey.js';

const same = (a: string, b: string) => expect(phoneticKey(a), `${a} ~ ${b}`).toBe(phoneticKey(b));
const differ = (a: string, b: string) => expect(phoneticKey(a), `${a} ≠ ${b}`).not.toBe(phoneticKey(b));

describe('Spanish and Mayan phonetic key', () => {
  it('joins Spanish spellings that sound alike', () => {
    same('Vásquez', 'Básquez');
    same('Velásquez', 'Velázquez');
    same('Yolanda', 'Llolanda');
    same('Herrera', 'Errera');
    same('Jiménez', 'Giménez');
    same('Cecilia', 'Sesilia');
    same('Marroquín', 'Maroquín');
    same('Guadalupe', 'Wadalupe');
    same('Reyna', 'Reina');
  });

  it('joins colonial and modern spellings of Mayan names', () => {
    same('Tzoc', 'Tzok');
    same('Tzoc', 'Tsok');
    same('Xol', 'Shol');
    same('Xiquín', 'Shiquin');
    same('Quej', 'Kej');
    same("K'iche'", 'Quiche');
    same('Ajpop', 'Ahpop');
    same("Tz'unun", 'Tzunun');
  });

  it('keeps different names apart', () => {
    differ('Pérez', 'López');
    differ('Tzoc', 'Xol');
    differ('Juana', 'Wendy');
    differ('Ana', 'Nana');
    expect(phoneticKey('')).toBe('');
  });

  it('resolves nicknames to the given name they stand for', () => {
    expect(canonicalGivenName('Chepe')).toBe('jose');
    expect(canonicalGivenName('Lupe')).toBe('guadalupe');
    expect(canonicalGivenName('CHAYO')).toBe('rosario');
    expect(canonicalGivenName('Conchita')).toBe('concepcion');
    expect(canonicalGivenName('Marta')).toBe('marta');
  });

  it('gives swapped, missing-surname and nickname variants a shared blocking key', () => {
    const registered = matchKeys(nameTokens('José Antonio', 'Tzoc', 'Xiquín'));
    const variants = [
      nameTokens('Chepe', 'Tzok', null),
      nameTokens('José', 'Shiquin', 'Tzoc'),
      nameTokens('Jose Antonio', 'Tzoc', 'Xiquin'),
      nameTokens('Josué', 'Tzoc', 'Xiquín'),
    ];
    for (const variant of variants) {
      expect(matchKeys(variant).some((k) => registered.includes(k))).toBe(true);
    }
    expect(matchKeys(nameTokens('María', 'López', 'Pérez')).some((k) => registered.includes(k))).toBe(false);
  });
});
