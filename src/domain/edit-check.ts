// Checking hand edits of a district tab: which cells an edit covers, the notes its rows need, and its log lines.
import type { Block } from './grid';

import { dayOf, formatInstant } from './calendar-day';
import { COLUMNS, COLUMN_COUNT, FIRST_DATA_ROW } from './contract';
import { normaliseCreditCode } from './credit-code';
import type { PlanRules } from './enterprise';
import { columnLetter } from './grid';
import { isBlankRow, rowFindings } from './ledger-row';
import type { ColumnMap, RawPayload } from './ledger-row';

/** Our notes start with one of these, so a check clears its own notes and never a note a person wrote. */
export const CHECK_NOTE_PREFIX = '【校验】';
/** A note (warning): worth a second look, the row is valid. Told apart from 【校验】 at a glance. */
export const HINT_NOTE_PREFIX = '【提示】';
export const PASTE_OLD_VALUE = '（粘贴或多格修改，原值未知）';

export function checkNote(message: string): string {
  return `${CHECK_NOTE_PREFIX}${message}`;
}

export function hintNote(message: string): string {
  return `${HINT_NOTE_PREFIX}${message}（仅提示，可不修改）`;
}

export const isCheckNote = (note: unknown): boolean =>
  typeof note === 'string' && (note.startsWith(CHECK_NOTE_PREFIX) || note.startsWith(HINT_NOTE_PREFIX));

/** 1-based, like Sheets. */
export type { Block } from './grid';

export interface EditScope {
  /** Part of the edit in rows 1–4 (within A–X), or null. */
  head: Block | null;
  /** Part of the edit in data rows (within A–X), or null. */
  data: Block | null;
}

/** Clips an edited block to the table: columns A–X; rows 1–4 are the head, rows from 5 the data. */
export function editScope(edit: Block): EditScope {
  const firstCol = Math.max(edit.column, 1);
  const lastCol = Math.min(edit.column + edit.columns - 1, COLUMN_COUNT);
  if (lastCol < firstCol) return { head: null, data: null };
  const lastRow = edit.row + edit.rows - 1;
  const cols = { column: firstCol, columns: lastCol - firstCol + 1 };
  const headLast = Math.min(lastRow, FIRST_DATA_ROW - 1);
  const dataFirst = Math.max(edit.row, FIRST_DATA_ROW);
  return {
    head: edit.row <= headLast ? { row: edit.row, rows: headLast - edit.row + 1, ...cols } : null,
    data: dataFirst <= lastRow ? { row: dataFirst, rows: lastRow - dataFirst + 1, ...cols } : null,
  };
}

/** A cell as the log shows it: dates as days (or date-times when they carry a time), numbers and text as typed. */
export function cellDisplay(v: unknown): string {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    const text = formatInstant(v);
    return text.endsWith(' 00:00:00') ? dayOf(v) : text;
  }
  if (v === null || v === undefined) return '';
  return String(v);
}

export interface RowCheck {
  /** 1-based sheet row */
  row: number;
  blank: boolean;
  /** 0-based column → message: errors, the row is 待修正 */
  problems: Map<number, string>;
  /** 0-based column → message: notes, the row is valid but worth a second look */
  notes: Map<number, string>;
}

export function checkRows(values: readonly unknown[][], firstRow: number, columns: ColumnMap, rules: PlanRules): RowCheck[] {
  return values.map((cells, i) => checkRow(cells, firstRow + i, columns, rules));
}

/** One row's check; `payload`: the row's payload when a ledger read already made it. */
export function checkRow(cells: readonly unknown[], row: number, columns: ColumnMap, rules: PlanRules, payload?: RawPayload): RowCheck {
  const blank = isBlankRow(cells, columns);
  const problems = new Map<number, string>();
  const notes = new Map<number, string>();
  if (!blank) {
    const found = rowFindings(cells, columns, rules, payload);
    for (const p of found.problems) problems.set(p.column, p.message);
    for (const n of found.notes) notes.set(n.column, n.message);
  }
  return { row, blank, problems, notes };
}

/**
 * The notes of whole rows A–X after a check: a note on each problem cell, our stale notes removed, a person's own
 * notes kept. `changed` is false when writing would change nothing.
 */
export function planNotes(checks: readonly RowCheck[], existing: readonly (readonly unknown[])[]): { notes: string[][]; changed: boolean } {
  let changed = false;
  const notes = checks.map((check, r) =>
    Array.from({ length: COLUMN_COUNT }, (_, c) => {
      const before = existing[r]?.[c];
      const beforeText = typeof before === 'string' ? before : '';
      const problem = check.problems.get(c);
      const hint = check.notes.get(c);
      const after =
        problem !== undefined ? checkNote(problem) : hint !== undefined ? hintNote(hint) : isCheckNote(beforeText) ? '' : beforeText;
      if (after !== beforeText) changed = true;
      return after;
    }),
  );
  return { notes, changed };
}

export interface EditLogLine {
  range: string;
  creditCode: string;
  name: string;
  field: string;
  oldValue: string;
  newValue: string;
}

/**
 * One line per edited cell of the data block. A single-cell edit knows its old value (from the event); a block
 * does not, so its old values are marked unknown. `rows` are the whole rows A–X of the block; without `columns`
 * (header rows) no enterprise or field is named.
 */
