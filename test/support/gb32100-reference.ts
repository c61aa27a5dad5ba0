// A second, independent reading of GB 32100-2015 (统一社会信用代码), written from the standard's text for differential tests.
//
// Deliberately not built like src/domain/credit-code.ts: the character values come from the standard's table
// (代码字符集) as an explicit map, the weights are computed as 3^(i−1) mod 31 (the standard's formula for W_i), the
// structure is one regular expression per part, and normalisation uses Unicode properties and NFKC.

/** GB 32100-2015 Table: code character → value. I, O, S, V, Z are not used. */
const VALUE: Readonly<Record<string, number>> = {
  '0': 0, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7, '8': 8, '9': 9,
  A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, J: 18, K: 19, L: 20, M: 21, N: 22,
  P: 23, Q: 24, R: 25, T: 26, U: 27, W: 28, X: 29, Y: 30,
};
const CHARS = Object.keys(VALUE).sort((a, b) => (VALUE[a] ?? 0) - (VALUE[b] ?? 0));

/** W_i = 3^(i−1) mod 31, i = 1…17. */
function weight(i: number): number {
  let w = 1;
  for (let k = 1; k < i; k += 1) w = (w * 3) % 31;
  return w;
}

/** Part by part: 登记管理部门码 (1), 机构类别码 (1), 登记管理机关行政区划码 (6 digits), 主体标识码 (9), 校验码 (1). */
const STRUCTURE = /^(?<dept>[0-9A-HJ-NP-RTUW-Y])(?<kind>[0-9A-HJ-NP-RTUW-Y])(?<division>\d{6})(?<subject>[0-9A-HJ-NP-RTUW-Y]{9})(?<check>[0-9A-HJ-NP-RTUW-Y])$/;

/** C_18 = 31 − (Σ C_i·W_i mod 31); a result of 31 is written 0. */
export function referenceCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 1; i <= 17; i += 1) sum += (VALUE[first17.charAt(i - 1)] ?? NaN) * weight(i);
  const c = 31 - (sum % 31);
  return CHARS[c === 31 ? 0 : c] ?? '?';
}

export function referenceValid(code: string): boolean {
  const m = STRUCTURE.exec(code);
  if (!m || !m.groups) return false;
  return referenceCheckChar(code.slice(0, 17)) === m.groups['check'];
}

/** Spaces (White_Space) and format characters (Cf) removed, full-width forms folded by NFKC, ASCII letters upper-cased. */
export function referenceNormalise(text: string): string {
  return Array.from(text.replace(/[\p{White_Space}\p{Cf}]/gu, ''))
    .map((ch) => (/[\uFF01-\uFF5E]/u.test(ch) ? ch.normalize('NFKC') : ch))
    .map((ch) => (/^[a-z]$/.test(ch) ? String.fromCharCode(ch.charCodeAt(0) - 32) : ch))
    .join('');
}

/** The code characters, in value order (for generators). */
export const REFERENCE_CHARS: readonly string[] = CHARS;
