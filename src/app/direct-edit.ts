// Hand edits of the sheet (contract §9): notes, stamps, 填表时间 and 操作日志 from the installable trigger; notes from the simple onEdit until it is installed.
import { confirmBlock, confirmRows, editorOf, readEdit, rowsHolding } from '../sheet/edit-event';
import type { SheetEdit } from '../sheet/edit-event';
import { columnIndex, rangeA1 } from '../domain/grid';
import { blockAt, readBlock, syncNotes, writeBlock } from '../sheet/cells';
import { toast } from '../sheet/ui';
import { menuPath } from '../domain/menu';
import { appendLog } from '../sheet/log';
import type { LogEntry } from '../sheet/log';
import { withDocumentLock } from '../sheet/lock';
import { addDays, dayOf, formatInstant } from '../domain/calendar-day';
import { normaliseCreditCode } from '../domain/credit-code';
import { isAppError } from '../domain/errors';
import { TEMPLATE_COLUMNS } from '../domain/ledger-row';
import { PENDING_KEY, addPending, clearPending, loadPending } from '../sheet/pending-edits';
import { readDocumentProperties } from '../sheet/props';
import { loadApproved } from '../sheet/office-store';
import { EDIT_TRIGGER_KEY, editTriggerFlagged, flagEditTrigger } from '../sheet/triggers';
import type { ApprovedMap } from '../domain/approval';
import type { PendingEdit } from '../sheet/pending-edits';
import { COLUMN_COUNT, FIRST_DATA_ROW, HEADER_ROW, MENU_TITLE, TAB, UNKNOWN_ACCOUNT, UPPER_HEADER_ROW } from '../domain/contract';
import { PASTE_OLD_VALUE, addDuplicateProblems, cellDisplay, checkNote, checkRows, editLogLines, editScope, editToast, isCheckNote, keepDuplicateNotes, planNotes, stampRows } from '../domain/edit-check';
import type { Block, RowCheck } from '../domain/edit-check';
import { locateColumns } from '../domain/ledger-row';
import type { ColumnMap } from '../domain/ledger-row';
import { HEAD_ROWS } from '../domain/ledger-template';
import { planRules } from '../domain/settings';
import type { Settings } from '../domain/settings';
import { fromTrigger } from './error-boundary';
import { isOffice } from '../domain/permissions';
import type { GuardResult } from './office-guard';
import { guardEdit } from './office-guard';
import { afterLedgerChange } from './summary';
import { ownerEmail, readCodeIndex, readSettings, touchFillDate } from '../sheet/ledger';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type EditEvent = GoogleAppsScript.Events.SheetsOnEdit;
type Range = GoogleAppsScript.Spreadsheet.Range;

export const HEADER_DAMAGE_NOTE = checkNote(
  `表头与台账模板不一致，系统无法据此校验和记录数据。请撤销此修改，或请领导小组办公室运行“${menuPath('menuSetup')}”。`,
);

interface EditContext {
  ss: Spreadsheet;
  sheet: Sheet;
  tab: string;
  settings: Settings;
  edit: Block;
  /** Rows 1–4, A–X */
  head: unknown[][];
  columns: ColumnMap | null;
}

/** Null for edits that are not ours to check: another tab, or cells right of the table. */
function context(ev: SheetEdit): EditContext | null {
  const { ss, sheet, block: edit } = ev;
  const { settings } = readSettings(ss);
  if (!settings.districts.some((d) => d.district === ev.tab)) return null;
  const scope = editScope(edit);
  if (!scope.head && !scope.data) return null;
  const head = readBlock(sheet, 1, 1, HEAD_ROWS, COLUMN_COUNT).values;
  const located = locateColumns(head[UPPER_HEADER_ROW - 1] ?? [], head[HEADER_ROW - 1] ?? []);
  return { ss, sheet, tab: ev.tab, settings, edit, head, columns: located.ok ? located.columns : null };
}

