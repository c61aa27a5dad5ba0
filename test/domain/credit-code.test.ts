// Unified social credit code: normalisation, character set, check character, shape regex.

import {
  CREDIT_CODE_CHARSET,
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

  it('refuses the example with any other last character and names the expected one', () => {
    for (const ch of CREDIT_CODE_CHARSET) {
      if (ch === VALID[17]) continue;
      const code = VALID.slice(0, 17) + ch;
      expect(isValidCreditCode(code)).toBe(false);
      const problem = creditCodeProblem(code) ?? '';
      expect(problem).toContain('校验位');
      expect(problem).toContain(`“${VALID[17]}”`);
    }
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
    expect(creditCodeProblem(VALID.slice(0, 17))).toBe('统一社会信用代码应为18位，当前为17位');
    expect(creditCodeProblem(VALID + '1')).toBe('统一社会信用代码应为18位，当前为19位');
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

describe('normaliseCreditCode', () => {
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

  it('leaves characters outside the full-width block alone', () => {
    expect(normaliseCreditCode('代码-1')).toBe('代码-1');
  });
});

describe('CREDIT_CODE_REGEX_SOURCE', () => {
  const shape = new RegExp(CREDIT_CODE_REGEX_SOURCE);

  it('matches 18 characters of the allowed set', () => {
    expect(shape.test(VALID)).toBe(true);
    expect(shape.test(withCheckChar('12345678901234567'))).toBe(true);
  });

  it('matches exactly the GB 32100 character set', () => {
    for (let cp = 0x20; cp < 0x7f; cp += 1) {
      const ch = String.fromCharCode(cp);
      expect(shape.test(ch.repeat(18))).toBe(CREDIT_CODE_CHARSET.includes(ch));
    }
  });

  it('refuses other lengths and lower case', () => {
    expect(shape.test(VALID.slice(1))).toBe(false);
    expect(shape.test(`${VALID}0`)).toBe(false);
    expect(shape.test(VALID.toLowerCase())).toBe(false);
  });
});
