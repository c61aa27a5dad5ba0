// 导入台账: each imported row read as the sidebar reads a form (same schema, §10 rules), duplicates, and the 导入报告.

import { dayOf } from './calendar-day';
import { CATEGORIES, CLOSED_STATUS, INDUSTRIES, KEY_TOWNS, LAND_TENURES, STATUSES, TOWNS, YES_NO } from './contract';
import type { PayloadKey } from './contract';
import { normaliseCreditCode } from './credit-code';
import { FIELD_LABELS, PAYLOAD_KEYS, validateEnterprise } from './enterprise';
import type { EnterprisePayload, PlanRules } from './enterprise';
import { headerKey } from './import-header';
import type { ImportHeader, ImportKey } from './import-header';
import { serialDay } from './log-text';

export const IMPORT_REPORT_TAB = '导入报告';
export const IMPORT_REPORT_HEADERS = ['行号', '企业名称', '统一社会信用代码', '结果', '原因'] as const;
export const RESULT = { imported: '已导入', refused: '未导入', ready: '可导入' } as const;
type ImportResultText = (typeof RESULT)[keyof typeof RESULT];

export interface ImportContext {
  rules: PlanRules;
  /** 配置's districts with their 填报单位, so `通川区人民政府` in a 辖区 cell or above the header names 通川区. */
  fillers: readonly { district: string; filler: string }[];
  /** The office may import closed enterprises (§10); a clerk may not. */
  office: boolean;
  /** Whether the importing account may write this district (contract §7's permission, per row). */
  canEdit?: (district: string) => boolean;
  /** Where each credit code already sits in the workbook (normalised code → tab, row, name). */
  existing: ReadonlyMap<string, { tab: string; row: number; name: string }>;
}

export interface ImportRow {
  /** 1-based row of the imported tab. */
  row: number;
  name: string;
  creditCode: string;
  ok: boolean;
  /** Why it is refused, or (when ok) what was filled in for the user, in Chinese. */
  reason: string;
  payload: EnterprisePayload | null;
}

interface SkippedRow {
  row: number;
  reason: string;
}

interface ParsedImport {
  rows: ImportRow[];
  skipped: SkippedRow[];
}

const CHOICES: Partial<Record<PayloadKey, readonly string[]>> = {
  industry: INDUSTRIES,
  landTenure: LAND_TENURES,
  safetyAssessment: YES_NO,
  energyReview: YES_NO,
  onlineMonitoring: YES_NO,
  category: CATEGORIES,
  status: STATUSES,
  town: TOWNS,
};

const raw = (v: unknown): string => (v === null || v === undefined ? '' : v instanceof Date ? (Number.isNaN(v.getTime()) ? '' : dayOf(v)) : String(v));
const isBlank = (v: unknown): boolean => raw(v).trim() === '';

/** A choice typed with other brackets or spacing (`化工(煤化工)`, `改造 提升`) is the option it spells. */
export function matchChoice(value: string, options: readonly string[]): string {
  const trimmed = value.trim();
  if (options.includes(trimmed)) return trimmed;
  const k = headerKey(value);
  if (k === '') return '';
  return options.find((o) => headerKey(o) === k) ?? trimmed;
}

/**
 * A date as people type it in Excel, or as the import hands it over: a date cell, a serial number (44742),
 * `2022.6.30`, `2022/6/30`, `2022-6-30`, `2022年6月30日`, `20220630`, full-width digits included. What is not
 * one of these is returned as typed, so the schema names it as an invalid date.
 */
