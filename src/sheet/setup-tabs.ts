// Lays out the tabs of contract §1 on the sheet for 初始化/修复表格: creates what is missing, repairs heads, re-applies formats, rules, protections.
import { activeUserEmail, effectiveUserEmail } from './session';
import { applyTrafficLights } from './conditional-format';
import { applyRangeProtection, applySheetProtection } from './protections';
import { buildValidation } from './validation';
import type { Day } from '../domain/calendar-day';
import {
  COLUMN_COUNT,
  CONFIG_HEADERS,
  CONFIG_LABEL,
  DEFAULT_DISTRICTS,
  FIRST_DATA_ROW,
  HEADER_ROW,
  TAB,
  UNKNOWN_ACCOUNT,
  UPPER_HEADER_ROW,
} from '../domain/contract';
import { locateColumns } from '../domain/ledger-row';
import { planHeadRepair } from '../domain/head-repair';
import { captionOf } from '../domain/menu';
import {
  HEAD_MERGES,
  HEAD_ROWS,
  TEXT_FORMAT,
  a1,
  formatRuns,
  ledgerHead,
  ledgerWidths,
  protectedColumns,
  protectionPlan,
  readFillDate,
  trafficLights,
  validationSpecs,
} from '../domain/ledger-template';
import type { ValidationSpec } from '../domain/ledger-template';
import { TEMPLATE_VERSION, parseMarks, planFormatRepair, rowsToRead, runsOf, sameRule, wantedRule } from '../domain/format-plan';
import { documentProperties } from './props';
import type { FormatRepair, FoundRule, ReadFormats, RowRun, TabMark, TabMarks } from '../domain/format-plan';
import { defaultConfigGrid, parseSettings, settingCells, settingValidation } from '../domain/settings';
import { reportingStart } from '../domain/vocabulary';
import { readReports } from './reports';
import { shownRows, sizeColumns, sizeToContent } from './widths';
import { CONFIG_WIDTHS, SUMMARY_WIDTHS, TABLE_WIDTHS, fitWidths, typicalRows } from '../domain/column-width';
import type { Settings } from '../domain/settings';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

const HEADER_BACKGROUND = '#d9e1f2';
/** Rows read to find where the head really is (a few inserted or deleted head rows). */
const HEAD_SCAN_ROWS = 12;
// Names Sheets gives the first tab of a new spreadsheet, by locale.
const DEFAULT_TAB_NAMES = ['Sheet1', '工作表1', '工作表 1'];

export interface SetupReport {
  created: string[];
  repaired: string[];
  /** Tabs whose damaged formats or rules were rewritten: logged like a repair, but no value changed for 汇总. */
  restyled: string[];
  problems: string[];
}

/** A one-row header's look. */
const boldHead = (range: GoogleAppsScript.Spreadsheet.Range): void => void range.setFontWeight('bold').setBackground(HEADER_BACKGROUND);

const cellText = (v: unknown): string => (v instanceof Date ? String(v.getTime()) : v == null ? '' : String(v));

/** `before`: a tab to insert in front of, so a new workbook reads 汇总, the districts, 配置, 报送记录, 操作日志. */
export function ensureTab(ss: Spreadsheet, name: string, report: SetupReport, before?: string): Sheet {
  const existing = ss.getSheetByName(name);
  if (existing) return existing;
  report.created.push(name);
  const sheets = ss.getSheets();
  const at = before === undefined ? -1 : sheets.findIndex((s) => s.getName() === before);
  return ss.insertSheet(name, at < 0 ? sheets.length : at);
}

