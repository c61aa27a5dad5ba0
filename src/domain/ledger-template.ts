// A district tab's template as data: rows 1–4, merges, widths, formats, validation, traffic lights, protections.
import type { Block } from './grid';

import type { Day } from './calendar-day';
import { parseDay } from './calendar-day';
import {
  CATEGORIES,
  COLUMNS,
  COLUMN_COUNT,
  DONE_STATUSES,
  FILLER_PREFIX,
  FILL_DATE_PREFIX,
  FIRST_DATA_ROW,
  HELP,
  INDUSTRIES,
  LAND_TENURES,
  OPEN_STATUSES,
  RELOCATION,
  STATUSES,
  TAB,
  TITLE,
  TOWNS,
  UPPER_HEADER,
  YES_NO,
} from './contract';
import type { ColumnKey } from './contract';
import { CREDIT_CODE_REGEX_SOURCE } from './credit-code';
import { ACCEPTANCE_TAB } from './acceptance';
import { ARCHIVE_TAB } from './closed-archive';
import { LOG_INDEX_TAB } from './dossier';
import { EXTENSION_TAB } from './extension';
import { RELOCATION_AREA_REGEX_SOURCE } from './enterprise';
import { columnLetter } from './grid';
import { fitWidths } from './column-width';
import { TEMPLATE_COLUMNS, dataFormat } from './ledger-row';

export const HEAD_ROWS = FIRST_DATA_ROW - 1; // 4
export const LAST_LETTER = columnLetter(COLUMN_COUNT - 1); // X

/** 0-based column of the 填表时间 cell in row 2 (T2, merged over T2:X2, above the add-on's own columns). */
export const FILL_DATE_COLUMN = TEMPLATE_COLUMNS.status;

const col = (key: ColumnKey): number => TEMPLATE_COLUMNS[key];

export function fillDateText(day: Day): string {
  return `${FILL_DATE_PREFIX}${day}`;
}

export function fillerText(filler: string): string {
  return `${FILLER_PREFIX}${filler}`;
}

/** The 填表时间 cell of row 2 as read: where it is (by its prefix; the template position by default) and its day. */
export function readFillDate(row2: readonly unknown[]): { column: number; day: Day | null } {
  const at = row2.findIndex((v) => typeof v === 'string' && v.trim().startsWith(FILL_DATE_PREFIX));
  if (at < 0) return { column: FILL_DATE_COLUMN, day: null };
  const text = String(row2[at]).trim().slice(FILL_DATE_PREFIX.length);
  return { column: at, day: parseDay(text) };
}

/** Rows 1–4 exactly as the template has them; merged-away cells are '' (that is what Sheets keeps there). */
export function ledgerHead(filler: string, fillDay: Day): string[][] {
  const blank = (): string[] => new Array<string>(COLUMN_COUNT).fill('');
  const title = blank();
  title[0] = TITLE;
  const fillerRow = blank();
  fillerRow[0] = fillerText(filler);
  fillerRow[FILL_DATE_COLUMN] = fillDateText(fillDay);
  const upper = blank();
  for (const h of UPPER_HEADER) upper[COLUMNS.findIndex((c) => c.letter === h.letter)] = h.text;
  const downTexts = new Set<string>(UPPER_HEADER.filter((h) => h.down).map((h) => h.text));
  const lower = COLUMNS.map((c) => (downTexts.has(c.header) ? '' : c.header));
  return [title, fillerRow, upper, lower];
}

/** A block of cells, 1-based like Sheets. */
export type { Block } from './grid';
export { a1 } from './grid';

/** Merged blocks of rows 1–4: title A1:X1, 填报单位 A2:S2, 填表时间 T2:X2, and the row-3 groups. */
export const HEAD_MERGES: readonly Block[] = [
  { row: 1, column: 1, rows: 1, columns: COLUMN_COUNT },
  { row: 2, column: 1, rows: 1, columns: FILL_DATE_COLUMN },
  { row: 2, column: FILL_DATE_COLUMN + 1, rows: 1, columns: COLUMN_COUNT - FILL_DATE_COLUMN },
  ...UPPER_HEADER.map((h) => ({
    row: 3,
    column: COLUMNS.findIndex((c) => c.letter === h.letter) + 1,
    rows: h.down ? 2 : 1,
    columns: h.span,
  })),
];