export function importDay(v: unknown): string {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : dayOf(v);
  if (typeof v === 'number') return Number.isFinite(v) && v >= 1 && v < 2958466 ? serialDay(v) : String(v);
  const text = raw(v).normalize('NFKC').replace(/\s+/g, '');
  if (text === '') return '';
  const m =
    /^(\d{4})[./\-年](\d{1,2})[./\-月](\d{1,2})日?(?:\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
  if (/^\d{5}(\.\d+)?$/.test(text)) return serialDay(Number(text));
  return raw(v).trim();
}

/** 职工人数 as a number when it is one (`１２０`, `120人`, `1,200`); otherwise the text, for the schema to refuse. */
export function importEmployees(v: unknown): number | string {
  if (typeof v === 'number') return v;
  const text = raw(v).normalize('NFKC').replace(/\s+/g, '').replace(/,/g, '').replace(/人$/, '');
  return /^\d+$/.test(text) ? Number(text) : raw(v).trim();
}

function districtOf(value: string, ctx: ImportContext): string {
  const k = headerKey(value);
  if (k === '') return '';
  const hit = ctx.fillers.find((f) => headerKey(f.district) === k || headerKey(f.filler) === k);
  return hit ? hit.district : value.trim();
}

/** The key area named in an address (`通川区复兴镇…` → 复兴镇), for imports from the template, which has no 乡镇 column. */
export function townFromAddress(address: string): string {
  return KEY_TOWNS.find((t) => address.includes(t)) ?? '其他';
}

const TOTAL_WORDS = new Set(['合计', '总计', '小计', '共计'].map(headerKey));

/** Lines of a ledger that are not enterprises: blank lines, a 合计 row, the 填表说明 (the template's XX example is refused like any bad row). */
function skipReason(cells: readonly unknown[], header: ImportHeader): string | null {
  const mapped = Object.values(header.columns).map((c) => cells[c]);
  if (mapped.every(isBlank)) return '空行';
  // Only short cells can be a 合计 label or the XX example; normalising every long text would cost more than it finds.
  const short = (v: unknown): string => {
    const t = raw(v);
    return t.length <= 12 ? headerKey(t) : '';
  };
  const nameCell = header.columns.name === undefined ? '' : short(cells[header.columns.name]);
  if ([...cells.slice(0, 4).map(short), nameCell].some((t) => TOTAL_WORDS.has(t) || /^(合计|总计|小计)[:：]/.test(t))) return '合计行';
  const first = cells.map(raw).find((t) => t.trim() !== '') ?? '';
  return /^\s*(填表说明|说明[:：]|注[:：])/.test(first) ? '填表说明' : null;
}

interface Built {
  input: Record<PayloadKey, unknown>;
  notes: string[];
}

function buildInput(cells: readonly unknown[], header: ImportHeader, ctx: ImportContext): Built {
  const col = (k: ImportKey): unknown => (header.columns[k] === undefined ? undefined : cells[header.columns[k] as number]);
  const notes: string[] = [];
  const input = {} as Record<PayloadKey, unknown>;
  for (const key of PAYLOAD_KEYS) {
    const v = col(key);
    if (key === 'employees') input[key] = importEmployees(v);
    else if (key === 'deadline' || key === 'closedOn') input[key] = importDay(v);
    else if (key === 'creditCode') input[key] = normaliseCreditCode(raw(v));
    else if (CHOICES[key]) input[key] = matchChoice(raw(v), CHOICES[key] ?? []);
    else input[key] = raw(v).trim();
  }
  input.district = districtOf(String(input.district ?? ''), ctx);
  if (input.district === '' && header.filler !== '') {
    const fromFiller = districtOf(header.filler, ctx);
    if (ctx.fillers.some((f) => f.district === fromFiller)) {
      input.district = fromFiller;
      notes.push(`辖区按表头“填报单位”取为${fromFiller}`);
    }
  }
  if (input.town === '') {
    input.town = townFromAddress(String(input.address ?? ''));
    notes.push(`${FIELD_LABELS.town}按地址取为“${String(input.town)}”`);
  }
  return { input, notes };
}

/** §10: only the office closes an enterprise, so a clerk's import may not bring one in already closed. */
function officeOnlyProblem(input: Record<PayloadKey, unknown>, ctx: ImportContext): string | null {
  if (ctx.office) return null;
  if (input.status === CLOSED_STATUS || String(input.closedOn ?? '').trim() !== '') {
    return `只有领导小组办公室可以导入“${CLOSED_STATUS}”或${FIELD_LABELS.closedOn}，请删去这两项`;
  }
  return null;
}

const cut = (s: string, n = 60): string => (s.length > n ? `${s.slice(0, n)}…` : s);

/** Every row below the header, in order: parsed, checked, duplicates found (in the workbook first, then earlier in the import). */
export function parseImport(grid: readonly (readonly unknown[])[], header: ImportHeader, ctx: ImportContext): ParsedImport {
  const rows: ImportRow[] = [];
  const skipped: SkippedRow[] = [];
  const seen = new Map<string, number>();
  for (let i = header.firstDataRow - 1; i < grid.length; i += 1) {
    const cells = grid[i] ?? [];
    const rowNo = i + 1;
    const skip = skipReason(cells, header);
    if (skip) {
      if (skip !== '空行') skipped.push({ row: rowNo, reason: skip });
      continue;
    }
    const { input, notes } = buildInput(cells, header, ctx);
    const name = cut(String(input.name ?? ''), 100);
    const code = String(input.creditCode ?? '');
    const problems: string[] = [];
    const checked = validateEnterprise(input, ctx.rules);
    if (!checked.ok) {
      for (const key of [...PAYLOAD_KEYS, '_form'] as const) {
        const message = checked.errors[key];
        if (message !== undefined) problems.push(message);
      }
    }
    const officeOnly = officeOnlyProblem(input, ctx);
    if (officeOnly) problems.push(officeOnly);
    if (checked.ok && ctx.canEdit && !ctx.canEdit(checked.value.district)) problems.push(`您不是“${checked.value.district}”的编辑账号`);
    const codeValid = checked.ok || checked.errors.creditCode === undefined;
    if (codeValid && code !== '') {
      const there = ctx.existing.get(code);
      const earlier = seen.get(code);
      if (there) problems.unshift(`已登记在“${there.tab}”第${there.row}行${there.name ? `（${cut(there.name, 30)}）` : ''}，不重复导入`);
      else if (earlier !== undefined) problems.unshift(`与本表第${earlier}行的统一社会信用代码相同`);
      if (earlier === undefined) seen.set(code, rowNo);
    }
    const ok = problems.length === 0 && checked.ok;
    rows.push({
      row: rowNo,
      name,
      creditCode: code,
      ok,
      reason: ok ? notes.join('；') : problems.join('；'),
      payload: ok && checked.ok ? checked.value : null,
    });
  }
  return { rows, skipped };
}

/** The rows to append, per district in import order, each with the next 序号 of its tab. */
export function planAppends(
  rows: readonly ImportRow[],
  nextSerial: ReadonlyMap<string, number>,
): Map<string, { payload: EnterprisePayload; serial: number; sourceRow: number }[]> {
  const plan = new Map<string, { payload: EnterprisePayload; serial: number; sourceRow: number }[]>();
  for (const r of rows) {
    if (!r.ok || !r.payload) continue;
    const list = plan.get(r.payload.district) ?? [];
    const first = nextSerial.get(r.payload.district) ?? 1;
    list.push({ payload: r.payload, serial: first + list.length, sourceRow: r.row });
    plan.set(r.payload.district, list);
  }
  return plan;
}

interface ReportLine {
  row: number;
  name: string;
  creditCode: string;
  result: ImportResultText;
  reason: string;
}

/** One line per enterprise row; `dryRun` marks the rows that would be imported `可导入`, since nothing is written yet. */
export function reportLines(rows: readonly ImportRow[], dryRun: boolean): ReportLine[] {
  return rows.map((r) => ({
    row: r.row,
    name: r.name,
    creditCode: r.creditCode,
    result: r.ok ? (dryRun ? RESULT.ready : RESULT.imported) : RESULT.refused,
    reason: r.reason,
  }));
}

/** The 导入报告 tab: a header row, then one row per line; the summary sits beside the header (G1). */
export function reportGrid(lines: readonly ReportLine[]): unknown[][] {
  return [[...IMPORT_REPORT_HEADERS], ...lines.map((l) => [l.row, l.name, l.creditCode, l.result, l.reason])];
}

export function reportSummary(source: string, at: string, dryRun: boolean, lines: readonly ReportLine[], skipped: readonly SkippedRow[], ignored: readonly string[] = []): string {
  const ok = lines.filter((l) => l.result !== RESULT.refused).length;
  const refused = lines.length - ok;
  const skippedText = skipped.length > 0 ? `；跳过${skipped.map((s) => `第${s.row}行（${s.reason}）`).join('、')}` : '';
  const head = dryRun
    ? `预检“${source}”（${at}）：尚未导入任何企业。确认后将导入${ok}家，${refused}家不能导入`
    : `导入“${source}”（${at}）：已导入${ok}家，未导入${refused}家`;
  const ignoredText = ignored.length > 0 ? `；未导入的列：${ignored.join('、')}` : '';
  return `${head}${skippedText}${ignoredText}。`;
}

/** The question before anything is written: how many rows will be appended, and where the refused ones are explained. */
export function confirmText(source: string, rows: readonly ImportRow[]): string {
  const ok = rows.filter((r) => r.ok).length;
  const refused = rows.length - ok;
  return `将从“${source}”导入${ok}家企业，追加到所属辖区表末尾。${refused > 0 ? `另有${refused}家不能导入（见“${IMPORT_REPORT_TAB}”）。` : ''}确定导入吗？`;
}

export const IMPORT_ACTION = '导入台账';
