// What the pages' scripts (the sidebar and the dialogs) do with their document alike: find an element, read the context block, show the banner or the done line, start once parsed.

export const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/**
 * The JSON block the server appended after the page (HtmlOutput.append). `absent` answers for a page opened without
 * one (the sidebar in a preview); without it a missing block is an error, as a dialog always has one.
 */
export function readContext<T>(id: string, absent?: () => T): T {
  const block = document.getElementById(id);
  if (absent && !block?.textContent) return absent();
  return JSON.parse($(id).textContent ?? '{}') as T;
}

/**
 * The page's one banner (#form-message): a message for the whole form, hidden when empty. `kind` marks it a problem or
 * a success where the page shows both (the sidebar); a dialog's banner only ever tells a problem and keeps its class.
 */
export function showBanner(message: string, kind?: 'error' | 'ok'): HTMLElement {
  const banner = $('form-message');
  banner.textContent = message;
  if (kind) banner.className = `banner ${kind}`;
  banner.hidden = message === '';
  return banner;
}

/** The line (#done) that replaces the form once the server has done the work. */
export function showDone(message: string): void {
  const done = $('done');
  done.hidden = false;
  done.textContent = message;
}

/** Runs `start` once the whole page is parsed: the context block is appended after the page, so it comes last. */
export function whenParsed(start: () => void): void {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}