/**
 * The template's widths in column order (A–X), what the Chinese headers need and the least each column gets;
 * negative for long free text (企业名称, 地址, 问题, 措施, 进展, 备注), which keeps that width and wraps.
 */
export const COLUMN_WIDTHS: readonly number[] = [
  45, 80, -180, -200, 170, 130, 70, 80, 70, 70, 140, 160, 70, -220, -220, 80, 100, -200, -180, 110, 110, 100, 145, 170,
];
/** Every other column grows to its content, up to this. */
const MAX_WIDTH = 360;
/** A drop-down list's arrow beside the text. */
const DROPDOWN = 20;

/**
 * A district tab's widths from what its cells hold: `sample` (data rows as displayed), each drop-down's choices,
 * and for 最后更新人 the `accounts` that stamp it, so 辖区 never wraps 达州高新区 and an address fits.
 */
export function ledgerWidths(district: string, sample: readonly (readonly string[])[], accounts: readonly string[]): number[] {
  const lists = validationSpecs(district);
  return COLUMNS.map((c, i) => {
    const base = COLUMN_WIDTHS[i]!;
    if (base < 0) return -base;
    const spec = lists.find((v) => v.column === i)?.criterion;
    const choices = spec?.kind === 'list' ? spec.values : [];
    const texts = [...sample.map((r) => r[i] ?? ''), ...choices, ...(c.key === 'updatedBy' ? accounts : [])];
    const fit = fitWidths(texts.map((t) => [t]), 1, { min: base, max: MAX_WIDTH })[0]!;
    return Math.min(MAX_WIDTH, fit + (choices.length > 0 ? DROPDOWN : 0));
  });
}

// The data rows' number formats are decided with the writer that relies on them (ledger-row.ts).
export { DATE_FORMAT, DATE_TIME_FORMAT, TEXT_FORMAT, dataFormat } from './ledger-row';

/** Runs of neighbouring columns with one format, so setup sets formats with a handful of calls. */
export function formatRuns(): { column: number; columns: number; format: string }[] {
  const runs: { column: number; columns: number; format: string }[] = [];
  COLUMNS.forEach((c, i) => {
    const format = dataFormat(c.key);
    const last = runs[runs.length - 1];
    if (format === null) return;
    if (last && last.format === format && last.column + last.columns === i + 1) last.columns += 1;
    else runs.push({ column: i + 1, columns: 1, format });
  });
  return runs;
}

export type ValidationCriterion =
  | { kind: 'list'; values: readonly string[] }
  | { kind: 'numberAtLeast'; min: number }
  | { kind: 'date' }
  | { kind: 'formula'; formula: string };

export interface ValidationSpec {
  key: ColumnKey;
  /** 0-based */
  column: number;
  criterion: ValidationCriterion;
  helpText: string;
}

/** A string literal inside a Sheets formula: quotes doubled. */
export function formulaString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

// RE2 reads `\t` itself; a raw tab inside a formula string is legal but invisible and easily lost by an editor.
const re2 = (source: string): string => formulaString(source.replace(/\t/g, '\\t'));

/**
 * The custom rules, relative to the first data row (Sheets shifts them down the range). The shape of the credit
 * code only: its check character is the script's job (a note on the cell). TO_TEXT because a pasted code of
 * digits may arrive as a number, and REGEXMATCH refuses numbers. There is no requireTextMatchesPattern.
 */
export function creditCodeFormula(row: number = FIRST_DATA_ROW): string {
  const e = `${columnLetter(col('creditCode'))}${row}`;
  return `=REGEXMATCH(TO_TEXT(${e}),${re2(CREDIT_CODE_REGEX_SOURCE)})`;
}

