// The edit trigger's guard of contract §10: a clerk's change of 整改完成时限, 已验收销号, 销号日期 or a closed row is undone.
import type { Approved, ApprovedMap, GuardedCells } from '../domain/approval';
import { REFUSAL, isRecordableCode, judgeClerkChange, recordOf, sameApproved } from '../domain/approval';
import { addDays, dayOf, formatInstant, startOfDay } from '../domain/calendar-day';
import { CLOSED_STATUS, COLUMNS } from '../domain/contract';
import { normaliseCreditCode } from '../domain/credit-code';
import { ARCHIVE_HEADERS, ARCHIVE_TAB, archiveText, archivedCell, readArchive } from '../domain/closed-archive';
import type { Block } from '../domain/edit-check';
import { cellDisplay } from '../domain/edit-check';
import type { ColumnMap, RawRecord } from '../domain/ledger-row';
import { columnLetter } from '../domain/grid';
import { rowToPayload, templateFormats } from '../domain/ledger-row';
import { isRecordTab, recordRow } from '../domain/record-tab';
import { appendTextRows, loadApproved, openRecordHead, openRecordTab, saveApproved, writeCells } from '../sheet/office-store';
import type { LogEntry } from '../sheet/log';
import { openLedger } from '../sheet/ledger';
import type { Ledger } from '../sheet/ledger';
import type { Settings } from '../domain/settings';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Our own notes on undone cells: not a 【校验】 note, so a later check of the row never clears the reason. */
export const UNDO_NOTE_PREFIX = '【已撤销】';

export interface GuardResult {
  /** A1 as the edit named it → the cell put back (1-based row as edited, 0-based column) and its note. */
  readonly undone: Map<string, { row: number; col: number; note: string }>;
  /** Rows (1-based, as edited) whose every edited cell was put back: their stamps stay as they were. */
  readonly untouched: Set<number>;
  /** Rows (as edited) that were to be put back but could not be confirmed right before writing: nothing written. */
  readonly lost: Set<number>;
  readonly entries: LogEntry[];
}

/** Where the block's i-th row is now, confirmed right before a restore is written; null when it cannot be found. */
export type PlaceRow = (index: number) => number | null;

/** The log line of a restore given up: the row moved while the edit was being recorded and could not be found again. */
export const LOST_RESTORE_ACTION = '未能撤销（该行被移动且未找到），请领导小组办公室核对';

const dateCell = (day: string): unknown => (day === '' ? '' : startOfDay(day));

/** A single edit's old value as a cell: a date cell's event gives its serial number. */
function oldCell(key: string, old: string): unknown {
  if ((key === 'deadline' || key === 'closedOn') && /^\d+(\.\d+)?$/.test(old)) return startOfDay(addDays('1899-12-30', Math.floor(Number(old))));
  return old;
}

/**
 * Compares each changed row of the block, found by its credit code (so a sort or a sorted paste is judged per
 * enterprise), with its approved record. The office's changes are kept and become the record; a clerk's changes to
 * the guarded cells are written back, `values` updated to what the sheet now holds. Each restore goes to the row
 * `place` confirms right before it is written (the row holding the same code now); a row it cannot find is left alone
 * and logged, never written over another enterprise. `all`: the approved records as the execution read them (kept
 * current: the records this guard changes are set in it as they are saved).
 */
