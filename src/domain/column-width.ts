// How wide a cell's text shows in Sheets' default font (Arial 10 pt), so setup sizes each column to what it holds.

/**
 * Pixels per character: CJK, full-width forms and the punctuation around them (everything from U+1100) about
 * twice a Latin character; narrow and wide Latin letters apart.
 */
const charWidth = (ch: string): number =>
  ch >= '\u1100' ? 14 : /[ !'(),./:;I[\]fijlrt|-]/.test(ch) ? 4 : /[%@MWmw]/.test(ch) ? 11 : /[A-Z]/.test(ch) ? 9 : 7;

/** Cell padding, the grid line, and a margin for a CJK fallback font a little wider than Arial. */
export const CELL_PADDING = 16;

/** Pixels the widest line of `text` takes, without padding. */
export const textWidth = (text: string): number =>
  Math.max(...text.split('\n').map((line) => [...line].reduce((w, ch) => w + charWidth(ch), 0)));

export interface WidthBounds {
  readonly min: number;
  readonly max: number;
}

/** Script-written tables (操作日志, 报送记录 …): a long 新值 or 进展说明 is cut at the cap, read in full in the cell. */
export const TABLE_WIDTHS: WidthBounds = { min: 60, max: 300 };
/** 汇总: an enterprise name in a list and 合计's 本季度报送 tally fit; a longer line spills over empty cells. */
export const SUMMARY_WIDTHS: WidthBounds = { min: 60, max: 280 };
export const CONFIG_WIDTHS: WidthBounds = { min: 100, max: 240 };

/**
 * What a script-written table's columns hold before they hold it, by header: times, accounts, districts, codes, days,
 * quarters. A new 操作日志 is sized when it has one line; these keep its 账号 and 统一社会信用代码 from being cut.
 */
export function typicalRows(headers: readonly string[], accounts: readonly string[], districts: readonly string[]): string[][] {
  const like = (h: string): readonly string[] =>
    /时间$/.test(h) ? ['2000-00-00 00:00:00'] : /账号|人$/.test(h) ? accounts : /^(工作表|辖区)$/.test(h) ? districts
      : h === '统一社会信用代码' ? ['91511700MA00000000'] : /日期|时限|延期至$/.test(h) ? ['2000-00-00'] : h === '季度' ? ['2000年第1季度'] : [];
  const n = Math.max(0, ...headers.map((h) => like(h).length));
  return Array.from({ length: n }, (_, r) => headers.map((h) => like(h)[r] ?? ''));
}

/**
 * The width each of `columns` columns needs to show its widest cell on one line (rounded up to 5 px), within
 * `bounds`. With `overflow` (unwrapped text, as on 汇总) a cell whose right neighbour is empty spills into it, so it
 * needs no width of its own.
 */
export function fitWidths(rows: readonly (readonly string[])[], columns: number, bounds: WidthBounds, overflow = false): number[] {
  return Array.from({ length: columns }, (_, c) => {
    let need = 0;
    for (const row of rows) {
      const text = row[c] ?? '';
      if (text !== '' && !(overflow && c + 1 < columns && !row[c + 1])) need = Math.max(need, textWidth(text) + CELL_PADDING);
    }
    return Math.min(bounds.max, Math.max(bounds.min, Math.ceil(need / 5) * 5));
  });
}

