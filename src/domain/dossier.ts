// 企业档案 (一企一档): an enterprise's history from 操作日志, 延期申请 and 验收记录 as dated events, and how to read the log narrowly.

import { LOG_HEADERS } from './contract';
import { normaliseCreditCode } from './credit-code';
import { DATE_FIELDS, dateFieldText, minuteText } from './log-text';

export const EXTENSION_TAB = '延期申请';
export const ACCEPTANCE_TAB = '验收记录';
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
export function headerIndex<T extends string>(header: readonly unknown[], names: readonly T[]): Record<T, number> {
  const keys = header.map(key);
  return Object.fromEntries(names.map((n) => [n, keys.indexOf(n)])) as Record<T, number>;
}

/** The first row (of the first few) that holds all of `names`, as its 0-based index, or -1. */
export function findHeaderRow(grid: readonly (readonly unknown[])[], names: readonly string[], scan = 5): number {
  for (let r = 0; r < Math.min(scan, grid.length); r += 1) {
    const keys = (grid[r] ?? []).map(key);
    if (names.every((n) => keys.includes(n))) return r;
  }
  return -1;
}

/** Whether a 操作日志 统一社会信用代码 cell concerns `code`: the code itself, or a list (a reminder names every enterprise it listed). */
export function cellConcerns(cell: unknown, code: string): boolean {
  const t = text(cell);
  if (t === '') return false;
  if (t === code) return true;
  return t.length > code.length && normaliseCreditCode(t).includes(code);
}

/** 0-based indices of the code column's cells that concern `code`. */
export function matchingRows(codeColumn: readonly unknown[], code: string): number[] {
  const out: number[] = [];
  codeColumn.forEach((cell, i) => {
    if (cellConcerns(Array.isArray(cell) ? cell[0] : cell, code)) out.push(i);
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

const LOG = headerIndex([...LOG_HEADERS], LOG_HEADERS);

/**
 * Events of 操作日志 lines already known to concern `code` (each a whole row as the tab holds it; `header` is
 * the tab's header row, so a log whose columns moved is still read right). Dates as dates; a new enterprise's
 * line that only says `序号N` (earlier releases) is put into words from the line itself.
 */
export function logEvents(header: readonly unknown[], rows: readonly (readonly unknown[])[]): DossierEvent[] {
  const at = header.length > 0 ? headerIndex(header, LOG_HEADERS) : LOG;
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

/** The header of 延期申请 (contract §10). */
export const EXTENSION_HEADERS = ['提交时间', '辖区', '统一社会信用代码', '企业名称', '原整改完成时限', '申请延期至', '理由', '申请人', '审批状态', '审批人', '审批时间', '审批意见'] as const;
/** The header of 验收记录 (contract §10). */
export const ACCEPTANCE_HEADERS = ['验收日期', '辖区', '统一社会信用代码', '企业名称', '结论', '参加部门', '验收意见', '记录人', '记录时间'] as const;

const dayText = (v: unknown): string => {
  const m = minuteText(v);
  return m === '' ? dateFieldText(text(v)) : m.slice(0, 10);
};

function rowsOf<T extends string>(grid: readonly (readonly unknown[])[], names: readonly T[], code: string): { get: (row: readonly unknown[], n: T) => unknown; rows: (readonly unknown[])[] } {
  const h = findHeaderRow(grid, names.filter((n) => n === '统一社会信用代码' || n === names[0]));
  if (h < 0) return { get: () => '', rows: [] };
  const at = headerIndex(grid[h] ?? [], names);
  const get = (row: readonly unknown[], n: T): unknown => (at[n] >= 0 ? row[at[n]] : '');
  const codeName = '统一社会信用代码' as T;
  return { get, rows: grid.slice(h + 1).filter((row) => normaliseCreditCode(text(get(row, codeName))) === code) };
}

/** A request, and its decision once there is one (延期申请 keeps both on one row). */
export function extensionEvents(grid: readonly (readonly unknown[])[], code: string): DossierEvent[] {
  const { get, rows } = rowsOf(grid, EXTENSION_HEADERS, code);
  const events: DossierEvent[] = [];
  for (const row of rows) {
    const from = dayText(get(row, '原整改完成时限'));
    const to = dayText(get(row, '申请延期至'));
    events.push({
      at: minuteText(get(row, '提交时间')),
      account: text(get(row, '申请人')),
      action: '申请延期',
      field: '整改完成时限',
      oldValue: from,
      newValue: to,
      kind: '延期',
      note: text(get(row, '理由')) ? `理由：${text(get(row, '理由'))}` : '',
    });
    const state = text(get(row, '审批状态'));
    if (state === '已批准' || state === '已驳回') {
      const opinion = text(get(row, '审批意见'));
      events.push({
        at: minuteText(get(row, '审批时间')),
        account: text(get(row, '审批人')),
        action: state === '已批准' ? '批准延期' : '驳回延期申请',
        field: '整改完成时限',
        oldValue: from,
        newValue: state === '已批准' ? to : from,
        kind: '延期',
        note: opinion ? `审批意见：${opinion}` : '',
      });
    }
  }
  return events;
}

export function acceptanceEvents(grid: readonly (readonly unknown[])[], code: string): DossierEvent[] {
  const { get, rows } = rowsOf(grid, ACCEPTANCE_HEADERS, code);
  return rows.map((row) => {
    const passed = text(get(row, '结论')) === '通过';
    const day = dayText(get(row, '验收日期'));
    const recorded = minuteText(get(row, '记录时间'));
    const parts = [`验收日期：${day}`, `参加部门：${text(get(row, '参加部门'))}`, `验收意见：${text(get(row, '验收意见'))}`];
    return {
      at: recorded || (day ? `${day} 00:00` : ''),
      account: text(get(row, '记录人')),
      action: passed ? '验收销号（通过）' : '验收未通过',
      field: '整改状态',
      oldValue: '',
      newValue: passed ? '已验收销号' : '整改中',
      kind: '验收' as const,
      note: parts.join('；'),
    };
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
