// Unified social credit code: normalisation, character set, check character, shape regex.

import {
  CREDIT_CODE_CHARSET,
  creditCodeNote,
  divisionCode,
  CREDIT_CODE_REGEX_SOURCE,
  creditCodeCheckChar,
  creditCodeProblem,
  isValidCreditCode,
  normaliseCreditCode,
  withCheckChar,
} from '../../src/domain/credit-code';

const VALID = '91350100M000100Y43';

describe('credit code check character', () => {
  it('accepts the GB 32100-2015 example code', () => {
    expect(isValidCreditCode(VALID)).toBe(true);
    expect(creditCodeProblem(VALID)).toBeNull();
  });

  it('computes the example check character from its first 17 characters', () => {
    expect(creditCodeCheckChar(VALID.slice(0, 17))).toBe(VALID.slice(17));
  });

  it('refuses the example with any other last character, never naming the character that would pass', () => {
    for (const ch of CREDIT_CODE_CHARSET) {
      if (ch === VALID[17]) continue;
      const code = VALID.slice(0, 17) + ch;
      expect(isValidCreditCode(code)).toBe(false);
      const problem = creditCodeProblem(code) ?? '';
      expect(problem).toBe('统一社会信用代码校验不通过：请对照营业执照逐位核对全部18位（任何一位录错都会校验不通过）');
      expect(problem).not.toContain(VALID[17]!);
    }
  });

  it('gives the same message for a mistyped middle character: it never points at the last one', () => {
    const typo = VALID.slice(0, 10) + (VALID[10] === '1' ? '2' : '1') + VALID.slice(11);
    expect(creditCodeProblem(typo)).toBe(creditCodeProblem(VALID.slice(0, 17) + (VALID[17] === '3' ? '4' : '3')));
  });

  it('makes valid codes with withCheckChar, including all-digit and letter-heavy bodies', () => {
    for (const body of ['91511700MA62H1T0X', '12345678901234567', '9151170068XYWQ12K', '00000000000000000']) {
      const code = withCheckChar(body);
      expect(code).toHaveLength(18);
      expect(isValidCreditCode(code)).toBe(true);
    }
  });

  it('detects a swap of two adjacent characters', () => {
    const swapped = VALID.slice(0, 2) + VALID[3] + VALID[2] + VALID.slice(4);
    expect(isValidCreditCode(swapped)).toBe(false);
  });

  it('refuses a body of the wrong length or with a foreign character when computing the check character', () => {
    expect(() => creditCodeCheckChar('1234')).toThrow('17位');
    expect(() => creditCodeCheckChar('9135010OM000100Y4')).toThrow('第8位');
  });
});

