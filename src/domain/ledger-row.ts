// A district tab's row ⇄ record ⇄ payload, with columns located by their header text.
import { cellText, columnLetter, headerText } from './grid';
import { menuPath } from './menu';

import { startOfDay } from './calendar-day';
import { COLUMNS, HEADER_ROW, UPPER_HEADER, UPPER_HEADER_ROW } from './contract';
import type { ColumnKey, PayloadKey } from './contract';
import { AppError } from './errors';
import { PAYLOAD_KEYS, validateEnterprise } from './enterprise';
import type { EnterprisePayload, PlanRules } from './enterprise';

/** 0-based column index of each key in a district tab. */
export type ColumnMap = Record<ColumnKey, number>;

/** A payload as the sheet holds it, before validation: trimmed text, employees possibly still a number. */
export type RawPayload = Record<Exclude<PayloadKey, 'employees'>, string> & { employees: string | number };

export interface RawRecord {
  payload: RawPayload;
  serial: number | null;
  updatedAt: Date | null;
  updatedBy: string;
}

export interface RowMeta {
  serial: number;
  updatedAt: Date;
  updatedBy: string;
}

export interface CellProblem {
  key: PayloadKey;
  /** 0-based column index */
  column: number;
  message: string;
}

export type LocateResult = { ok: true; columns: ColumnMap } | { ok: false; error: AppError };

/** The columns whose header is merged down over rows 3–4, so their text may sit in either row. */
const MERGED_DOWN = new Set<string>(UPPER_HEADER.filter((h) => h.down).map((h) => h.text));

/** The template's default column positions (A = 0). */
export const TEMPLATE_COLUMNS: ColumnMap = Object.fromEntries(COLUMNS.map((c, i) => [c.key, i])) as ColumnMap;


/**
 * The contract fixes each column's letter, so a column found elsewhere is a mismatch too: data rows would be
 * read under the wrong header, which is how records get silently corrupted.
 */
export function locateColumns(upperHeader: unknown[], lowerHeader: unknown[]): LocateResult {
  const lower = lowerHeader.map(headerText);
  const upper = upperHeader.map(headerText);
  const textAt = (i: number, header: string): boolean =>
    lower[i] === header || (MERGED_DOWN.has(header) && upper[i] === header && (lower[i] ?? '') === '');
  const problems: string[] = [];
  const missing: string[] = [];
  const moved: string[] = [];
  COLUMNS.forEach((col, i) => {
    if (textAt(i, col.header)) return;
    const width = Math.max(lower.length, upper.length);
    let foundAt = -1;
    for (let j = 0; j < width && foundAt < 0; j += 1) if (j !== i && textAt(j, col.header)) foundAt = j;
    if (foundAt >= 0) {
      moved.push(col.header);
      problems.push(`列“${col.header}”应在${col.letter}列，现在在${columnLetter(foundAt)}列`);
      return;
    }
    missing.push(col.header);
    const present = lower[i] || (MERGED_DOWN.has(col.header) ? upper[i] : '') || '';
    problems.push(
      present
        ? `${col.letter}列表头应为“${col.header}”，现在是“${present}”`
        : `缺少列“${col.header}”（应在${col.letter}列）`,
    );
  });
  if (problems.length === 0) return { ok: true, columns: { ...TEMPLATE_COLUMNS } };
  const message =
    `表头与台账模板不一致（第${UPPER_HEADER_ROW}–${HEADER_ROW}行）：${problems.join('；')}。` +
    `为避免数据写错列，本次未做任何修改。请恢复原表头（可用撤销），或运行“${menuPath('menuSetup')}”后重试。`;
  return { ok: false, error: new AppError('HEADER_MISMATCH', message, { missing, moved, problems }) };
}


const isBlankCell = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/**
 * A row with nothing in it. With `columns`, only the enterprise's own cells count: a row whose data was cleared
 * still carries the script's 序号 and stamps, and it is blank all the same.
 */
export function isBlankRow(row: readonly unknown[], columns?: ColumnMap): boolean {
  if (!columns) return row.every(isBlankCell);
  return PAYLOAD_KEYS.every((k) => isBlankCell(row[columns[k]]));
}

/** Every payload key in column order, each '': a row's payload is a copy of it, filled in (one shape, not 21 changes of it). */
const BLANK_PAYLOAD: Readonly<Record<PayloadKey, string>> = Object.fromEntries(PAYLOAD_KEYS.map((k) => [k, ''])) as Record<PayloadKey, string>;

export function rowToPayload(row: readonly unknown[], columns: ColumnMap): RawRecord {
  const payload: Record<PayloadKey, string | number> = { ...BLANK_PAYLOAD };
  for (const key of PAYLOAD_KEYS) {
    const v = row[columns[key]];
    payload[key] = key === 'employees' && typeof v === 'number' ? v : cellText(v);
  }
  const serialCell = row[columns.serial];
  const serialText = cellText(serialCell);
  const stamp = row[columns.updatedAt];
  return {
    payload: payload as RawPayload,
    serial: typeof serialCell === 'number' ? serialCell : /^\d+$/.test(serialText) ? Number(serialText) : null,
    updatedAt: stamp instanceof Date && !Number.isNaN(stamp.getTime()) ? stamp : null,
    updatedBy: cellText(row[columns.updatedBy]),
  };
}