export function editLogLines(
  block: Block,
  rows: readonly (readonly unknown[])[],
  columns: ColumnMap | null,
  single: { oldValue: string } | null,
): EditLogLine[] {
  const lines: EditLogLine[] = [];
  for (let r = 0; r < block.rows; r += 1) {
    const cells = rows[r] ?? [];
    for (let c = block.column - 1; c < block.column - 1 + block.columns; c += 1) {
      lines.push({
        range: `${columnLetter(c)}${block.row + r}`,
        creditCode: columns ? cellDisplay(cells[columns.creditCode]).trim() : '',
        name: columns ? cellDisplay(cells[columns.name]).trim() : '',
        field: columns ? (COLUMNS[c]?.header ?? columnLetter(c)) : '',
        oldValue: single ? single.oldValue : PASTE_OLD_VALUE,
        newValue: cellDisplay(cells[c]),
      });
    }
  }
  return lines;
}

/** The stamp columns W–X of the block's rows: fresh on rows with data, as they were on blank rows. */
export function stampRows(checks: readonly RowCheck[], rows: readonly (readonly unknown[])[], columns: ColumnMap, at: Date, account: string): unknown[][] {
  return checks.map((check, r) =>
    check.blank ? [rows[r]?.[columns.updatedAt] ?? '', rows[r]?.[columns.updatedBy] ?? ''] : [at, account],
  );
}

/** The problems of a whole tab, for the 校验本表 message: one line per problem, at most `limit` lines. */
export function problemLines(checks: readonly RowCheck[], rows: readonly (readonly unknown[])[], columns: ColumnMap, limit: number): { lines: string[]; total: number } {
  const lines: string[] = [];
  let total = 0;
  checks.forEach((check, r) => {
    if (check.problems.size === 0) return;
    const name = cellDisplay(rows[r]?.[columns.name]).trim() || '（未填企业名称）';
    for (const [column, message] of check.problems) {
      total += 1;
      if (lines.length < limit) lines.push(`第${check.row}行 ${name}｜${COLUMNS[column]?.header ?? ''}：${message}`);
    }
  });
  return { lines, total };
}

/**
 * What a person is told after a hand edit left notes (a toast: the black triangle alone is easy to miss), or null
 * when the edited rows are clean: `第8行有1处需要修改，见单元格批注`.
 */
export function editToast(checks: readonly RowCheck[]): string | null {
  const errorRows = checks.filter((c) => c.problems.size > 0);
  const hintRows = checks.filter((c) => c.notes.size > 0);
  const errors = errorRows.reduce((n, c) => n + c.problems.size, 0);
  const hints = hintRows.reduce((n, c) => n + c.notes.size, 0);
  if (errors === 0 && hints === 0) return null;
  const rowsText = (rows: readonly RowCheck[]): string => {
    const listed = rows.slice(0, 5).map((c) => c.row).join('、');
    return `第${listed}${rows.length > 5 ? `等${rows.length}` : ''}行`;
  };
  const parts: string[] = [];
  if (errors > 0) parts.push(`${rowsText(errorRows)}${errorRows.length > 1 ? '共' : '有'}${errors}处需要修改`);
  if (hints > 0) parts.push(`${rowsText(hintRows)}${hintRows.length > 1 ? '共' : '有'}${hints}处提示请核对`);
  return `${parts.join('；')}，见单元格批注`;
}

/** Where each credit code sits: normalised code → its places ("tab" and 1-based row). */
export type CodeIndex = Map<string, { tab: string; row: number }[]>;

export function indexCodes(index: CodeIndex, tab: string, firstRow: number, codes: readonly unknown[]): CodeIndex {
  codes.forEach((v, i) => {
    const code = normaliseCreditCode(cellDisplay(v));
    if (code === '') return;
    const places = index.get(code) ?? [];
    places.push({ tab, row: firstRow + i });
    index.set(code, places);
  });
  return index;
}

/**
 * Credit codes must be unique across all district tabs (contract §2). A row whose code is otherwise valid gets a
 * problem naming where else the code is; the first problem of a cell wins, as in the schema.
 */
export function addDuplicateProblems(checks: RowCheck[], rows: readonly (readonly unknown[])[], columns: ColumnMap, tab: string, index: CodeIndex): void {
  checks.forEach((check, r) => {
    if (check.blank || check.problems.has(columns.creditCode)) return;
    const code = normaliseCreditCode(cellDisplay(rows[r]?.[columns.creditCode]));
    const elsewhere = (index.get(code) ?? []).filter((p) => !(p.tab === tab && p.row === check.row));
    const first = elsewhere[0];
    if (!first) return;
    check.problems.set(columns.creditCode, `统一社会信用代码与“${first.tab}”第${first.row}行重复，${DUPLICATE_TAIL}`);
  });
}

/** How a duplicate-code problem ends, so a note on column E can be told to be one. */
const DUPLICATE_TAIL = '同一企业只能登记一次';

/**
 * An edit that leaves column E alone does not look for its codes on the other tabs (issue 16), so it cannot judge a
 * duplicate: the duplicate note E already carries (`existing`: the rows' notes A–X) is kept as the row's problem,
 * for the note, the toast and the log alike. The code did not change; the other row may have gone since, which the
 * next edit of E or 校验本表 finds.
 */
export function keepDuplicateNotes(checks: RowCheck[], existing: readonly (readonly unknown[])[], codeCol: number): void {
  checks.forEach((check, r) => {
    const before = existing[r]?.[codeCol];
    if (check.blank || check.problems.has(codeCol) || typeof before !== 'string') return;
    if (before.startsWith(CHECK_NOTE_PREFIX) && before.endsWith(DUPLICATE_TAIL)) check.problems.set(codeCol, before.slice(CHECK_NOTE_PREFIX.length));
  });
}
