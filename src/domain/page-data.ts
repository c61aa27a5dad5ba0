// Data between the pages and the server: what a page is handed (an inert JSON block: nothing in it can close the element or run) and the fields a server call was sent.

/**
 * The fields of a server call's `{ … }` payload: none when it was called without one, null when it was sent another
 * shape (a bare list, name or number), which a call naming a choice must refuse rather than read as "nothing chosen".
 */
export function fieldsOf(input: unknown): Readonly<Record<string, unknown>> | null {
  if (input === undefined || input === null) return {};
  return typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : null;
}

/** `<`, `>`, `&` and the two JavaScript line separators escaped, so text from the sheet stays data. */
export function jsonBlock(id: string, data: unknown): string {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `<script type="application/json" id="${id}">${json}</script>`;
}