/** 配置: the defaults on an empty tab; on a damaged one, whatever table or setting is missing is appended below. */
export function setupConfig(ss: Spreadsheet, report: SetupReport, today: Day): Settings {
  const sheet = ensureTab(ss, TAB.config, report);
  // 首个报送季度 (contract §3): the quarter setup first runs in — or, on a workbook older than the setting, the
  // quarter of its earliest report, so history that exists is not hidden.
  let reports: ReturnType<typeof readReports> = [];
  try {
    reports = readReports(ss);
  } catch {
    // an unreadable 报送记录 is repaired further down; the current quarter is then the start
  }
  const defaults = defaultConfigGrid(reportingStart(null, reports, today));
  const width = Math.max(...defaults.map((r) => r.length));
  if (sheet.getLastRow() === 0) {
    sheet.getRange(1, 1, defaults.length, width).setValues(defaults);
    sheet.setFrozenRows(1);
    boldHead(sheet.getRange(1, 1, 1, width));
  } else {
    const grid = sheet.getDataRange().getValues();
    const present = new Set(grid.flat().map((v) => cellText(v).trim()));
    const hasTable = grid.some((row) => CONFIG_HEADERS.every((h) => row.map((v) => cellText(v).trim()).includes(h)));
    const labels: string[] = Object.values(CONFIG_LABEL);
    const missing: unknown[][] = [
      ...(hasTable ? [] : defaults.slice(0, 1 + DEFAULT_DISTRICTS.length)),
      ...defaults.filter((r) => labels.includes(cellText(r[0])) && !present.has(cellText(r[0]))),
    ];
    if (missing.length > 0) {
      // A blank row first, so an appended district table does not run into the one above.
      const rows = missing.map((r) => [...r, ...new Array<unknown>(width - r.length).fill('')]);
      sheet.getRange(sheet.getLastRow() + 2, 1, rows.length, width).setValues(rows);
      report.repaired.push(`${TAB.config}（补回${missing.length}行）`);
    }
  }
  sizeToContent(sheet, CONFIG_WIDTHS, report.created.includes(TAB.config));
  const grid = sheet.getDataRange().getValues();
  // Each value is checked where it is typed (contract §3): the rules are read in one call and only a missing or
  // different one is set (setting replaces the cell's one rule).
  const cells = settingCells(grid);
  const held = cells.length ? sheet.getRange(1, 1, Math.max(...cells.map((c) => c.row)), Math.max(...cells.map((c) => c.col))).getDataValidations() : [];
  for (const c of cells) {
    const spec = settingValidation(c.key, c.a1);
    if (!sameRule(wantedRule(spec), facts(held[c.row - 1]?.[c.col - 1]))) sheet.getRange(c.row, c.col).setDataValidation(buildValidation(spec));
  }
  const parsed = parseSettings(grid);
  report.problems.push(...parsed.errors);
  return parsed.settings;
}

function sameHead(actual: unknown[][], wanted: string[][]): boolean {
  return wanted.every((row, r) => row.every((v, c) => cellText(actual[r]?.[c]).trim() === v));
}

/**
 * A district tab: rows 1–4 (never a data row), merges, widths, formats, validation, colours, frozen panes. The data
 * rows' formats and rules are read and only the damaged rows rewritten, unless the tab is new or `marks` holds no
 * current mark for it (then all are written, as on a first run). Returns the tab's new mark, or null when refused.
 */