/**
 * Whole rows A–X of the edited data block, checked with the schema, and for codes registered elsewhere when the block
 * covers column E (`codes`): only then can a duplicate have appeared, and the other tabs' code columns are read.
 */
function checkDataBlock(ctx: EditContext, data: Block, columns: ColumnMap) {
  const { range: rowsRange, values } = readBlock(ctx.sheet, data.row, 1, data.rows, COLUMN_COUNT);
  const checks = checkRows(values, data.row, columns, planRules(ctx.settings, dayOf(new Date())));
  const codes = data.column - 1 <= columns.creditCode && columns.creditCode < data.column - 1 + data.columns;
  if (codes && checks.some((c) => !c.blank)) addDuplicateProblems(checks, values, columns, ctx.tab, readCodeIndex(ctx.ss, ctx.settings));
  return { rowsRange, values, checks, codes };
}

/** The simple trigger's notes (and the busy edit trigger's): on the rows where the edit was, read and noted at once. */
function writeNotes(ctx: EditContext, data: Block, columns: ColumnMap): void {
  const { rowsRange, checks, codes } = checkDataBlock(ctx, data, columns);
  syncNotes(rowsRange, (before) => {
    if (!codes) keepDuplicateNotes(checks, before, columns.creditCode);
    const plan = planNotes(checks, before);
    return plan.changed ? plan.notes : null;
  });
  // The note's black corner alone goes unseen: say where to look.
  const message = editToast(checks);
  if (message) toast(ctx.ss, message, MENU_TITLE, 8);
}

/** Header cells edited by hand: a note on the edited cells while the header no longer matches, removed once it does. */
function noteHeader(ctx: EditContext, head: Block): void {
  const inHeaderRows = (r: number): boolean => head.row + r >= UPPER_HEADER_ROW;
  syncNotes(blockAt(ctx.sheet, head.row, head.column, head.rows, head.columns), (before) => {
    const after = before.map((row, r) =>
      row.map((n) => (ctx.columns === null && inHeaderRows(r) ? HEADER_DAMAGE_NOTE : isCheckNote(n) ? '' : n)),
    );
    return after.some((row, r) => row.some((n, c) => n !== before[r]?.[c])) ? after : null;
  });
}

/**
 * Simple trigger (LIMITED: no account, no email). Until the edit trigger is installed it writes the notes, the part
 * that needs no authorisation, so hand edits are checked from the start. Once it is (a document property says so),
 * it steps aside with one property read: the installable handler writes the notes on the rows it confirms right
 * before writing (issue 12) instead of on where the edit was, in the execution that reads those rows anyway.
 */
export function onEdit(e: EditEvent): void {
  fromTrigger('onEdit', () => {
    if (editTriggerFlagged()) return;
    const ctx = context(readEdit(e));
    if (ctx) noteEdit(ctx);
  });
}

function noteEdit(ctx: EditContext): void {
  const scope = editScope(ctx.edit);
  if (scope.head) noteHeader(ctx, scope.head);
  if (scope.data && ctx.columns) writeNotes(ctx, scope.data, ctx.columns);
}

