// 汇总: the recompute (refreshSummary), its menu item, and the debounced hook every ledger change calls.

// When 汇总 is recomputed (contract §8 allows exactly one daily and one edit trigger, so no timer of our own):
// - menu 刷新汇总 and the daily job always recompute, so its figures are never older than the last daily run;
// - afterLedgerChange (called once at the end of every sidebar save, direct edit, import, office decision and setup)
//   recomputes only when the last recompute, failure or claim is SUMMARY_EVERY_MINUTES old, and claims it under the
//   script lock first, so a change pays for a recompute at most once per N minutes whatever the traffic; otherwise it
//   marks 汇总 stale (a property and the 数据截至 line, written once per stale period). A header edit skips the wait:
//   a tab that stops matching the template must reach 汇总's top line at once (issue 12), and such edits are rare.
// Cost: each tab is read with one getValues and 汇总 is written with one clear, one setValues and three whole-grid
// style calls, so the number of service calls does not depend on the number of enterprises.
import { dayOf } from '../domain/calendar-day';
import { MENU_TITLE } from '../domain/contract';
import type { SummaryEntry } from '../domain/summary';
import { PLAN_START, buildSummary } from '../domain/summary';
import { summaryGrid } from '../domain/summary-grid';
import { freshnessText, recomputeDue } from '../domain/summary-throttle';
import { sendModeText } from '../domain/settings';
import { isExtended } from '../domain/approval';
import { reportingStart, updatedOnOf } from '../domain/vocabulary';
import { claimRecompute, markSummaryStale, readSummaryStamps, recordSummaryFailed, writeSummary } from '../sheet/summary-tab';
import { activeSpreadsheet, toast } from '../sheet/ui';
import { fromMenu } from './error-boundary';
import { toFixByRow } from './to-fix';
import type { Workbook } from '../sheet/workbook';
import { allLedgers, approvedIn, brokenTabs, readWorkbook } from '../sheet/workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface RefreshResult {
  enterprises: number;
  overdue: number;
  dueSoon: number;
  problems: number;
}

/**
 * Recomputes and rewrites 汇总 from 配置, every district tab and 报送记录 — `wb` when the execution already read them
 * (the daily job shares one read with its reminders). A district tab that cannot be read is left out and named on the top line.
 */
export function refreshSummary(ss: Spreadsheet, now: Date, wb: Workbook = readWorkbook(ss)): RefreshResult {
  const { config: { settings, errors }, reports } = wb;
  const ledgers = allLedgers(wb);
  if (wb.reportsError) throw wb.reportsError;
  const today = dayOf(now);
  const toFix = toFixByRow(ledgers, settings);
  const approved = approvedIn(wb);
  const entries: SummaryEntry[] = [];
  for (const ledger of ledgers) {
    const problems = toFix.get(ledger.district);
    for (const r of ledger.rows) {
      // The payload's own fields as they are; the tab (not the row's 辖区 cell) says which district it counts for.
      const p = r.record.payload;
      entries.push({
        district: ledger.district, row: r.row, name: p.name, creditCode: p.creditCode, industry: p.industry, category: p.category,
        status: p.status, town: p.town, deadline: p.deadline, updatedOn: updatedOnOf(r.record.updatedAt), toFix: problems?.get(r.row) ?? NONE,
        extended: isExtended(approved.get(p.creditCode)),
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
  const tabProblems = brokenTabs(wb).map((b) => `“${b.tab}”未计入（${b.problem}）`);
  const grid = summaryGrid(model, { mode: sendModeText(settings), live: settings.sendMode === 'live', settingsProblems: errors, tabProblems });
  writeSummary(ss, grid, now, wb.props);
  return { enterprises: model.total.total, overdue: model.total.overdue, dueSoon: model.total.dueSoon, problems: model.problems.length };
}

const NONE: readonly string[] = [];

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Called once at the end of every code path that changes ledger rows. Never throws: a failed summary must not
 * undo or hide a saved edit; the next recompute (the menu, the daily job, a later edit) repairs it.
 */
export function afterLedgerChange(ss: Spreadsheet, now: Date = new Date(), urgent = false, props?: Readonly<Record<string, string>>): void {
  try {
    // `props`: the caller's snapshot of the document properties (a direct edit's one read, under the lock).
    const stamps = readSummaryStamps(props);
    if (urgent || (recomputeDue(stamps, now.getTime()) && claimRecompute(now))) {
      try {
        refreshSummary(ss, now);
      } catch (e) {
        recordSummaryFailed(now);
        throw e;
      }
      return;
    }
    if (stamps.dirty) return; // already marked since the last recompute
    markSummaryStale(ss, now, freshnessText(stamps, now.getTime()));
  } catch (e) {
    console.error(`afterLedgerChange: ${describe(e)}`);
  }
}

export function menuRefreshSummary(): void {
  fromMenu(() => {
    const ss = activeSpreadsheet();
    toast(ss, '正在刷新汇总，请稍候……', MENU_TITLE, -1);
    const r = refreshSummary(ss, new Date());
    const problems = r.problems > 0 ? `；${r.problems}行待修正（见汇总表末尾）` : '';
    toast(ss, `汇总已刷新：企业${r.enterprises}家，逾期${r.overdue}家，即将到期${r.dueSoon}家${problems}。`, MENU_TITLE, 8);
  });
}