export function setupLedger(
  ss: Spreadsheet,
  district: string,
  filler: string,
  settings: Settings,
  today: Day,
  report: SetupReport,
  rules: Map<string, DataValidation>,
  owner = '',
  marks: TabMarks = {},
): TabMark | null {
  const sheet = ensureTab(ss, district, report, TAB.config);
  if (sheet.getMaxColumns() < COLUMN_COUNT) sheet.insertColumnsAfter(sheet.getMaxColumns(), COLUMN_COUNT - sheet.getMaxColumns());
  if (sheet.getMaxRows() < FIRST_DATA_ROW) sheet.insertRowsAfter(sheet.getMaxRows(), FIRST_DATA_ROW - sheet.getMaxRows());
  // Where the head really is, before anything is written: a template row never lands on an enterprise.
  const scan = Math.min(sheet.getMaxRows(), HEAD_SCAN_ROWS);
  const plan = planHeadRepair(sheet.getRange(1, 1, scan, COLUMN_COUNT).getValues(), district, captionOf('menuSetup'));
  if (plan.kind === 'refuse') {
    report.problems.push(plan.message);
    return null;
  }
  if (plan.kind === 'insert') {
    for (const at of plan.before) sheet.insertRowsBefore(at, 1);
    report.repaired.push(`${district}（补回${plan.what.join('、')}，插入在第${plan.before.join('、')}行）`);
  }
  const headRange = sheet.getRange(1, 1, HEAD_ROWS, COLUMN_COUNT);
  const head = headRange.getValues();

  // Rewriting the header over data whose columns moved would file every value under the wrong header.
  const located = locateColumns(head[UPPER_HEADER_ROW - 1] ?? [], head[HEADER_ROW - 1] ?? []);
  const moved = !located.ok && ((located.error.details['moved'] as string[] | undefined) ?? []).length > 0;
  if (moved && sheet.getLastRow() >= FIRST_DATA_ROW) {
    report.problems.push(
      `“${district}”的列顺序与模板不一致，为免数据错列，本次未修复该表的表头、格式和数据验证：${located.ok ? '' : located.error.userMessage}`,
    );
    return null;
  }

  const wanted = ledgerHead(filler, readFillDate(head[1] ?? []).day ?? today);
  const merged = headRange.getMergedRanges().map((r) => r.getA1Notation()).sort();
  const wantedMerges = HEAD_MERGES.map(a1).sort();
  const mergesOk = merged.length === wantedMerges.length && merged.every((m, i) => m === wantedMerges[i]);
  // No frozen column at all (see README, known compromises): the title merged across A–X leaves no column line a
  // freeze may cross, and a frozen column also forbids merging across it. Unfrozen before merging, so a column
  // someone froze by hand cannot make the merges below throw.
  sheet.setFrozenColumns(0);
  if (!mergesOk) headRange.breakApart();
  // Rows 1–4 hold every merge whole (序号/辖区/备注 span rows 3–4 only), so the line under row 4 cuts none; set
  // before merging, so a different freeze made by hand cannot cut a merge about to be made.
  sheet.setFrozenRows(HEAD_ROWS);
  if (!sameHead(head, wanted)) headRange.setValues(wanted);
  if (!mergesOk) for (const m of HEAD_MERGES) sheet.getRange(m.row, m.column, m.rows, m.columns).merge();
  const created = report.created.includes(district);
  const headRepaired = !mergesOk || !sameHead(head, wanted);
  if (headRepaired && !created) report.repaired.push(`${district}（表头）`);
  // Set on a new or repaired tab; afterwards only widened where content outgrew them (a column someone widened stays).
  const d = settings.districts.find((x) => x.district === district);
  const accounts = [...(d?.editors ?? []), ...settings.admins, owner, UNKNOWN_ACCOUNT];
  sizeColumns(sheet, ledgerWidths(district, shownRows(sheet, FIRST_DATA_ROW, COLUMN_COUNT), accounts), created || headRepaired);

  const maxRows = sheet.getMaxRows();
  const known = rowsToRead(marks[district], { maxRows, created });
  const repair = planFormatRepair(district, maxRows - HEAD_ROWS, known > 0 ? readFormats(sheet, known) : null);
  if (!known || headRepaired) styleHead(sheet);
  applyRepair(sheet, repair, district, rules);
  applyTrafficLights(sheet, trafficLights(settings.dueSoonDays), FIRST_DATA_ROW, COLUMN_COUNT);
  // The rules are set again on every run (FormatRepair): only damaged number formats are a repair worth reporting.
  if (known && repair.formats.length) report.restyled.push(`${district}（格式和数据验证）`);
  return { version: TEMPLATE_VERSION, rows: maxRows };
}

