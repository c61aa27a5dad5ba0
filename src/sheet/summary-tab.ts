// 汇总 on the sheet: the tab and its chart rewritten from a SummaryGrid, the stale line, and when it was last recomputed.
import { documentProperties, readDocumentProperties } from './props';
import { TAB } from '../domain/contract';
import { recomputeDue } from '../domain/summary-throttle';
import type { RecomputeStamps } from '../domain/summary-throttle';
import type { SummaryGrid } from '../domain/summary-grid';
import { CHART_SERIES, CHART_TITLE, STALE_CELL } from '../domain/summary-grid';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Document properties: when 汇总 was last recomputed, and since when it is stale (ms since the epoch, as text). */
export const REFRESHED_KEY = 'summary.refreshedAt';
export const DIRTY_KEY = 'summary.dirtySince';
/** When a recompute from the hook last failed: a broken tab must not make every edit pay for a doomed recompute. */
export const FAILED_KEY = 'summary.failedAt';
/** When a ledger change last claimed the recompute (issue 16: at most one per SUMMARY_EVERY_MINUTES). */
export const CLAIMED_KEY = 'summary.claimedAt';

/** Where the chart was last put: its data range and anchor column, so an unchanged chart is left alone. */
export const CHART_KEY = 'summary.chart';

/**
 * One clear, one setValues and three whole-grid style calls, then the chart: the cost does not grow with the rows.
 * `props` is the execution's snapshot of the document properties (it says where the chart was last put).
 */
export function writeSummary(ss: Spreadsheet, grid: SummaryGrid, now: Date, props: Readonly<Record<string, string>>): void {
  const sheet = ss.getSheetByName(TAB.summary) ?? ss.insertSheet(TAB.summary);
  writeGrid(sheet, grid);
  const placed = upsertChart(sheet, grid, props[CHART_KEY] ?? '');
  documentProperties().setProperties({ [REFRESHED_KEY]: String(now.getTime()), [DIRTY_KEY]: '', [CHART_KEY]: placed });
}

function writeGrid(sheet: Sheet, grid: SummaryGrid): void {
  // The whole tab is ours (contract §1): clearing it drops the last recompute's longer lists and stale colours.
  sheet.clear();
  const range = sheet.getRange(1, 1, grid.values.length, grid.values[0]!.length);
  range.setValues(grid.values);
  range.setNumberFormats(grid.numberFormats);
  range.setBackgrounds(grid.backgrounds);
  range.setFontWeights(grid.fontWeights);
}

/**
 * Our chart is the one titled CHART_TITLE: created when missing, duplicates (from a race) removed, and updated in
 * place only when its data range or column moved since `placed` (the grid's shape changes with the districts and
 * the lists, rarely). Returns where it now is.
 */
function upsertChart(sheet: Sheet, grid: SummaryGrid, placed: string): string {
  let ours: GoogleAppsScript.Spreadsheet.EmbeddedChart | null = null;
  for (const chart of sheet.getCharts()) {
    if (chart.getOptions().get('title') !== CHART_TITLE) continue;
    if (ours) sheet.removeChart(chart);
    else ours = chart;
  }
  // Beside the tables, clear of the widest one.
  const column = grid.values[0]!.length + 2;
  const { row, col, rows, cols } = grid.chart;
  const where = `${row},${col},${rows},${cols}@${column}`;
  if (ours && where === placed) return where;
  const data = sheet.getRange(row, col, rows, cols);
  if (ours) {
    sheet.updateChart(ours.modify().clearRanges().addRange(data).setPosition(3, column, 0, 0).build());
    return where;
  }
  const chart = sheet
    .newChart()
    .setChartType(Charts.ChartType.COLUMN)
    .addRange(data)
    .setOption('title', CHART_TITLE)
    .setOption('isStacked', true)
    .setOption('colors', CHART_SERIES.map((s) => s.color))
    .setPosition(3, column, 0, 0)
    .build();
  sheet.insertChart(chart);
  return where;
}

/** When 汇总 was last recomputed, last failed to be and last claimed (ms; 0 for never), and whether it is marked stale. */
export interface SummaryStamps extends RecomputeStamps {
  dirty: boolean;
}

function stampsOf(stored: Readonly<Record<string, string>>): SummaryStamps {
  const ms = (key: string): number => Number(stored[key] ?? 0) || 0;
  return { refreshed: ms(REFRESHED_KEY), failed: ms(FAILED_KEY), claimed: ms(CLAIMED_KEY), dirty: Boolean(stored[DIRTY_KEY]) };
}

/** `stored`: the execution's snapshot of the document properties, when it has one. */
export function readSummaryStamps(stored: Readonly<Record<string, string>> = readDocumentProperties()): SummaryStamps {
  return stampsOf(stored);
}

/**
 * True for the one execution that may recompute now: under the script lock (the caller may hold the document lock)
 * the stamps are read again and the claim written, so two changes at once never both pay for a recompute. A lock
 * held elsewhere means another execution is claiming: this one does not recompute.
 */
export function claimRecompute(now: Date): boolean {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(0)) return false;
  try {
    const props = documentProperties();
    if (!recomputeDue(stampsOf(props.getProperties()), now.getTime())) return false;
    props.setProperty(CLAIMED_KEY, String(now.getTime()));
    return true;
  } finally {
    lock.releaseLock();
  }
}

export function recordSummaryFailed(now: Date): void {
  documentProperties().setProperty(FAILED_KEY, String(now.getTime()));
}

/** Marks 汇总 stale since `now` and writes `line` into its stale cell (when the tab exists). */
export function markSummaryStale(ss: Spreadsheet, now: Date, line: string): void {
  documentProperties().setProperty(DIRTY_KEY, String(now.getTime()));
  const sheet = ss.getSheetByName(TAB.summary);
  if (sheet) sheet.getRange(STALE_CELL.row, STALE_CELL.col).setValue(line);
}
