// What the dialogs' scripts do with their document alike: find an element, read the context block, show the banner or the done line, start once parsed.

export const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** The JSON block the server appended after the page (HtmlOutput.append). */
export function readContext<T>(id: string): T {
  return JSON.parse($(id).textContent ?? '{}') as T;
}

/** The page's one banner (#form-message): a message for the whole form, hidden when empty. */
export function showBanner(message: string): void {
  const banner = $('form-message');
  banner.textContent = message;
  banner.hidden = message === '';
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