/** Rows 1–4's look (see LOOK in src/domain/format-plan.ts): the title, the header rows bold on the header colour, wrapped, bordered. */
function styleHead(sheet: Sheet): void {
  sheet.getRange(1, 1).setFontSize(16).setFontWeight('bold').setHorizontalAlignment('center');
  sheet.getRange(UPPER_HEADER_ROW, 1, 2, COLUMN_COUNT)
    .setFontWeight('bold')
    .setBackground(HEADER_BACKGROUND)
    .setHorizontalAlignment('center')
    .setVerticalAlignment('middle')
    .setWrap(true)
    .setBorder(true, true, true, true, true, true);
}

/** The first `rows` data rows' number formats, in one read over the formatted columns. */
function readFormats(sheet: Sheet, rows: number): ReadFormats {
  const runs = formatRuns();
  const from = runs[0]!.column;
  const last = runs[runs.length - 1]!;
  return { formats: sheet.getRange(FIRST_DATA_ROW, from, rows, last.column + last.columns - from).getNumberFormats(), formatsFrom: from };
}

/** A 配置 cell's rule as its getters give it back (a few cells: asked one by one). */
function facts(dv: DataValidation | null | undefined): FoundRule | null {
  return dv ? { type: String(dv.getCriteriaType()), values: dv.getCriteriaValues(), allowInvalid: dv.getAllowInvalid(), helpText: dv.getHelpText() } : null;
}

/** The rule of a spec, built once per run of setup and shared between tabs (only the 辖区 list and formulas' rows differ). */
function ruleOf(spec: ValidationSpec, rules: Map<string, DataValidation>): DataValidation {
  const key = JSON.stringify([spec.criterion, spec.helpText]);
  if (!rules.has(key)) rules.set(key, buildValidation(spec));
  return rules.get(key)!;
}

/**
 * Writes the repair: the look (borders, wrap, top alignment) over every damaged stretch, then the number formats and
 * the rules where each was damaged. A custom formula is built for its stretch's first row, which Sheets reads it from.
 */
function applyRepair(sheet: Sheet, repair: FormatRepair, district: string, rules: Map<string, DataValidation>): void {
  for (const run of repair.formats) {
    sheet.getRange(run.first, 1, run.count, COLUMN_COUNT).setBorder(true, true, true, true, true, true).setWrap(true).setVerticalAlignment('top');
    for (const f of formatRuns()) sheet.getRange(run.first, f.column, run.count, f.columns).setNumberFormat(f.format);
  }
  for (const v of repair.validations) {
    for (const run of v.runs) {
      const spec = validationSpecs(district, run.first).find((s) => s.column === v.column)!;
      sheet.getRange(run.first, v.column + 1, run.count, 1).setDataValidation(ruleOf(spec, rules));
    }
  }
}

/**
 * A script-written tab with a one-row header (操作日志, 报送记录); rows below keep their values. `textRows`: the
 * body is formatted as text, so the log's time and old/new values stay the literal text written (under
 * USER_ENTERED, '2022-03-22 10:15:00' would otherwise become a date-time in the spreadsheet's zone).
 */
export function setupTableTab(ss: Spreadsheet, name: string, headers: readonly string[], report: SetupReport, textRows = false): void {
  const sheet = ensureTab(ss, name, report);
  if (textRows && sheet.getMaxRows() > 1) textBody(sheet, headers.length, report.created.includes(name));
  const range = sheet.getRange(1, 1, 1, headers.length);
  const row = range.getValues()[0] ?? [];
  if (row.every((v) => cellText(v) === '')) {
    boldHead(range.setValues([[...headers]]));
    sheet.setFrozenRows(1);
    if (!report.created.includes(name)) report.repaired.push(`${name}（表头）`);
  } else if (!headers.every((h, i) => cellText(row[i]).trim() === h)) {
    // A tab from an earlier release: its headers are a prefix of today's and the new ones' cells are empty.
    const kept = row.findIndex((v, i) => cellText(v).trim() !== headers[i]);
    if (kept > 0 && row.slice(kept).every((v) => cellText(v).trim() === '')) {
      boldHead(sheet.getRange(1, kept + 1, 1, headers.length - kept).setValues([headers.slice(kept)]));
      report.repaired.push(`${name}（补回表头：${headers.slice(kept).join('、')}）`);
    } else {
      report.problems.push(`“${name}”第1行表头与约定不一致，未改动，请核对`);
    }
  }
}