export function guardEdit(
  ss: Spreadsheet,
  sheet: Sheet,
  block: Block,
  values: unknown[][],
  columns: ColumnMap,
  office: boolean,
  oldValue: string | null,
  base: Pick<LogEntry, 'at' | 'account' | 'tab'>,
  place: PlaceRow,
  all: ApprovedMap = loadApproved(),
): GuardResult {
  const result: GuardResult = { undone: new Map(), untouched: new Set(), lost: new Set(), entries: [] };
  const today = dayOf(base.at);
  const changed = new Set<string>();
  const inBlock = (col: number): boolean => col >= block.column - 1 && col < block.column - 1 + block.columns;
  const archiveRows: RawRecord[] = [];
  let archive: Map<string, Partial<Record<string, string | number>>> | null = null;
  const formats = templateFormats(columns);
  const readKept = (): Map<string, Partial<Record<string, string | number>>> => {
    if (archive === null) {
      const open = openRecordTab(ss, ARCHIVE_TAB, ARCHIVE_HEADERS);
      archive = isRecordTab(open.tab) ? readArchive(open.tab) : new Map();
    }
    return archive;
  };
  const codeCol = columns.creditCode;
  values.forEach((cells, i) => {
    const row = block.row + i;
    const typed = cells[codeCol];
    let code = normaliseCreditCode(cellDisplay(typed));
    // A clerk's new code for an enterprise on record goes back (one cell: the event carries the old one); a
    // cleared closed row is known by its 序号 in 销号存档 (a multi-cell clear carries no old values).
    let recode = !office && oldValue !== null && block.columns === 1 && inBlock(codeCol) && all.has(normaliseCreditCode(oldValue)) && normaliseCreditCode(oldValue) !== code;
    if (recode) code = normaliseCreditCode(oldValue!);
    else if (!office && code === '' && inBlock(codeCol) && cellDisplay(cells[columns.serial]) !== '') {
      const serial = cellDisplay(cells[columns.serial]);
      const hits = [...readKept()].filter(([c, k]) => String(k.serial) === serial && k.district === base.tab && all.get(c)?.status === CLOSED_STATUS);
      if (hits.length === 1) [code, recode] = [hits[0]![0], true];
    }
    if (recode) cells[codeCol] = code;
    if (!isRecordableCode(code)) return;
    const p = rowToPayload(cells, columns).payload;
    const now: GuardedCells = { creditCode: code, deadline: p.deadline, status: p.status, closedOn: p.closedOn };
    // No record: a new enterprise (rows from before this release get theirs from seedApproved: setup, the daily job).
    const before: Approved | null = all.get(code) ?? null;
    if (office) {
      const next = recordOf(now, before, today);
      if (!sameApproved(before, next)) {
        all.set(code, next);
        changed.add(code);
      }
      if (next.status === CLOSED_STATUS) archiveRows.push(rowToPayload(cells, columns));
      return;
    }
    const verdict = judgeClerkChange(before, now, today);
    const restore = new Map<number, unknown>();
    const why = new Map<number, string>();
    if (recode) {
      restore.set(codeCol, code);
      why.set(codeCol, '已登记企业的统一社会信用代码只能由领导小组办公室更正，如有误请联系领导小组办公室。');
    }
    if (verdict.closedRow) {
      const kept = readKept().get(code);
      for (let c = block.column - 1; c < block.column - 1 + block.columns; c += 1) {
        if (c === columns.updatedAt || c === columns.updatedBy) continue;
        const key = COLUMNS[c]?.key ?? '';
        const value = c === codeCol ? code : oldValue !== null ? oldCell(key, oldValue) : kept ? archivedCell(kept, c, columns, formats) : guardedValue(key, before!);
        if (value === undefined) continue;
        restore.set(c, value);
        why.set(c, REFUSAL.closedRow(before));
      }
    } else {
      for (const u of verdict.undo) {
        const c = columns[u.key];
        if (!inBlock(c)) continue;
        restore.set(c, u.key === 'status' && oldValue !== null && oldValue !== CLOSED_STATUS ? oldValue : u.key === 'status' ? u.restore : dateCell(u.restore));
        why.set(c, u.message);
      }
      if (!sameApproved(before, verdict.next)) {
        all.set(code, verdict.next);
        changed.add(code);
      }
    }
    if (restore.size === 0) return;
    const at = place(i);
    if (at === null) {
      result.lost.add(row);
      result.entries.push({ ...base, range: `${row}:${row}`, creditCode: code, name: p.name, field: '', oldValue: '', newValue: '', action: LOST_RESTORE_ACTION });
      return;
    }
    writeCells(sheet, at, restore);
    let whole = true;
    for (let c = block.column - 1; c < block.column - 1 + block.columns; c += 1) if (!restore.has(c)) whole = false;
    if (whole) result.untouched.add(row);
    for (const [c, value] of restore) {
      const a1 = `${columnLetter(c)}${row}`;
      result.undone.set(a1, { row, col: c, note: `${UNDO_NOTE_PREFIX}${why.get(c)}` });
      result.entries.push({
        ...base,
        range: `${columnLetter(c)}${at}`,
        creditCode: code,
        name: p.name,
        field: COLUMNS[c]?.header ?? '',
        oldValue: cellDisplay(c === codeCol ? typed : cells[c]),
        newValue: cellDisplay(value),
        action: `已撤销辖区的修改：${why.get(c)}`,
      });
      cells[c] = value;
    }
  });
  if (changed.size > 0) saveApproved(all, changed);
  if (archiveRows.length > 0) archiveClosed(ss, base.at, archiveRows);
  return result;
}

