// Text as people see it: invisible characters in typed or pasted text, and user text made safe inside HTML.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The one HTML escape for markup built as text (emails, the reminder preview, the print page); pages set textContent instead. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/**
 * Every Unicode space (JavaScript's \s, plus NEL, which \s lacks) and every format character (\p{Cf}: zero-width
 * space/joiners, BOM, word joiner, soft hyphen, direction marks): pasted from Word or a web page, none of them shows.
 */
const INVISIBLE = /[\s\u0085\p{Cf}]/gu;

/** The text without any invisible character. */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** True when the text shows something: a character other than spaces, format and control characters. */
export function hasVisible(text: string): boolean {
  return /[^\s\u0085\p{Cf}\p{Cc}]/u.test(text);
}

/** How many characters of the text show (for length rules a person can check by looking). */
export function visibleLength(text: string): number {
  return charCount(text.replace(/[\s\u0085\p{Cf}\p{Cc}]/gu, ''));
}

/** How many characters the text has as a reader counts them: one outside the basic plane (𠀀, an emoji) is one, not two UTF-16 units, as zod's length checks count. */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}
