// The unified social credit code (统一社会信用代码, GB 32100-2015): normalisation, character set and check character.

import { AppError } from './errors';

/** GB 32100-2015 code characters: digits and upper-case letters without I, O, Z, S, V; a character's index is its value. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_LENGTH = 18;
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const MODULUS = CREDIT_CODE_CHARSET.length; // 31

/** Shape only (no check character), for the sheet's REGEXMATCH validation; RE2 and JavaScript read it alike. */
export const CREDIT_CODE_REGEX_SOURCE = '^[0-9A-HJ-NP-RTUW-Y]{18}$';

const FULL_WIDTH_FIRST = 0xff01;
const FULL_WIDTH_LAST = 0xff5e;
const FULL_WIDTH_SHIFT = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

/** Clerks paste codes from Chinese documents, so full-width forms and lower case are accepted and converted. */
export function normaliseCreditCode(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= FULL_WIDTH_FIRST && cp <= FULL_WIDTH_LAST) out += String.fromCodePoint(cp - FULL_WIDTH_SHIFT);
    else if (cp === IDEOGRAPHIC_SPACE) out += ' ';
    else out += ch;
  }
  return out.trim().toUpperCase();
}

/** The 18th character for the first 17 (which must already be in the code's character set). */
export function creditCodeCheckChar(first17: string): string {
  const chars = Array.from(first17);
  if (chars.length !== WEIGHTS.length) {
    throw new AppError('INVALID', `统一社会信用代码本体应为17位，当前为${chars.length}位`);
  }
  let sum = 0;
  chars.forEach((ch, i) => {
    const value = CREDIT_CODE_CHARSET.indexOf(ch);
    if (value < 0) throw new AppError('INVALID', `统一社会信用代码第${i + 1}位“${ch}”不是允许的字符`);
    sum += value * (WEIGHTS[i] ?? 0);
  });
  const check = (MODULUS - (sum % MODULUS)) % MODULUS;
  return CREDIT_CODE_CHARSET.charAt(check);
}

/** A complete valid code from its first 17 characters (test data and demos). */
export function withCheckChar(first17: string): string {
  return first17 + creditCodeCheckChar(first17);
}

/** Null when `code` (already normalised) is valid; otherwise what is wrong with it, in Chinese. */
export function creditCodeProblem(code: string): string | null {
  const chars = Array.from(code);
  if (chars.length === 0) return '请填写统一社会信用代码';
  if (chars.length !== CREDIT_CODE_LENGTH) {
    return `统一社会信用代码应为18位，当前为${chars.length}位`;
  }
  const bad = chars.findIndex((ch) => !CREDIT_CODE_CHARSET.includes(ch));
  if (bad >= 0) {
    return `统一社会信用代码第${bad + 1}位“${chars[bad]}”不是允许的字符（只能是数字或除I、O、Z、S、V以外的大写字母）`;
  }
  const expected = creditCodeCheckChar(chars.slice(0, 17).join(''));
  if (chars[17] !== expected) {
    return `统一社会信用代码校验位错误：第18位应为“${expected}”，当前为“${chars[17]}”，请核对代码`;
  }
  return null;
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}
