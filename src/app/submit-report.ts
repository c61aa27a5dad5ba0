// 报送本季度进展 (contract §5): the dialog with the tab's counts and the 进展说明, and submitQuarterReport, which records it.
import { activeTab, tabName } from '../sheet/cells';
import { captionOf, menuPath } from '../domain/menu';
import { appendLog } from '../sheet/log';
import { withDocumentLock } from '../sheet/lock';
import { activeUserEmail } from '../sheet/session';
import { dayOf } from '../domain/calendar-day';
import { NARRATIVE_MAX, STATUSES, TAB, UNKNOWN_ACCOUNT, statusOf } from '../domain/contract';
import { AppError } from '../domain/errors';
import { canEditDistrict } from '../domain/permissions';
import type { ReportRecord } from '../domain/quarter';
import { REPORT_FIRST, REPORT_UPDATE, quarterId, quarterLabel, reportDueDate, reportStateFor, reportTimeliness } from '../domain/quarter';
import type { ReportDialogContext } from '../domain/report-dialog';
import { REPORT_CONTEXT_ID, checkReportPayload } from '../domain/report-dialog';
import { planRules } from '../domain/settings';
import type { Settings } from '../domain/settings';
import { problemTexts, toFixChecks } from '../domain/vocabulary';
import { dayWithNote } from '../domain/workday';
import type { FormFailure } from './error-boundary';
import { canEditProtectedTab } from '../sheet/protections';
import { activeSpreadsheet, screen } from '../sheet/ui';
import { fromMenu, fromSidebar } from './error-boundary';
import { jsonBlock } from '../domain/page-data';
import { appendReport, readReports } from '../sheet/reports';
import type { Ledger } from '../sheet/ledger';
import { openLedger, ownerEmail, readCodeIndex, readSettings } from '../sheet/ledger';
import { refreshSummary } from './summary';
import { readWorkbook } from '../sheet/workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;


export const REPORT_TITLE = captionOf('menuSubmitReport');
/** An alert longer than this is unreadable; the rest is counted instead of listed. */
const MAX_LISTED_PROBLEMS = 30;

/**
 * The 待修正 rows of the tab as `第5行 某公司 企业名称：…`, in row order: exactly what 校验本表 reports
 * (vocabulary.toFixChecks, duplicates across tabs included), so a report is never refused or let through on a
 * different rule.
 */
export function ledgerProblems(ss: Spreadsheet, ledger: Ledger, settings: Settings): string[] {
  const tab = { tab: ledger.district, columns: ledger.columns, rows: ledger.rows.map((r) => ({ row: r.row, cells: r.cells, payload: r.record.payload })) };
  const names = new Map(ledger.rows.map((r) => [r.row, r.record.payload.name || '（未填企业名称）']));
  const out: string[] = [];
  for (const check of toFixChecks(tab, planRules(settings, dayOf(new Date())), readCodeIndex(ss, settings, ledger))) {
    for (const text of problemTexts(check)) out.push(`第${check.row}行 ${names.get(check.row) ?? ''} ${text}`);
  }
  return out;
}

export function statusCounts(ledger: Ledger): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  for (const row of ledger.rows) {
    const status = statusOf(row.record.payload.status);
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}

function invalidMessage(district: string, problems: readonly string[]): string {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
  const more = problems.length - listed.length;
  return (
    `“${district}”有${problems.length}处填写问题，本次未报送。请改正后再报送：\n${listed.join('\n')}` +
    (more > 0 ? `\n……另有${more}处问题未列出，请运行“${menuPath('menuValidateSheet')}”查看。` : '')
  );
}

function refuseInvalid(district: string, problems: readonly string[]): never {
  throw new AppError('INVALID', invalidMessage(district, problems), { problems });
}


function requireDistrict(settings: Settings, name: string): string {
  if (!settings.districts.some((d) => d.district === name)) {
    throw new AppError(
      'NOT_DISTRICT_TAB',
      `请先切换到本辖区的工作表（${settings.districts.map((d) => d.district).join('、')}）再报送本季度进展。`,
    );
  }
  return name;
}

/**
 * A known account must be the district's editor or the office (配置). When Sheets hides the account, the tab's
 * own protection decides: whoever cannot edit the tab cannot report for it either.
 */
function requireEditor(ss: Spreadsheet, settings: Settings, district: string, user: string): void {
  if (user) {
    if (canEditDistrict(settings, user, ownerEmail(ss), district)) return;
    throw new AppError('NOT_PERMITTED', `账号 ${user} 不是“${district}”的编辑账号，不能报送该辖区的进展。`);
  }
  if (!canEditProtectedTab(ss, district)) {
    throw new AppError('NOT_PERMITTED', `您没有“${district}”工作表的编辑权限，不能报送该辖区的进展。`);
  }
}

function countsText(counts: Record<string, number>, total: number): string {
  return `企业总数${total}家（${STATUSES.map((s) => `${s}${counts[s] ?? 0}`).join('，')}）`;
}