const eventText = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** The installable edit trigger's handler: notes, stamps W/X, 填表时间, 操作日志. It never throws at the user. */
export function onEditInstalled(e: EditEvent): void {
  fromTrigger('onEditInstalled', () => {
    const ev = readEdit(e);
    const now = new Date();
    // '' from Sheets is the real "account unknown" (未知账号).
    const account = editorOf(e) || UNKNOWN_ACCOUNT;
    if (ev.tab === TAB.config) {
      logConfigEdit(ev, account, now);
      return;
    }
    const ctx = context(ev);
    if (!ctx) return;
    try {
      withDocumentLock(() => {
        // One snapshot of the document properties serves the pending edits, the approved records and 汇总's stamps.
        const props = readDocumentProperties();
        if (!props[EDIT_TRIGGER_KEY]) flagEditTrigger(now); // an edit trigger from before the flag: the simple one steps aside from now on
        const approved = loadApproved(props);
        settlePendingEdits(ctx.ss, ctx.settings, now, props[PENDING_KEY] ?? null, approved);
        recordEdit(ctx, ev, account, now, props, approved);
      }, EDIT_LOCK_WAIT_MS);
    } catch (e) {
      if (!isAppError(e) || e.code !== 'LOCK_BUSY') throw e;
      // The notes need no lock: written now, as the simple trigger would have (it stepped aside).
      noteEdit(ctx);
      // Never silently skipped: the rows are kept by credit code for the next run to stamp and log.
      const data = editScope(ctx.edit).data;
      const codes = data ? readBlock(ctx.sheet, data.row, TEMPLATE_COLUMNS.creditCode + 1, data.rows, 1).values : [];
      addPending({ tab: ctx.tab, rows: codes.map(([v], i) => ({ code: normaliseCreditCode(String(v ?? '')), row: data!.row + i })), range: ev.a1(), at: now.getTime(), by: account });
      toast(ctx.ss, '系统正忙，本次修改已保存，盖章和操作日志将在下次编辑时补记。', MENU_TITLE, 8);
    }
  });
}

/** The edit trigger waits this long for a save or another edit to finish (an installable trigger may run 6 minutes). */
export const EDIT_LOCK_WAIT_MS = 30 * 1000;

/**
 * Edits recorded while the lock stayed busy, settled now (the next edit trigger, or the daily job; the caller holds
 * the document lock): each kept row is found by its credit code, judged by the office guard as the edit would have
 * been (a clerk's change to a guarded cell goes back), stamped with the edit's time and account unless stamped later
 * since, every write on the row confirmed right before it; logged as made earlier. `raw`: the property as already read;
 * `approved`: the approved records as already read (kept current by the guard).
 */
export function settlePendingEdits(ss: Spreadsheet, settings: Settings, now: Date, raw?: string | null, approved?: ApprovedMap): boolean {
  const pending = raw === undefined ? loadPending() : loadPending(raw);
  if (pending.length === 0) return false;
  const entries: LogEntry[] = [];
  const all = approved ?? loadApproved();
  let owner: string | null = null;
  for (const p of pending) {
    const office = isOffice(settings, p.by, () => (owner ??= ownerEmail(ss)));
    entries.push(...settleOne(ss, p, office, now, all));
  }
  clearPending();
  appendLog(ss, entries);
  return true;
}