/** The body as text: on a new tab all of it; otherwise read, and only the rows no longer all text (a grown log's) set. */
function textBody(sheet: Sheet, columns: number, created: boolean): void {
  const rows = sheet.getMaxRows() - 1;
  const all: RowRun[] = [{ first: 2, count: rows }];
  const runs = created ? all : runsOf(sheet.getRange(2, 1, rows, columns).getNumberFormats().map((r) => r.some((f) => f !== TEXT_FORMAT)), 2);
  for (const run of runs) sheet.getRange(run.first, 1, run.count, columns).setNumberFormat(TEXT_FORMAT);
}

const MARKS_KEY = 'setup.marks';

/** What setup last applied whole to each district tab (src/domain/format-plan.ts). */
export function loadMarks(): TabMarks {
  return parseMarks(documentProperties().getProperty(MARKS_KEY));
}

/** Stored only when changed: a healthy rerun writes no property. */
export function saveMarks(before: TabMarks, after: TabMarks): void {
  const json = JSON.stringify(after);
  if (json !== JSON.stringify(before)) documentProperties().setProperty(MARKS_KEY, json);
}

/**
 * After setup's recompute and log line, so each is measured on what it shows: 汇总 (a line alone on its row spills
 * over the empty cells) and the one-header tables.
 */
export function sizeTabs(
  ss: Spreadsheet,
  report: SetupReport,
  tables: readonly (readonly [string, readonly string[]])[],
  accounts: readonly string[],
  districts: readonly string[],
): void {
  const summary = ss.getSheetByName(TAB.summary);
  if (summary) sizeToContent(summary, SUMMARY_WIDTHS, report.created.includes(TAB.summary), true);
  for (const [name, headers] of tables) {
    const sheet = ss.getSheetByName(name);
    const rows = sheet ? [[...headers], ...typicalRows(headers, accounts, districts), ...shownRows(sheet, 2, headers.length)] : [];
    if (sheet) sizeColumns(sheet, fitWidths(rows, headers.length, TABLE_WIDTHS), report.created.includes(name));
  }
}

export function setupProtections(ss: Spreadsheet, settings: Settings, owner: string): void {
  const office = [owner, ...settings.admins].filter((e) => e !== '');
  const keep = [owner, effectiveUserEmail(), activeUserEmail()].filter((e) => e !== '');
  for (const spec of protectionPlan({ districts: settings.districts, office })) {
    const sheet = ss.getSheetByName(spec.target.tab);
    if (!sheet) continue;
    if (spec.target.kind === 'sheet') {
      applySheetProtection(sheet, spec, keep);
    } else {
      const cols = protectedColumns(spec.target.key);
      const rows = Math.max(sheet.getMaxRows() - FIRST_DATA_ROW + 1, 1);
      applyRangeProtection(sheet, sheet.getRange(FIRST_DATA_ROW, cols.column, rows, cols.columns), spec, keep);
    }
  }
}

/** The blank first tab of a new spreadsheet is in the way once ours exist. */
export function dropBlankDefaultTab(ss: Spreadsheet, report: SetupReport): void {
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    if (!DEFAULT_TAB_NAMES.includes(name)) continue;
    if (sheet.getLastRow() !== 0 || sheet.getLastColumn() !== 0 || ss.getSheets().length < 2) continue;
    ss.deleteSheet(sheet);
    report.repaired.push(`删除空白工作表“${name}”`);
  }
}

/** Sets the spreadsheet's zone when it differs; true when it changed. */
export function ensureTimeZone(ss: Spreadsheet, zone: string): boolean {
  if (ss.getSpreadsheetTimeZone() === zone) return false;
  ss.setSpreadsheetTimeZone(zone);
  return true;
}

/** The rules built once per setup run and shared between tabs (only the 辖区 list differs). */
export const newRuleCache = (): Map<string, DataValidation> => new Map();
