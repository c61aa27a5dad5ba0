// 企业档案 (一企一档): an enterprise's history from 操作日志 as dated events (延期 and 验收 included), and how to read the log narrowly.

import { LOG_HEADERS } from './contract';
import { normaliseCreditCode } from './credit-code';
import { DATE_FIELDS, dateFieldText, minuteText } from './log-text';

/** The id of the inert JSON block that carries a DossierView into the dialog. */
export const DOSSIER_DATA_ID = 'dossier-data';

/** What getEnterpriseDossier returns (contract §11) and the dialog shows: the record and its events, oldest first. */
export interface Dossier {
  enterprise: Record<string, unknown> & { name: string; creditCode: string; district: string };
  events: DossierEvent[];
}

/** The dialog's data: the dossier plus where the record sits. */
export interface DossierView extends Dossier {
  row: number | null;
  serial: number | null;
}

/** The kinds a person filters by in the dialog. */
export const EVENT_KINDS = ['新增', '修改', '提醒', '延期', '验收', '其他'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Contract §11's event, plus its kind (for the filter) and a note (a reason or an opinion). */
export interface DossierEvent {
  at: string;
  account: string;
  action: string;
  field: string;
  oldValue: string;
  newValue: string;
  kind: EventKind;
  note: string;
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : v instanceof Date ? minuteText(v) : String(v).trim());
const key = (v: unknown): string => text(v).replace(/\s+/g, '');

/** 0-based index of each named header in `header` (-1 when absent), matched ignoring spaces and line breaks. */
function headerIndex<T extends string>(header: readonly unknown[], names: readonly T[]): Record<T, number> {
  const keys = header.map(key);
  return Object.fromEntries(names.map((n) => [n, keys.indexOf(n)])) as Record<T, number>;
}

/** The codes a 操作日志 统一社会信用代码 cell names: one, or a list (a sent reminder names every enterprise it listed). */
export const codesOf = (cell: unknown): string[] => text(cell).split(/[\s,，、;；]+/).map(normaliseCreditCode).filter((c) => c !== '');

export const cellConcerns = (cell: unknown, code: string): boolean => codesOf(cell).includes(code);

/**
 * The hidden tab where the daily job (as the office) keeps each code's 操作日志 rows, so 企业档案 never reads the
 * whole code column (50,000 cells ≈ 1.6 s): 0-based rows below the header, comma-joined; `*` when they outgrow a
 * cell (that code is found by reading the column). Row 2 says how many log rows it covers, and the last row with a
 * code and that code, so the daily job sees a log sorted or cut by hand and rebuilds it.
 */
export const LOG_INDEX_TAB = '档案索引';
export const LOG_INDEX_HEADERS = ['统一社会信用代码', '日志行号'] as const;
const THROUGH = '已索引行数';

export interface LogIndex {
  through: number;
  /** The last indexed row with a code (-1: none) and its first code. */
  at: number;
  last: string;
  rows: Map<string, string>;
}

export function parseLogIndex(cells: readonly { 统一社会信用代码: string; 日志行号: string }[]): LogIndex {
  const rows = new Map(cells.map((c) => [c.统一社会信用代码, c.日志行号]));
  const [count, at, last = ''] = (rows.get(THROUGH) ?? '').split(' ').map((t, i) => (i < 2 ? Number(t) : t)) as [number, number, string?];
  rows.delete(THROUGH);
  const through = Number.isInteger(count) && count > 0 ? count : 0;
  return { through, at: Number.isInteger(at) && at < through ? at : -1, last, rows };
}

/** The index grown by the code cells of log rows `from`… (a rebuild from 0 starts empty), as the tab's rows. */
export function extendIndex(index: LogIndex, from: number, codeColumn: readonly unknown[]): string[][] {
  const rows = from === 0 ? new Map<string, string>() : new Map(index.rows);
  let [at, last] = from === 0 ? [-1, ''] : [index.at, index.last];
  codeColumn.forEach((cell, i) => {
    const codes = codesOf(cell);
    if (codes.length > 0) [at, last] = [from + i, codes[0]!];
    for (const code of new Set(codes)) {
      const was = rows.get(code) ?? '';
      const next = was === '*' ? was : was === '' ? `${from + i}` : `${was},${from + i}`;
      rows.set(code, next.length > 45_000 ? '*' : next);
    }
  });
  return [[THROUGH, `${from + codeColumn.length} ${at} ${last}`], ...rows];
}

/** The indexed rows of `code`, or null when the index cannot say (it holds `*`). */
export function indexedRows(index: LogIndex, code: string): number[] | null {
  const cell = index.rows.get(code) ?? '';
  return cell === '*' ? null : cell === '' ? [] : cell.split(',').map(Number);
}

/** 0-based indices of the code column's cells that concern `code`. */
export function matchingRows(codeColumn: readonly unknown[], code: string): number[] {
  const out: number[] = [];
  codeColumn.forEach((cell, i) => {
    if (cellConcerns(cell, code)) out.push(i);
  });
  return out;
}

/**
 * The fewest reads for the matched rows: runs of rows, two runs joined when the rows between them cost less to
 * read than another call would (`rowCost` and `callCost` in the same unit, e.g. modelled ms). Indices sorted.
 */
export function readBlocks(indices: readonly number[], rowCost: number, callCost: number): { start: number; count: number }[] {
  const blocks: { start: number; count: number }[] = [];
  const joinGap = rowCost > 0 ? Math.floor(callCost / rowCost) : Number.MAX_SAFE_INTEGER;
  for (const i of indices) {
    const last = blocks[blocks.length - 1];
    if (last && i - (last.start + last.count) <= joinGap) last.count = i - last.start + 1;
    else blocks.push({ start: i, count: 1 });
  }
  return blocks;
}

function kindOf(action: string, field: string): EventKind {
  if (field === '提醒邮件' || /提醒|催办/.test(action)) return '提醒';
  if (/新增|导入/.test(action)) return '新增';
  if (/延期/.test(action)) return '延期';
  if (/验收|销号/.test(action)) return '验收';
  if (action === '' && field === '') return '其他';
  return '修改';
}

/**
 * Events of 操作日志 lines already known to concern `code` (each a whole row as the tab holds it; `header` is
 * the tab's header row, so a log whose columns moved is still read right). Dates as dates; a new enterprise's
 * line that only says `序号N` (earlier releases) is put into words from the line itself.
 */
export function logEvents(header: readonly unknown[], rows: readonly (readonly unknown[])[]): DossierEvent[] {
  const at = headerIndex(header, LOG_HEADERS);
  const cell = (row: readonly unknown[], name: (typeof LOG_HEADERS)[number]): unknown => (at[name] >= 0 ? row[at[name]] : '');
  return rows.map((row) => {
    const action = text(cell(row, '操作'));
    const field = text(cell(row, '字段'));
    const kind = kindOf(action, field);
    let oldValue = text(cell(row, '原值'));
    let newValue = text(cell(row, '新值'));
    if (DATE_FIELDS.has(field)) {
      oldValue = dateFieldText(oldValue);
      newValue = dateFieldText(newValue);
    }
    if (kind === '新增' && (newValue === '' || /^序号\d+$/.test(newValue))) {
      const name = text(cell(row, '企业名称'));
      newValue = `新增企业：${[newValue, name, text(cell(row, '工作表'))].filter((s) => s !== '').join('；')}`;
    }
    return { at: minuteText(cell(row, '时间')), account: text(cell(row, '账号')), action, field, oldValue, newValue, kind, note: '' };
  });
}

/** All events oldest first (equal minutes keep their source order: the log's own order within a minute). */
export function oldestFirst(...parts: readonly DossierEvent[][]): DossierEvent[] {
  return parts
    .flat()
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.at < b.e.at ? -1 : a.e.at > b.e.at ? 1 : a.i - b.i))
    .map((x) => x.e);
}

export function newestFirst(events: readonly DossierEvent[]): DossierEvent[] {
  return [...events].reverse();
}

export function filterKinds(events: readonly DossierEvent[], kinds: readonly EventKind[]): DossierEvent[] {
  return kinds.length === 0 ? [...events] : events.filter((e) => kinds.includes(e.kind));
}

/**
 * What one more read of 操作日志 costs against reading rows between matches (public measurements, as the emulator's
 * cost model: ≈ 20 ms a call, and a block takes two, getRange and getValues; ≈ 0.031 ms a cell): rows closer than
 * callMs ÷ (width × cellMs) are read in one block.
 */
export const LOG_READ_COST = { callMs: 40, cellMs: 0.031 } as const;

/** The rows of `blocks` (as read, in order) that are among `wanted` (0-based indices below the header). */
export function pickRows(blocks: readonly { start: number; count: number }[], read: readonly (readonly unknown[][])[], wanted: readonly number[]): unknown[][] {
  const keep = new Set(wanted);
  const out: unknown[][] = [];
  blocks.forEach((b, i) => {
    (read[i] ?? []).forEach((row, j) => {
      if (keep.has(b.start + j)) out.push(row);
    });
  });
  return out;
}
