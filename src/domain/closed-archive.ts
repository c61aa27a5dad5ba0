// 销号存档: each closed enterprise's row as the office left it, so a clerk's paste over it can be undone cell by cell.
import { startOfDay } from './calendar-day';
import type { ColumnKey } from './contract';
import type { ColumnMap, RawRecord } from './ledger-row';
import { textCell } from './ledger-row';
import type { RecordTab } from './record-tab';

/**
 * A paste carries no old values and a closed row may be changed in any column (contract §10), so its cells are
 * kept here: a hidden tab only the office may edit, written only by executions that run as the office (验收销号,
 * the edit trigger after an office edit) and read only when a clerk's edit touches a closed row.
 */
export const ARCHIVE_TAB = '销号存档';
export const ARCHIVE_HEADERS = ['统一社会信用代码', '存档时间', '台账记录'] as const;
type ArchiveHeader = (typeof ARCHIVE_HEADERS)[number];

type Kept = Partial<Record<ColumnKey, string | number>>;

/** The row's cells A–V as JSON (dates as YYYY-MM-DD, the payload's text). */
export function archiveText(record: RawRecord): string {
  const kept: Kept = { ...record.payload };
  if (record.serial !== null) kept.serial = record.serial;
  return JSON.stringify(kept);
}

/** The latest archived row of each credit code. */
export function readArchive(tab: RecordTab<ArchiveHeader>): Map<string, Kept> {
  const out = new Map<string, Kept>();
  for (const r of tab.rows) {
    try {
      const kept = JSON.parse(r.cells['台账记录']) as unknown;
      if (kept && typeof kept === 'object') out.set(r.cells['统一社会信用代码'], kept as Kept);
    } catch {
      // a damaged line is skipped: the row is then restored from the approved record alone
    }
  }
  return out;
}

const DATE_KEYS: readonly ColumnKey[] = ['deadline', 'closedOn'];

/** The value to write back into column `col` (0-based) of a closed row, or undefined when the archive lacks it. */
export function archivedCell(kept: Kept, col: number, columns: ColumnMap, formats: readonly (string | null)[]): unknown {
  const key = (Object.keys(columns) as ColumnKey[]).find((k) => columns[k] === col);
  if (!key || key === 'updatedAt' || key === 'updatedBy') return undefined;
  const v = kept[key];
  if (v === undefined) return undefined;
  if (DATE_KEYS.includes(key)) return v === '' ? '' : startOfDay(String(v));
  if (typeof v === 'number') return v;
  return textCell(String(v), formats[col]);
}
