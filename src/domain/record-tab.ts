// The office's record tabs (延期申请, 验收记录, 销号存档): found by header text, rows as text, written in the tab's own column order.
import { dayOf, formatInstant } from './calendar-day';
import { menuPath } from './menu';

export interface RecordTab<H extends string> {
  /** 0-based column of each header in the tab as it is now. */
  readonly columns: Record<H, number>;
  readonly width: number;
  /** Data rows below the header, as text, with their 1-based sheet row. */
  readonly rows: { row: number; cells: Record<H, string> }[];
}

export const cellText = (v: unknown): string => {
  if (v instanceof Date) {
    const t = formatInstant(v);
    return t.endsWith(' 00:00:00') ? dayOf(v) : t;
  }
  return v === null || v === undefined ? '' : String(v).trim();
};

/** Row 1 must contain every header (contract §10: "header row containing"); null when the tab is empty. */
export function readRecordTab<H extends string>(grid: readonly (readonly unknown[])[], headers: readonly H[]): RecordTab<H> | { missing: H[] } | null {
  if (grid.length === 0) return null;
  const head = (grid[0] ?? []).map(cellText);
  const missing = headers.filter((h) => !head.includes(h));
  if (missing.length > 0) return { missing };
  const columns = Object.fromEntries(headers.map((h) => [h, head.indexOf(h)])) as Record<H, number>;
  const rows = grid.slice(1).map((r, i) => ({
    row: i + 2,
    cells: Object.fromEntries(headers.map((h) => [h, cellText(r[columns[h]])])) as Record<H, string>,
  }));
  return { columns, width: head.length, rows: rows.filter((r) => headers.some((h) => r.cells[h] !== '')) };
}

export const isRecordTab = <H extends string>(t: RecordTab<H> | { missing: H[] } | null): t is RecordTab<H> => t !== null && 'columns' in t;

/** A record as a row of the tab: each value in its header's column, blanks elsewhere. */
export function recordRow<H extends string>(tab: Pick<RecordTab<H>, 'columns' | 'width'>, values: Partial<Record<H, string>>): string[] {
  const row = new Array<string>(tab.width).fill('');
  for (const [h, v] of Object.entries(values) as [H, string][]) row[tab.columns[h]] = v;
  return row;
}

export const missingHeaders = (tab: string, missing: readonly string[]): string =>
  `“${tab}”工作表第1行缺少列：${missing.join('、')}。请领导小组办公室运行“${menuPath('menuSetup')}”，或把表头改回原样。`;