describe('credit code length and characters', () => {
  it('reports the current length when the code is too short or too long', () => {
    expect(creditCodeProblem(VALID.slice(0, 17))).toContain('统一社会信用代码应为18位，当前为17位');
    expect(creditCodeProblem(VALID + '1')).toContain('统一社会信用代码应为18位，当前为19位');
  });

  it('asks for the code when it is empty', () => {
    expect(creditCodeProblem('')).toContain('请填写');
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('refuses the letter %s and names it with its position', (letter) => {
    const code = VALID.slice(0, 8) + letter + VALID.slice(9);
    const problem = creditCodeProblem(code) ?? '';
    expect(problem).toContain(`第9位“${letter}”`);
    expect(isValidCreditCode(code)).toBe(false);
  });

  it('refuses a lower-case letter that was not normalised', () => {
    expect(creditCodeProblem(VALID.toLowerCase())).toContain('第9位“m”');
  });
});

describe('stray characters are named by position', () => {
  it('names a dash where it stands', () => {
    expect(creditCodeProblem(`${VALID.slice(0, 8)}-${VALID.slice(8)}`)).toContain('统一社会信用代码第9位“-”不是代码字符');
  });

  it('names up to three and counts the rest', () => {
    const problem = creditCodeProblem('9135-01-00-M0-00100Y43') ?? '';
    expect(problem).toContain('第5位“-”、第8位“-”、第11位“-”等4处不是代码字符');
  });

  it('asks whether a look-alike letter is the digit it resembles', () => {
    const problem = creditCodeProblem(VALID.slice(0, 9) + 'O' + VALID.slice(10)) ?? '';
    expect(problem).toContain('第10位“O”不是代码字符');
    expect(problem).toContain('字母O是否应为数字0');
  });

  it('shows an invisible control character by its code point', () => {
    expect(creditCodeProblem(VALID.slice(0, 4) + '\u0007' + VALID.slice(4))).toContain('第5位不可见字符U+0007');
  });

  it('names a stray character before complaining about the length it causes', () => {
    expect(creditCodeProblem(`${VALID}#`)).toContain('第19位“#”');
  });
});

describe('positions 3–8: the division code (GB/T 2260), digits only', () => {
  it.each([2, 3, 4, 5, 6, 7])('refuses a letter at position %i even with a matching check character', (i) => {
    const body = VALID.slice(0, i) + 'A' + VALID.slice(i + 1, 17);
    const code = withCheckChar(body);
    expect(creditCodeProblem(code)).toBe(`统一社会信用代码第3–8位是登记管理机关的行政区划代码，只能是数字，第${i + 1}位却是“A”，请对照营业执照核对`);
  });

  it('accepts letters at positions 1–2 and 9–17', () => {
    expect(isValidCreditCode(withCheckChar('Y1511702MA62H1T0X'))).toBe(true);
  });

  it('reads the division code of a valid code', () => {
    expect(divisionCode(withCheckChar('91511702MA62H1T0X'))).toBe('511702');
  });
});

describe('creditCodeNote: registered outside 达州 is a note, not an error', () => {
  it('notes a valid code registered outside 5117', () => {
    expect(creditCodeNote(VALID)).toContain('注册地不在达州');
    expect(creditCodeNote(VALID)).toContain('350100');
  });

  it.each(['511702', '511703', '511771', '511700'])('says nothing for 达州 division %s', (division) => {
    expect(creditCodeNote(withCheckChar(`91${division}MA62H1T0X`))).toBeNull();
  });

  it('says nothing about an invalid code (its error says enough)', () => {
    expect(creditCodeNote(VALID.slice(0, 17) + '0')).toBeNull();
  });
});

describe('normaliseCreditCode', () => {
  it('removes every space, zero-width character and BOM, wherever they are', () => {
    const messy = `\ufeff ${VALID.slice(0, 4)}\u200b${VALID.slice(4, 9)}\u3000${VALID.slice(9, 12)}\u00a0\u2009${VALID.slice(12)}\u200d\u2060\n`;
    expect(normaliseCreditCode(messy)).toBe(VALID);
  });

  it('upper-cases ASCII only, so a ligature or sharp s is never turned into code letters', () => {
    expect(normaliseCreditCode('ﬀß')).toBe('ﬀß');
  });

  it('upper-cases and trims input', () => {
    expect(normaliseCreditCode(`  ${VALID.toLowerCase()}\t`)).toBe(VALID);
  });

  it('converts full-width digits, letters and spaces to half-width', () => {
    const fullWidth = Array.from(VALID)
      .map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0))
      .join('');
    expect(normaliseCreditCode(`\u3000${fullWidth.toLowerCase()}\u3000`)).toBe(VALID);
    expect(isValidCreditCode(normaliseCreditCode(fullWidth))).toBe(true);
  });

  it('leaves visible characters outside the full-width block alone, so the check can name them', () => {
    expect(normaliseCreditCode('代码-1')).toBe('代码-1');
  });
});

describe('CREDIT_CODE_REGEX_SOURCE', () => {
  const shape = new RegExp(CREDIT_CODE_REGEX_SOURCE);

  it('matches 18 characters of the allowed set', () => {
    expect(shape.test(VALID)).toBe(true);
    expect(shape.test(withCheckChar('12345678901234567'))).toBe(true);
  });

  it('matches exactly the GB 32100 character set outside positions 3–8, and digits only inside them', () => {
    for (let cp = 0x20; cp < 0x7f; cp += 1) {
      const ch = String.fromCharCode(cp);
      expect(shape.test(`${ch}${ch}511702${ch.repeat(10)}`)).toBe(CREDIT_CODE_CHARSET.includes(ch));
      expect(shape.test(`91${ch.repeat(6)}MA62H1T0XX`)).toBe(ch >= '0' && ch <= '9');
    }
  });

  it('refuses other lengths and lower case', () => {
    expect(shape.test(VALID.slice(1))).toBe(false);
    expect(shape.test(`${VALID}0`)).toBe(false);
    expect(shape.test(VALID.toLowerCase())).toBe(false);
  });
});
