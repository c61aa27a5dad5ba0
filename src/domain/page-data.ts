// Data handed to a dialog or sidebar page as an inert JSON block: nothing in it can close the element or run.

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
