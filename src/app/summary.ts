// 汇总: the recompute (refreshSummary), its menu item, and the debounced hook every ledger change calls.

// When 汇总 is recomputed (contract §8 allows exactly one daily and one edit trigger, so no timer of our own):
// - menu 刷新汇总 and the daily job always recompute;
// - afterLedgerChange (called once at the end of every sidebar save, direct edit and setup) recomputes when the last
//   recompute is at least a minute old; otherwise it only marks 汇总 stale (a line on the tab, written once per
//   stale period) so a burst of edits costs one recompute a minute, and the next edit after the minute, the menu or
//   the daily job brings it up to date.
// Cost: each tab is read with one getValues and 汇总 is written with one clear, one setValues and three whole-grid
// style calls, so the number of service calls does not depend on the number of enterprises.
import { dayOf, formatInstant } from '../domain/calendar-day';
import { TAB } from '../domain/contract';
import type { SummaryEntry } from '../domain/summary';
import { PLAN_START, buildSummary } from '../domain/summary';
import type { SummaryGrid } from '../domain/summary-grid';
import { CHART_SERIES, CHART_TITLE, STALE_CELL, staleText, summaryGrid } from '../domain/summary-grid';
import { sendModeText } from '../domain/settings';
import { reportingStart, updatedOnOf } from '../domain/vocabulary';
import { fromMenu } from './entry-point';
import { readReports } from './reports';
import { toFixByRow } from './to-fix';
import { openAllLedgers, readSettings } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Document properties: when 汇总 was last recomputed, and since when it is stale (ms since the epoch, as text). */
export const REFRESHED_KEY = 'summary.refreshedAt';
export const DIRTY_KEY = 'summary.dirtySince';
/** When a recompute from the hook last failed: a broken tab must not make every edit pay for a doomed recompute. */
export const FAILED_KEY = 'summary.failedAt';
/** At most one recompute a minute from ledger changes. */
export const THROTTLE_MS = 60 * 1000;

export interface RefreshResult {
  enterprises: number;
  overdue: number;
  dueSoon: number;
  problems: number;
}

/** Recomputes and rewrites 汇总 from 配置, every district tab and 报送记录. Throws AppError when a tab cannot be read. */
export function refreshSummary(ss: Spreadsheet, now: Date): RefreshResult {
  const { settings, errors } = readSettings(ss);
  const ledgers = openAllLedgers(ss, settings);
  const reports = readReports(ss);
  const today = dayOf(now);
  const toFix = toFixByRow(ledgers, settings);
  const entries: SummaryEntry[] = [];
  for (const ledger of ledgers) {
    const problems = toFix.get(ledger.district);
    for (const r of ledger.rows) {
      const p = r.record.payload;
      entries.push({
        district: ledger.district,
        row: r.row,
        name: p.name,
        creditCode: p.creditCode,
        industry: p.industry,
        category: p.category,
        status: p.status,
        town: p.town,
        deadline: p.deadline,
        updatedOn: updatedOnOf(r.record.updatedAt),
        toFix: problems?.get(r.row) ?? [],
      });
    }
  }
  const model = buildSummary({
    districts: settings.districts.map((d) => d.district),
    entries,
    reports,
    today,
    now,
    dueSoonDays: settings.dueSoonDays,
    reportDay: settings.reportDay,
    staleDays: settings.staleDays,
    firstQuarter: reportingStart(settings.firstQuarter, reports, today),
    planFrom: PLAN_START,
    planTo: settings.acceptBy > PLAN_START ? settings.acceptBy : PLAN_START,
  });
  const grid = summaryGrid(model, { mode: sendModeText(settings), live: settings.sendMode === 'live', settingsProblems: errors });
  const sheet = ss.getSheetByName(TAB.summary) ?? ss.insertSheet(TAB.summary);
  writeGrid(sheet, grid);
  upsertChart(sheet, grid);
  PropertiesService.getDocumentProperties().setProperties({ [REFRESHED_KEY]: String(now.getTime()), [DIRTY_KEY]: '' });
  return { enterprises: model.total.total, overdue: model.total.overdue, dueSoon: model.total.dueSoon, problems: model.problems.length };
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

/** Our chart is the one titled CHART_TITLE: updated in place, created when missing, duplicates (from a race) removed. */
function upsertChart(sheet: Sheet, grid: SummaryGrid): void {
  let ours: GoogleAppsScript.Spreadsheet.EmbeddedChart | null = null;
  for (const chart of sheet.getCharts()) {
    if (chart.getOptions().get('title') !== CHART_TITLE) continue;
    if (ours) sheet.removeChart(chart);
    else ours = chart;
  }
  const data = sheet.getRange(grid.chart.row, grid.chart.col, grid.chart.rows, grid.chart.cols);
  // Beside the tables, clear of the widest one.
  const column = grid.values[0]!.length + 2;
  if (ours) {
    sheet.updateChart(ours.modify().clearRanges().addRange(data).setPosition(3, column, 0, 0).build());
    return;
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
}

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Called once at the end of every code path that changes ledger rows. Never throws: a failed summary must not
 * undo or hide a saved edit; the next recompute (the menu, the daily job, a later edit) repairs it.
 */
export function afterLedgerChange(ss: Spreadsheet, now: Date = new Date()): void {
  try {
    const props = PropertiesService.getDocumentProperties();
    const stored = props.getProperties();
    const last = Math.max(Number(stored[REFRESHED_KEY] ?? 0) || 0, Number(stored[FAILED_KEY] ?? 0) || 0);
    if (now.getTime() - last >= THROTTLE_MS || now.getTime() < last) {
      try {
        refreshSummary(ss, now);
      } catch (e) {
        props.setProperty(FAILED_KEY, String(now.getTime()));
        throw e;
      }
      return;
    }
    if (stored[DIRTY_KEY]) return; // already marked since the last recompute
    props.setProperty(DIRTY_KEY, String(now.getTime()));
    const sheet = ss.getSheetByName(TAB.summary);
    if (sheet) sheet.getRange(STALE_CELL.row, STALE_CELL.col).setValue(staleText(formatInstant(now)));
  } catch (e) {
    console.error(`afterLedgerChange: ${describe(e)}`);
  }
}

export function menuRefreshSummary(): void {
  fromMenu(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    ss.toast('正在刷新汇总，请稍候……', '整治台账', -1);
    const r = refreshSummary(ss, new Date());
    const problems = r.problems > 0 ? `；${r.problems}行待修正（见汇总表末尾）` : '';
    ss.toast(`汇总已刷新：企业${r.enterprises}家，逾期${r.overdue}家，即将到期${r.dueSoon}家${problems}。`, '整治台账', 8);
  });
}