function settleOne(ss: Spreadsheet, p: PendingEdit, office: boolean, now: Date, all: ApprovedMap): LogEntry[] {
  const sheet = ss.getSheetByName(p.tab);
  if (!sheet) return [];
  const head = readBlock(sheet, 1, 1, HEAD_ROWS, COLUMN_COUNT).values;
  const located = locateColumns(head[UPPER_HEADER_ROW - 1] ?? [], head[HEADER_ROW - 1] ?? []);
  if (!located.ok) return [];
  const columns = located.columns;
  const free = new Set([columns.updatedAt, columns.updatedBy]);
  const span = /^([A-Z]+)\d+(?::([A-Z]+)\d+)?$/.exec(p.range);
  const first = span ? columnIndex(span[1]!) : 0;
  const width = span ? columnIndex(span[2] ?? span[1]!) - first + 1 : COLUMN_COUNT;
  const base = { at: new Date(p.at), account: p.by, tab: p.tab };
  const out: LogEntry[] = [{ ...base, at: now, range: p.range, creditCode: p.rows.map((r) => r.code).filter(Boolean).join('、'), name: '', field: '', oldValue: '', newValue: `修改于${formatInstant(new Date(p.at))}`, action: '直接编辑（当时系统繁忙，已补盖章、补记）' }];
  for (const r of p.rows) {
    // Where the kept row is now: its code looked for (the row it was first); a codeless row has only its place.
    const key = Array.from({ length: COLUMN_COUNT }, (_, c) => (c === columns.creditCode ? r.code : ''));
    const row = r.code === '' ? r.row : confirmRows(sheet, [{ row: r.row, cells: key }], columns.creditCode, free)[0] ?? null;
    if (row === null || row < FIRST_DATA_ROW) {
      out.push({ ...base, at: now, range: p.range, creditCode: r.code, name: '', field: '', oldValue: '', newValue: '', action: MOVED_ACTION });
      continue;
    }
    const values = readBlock(sheet, row, 1, 1, COLUMN_COUNT).values;
    const cells = values[0]!;
    if (r.code === '' && normaliseCreditCode(cellDisplay(cells[columns.creditCode])) !== '') continue; // another enterprise's row now
    const asRead = [...cells];
    const block = { row, column: first + 1, rows: 1, columns: width };
    const place = (): number | null => confirmRows(sheet, [{ row, cells: asRead }], columns.creditCode, free)[0] ?? null;
    const guard = guardEdit(ss, sheet, block, values, columns, office, null, { ...base, at: now }, place, all);
    out.push(...guard.entries);
    if (guard.untouched.has(row) || guard.lost.has(row)) continue;
    const stamped = cells[columns.updatedAt];
    if (stamped instanceof Date && stamped.getTime() >= p.at) continue; // stamped later since: the newer stamp stays
    const at = confirmRows(sheet, [{ row, cells }], columns.creditCode, free)[0] ?? null;
    if (at === null) out.push({ ...base, at: now, range: `${row}:${row}`, creditCode: r.code, name: cellDisplay(cells[columns.name]), field: '', oldValue: '', newValue: '', action: MOVED_ACTION });
    else writeBlock(sheet, at, columns.updatedAt + 1, [[new Date(p.at), p.by]]);
  }
  return out;
}

