// Hand edits of the sheet (contract §9): notes from the simple onEdit; stamps, 填表时间 and 操作日志 from the installable trigger.
import { editorOf, readEdit } from '../sheet/edit-event';
import type { SheetEdit } from '../sheet/edit-event';
import { rangeA1 } from '../domain/grid';
import { blockAt, readBlock, syncNotes, writeBlock } from '../sheet/cells';
import { toast } from '../sheet/ui';
import { menuPath } from '../domain/menu';
import { appendLog } from '../sheet/log';
import type { LogEntry } from '../sheet/log';
import { withDocumentLock } from '../sheet/lock';
import { dayOf, formatInstant } from '../domain/calendar-day';
import { normaliseCreditCode } from '../domain/credit-code';
import { isAppError } from '../domain/errors';
import { TEMPLATE_COLUMNS } from '../domain/ledger-row';
import { addPending, clearPending, loadPending, stampPending } from '../sheet/pending-edits';
import { COLUMN_COUNT, HEADER_ROW, MENU_TITLE, TAB, UNKNOWN_ACCOUNT, UPPER_HEADER_ROW } from '../domain/contract';
import { PASTE_OLD_VALUE, addDuplicateProblems, checkNote, checkRows, editLogLines, editScope, editToast, isCheckNote, planNotes, stampRows } from '../domain/edit-check';
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

/** Whole rows A–X of the edited data block, checked with the schema and for codes registered elsewhere. */
function checkDataBlock(ctx: EditContext, data: Block, columns: ColumnMap) {
  const { range: rowsRange, values } = readBlock(ctx.sheet, data.row, 1, data.rows, COLUMN_COUNT);
  const checks = checkRows(values, data.row, columns, planRules(ctx.settings, dayOf(new Date())));
  if (checks.some((c) => !c.blank)) addDuplicateProblems(checks, values, columns, ctx.tab, readCodeIndex(ctx.ss, ctx.settings));
  return { rowsRange, values, checks };
}

function writeNotes(ctx: EditContext, data: Block, columns: ColumnMap): void {
  const { rowsRange, checks } = checkDataBlock(ctx, data, columns);
  syncNotes(rowsRange, (before) => {
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
 * Simple trigger (LIMITED: no account, no email). It does the part that needs no authorisation, the notes, so a
 * workbook whose edit trigger is not installed yet still checks hand edits; the installable handler does the
 * rest and does not repeat the notes, so nothing is written twice when both run.
 */
export function onEdit(e: EditEvent): void {
  fromTrigger('onEdit', () => {
    const ctx = context(readEdit(e));
    if (!ctx) return;
    const scope = editScope(ctx.edit);
    if (scope.head) noteHeader(ctx, scope.head);
    if (scope.data && ctx.columns) writeNotes(ctx, scope.data, ctx.columns);
  });
}

const eventText = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** The installable edit trigger's handler: stamps W/X, 填表时间, 操作日志. It never throws at the user. */
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
        settlePending(ctx.ss, now);
        recordEdit(ctx, ev, account, now);
      }, EDIT_LOCK_WAIT_MS);
    } catch (e) {
      if (!isAppError(e) || e.code !== 'LOCK_BUSY') throw e;
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

/** Edits recorded while the lock stayed busy: stamped and logged now, marked as made earlier. */
function settlePending(ss: Spreadsheet, now: Date): void {
  const pending = loadPending();
  if (pending.length === 0) return;
  for (const p of pending) stampPending(ss, p);
  clearPending();
  appendLog(ss, pending.map((p) => ({
    at: now, account: p.by, tab: p.tab, range: p.range, creditCode: p.rows.map((r) => r.code).filter(Boolean).join('、'), name: '', field: '',
    oldValue: '', newValue: `修改于${formatInstant(new Date(p.at))}`, action: '直接编辑（当时系统繁忙，已补盖章、补记）',
  })));
}

function recordEdit(ctx: EditContext, ev: SheetEdit, account: string, now: Date): void {
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
  }
  let changedRows = false;
  if (scope.data && ctx.columns) {
    const columns = ctx.columns;
    const read = checkDataBlock(ctx, scope.data, columns);
    const { values } = read;
    const office = isOffice(ctx.settings, account, ownerEmail(ctx.ss));
    const guard = guardEdit(ctx.ss, ctx.sheet, scope.data, values, columns, office, oldOfSingle?.oldValue ?? null, base);
    const checks = guard.undone.size > 0 ? renote(ctx, scope.data, columns, values, read.checks, guard.undone) : read.checks;
    // An account (an address, or 未知账号) is stored the same in a '@' cell and an automatic one: no apostrophe.
    const stamps = stampRows(checks, values, columns, now, account).map((s, i) =>
      guard.untouched.has(scope.data!.row + i) ? [values[i]?.[columns.updatedAt] ?? '', values[i]?.[columns.updatedBy] ?? ''] : s,
    );
    entries.push(...guard.entries);
    if (checks.some((c) => !c.blank)) writeBlock(ctx.sheet, scope.data.row, columns.updatedAt + 1, stamps);
    changedRows = true;
    if (!single && checks.every((c) => c.blank)) {
      // Cleared cells or inserted rows: one line for the block rather than a line per empty cell.
      entries.push({ ...base, range: rangeA1(scope.data), creditCode: '', name: '', field: '', oldValue: PASTE_OLD_VALUE, newValue: '', action: '清空单元格或插入空行' });
    } else {
      const invalid = new Set(checks.filter((c) => c.problems.size > 0).map((c) => c.row));
      for (const line of editLogLines(scope.data, values, columns, oldOfSingle)) {
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
  if (changedRows || scope.head) afterLedgerChange(ctx.ss, now, scope.head !== null);
}

/** After cells were put back: the rows checked again, their 【校验】 notes redone, and the reason on each undone cell. */
function renote(ctx: EditContext, data: Block, columns: ColumnMap, values: unknown[][], before: RowCheck[], undone: GuardResult['undone']): RowCheck[] {
  const range = ctx.sheet.getRange(data.row, 1, data.rows, COLUMN_COUNT);
  const checks = checkRows(values, data.row, columns, planRules(ctx.settings, dayOf(new Date())));
  // The codes did not move: a duplicate found before stays a duplicate.
  checks.forEach((c, i) => {
    const dup = before[i]?.problems.get(columns.creditCode);
    if (dup && !c.problems.has(columns.creditCode)) c.problems.set(columns.creditCode, dup);
  });
  const { notes } = planNotes(checks, range.getNotes());
  for (const u of undone.values()) notes[u.row - data.row]![u.col] = u.note;
  range.setNotes(notes);
  return checks;
}

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