/** 备注 must state the new site's area on 搬迁升级 rows; any text is fine on the others. */
export function remarksFormula(row: number = FIRST_DATA_ROW): string {
  const p = `$${columnLetter(col('category'))}${row}`;
  const s = `${columnLetter(col('remarks'))}${row}`;
  return `=OR(${p}<>${formulaString(RELOCATION)},REGEXMATCH(TO_TEXT(${s}),${re2(RELOCATION_AREA_REGEX_SOURCE)}))`;
}

const list = (values: readonly string[]): ValidationCriterion => ({ kind: 'list', values });
const choose = (key: ColumnKey, values: readonly string[]): string =>
  `${COLUMNS[col(key)]?.header}：请从下拉列表中选择（${values.join('、')}）`;

/**
 * Every validated column of a district tab; 辖区 accepts only the tab's own district. `row`: the first row of the
 * range the rules go on, which the custom formulas' references are relative to.
 */
export function validationSpecs(district: string, row: number = FIRST_DATA_ROW): ValidationSpec[] {
  const spec = (key: ColumnKey, criterion: ValidationCriterion, helpText: string): ValidationSpec => ({
    key,
    column: col(key),
    criterion,
    helpText,
  });
  return [
    spec('district', list([district]), `辖区：本表只填“${district}”`),
    spec('creditCode', { kind: 'formula', formula: creditCodeFormula(row) }, '统一社会信用代码：18位，数字或大写字母（不含I、O、Z、S、V）'),
    spec('industry', list(INDUSTRIES), choose('industry', INDUSTRIES)),
    spec('employees', { kind: 'numberAtLeast', min: 0 }, '职工人数：不小于0的整数'),
    spec('landTenure', list(LAND_TENURES), HELP.landTenure),
    spec('safetyAssessment', list(YES_NO), choose('safetyAssessment', YES_NO)),
    spec('energyReview', list(YES_NO), choose('energyReview', YES_NO)),
    spec('onlineMonitoring', list(YES_NO), choose('onlineMonitoring', YES_NO)),
    spec('category', list(CATEGORIES), HELP.category),
    spec('deadline', { kind: 'date' }, '整改完成时限：填日期，如 2023-06-30'),
    spec('remarks', { kind: 'formula', formula: remarksFormula(row) }, HELP.remarks),
    spec('status', list(STATUSES), choose('status', STATUSES)),
    spec('town', list(TOWNS), choose('town', TOWNS)),
    spec('closedOn', { kind: 'date' }, `销号日期：整改状态为“${STATUSES[3]}”时填日期，其他状态留空`),
  ];
}

export type TrafficLightKind = 'overdue' | 'dueSoon' | 'done';

export interface TrafficLight {
  kind: TrafficLightKind;
  background: string;
  formula: string;
}

export const TRAFFIC_COLORS: Readonly<Record<TrafficLightKind, string>> = {
  overdue: '#f4cccc',
  dueSoon: '#fff2cc',
  done: '#d9ead3',
};

// Templates with {r} for the row (Sheets moves it when rows are inserted above) and {d} for the baked-in days.
function lightTemplates(): Record<TrafficLightKind, string> {
  const t = `$${columnLetter(col('status'))}{r}`;
  const q = `$${columnLetter(col('deadline'))}{r}`;
  const open = `OR(${t}="",${OPEN_STATUSES.map((s) => `${t}=${formulaString(s)}`).join(',')})`;
  return {
    overdue: `=AND(ISNUMBER(${q}),${open},${q}<TODAY())`,
    // A deadline day D is due soon while D ≤ today + days, i.e. D < today + days + 1 at any time of day D.
    dueSoon: `=AND(ISNUMBER(${q}),${open},${q}>=TODAY(),${q}<TODAY()+{d})`,
    done: `=OR(${DONE_STATUSES.map((s) => `${t}=${formulaString(s)}`).join(',')})`,
  };
}

/**
 * The row colours (contract §4). 即将到期提醒天数 is baked into the due-soon formula when setup runs, and setup
 * re-applies it: a reference to 配置 would need INDIRECT (Sheets allows no other sheet in a rule) and would break
 * silently when 配置 is rearranged. TODAY() follows the spreadsheet's zone, which setup sets to Asia/Shanghai.
 */
