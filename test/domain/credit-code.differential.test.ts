// Differential tests: src's GB 32100 check against the independent reference in test/support, on seeded random input.

import { creditCodeProblem, isValidCreditCode, normaliseCreditCode } from '../../src/domain/credit-code';
import { REFERENCE_CHARS, referenceCheckChar, referenceNormalise, referenceValid } from '../support/gb32100-reference';
import { prng } from '../support/prng';


/** What clerks and random typing produce: code characters, excluded letters, lower case, punctuation, full-width, spaces, zero-width. */
const NOISE = ['I', 'O', 'S', 'V', 'Z', 'a', 'm', 'y', '-', ' ', '.', '０', '９', 'Ａ', 'ｍ', '\u3000', '\u200b', '\ufeff', '\u00a0', '达', 'ß', 'ﬀ'];

function randomString(next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const kind = next();
  const length = kind < 0.7 ? 18 : Math.floor(next() * 22);
  // A third of the strings are bodies of code characters that carry the check character that fits, so valid codes
  // are well represented; the rest mix in noise.
  const clean = kind < 0.35;
  const chars = Array.from({ length }, () => (clean || next() < 0.9 ? pick(REFERENCE_CHARS) : pick(NOISE)));
  if (clean) {
    const digitsAt3to8 = next() < 0.8;
    if (digitsAt3to8) for (let i = 2; i < 8; i += 1) chars[i] = String(Math.floor(next() * 10));
    chars[17] = referenceCheckChar(chars.slice(0, 17).join(''));
  }
  return chars.join('');
}

describe('src agrees with the independent GB 32100 reference', () => {
  const next = prng(20151101);
  const strings = Array.from({ length: 100_000 }, () => randomString(next));

  it('on validity of 100,000 seeded random strings, a good share of them valid', () => {
    const disagreements = strings.filter((s) => isValidCreditCode(s) !== referenceValid(s));
    expect(disagreements.slice(0, 5)).toEqual([]);
    const valid = strings.filter(referenceValid).length;
    expect(valid).toBeGreaterThan(10_000);
    expect(valid).toBeLessThan(90_000);
  });

  it('on normalisation of the same strings, and on validity after it', () => {
    const disagreements = strings.filter((s) => normaliseCreditCode(s) !== referenceNormalise(s));
    expect(disagreements.slice(0, 5)).toEqual([]);
    const afterNormalising = strings.filter((s) => isValidCreditCode(normaliseCreditCode(s)) !== referenceValid(referenceNormalise(s)));
    expect(afterNormalising).toEqual([]);
  });

  it('on every single-character mutation of valid codes the test builds', () => {
    const build = prng(32100);
    const codes = Array.from({ length: 100 }, () => {
      const body = Array.from({ length: 17 }, (_, i) =>
        i >= 2 && i < 8 ? String(Math.floor(build() * 10)) : REFERENCE_CHARS[Math.floor(build() * REFERENCE_CHARS.length)]!,
      ).join('');
      return body + referenceCheckChar(body);
    });
    const alphabet = [...REFERENCE_CHARS, 'I', 'O', 'S', 'V', 'Z', 'a', '-', ' '];
    let mutations = 0;
    let caught = 0;
    const disagreements: string[] = [];
    expect(codes.filter((c) => !isValidCreditCode(c))).toEqual([]);
    for (const code of codes) {
      for (let i = 0; i < 18; i += 1) {
        for (const ch of alphabet) {
          if (ch === code[i]) continue;
          const mutant = code.slice(0, i) + ch + code.slice(i + 1);
          mutations += 1;
          const valid = isValidCreditCode(mutant);
          if (valid !== referenceValid(mutant)) disagreements.push(mutant);
          if (!valid) caught += 1;
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(mutations).toBe(100 * 18 * (alphabet.length - 1));
    // Mod 31 with distinct non-zero weights catches every single substitution within the code's character set.
    expect(caught).toBe(mutations);
  });

  it('gives a reason for every string it refuses, and none for a string it accepts', () => {
    expect(strings.filter((s) => (creditCodeProblem(s) === null) !== referenceValid(s))).toEqual([]);
  });
});