function recordEdit(ctx: EditContext, ev: SheetEdit, account: string, now: Date, props: Readonly<Record<string, string>>, approved: ApprovedMap): void {
  const single = ev.single;
  const scope = editScope(ctx.edit);
  const entries: LogEntry[] = [];
  const base = { at: now, account, tab: ctx.tab };
  const oldOfSingle = single ? { oldValue: eventText(ev.oldValue) } : null;
  if (scope.head) {
    const headRows = ctx.head.slice(scope.head.row - 1, scope.head.row - 1 + scope.head.rows);
    for (const line of editLogLines(scope.head, headRows, null, oldOfSingle)) {
      entries.push({ ...base, ...line, action: ctx.columns ? '修改表头区域' : '修改表头（与模板不一致）' });
    }
    noteHeader(ctx, scope.head);
  }
  let changedRows = false;
  if (scope.data && ctx.columns) {
    const columns = ctx.columns;
    let data = scope.data;
    let read = checkDataBlock(ctx, data, columns);
    if (single && holdsTyped(ev.value, read.values[0]?.[data.column - 1]) === false) {
      // The row read is not the one typed into: the rows moved before this run. The typed text, found on exactly one
      // row of its column, says where the edited enterprise went; otherwise nothing is written, and the log says why.
      const typed = ev.value;
      const hits = rowsHolding(ctx.sheet, data.column, (cell) => holdsTyped(typed, cell) === true);
      if (hits.length !== 1) {
        entries.push({ ...base, range: rangeA1(data), creditCode: '', name: '', field: '', oldValue: '', newValue: eventText(ev.value), action: MOVED_BEFORE_ACTION });
        toast(ctx.ss, `${rangeA1(data)}：${MOVED_BEFORE_ACTION}，请核对。`, MENU_TITLE, 8);
        appendLog(ctx.ss, entries);
        return;
      }
      data = { ...data, row: hits[0]! };
      read = checkDataBlock(ctx, data, columns);
    }
    const { values } = read;
    const asRead = values.map((r) => [...r]);
    const free = new Set([columns.updatedAt, columns.updatedBy]);
    const office = isOffice(ctx.settings, account, () => ownerEmail(ctx.ss));
    const place = (i: number): number | null => confirmRows(ctx.sheet, [{ row: data.row + i, cells: asRead[i]! }], columns.creditCode, free)[0] ?? null;
    const guard = guardEdit(ctx.ss, ctx.sheet, data, values, columns, office, oldOfSingle?.oldValue ?? null, base, place, approved);
    const checks = guard.undone.size > 0 ? recheck(ctx, data, columns, values, read.checks) : read.checks;
    // An account (an address, or 未知账号) is stored the same in a '@' cell and an automatic one: no apostrophe.
    const stamps = stampRows(checks, values, columns, now, account).map((s, i) =>
      guard.untouched.has(data.row + i) ? [values[i]?.[columns.updatedAt] ?? '', values[i]?.[columns.updatedBy] ?? ''] : s,
    );
    entries.push(...guard.entries);
    const dirty = checks.some((c) => !c.blank);
    // Right before writing: each row where it is now (its code, or what a codeless row held); never another's row.
    const confirmed = confirmBlock(ctx.sheet, values.map((cells, i) => ({ row: data.row + i, cells })), columns.creditCode, free);
    const at = confirmed.at;
    const inPlace = at.every((r, i) => r === data.row + i);
    writeRowNotes(ctx, data, checks, guard.undone, at, confirmed.range, read.codes ? null : columns.creditCode);
    // The note's black corner alone goes unseen: say where to look.
    const message = editToast(checks);
    if (message) toast(ctx.ss, message, MENU_TITLE, 8);
    if (dirty && inPlace) writeBlock(ctx.sheet, data.row, columns.updatedAt + 1, stamps);
    else if (dirty) {
      const skipped: number[] = [];
      at.forEach((r, i) => {
        if (checks[i]!.blank) return;
        if (r !== null) writeBlock(ctx.sheet, r, columns.updatedAt + 1, [stamps[i]!]);
        else if (!guard.lost.has(data.row + i)) skipped.push(data.row + i);
      });
      for (const row of skipped) {
        entries.push({ ...base, range: `${row}:${row}`, creditCode: normaliseCreditCode(cellDisplay(asRead[row - data.row]?.[columns.creditCode])), name: cellDisplay(asRead[row - data.row]?.[columns.name]), field: '', oldValue: '', newValue: '', action: MOVED_ACTION });
      }
      const lost = [...skipped, ...guard.lost];
      if (lost.length > 0) toast(ctx.ss, `第${lost.join('、')}行被移动且未找到，未盖章或未撤销，请核对。`, MENU_TITLE, 8);
    }
    changedRows = true;
    if (!single && checks.every((c) => c.blank)) {
      // Cleared cells or inserted rows: one line for the block rather than a line per empty cell.
      entries.push({ ...base, range: rangeA1(data), creditCode: '', name: '', field: '', oldValue: PASTE_OLD_VALUE, newValue: '', action: '清空单元格或插入空行' });
    } else {
      const invalid = new Set(checks.filter((c) => c.problems.size > 0).map((c) => c.row));
      for (const line of editLogLines(data, values, columns, oldOfSingle)) {
        if (guard.undone.has(line.range)) continue;
        const row = Number(/\d+$/.exec(line.range)?.[0]);
        entries.push({ ...base, ...line, action: invalid.has(row) ? '直接编辑（校验未通过，见单元格批注）' : '直接编辑' });
      }
    }
  } else if (scope.data) {
    entries.push({
      ...base,
      range: rangeA1(scope.data),
      creditCode: '',
      name: '',
      field: '',
      oldValue: '',
      newValue: '',
      action: '直接编辑（表头与模板不一致，未校验、未盖章）',
    });
  }
  if (changedRows) touchFillDate(ctx.sheet, ctx.head[1] ?? [], dayOf(now));
  appendLog(ctx.ss, entries);
  // A header edit too: 汇总's top line tells the office at once when a tab stops matching the template.
  if (changedRows || scope.head) afterLedgerChange(ctx.ss, now, scope.head !== null, props);
}

