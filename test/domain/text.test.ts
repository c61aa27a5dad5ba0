// Invisible characters: what is removed from codes and what does not count as content in names and required text.

import { charCount, hasVisible, visibleLength, withoutInvisible } from '../../src/domain/text';

/** Every character of Unicode's White_Space property, plus the zero-width and format characters people paste. */
const SPACES = ['\t', '\n', '\v', '\f', '\r', ' ', '\u0085', '\u00a0', '\u1680', ...Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)), '\u2028', '\u2029', '\u202f', '\u205f', '\u3000'];
const FORMAT = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200e', '\u200f', '\u180e'];

describe('withoutInvisible', () => {
  it.each([...SPACES, ...FORMAT].map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, c]))('removes %s', (_, c) => {
    expect(withoutInvisible(`A${c}B${c}`)).toBe('AB');
  });

  it('keeps every visible character, Chinese and punctuation included', () => {
    expect(withoutInvisible('达州-1，（A）')).toBe('达州-1，（A）');
  });
});

describe('hasVisible and visibleLength', () => {
  it('finds nothing visible in spaces, zero-width and control characters', () => {
    expect(hasVisible([...SPACES, ...FORMAT, '\u0007'].join(''))).toBe(false);
    expect(hasVisible('')).toBe(false);
    expect(visibleLength('\u200b\u200b\u3000')).toBe(0);
  });

  it('counts what shows', () => {
    expect(hasVisible('\u200b某\u200b')).toBe(true);
    expect(visibleLength('某 厂\u200b')).toBe(2);
    expect(visibleLength('𠀀厂')).toBe(2);
  });
});

describe('charCount', () => {
  it('counts characters, not UTF-16 units: 𠀀 and an emoji are one each; spaces and invisible ones count too', () => {
    expect(charCount('')).toBe(0);
    expect(charCount('达州')).toBe(2);
    expect(charCount('𠀀厂😀')).toBe(3);
    expect(charCount(' \u200b ')).toBe(3);
  });
});
