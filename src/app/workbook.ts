// Reading the workbook: 配置 and the district ledgers, each tab with one getValues, header checked before use.
import { FIRST_DATA_ROW, HEADER_ROW, TAB, UPPER_HEADER_ROW } from '../domain/contract';
import { AppError } from '../domain/errors';
import { isBlankRow, locateColumns, rowToPayload } from '../domain/ledger-row';
import type { ColumnMap, RawRecord } from '../domain/ledger-row';
import { parseSettings } from '../domain/settings';
import type { Settings } from '../domain/settings';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface LedgerRow {
  /** 1-based sheet row, valid only until the lock is released: rows are found again by credit code. */
  readonly row: number;
  readonly cells: unknown[];
  readonly record: RawRecord;
}

export interface Ledger {
  readonly sheet: Sheet;
  readonly district: string;
  readonly columns: ColumnMap;
  readonly rows: readonly LedgerRow[];
  /** Rows 1–4 as read, for callers that rewrite the 填表时间 cell or check the title. */
  readonly head: unknown[][];
}

export function readSettings(ss: Spreadsheet): ReturnType<typeof parseSettings> {
  const sheet = ss.getSheetByName(TAB.config);
  return parseSettings(sheet ? sheet.getDataRange().getValues() : []);
}

/** '' for a file without an owner (a shared drive's); a throw is a fault to show, not an unknown owner. */
export function ownerEmail(ss: Spreadsheet): string {
  const owner = ss.getOwner();
  return owner ? owner.getEmail().trim().toLowerCase() : '';
}

/** Turns a tab's grid (from one getValues) into a Ledger; throws when the header no longer matches the template. */
export function ledgerFromGrid(sheet: Sheet, district: string, grid: unknown[][]): Ledger {
  const located = locateColumns(grid[UPPER_HEADER_ROW - 1] ?? [], grid[HEADER_ROW - 1] ?? []);
  if (!located.ok) {
    throw new AppError('HEADER_MISMATCH', `“${district}”工作表：${located.error.userMessage}`, { district });
  }
  const rows: LedgerRow[] = [];
  for (let i = FIRST_DATA_ROW - 1; i < grid.length; i++) {
    const cells = grid[i] ?? [];
    if (isBlankRow(cells, located.columns)) continue;
    rows.push({ row: i + 1, cells, record: rowToPayload(cells, located.columns) });
  }
  return { sheet, district, columns: located.columns, rows, head: grid.slice(0, FIRST_DATA_ROW - 1) };
}

export function openLedger(ss: Spreadsheet, district: string): Ledger {
  const sheet = ss.getSheetByName(district);
  if (!sheet) {
    throw new AppError('TAB_MISSING', `找不到“${district}”工作表。请领导小组办公室运行 整治台账 → 管理 → 初始化/修复表格。`, {
      district,
    });
  }
  return ledgerFromGrid(sheet, district, sheet.getDataRange().getValues());
}

export function openAllLedgers(ss: Spreadsheet, settings: Settings): Ledger[] {
  return settings.districts.map((d) => openLedger(ss, d.district));
}

export function findEnterprise(ledgers: readonly Ledger[], creditCode: string): { ledger: Ledger; row: LedgerRow } | null {
  for (const ledger of ledgers) {
    for (const row of ledger.rows) {
      if (row.record.payload.creditCode === creditCode) return { ledger, row };
    }
  }
  return null;
}
