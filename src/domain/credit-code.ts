// The unified social credit code (统一社会信用代码, GB 32100-2015): normalisation, structure and check character.

import { AppError } from './errors';
import { withoutInvisible } from './text';

/** GB 32100-2015 code characters: digits and upper-case letters without I, O, Z, S, V; a character's index is its value. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_LENGTH = 18;
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const MODULUS = CREDIT_CODE_CHARSET.length; // 31
/** Positions 3–8 (1-based) hold the registering authority's administrative division code (GB/T 2260): six digits. */
const DIVISION_FIRST = 2;
const DIVISION_END = 8;
/** The division codes of 达州市 start with 5117 (511702 通川区, 511703 达川区, 511771 达州经济开发区 …). */
const DAZHOU_DIVISION_PREFIX = '5117';

/**
 * Shape only (no check character), for the sheet's REGEXMATCH validation: two code characters, six digits, ten code
 * characters. RE2 and JavaScript read it alike.
 */
export const CREDIT_CODE_REGEX_SOURCE = '^[0-9A-HJ-NP-RTUW-Y]{2}[0-9]{6}[0-9A-HJ-NP-RTUW-Y]{10}$';

const PLAIN_CODE = /^[0-9A-Z]*$/;
const CODE_SHAPE = new RegExp(CREDIT_CODE_REGEX_SOURCE);

const FULL_WIDTH_FIRST = 0xff01;
const FULL_WIDTH_LAST = 0xff5e;
const FULL_WIDTH_SHIFT = 0xfee0;

/**
 * The code as it should be stored. Clerks paste codes from Chinese documents, Word and web pages: every space and
 * invisible character goes (a code has none), full-width forms become half-width, lower case becomes upper case.
 * Anything else stays, so the check can name it.
 */
export function normaliseCreditCode(text: string): string {
  // Digits and capitals alone are already the stored form (汇总 normalises 10,000 of them per run).
  if (PLAIN_CODE.test(text)) return text;
  let out = '';
  for (const ch of withoutInvisible(text)) {
    const cp = ch.codePointAt(0) ?? 0;
    const half = cp >= FULL_WIDTH_FIRST && cp <= FULL_WIDTH_LAST ? String.fromCodePoint(cp - FULL_WIDTH_SHIFT) : ch;
    out += half >= 'a' && half <= 'z' ? half.toUpperCase() : half;
  }
  return out;
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

/** Letters people type for the digits they look like; the code has none of them, so the hint is safe to give. */
const LOOKALIKE: Record<string, string> = { O: '0', I: '1', Z: '2', S: '5' };
const CHARSET_RULE = '代码只能是数字或除I、O、Z、S、V以外的大写字母';

function shown(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? `不可见字符U+${cp.toString(16).toUpperCase().padStart(4, '0')}` : `“${ch}”`;
}

function strayMessage(chars: readonly string[]): string | null {
  const stray = chars.flatMap((ch, i) => (CREDIT_CODE_CHARSET.includes(ch) ? [] : [{ ch, at: i + 1 }]));
  if (stray.length === 0) return null;
  const named = stray.slice(0, 3).map(({ ch, at }) => `第${at}位${shown(ch)}`);
  const more = stray.length > 3 ? `等${stray.length}处` : '';
  const hints = [...new Set(stray.map(({ ch }) => ch).filter((ch) => LOOKALIKE[ch] !== undefined))].map(
    (ch) => `字母${ch}是否应为数字${LOOKALIKE[ch]}`,
  );
  return `统一社会信用代码${named.join('、')}${more}不是代码字符（${CHARSET_RULE}）${hints.length ? `，请核对${hints.join('，')}` : ''}`;
}

/** The last code checked and its answer: a row's code is checked by the schema and again for its note. */
let lastChecked: { code: string; problem: string | null } | null = null;

/** Null when `code` (already normalised) is valid; otherwise what is wrong with it, in Chinese, leading to the fix. */
export function creditCodeProblem(code: string): string | null {
  if (lastChecked?.code === code) return lastChecked.problem;
  const problem = CODE_SHAPE.test(code) ? checkCharProblem(code) : codeProblem(code);
  lastChecked = { code, problem };
  return problem;
}

/** A code of the right shape (18 code characters, positions 3–8 digits): only its check character can be wrong. */
function checkCharProblem(code: string): string | null {
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i += 1) sum += CREDIT_CODE_CHARSET.indexOf(code.charAt(i)) * WEIGHTS[i]!;
  return code.charAt(17) === CREDIT_CODE_CHARSET.charAt((MODULUS - (sum % MODULUS)) % MODULUS) ? null : CHECK_FAILED;
}

const CHECK_FAILED = '统一社会信用代码校验不通过：请对照营业执照逐位核对全部18位（任何一位录错都会校验不通过）';

function codeProblem(code: string): string | null {
  const chars = Array.from(code);
  if (chars.length === 0) return '请填写统一社会信用代码';
  const stray = strayMessage(chars);
  if (stray) return stray;
  if (chars.length !== CREDIT_CODE_LENGTH) {
    return `统一社会信用代码应为18位，当前为${chars.length}位，请对照营业执照核对是否漏填或多填`;
  }
  const letterAt = chars.findIndex((ch, i) => i >= DIVISION_FIRST && i < DIVISION_END && !(ch >= '0' && ch <= '9'));
  if (letterAt >= 0) {
    return `统一社会信用代码第3–8位是登记管理机关的行政区划代码，只能是数字，第${letterAt + 1}位却是“${chars[letterAt]}”，请对照营业执照核对`;
  }
  // Never the expected check character: a mistyped middle character would be "fixed" at the end into a wrong code.
  if (chars[17] !== creditCodeCheckChar(chars.slice(0, 17).join(''))) return CHECK_FAILED;
  return null;
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}

/** Positions 3–8 of a valid code: the registering authority's administrative division code. */
export function divisionCode(code: string): string {
  return code.slice(DIVISION_FIRST, DIVISION_END);
}

/** A note (not an error) for a valid code registered outside 达州: it may be right, but worth a second look. */
export function creditCodeNote(code: string): string | null {
  if (!isValidCreditCode(code)) return null;
  const division = divisionCode(code);
  if (division.startsWith(DAZHOU_DIVISION_PREFIX)) return null;
  return `注册地不在达州：代码第3–8位（登记机关行政区划代码）为${division}，达州市为${DAZHOU_DIVISION_PREFIX}开头。请核对代码或企业是否属于本辖区`;
}