// Strings Sheets would turn into something else under USER_ENTERED: numbers (an all-digit credit code would
// lose digits), dates, booleans, and a leading apostrophe (which Sheets would swallow).
const COERCIBLE = [
  /^\s*[+-]?(\d[\d,]*)?\.?\d+(e[+-]?\d+)?\s*%?\s*$/i,
  /^\s*\d{1,4}\s*[-/.年]\s*\d{1,2}\s*([-/.月]\s*\d{1,4}\s*日?)?\s*$/,
  /^\s*\d{1,2}:\d{2}(:\d{2})?\s*$/,
  /^\s*\d{1,4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,4}\s+\d{1,2}:\d{2}(:\d{2})?\s*$/,
  /^\s*(true|false)\s*$/i,
];

/**
 * User text as a value Sheets stores literally in an automatic-format cell: never a formula, never re-read as a
 * number or date. Only for such cells: a plain-text ('@') cell keeps the apostrophe as a character.
 */
export function literalText(s: string): string {
  if (/^[=+\-@']/.test(s)) return `'${s}`;
  if (COERCIBLE.some((re) => re.test(s))) return `'${s}`;
  return s;
}

export const TEXT_FORMAT = '@';
export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/**
 * Number formats of the data rows. Text columns are '@', so a code of digits or a date-like text stays text even
 * when typed by hand. 序号 and 职工人数 keep the automatic format: a fractional 职工人数 must show as typed, so the
 * note about it makes sense.
 */
export function dataFormat(key: ColumnKey): string | null {
  if (key === 'serial' || key === 'employees') return null;
  if (key === 'deadline' || key === 'closedOn') return DATE_FORMAT;
  if (key === 'updatedAt') return DATE_TIME_FORMAT;
  return TEXT_FORMAT;
}

/**
 * The one decision for every text the script writes into a cell, by the format the cell has when written: in a
 * plain-text ('@') cell the text itself, since Sheets stores it as written (an added "'" would be a visible
 * character, and the credit code would no longer match); in any other cell the apostrophe form of literalText.
 */
export function textCell(s: string, numberFormat: string | null | undefined): string {
  return numberFormat === TEXT_FORMAT ? s : literalText(s);
}

/** The template's number format of each column (null = automatic), indexed like the row. */
export function templateFormats(columns: ColumnMap): (string | null)[] {
  const width = Math.max(...Object.values(columns)) + 1;
  const formats: (string | null)[] = new Array<string | null>(width).fill(null);
  for (const c of COLUMNS) formats[columns[c.key]] = dataFormat(c.key);
  return formats;
}

function payloadCell(p: EnterprisePayload, key: PayloadKey, format: string | null | undefined): unknown {
  if (key === 'employees') return p.employees;
  if (key === 'deadline') return startOfDay(p.deadline);
  if (key === 'closedOn') return p.closedOn === '' ? '' : startOfDay(p.closedOn);
  return textCell(String(p[key]), format);
}

/**
 * The cells of one data row, as wide as the tab's columns; dates are real dates at Shanghai midnight. `formats`:
 * the number formats of the target row as read just before writing (the template's when not given), so text is
 * written the way each cell stores it.
 */
export function payloadToRow(
  p: EnterprisePayload,
  meta: RowMeta,
  columns: ColumnMap,
  formats: readonly (string | null)[] = templateFormats(columns),
): unknown[] {
  const width = Math.max(...Object.values(columns)) + 1;
  const row: unknown[] = new Array(width).fill('');
  for (const key of PAYLOAD_KEYS) row[columns[key]] = payloadCell(p, key, formats[columns[key]]);
  row[columns.serial] = meta.serial;
  row[columns.updatedAt] = meta.updatedAt;
  row[columns.updatedBy] = textCell(meta.updatedBy, formats[columns.updatedBy]);
  return row;
}

/** What the check finds in one sheet row: errors and notes, each on the cell to mark (cross-field ones on the cell the rule names). */
/** `payload`: the row's payload when the caller already has it (a ledger read made it once), so the row is not read again. */
export function rowFindings(
  row: readonly unknown[],
  columns: ColumnMap,
  rules: PlanRules,
  payload: RawPayload = rowToPayload(row, columns).payload,
): { problems: CellProblem[]; notes: CellProblem[] } {
  const result = validateEnterprise(payload, rules);
  const problems: CellProblem[] = [];
  const notes: CellProblem[] = [];
  if (result.ok && Object.keys(result.notes).length === 0) return { problems, notes };
  for (const key of PAYLOAD_KEYS) {
    const message = result.ok ? undefined : result.errors[key];
    if (message !== undefined) problems.push({ key, column: columns[key], message });
    const note = result.notes[key];
    if (note !== undefined) notes.push({ key, column: columns[key], message: note });
  }
  return { problems, notes };
}

/** The problems (errors) of one sheet row. */
export function rowProblems(row: unknown[], columns: ColumnMap, rules: PlanRules): CellProblem[] {
  return rowFindings(row, columns, rules).problems;
}