/** After cells were put back: the rows checked again (the codes did not move: a duplicate found before stays one). */
function recheck(ctx: EditContext, data: Block, columns: ColumnMap, values: unknown[][], before: RowCheck[]): RowCheck[] {
  const checks = checkRows(values, data.row, columns, planRules(ctx.settings, dayOf(new Date())));
  checks.forEach((c, i) => {
    const dup = before[i]?.problems.get(columns.creditCode);
    if (dup && !c.problems.has(columns.creditCode)) c.problems.set(columns.creditCode, dup);
  });
  return checks;
}

/**
 * The rows' 【校验】 notes and the reason on each undone cell, on the rows confirmed a moment ago: through the
 * confirmation's own range when the rows did not move (`block`), else row by row where each is now; a row not found
 * gets none. `keepDuplicateAt`: column E when the check did not look for duplicates (its duplicate note stays).
 */
function writeRowNotes(ctx: EditContext, data: Block, checks: RowCheck[], undone: GuardResult['undone'], at: readonly (number | null)[], block: Range | null, keepDuplicateAt: number | null): void {
  const plan = (before: string[][], first: number): string[][] | null => {
    const rows = checks.slice(first, first + before.length);
    if (keepDuplicateAt !== null) keepDuplicateNotes(rows, before, keepDuplicateAt);
    const { notes, changed } = planNotes(rows, before);
    let undid = false;
    for (const u of undone.values()) {
      const r = u.row - data.row - first;
      if (r >= 0 && r < notes.length) [notes[r]![u.col], undid] = [u.note, true];
    }
    return changed || undid ? notes : null;
  };
  if (block) {
    syncNotes(block, (before) => plan(before, 0));
    return;
  }
  at.forEach((row, i) => {
    if (row !== null) syncNotes(blockAt(ctx.sheet, row, 1, 1, COLUMN_COUNT), (before) => plan(before, i));
  });
}

/**
 * Whether a cell holds what a single edit typed (the event's text): null when the forms cannot be compared. A
 * false means the rows moved between the edit and this run, so the row read is another enterprise's.
 */
function holdsTyped(typed: unknown, cell: unknown): boolean | null {
  if (typeof typed !== 'string' || typed.trim() === '') return null;
  const t = typed.trim();
  if (typeof cell === 'string') return cell === typed;
  if (typeof cell === 'number') return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) === cell : false;
  if (cell instanceof Date) {
    // Typed as a day, or given as the date's serial number: any other form is not judged.
    if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return dayOf(cell) === t;
    if (/^\d+(\.\d+)?$/.test(t)) return dayOf(cell) === addDays('1899-12-30', Math.floor(Number(t)));
    return null;
  }
  return cell === '' || cell === null || cell === undefined ? false : null;
}

/** The log lines of a row the edit could not be recorded on: moved, and not found again by its credit code. */
export const MOVED_ACTION = '直接编辑（该行被移动且未找到，未盖章）';
export const MOVED_BEFORE_ACTION = '直接编辑（记录前该行已被移动，未盖章、未校验）';

/** 配置 edits are logged; protections follow 配置 only when setup runs again, and the log line says so. */
function logConfigEdit(ev: SheetEdit, account: string, now: Date): void {
  const single = ev.single;
  withDocumentLock(() =>
    appendLog(ev.ss, [
      {
        at: now,
        account,
        tab: TAB.config,
        range: ev.a1(),
        creditCode: '',
        name: '',
        field: '',
        oldValue: single ? eventText(ev.oldValue) : '（多格修改，原值未知）',
        newValue: single ? eventText(ev.value) : '',
        action: `修改配置（编辑账号等权限变化需运行“初始化/修复表格”后生效）`,
      },
    ]),
  );
}