export function trafficLights(dueSoonDays: number, row: number = FIRST_DATA_ROW): TrafficLight[] {
  const templates = lightTemplates();
  return (['overdue', 'dueSoon', 'done'] as const).map((kind) => ({
    kind,
    background: TRAFFIC_COLORS[kind],
    formula: templates[kind].replace(/\{r\}/g, String(row)).replace(/\{d\}/g, String(dueSoonDays + 1)),
  }));
}

const OWN_LIGHTS: readonly RegExp[] = Object.values(lightTemplates()).map(
  (t) => new RegExp(`^${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{[rd]\\\}/g, '\\d+')}$`),
);

/** Whether a conditional-format formula is one of ours, whatever row it now starts at and days it bakes in. */
export function isOwnTrafficLight(formula: string): boolean {
  const f = formula.replace(/\s+/g, '');
  return OWN_LIGHTS.some((re) => re.test(f));
}

/** Protections are found again by description, so reruns update them instead of adding more. */
export const PROTECTION_PREFIX = '整治台账：';

export type ProtectionTarget = { kind: 'sheet'; tab: string } | { kind: 'range'; tab: string; key: 'serial' | 'stamps' };

export interface ProtectionSpec {
  description: string;
  target: ProtectionTarget;
  warningOnly: boolean;
  /** Lower-case accounts for hard protections; [] for warning-only ones. */
  editors: string[];
}

export interface ProtectionInput {
  districts: readonly { district: string; editors: readonly string[] }[];
  /** Owner plus 管理员账号, lower-case. */
  office: readonly string[];
}

const unique = (xs: readonly string[]): string[] => [...new Set(xs.map((x) => x.trim().toLowerCase()).filter(Boolean))];

/**
 * What 配置 implies (contract §1): hard protections for each district tab (its editors plus the office) and 配置
 * (the office); warning-only ones where the script writes on a clerk's behalf, since it runs as that clerk.
 */
export function protectionPlan(input: ProtectionInput): ProtectionSpec[] {
  const plan: ProtectionSpec[] = [];
  for (const d of input.districts) {
    plan.push({
      description: `${PROTECTION_PREFIX}${d.district}（仅本辖区编辑账号和领导小组办公室可编辑）`,
      target: { kind: 'sheet', tab: d.district },
      warningOnly: false,
      editors: unique([...d.editors, ...input.office]),
    });
    plan.push({
      description: `${PROTECTION_PREFIX}${d.district} 序号（由脚本维护）`,
      target: { kind: 'range', tab: d.district, key: 'serial' },
      warningOnly: true,
      editors: [],
    });
    plan.push({
      description: `${PROTECTION_PREFIX}${d.district} 最后更新时间、最后更新人（由脚本维护）`,
      target: { kind: 'range', tab: d.district, key: 'stamps' },
      warningOnly: true,
      editors: [],
    });
  }
  // 延期申请 is appended to by clerks' requests (their own executions): a warning only, as for the tabs below.
  // 配置, 验收记录, 销号存档 and 档案索引 are written only by the office's executions, so nobody else may edit them.
  for (const tab of [TAB.config, ACCEPTANCE_TAB, ARCHIVE_TAB, LOG_INDEX_TAB]) {
    plan.push({ description: `${PROTECTION_PREFIX}${tab}（仅领导小组办公室可编辑）`, target: { kind: 'sheet', tab }, warningOnly: false, editors: unique(input.office) });
  }
  for (const tab of [TAB.summary, TAB.log, TAB.reports, EXTENSION_TAB]) {
    plan.push({
      description: `${PROTECTION_PREFIX}${tab}（由脚本维护，请勿手工修改）`,
      target: { kind: 'sheet', tab },
      warningOnly: true,
      editors: [],
    });
  }
  return plan;
}

/** The columns a range protection covers (1-based first column and count). */
export function protectedColumns(key: 'serial' | 'stamps'): { column: number; columns: number } {
  return key === 'serial' ? { column: col('serial') + 1, columns: 1 } : { column: col('updatedAt') + 1, columns: 2 };
}