/** Appends closed rows to 销号存档 (the hidden tab is made on first use); only executions running as the office call it. */
export function archiveClosed(ss: Spreadsheet, at: Date, records: readonly RawRecord[]): void {
  // Only its header row is read: the archive grows with every closure and every office edit of a closed row.
  const { sheet, tab, lastRow } = openRecordHead(ss, ARCHIVE_TAB, ARCHIVE_HEADERS);
  // Setup makes the tab; without it a closed row's guarded cells still come back from its record.
  if (!sheet || !isRecordTab(tab)) return;
  const when = formatInstant(at);
  appendTextRows(sheet, records.map((r) => recordRow(tab, { 统一社会信用代码: r.payload.creditCode, 存档时间: when, 台账记录: archiveText(r) })), lastRow);
}

/**
 * Enterprises from before this release get their record from what their rows hold now (setup and the daily job run
 * as the office; a code with a record is left alone, so running it again is harmless), so the guard knows their
 * approved 整改完成时限 from the first edit on.
 */
export function seedApproved(ss: Spreadsheet, ledgers: readonly Ledger[], today: string, all = loadApproved()): void {
  const added: string[] = [];
  const closed: RawRecord[] = [];
  for (const r of ledgers.flatMap((l) => l.rows)) {
    const code = r.record.payload.creditCode;
    if (!isRecordableCode(code) || all.has(code)) continue;
    const a = recordOf(r.record.payload, null, today);
    all.set(code, a);
    added.push(code);
    if (a.status === CLOSED_STATUS) closed.push(r.record);
  }
  if (added.length > 0) saveApproved(all, added);
  if (closed.length > 0) archiveClosed(ss, new Date(), closed);
}

/** The district tabs that open (setup reports a broken one; its rows get their records once it is repaired). */
export const openLedgers = (ss: Spreadsheet, settings: Settings): Ledger[] =>
  settings.districts.flatMap((d) => {
    try {
      return [openLedger(ss, d.district)];
    } catch {
      return [];
    }
  });

/**
 * Closed enterprises no readable district tab holds any more, for the office's digest: deleting a row fires no edit
 * event (onChange's REMOVE_ROW carries no data), so it cannot be undone; 销号存档 still has the row. Deleting the
 * archived line tells the digest the deletion was meant.
 */
export function deletedClosed(ss: Spreadsheet, ledgers: readonly Ledger[], all: ReadonlyMap<string, Approved>): { tab: string; problem: string }[] {
  const held = new Set(ledgers.flatMap((l) => l.rows.map((r) => r.record.payload.creditCode)));
  if (![...all].some(([c, a]) => a.status === CLOSED_STATUS && !held.has(c))) return [];
  const open = openRecordTab(ss, ARCHIVE_TAB, ARCHIVE_HEADERS);
  const kept = isRecordTab(open.tab) ? readArchive(open.tab) : new Map<string, Partial<Record<string, string | number>>>();
  return [...kept].flatMap(([c, k]) =>
    all.get(c)?.status === CLOSED_STATUS && !held.has(c) && ledgers.some((l) => l.district === k.district)
      ? [{ tab: String(k.district), problem: `已验收销号的${String(k.name)}（${c}）已不在本表：如系误删，请从隐藏的“${ARCHIVE_TAB}”恢复该行；如确需删除，请删去其存档行` }]
      : [],
  );
}

/** Without an archive, a closed row's guarded cells still come back from its record. */
function guardedValue(key: string, a: Approved): unknown {
  if (key === 'status') return CLOSED_STATUS;
  if (key === 'closedOn') return dateCell(a.since);
  if (key === 'deadline') return dateCell(a.deadline);
  return undefined;
}