/** The dialog's lines: quarter, due date (with 遇节假日), counts, whether a report now is on time, first or update. */
function dialogLines(ss: Spreadsheet, settings: Settings, ledger: Ledger, today: string): string[] {
  const { quarter, onTime } = reportTimeliness(today, settings.reportDay);
  const state = reportStateFor(readReports(ss), ledger.district, quarter, settings.reportDay);
  const kindText = state.kind === 'missing' ? REPORT_FIRST : `${REPORT_UPDATE}（本季度已于${state.on}报送，首次报送的按时/逾期认定不变）`;
  return [
    `辖区：${ledger.district}　季度：${quarterLabel(quarter)}`,
    `截止日期：${dayWithNote(reportDueDate(quarter, settings.reportDay))}；今天报送：${onTime ? '按时' : '逾期'}`,
    countsText(statusCounts(ledger), ledger.rows.length),
    `类型：${kindText}`,
  ];
}

export const REPORT_DIALOG_FILE = 'ReportDialog';

export function menuSubmitReport(): void {
  fromMenu(() => {
    const ss = activeSpreadsheet();
    const { settings } = readSettings(ss);
    const district = requireDistrict(settings, tabName(activeTab(ss)));
    requireEditor(ss, settings, district, activeUserEmail());
    const ledger = openLedger(ss, district);
    // Refused before anything is typed: the clerk fixes the rows first (the server checks again on submit).
    const problems = ledgerProblems(ss, ledger, settings);
    if (problems.length > 0) refuseInvalid(district, problems);
    const context: ReportDialogContext = {
      district,
      lines: dialogLines(ss, settings, ledger, dayOf(new Date())),
      placeholder: `本季度整治工作的主要进展、存在的问题和下一步安排（必填，最多${NARRATIVE_MAX}字）`,
    };
    screen().dialogFromFile(REPORT_DIALOG_FILE, REPORT_TITLE, jsonBlock(REPORT_CONTEXT_ID, context), 560, 480);
  });
}

export type SubmitReportResult = { ok: true; quarter: string; onTime: boolean } | FormFailure;

/**
 * The dialog's confirmation (contract §5): `{ district, narrative }` → `{ ok: true, quarter, onTime }`, or
 * `{ ok: false, errors }` with nothing recorded. Rows with problems are listed in `_form`.
 */
export function submitQuarterReport(input: unknown): SubmitReportResult {
  return fromSidebar((): SubmitReportResult => {
    const checked = checkReportPayload(input);
    if (!checked.ok) return { ok: false, errors: checked.errors };
    const { district, narrative } = checked.value;
    const ss = activeSpreadsheet();
    const read = readSettings(ss);
    const { settings } = read;
    requireDistrict(settings, district);
    const user = activeUserEmail();
    requireEditor(ss, settings, district, user);
    const now = new Date();
    type Recorded = { report: ReportRecord; ledger: Ledger; reports: ReportRecord[] };
    const outcome = withDocumentLock((): { problems: string[] } | Recorded => {
      const ledger = openLedger(ss, district);
      const problems = ledgerProblems(ss, ledger, settings);
      if (problems.length > 0) return { problems };
      const day = dayOf(now);
      const timeliness = reportTimeliness(day, settings.reportDay);
      const reports = readReports(ss);
      const first = reportStateFor(reports, district, timeliness.quarter, settings.reportDay).kind === 'missing';
      const c = statusCounts(ledger);
      const report: ReportRecord = {
        quarter: quarterId(timeliness.quarter),
        district,
        on: day,
        at: now,
        account: user || UNKNOWN_ACCOUNT,
        counts: c,
        total: ledger.rows.length,
        onTime: timeliness.onTime,
        kind: first ? 'first' : 'update',
        narrative,
      };
      appendReport(ss, report);
      appendLog(ss, [
        {
          at: now,
          account: report.account,
          tab: district,
          range: TAB.reports,
          creditCode: '',
          name: '',
          field: '季度报送',
          oldValue: '',
          newValue: `${quarterLabel(timeliness.quarter)} ${timeliness.onTime ? '按时' : '逾期'} ${first ? REPORT_FIRST : REPORT_UPDATE}：${countsText(c, report.total)}；进展说明${narrative.length}字`,
          action: REPORT_TITLE,
        },
      ]);
      return { report, ledger, reports: [...reports, report] };
    });
    if ('problems' in outcome) return { ok: false, errors: { _form: invalidMessage(district, outcome.problems) } };
    // 汇总 from the tab and 报送记录 as read (and appended) under the lock: only the other tabs are read again.
    const reports = outcome.reports;
    try {
      refreshSummary(ss, now, readWorkbook(ss, read, { ledger: outcome.ledger, reports }));
    } catch (e) {
      // The report is recorded; 汇总 catches up at the next recompute.
      console.error(`submitQuarterReport refreshSummary: ${e instanceof Error ? e.message : String(e)}`);
    }
    const q = reportTimeliness(outcome.report.on, settings.reportDay).quarter;
    const state = reportStateFor(reports, district, q, settings.reportDay);
    return { ok: true, quarter: quarterLabel(q), onTime: state.kind === 'onTime' };
  });
}
