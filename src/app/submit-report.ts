// 报送本季度进展: validate the district tab, confirm, append the quarter's report to 报送记录 and log it.
import { appendLog } from '../adapters/log';
import { withDocumentLock } from '../adapters/lock';
import { activeUserEmail } from '../adapters/session';
import { dayOf } from '../domain/calendar-day';
import { INITIAL_STATUS, STATUSES, TAB, UNKNOWN_ACCOUNT } from '../domain/contract';
import { AppError } from '../domain/errors';
import { FIELD_LABELS } from '../domain/enterprise';
import { rowProblems } from '../domain/ledger-row';
import { canEditDistrict } from '../domain/permissions';
import type { ReportRecord } from '../domain/quarter';
import { REPORT_FIRST, REPORT_UPDATE, quarterId, quarterLabel, reportDueDate, reportStateFor, reportStateText, reportTimeliness } from '../domain/quarter';
import { planRules } from '../domain/settings';
import type { Settings } from '../domain/settings';
import { fromMenu } from './entry-point';
import { appendReport, readReports } from './reports';
import type { Ledger } from './workbook';
import { openLedger, ownerEmail, readSettings } from './workbook';
import { refreshSummary } from './summary';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;


export const REPORT_TITLE = '报送本季度进展';
/** An alert longer than this is unreadable; the rest is counted instead of listed. */
const MAX_LISTED_PROBLEMS = 30;

/** Problems of every row as `第5行 某公司 企业名称：…`, in row order. */
export function ledgerProblems(ledger: Ledger, settings: Settings): string[] {
  const rules = planRules(settings);
  const out: string[] = [];
  for (const row of ledger.rows) {
    const name = row.record.payload.name || '（未填企业名称）';
    for (const p of rowProblems([...row.cells], ledger.columns, rules)) {
      out.push(`第${row.row}行 ${name} ${FIELD_LABELS[p.key]}：${p.message}`);
    }
  }
  return out;
}

export function statusCounts(ledger: Ledger): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  for (const row of ledger.rows) {
    const status = row.record.payload.status.trim() || INITIAL_STATUS;
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}

function refuseInvalid(district: string, problems: readonly string[]): never {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
  const more = problems.length - listed.length;
  throw new AppError(
    'INVALID',
    `“${district}”有${problems.length}处填写问题，本次未报送。请改正后再报送：\n${listed.join('\n')}` + (more > 0 ? `\n……另有${more}处问题未列出。` : ''),
    { problems },
  );
}

function requireDistrictTab(ss: Spreadsheet, settings: Settings): string {
  const name = ss.getActiveSheet().getName();
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
  const sheet = ss.getSheetByName(district);
  const protection = sheet?.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  if (protection && !protection.canEdit()) {
    throw new AppError('NOT_PERMITTED', `您没有“${district}”工作表的编辑权限，不能报送该辖区的进展。`);
  }
}

function countsText(counts: Record<string, number>, total: number): string {
  return `企业总数${total}家（${STATUSES.map((s) => `${s}${counts[s] ?? 0}`).join('，')}）`;
}

export function menuSubmitReport(): void {
  fromMenu(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const ui = SpreadsheetApp.getUi();
    const { settings } = readSettings(ss);
    const district = requireDistrictTab(ss, settings);
    const user = activeUserEmail();
    requireEditor(ss, settings, district, user);
    const before = openLedger(ss, district);
    const problems = ledgerProblems(before, settings);
    if (problems.length > 0) refuseInvalid(district, problems);

    const today = dayOf(new Date());
    const { quarter, onTime } = reportTimeliness(today, settings.reportDay);
    const state = reportStateFor(readReports(ss), district, quarter, settings.reportDay);
    const counts = statusCounts(before);
    const kindText = state.kind === 'missing' ? REPORT_FIRST : `${REPORT_UPDATE}（本季度已于${state.on}报送，首次报送的按时/逾期认定不变）`;
    const answer = ui.alert(
      REPORT_TITLE,
      `确认报送“${district}”${quarterLabel(quarter)}进展？\n` +
        `${countsText(counts, before.rows.length)}\n` +
        `截止日期：${reportDueDate(quarter, settings.reportDay)}；今天报送：${onTime ? '按时' : '逾期'}\n` +
        `类型：${kindText}`,
      ui.ButtonSet.YES_NO,
    );
    if (answer !== ui.Button.YES) return;

    // The alert suspended the script and released nothing we could rely on: read and check again under the lock.
    const now = new Date();
    const record = withDocumentLock(() => {
      const ledger = openLedger(ss, district);
      const again = ledgerProblems(ledger, settings);
      if (again.length > 0) refuseInvalid(district, again);
      const day = dayOf(now);
      const timeliness = reportTimeliness(day, settings.reportDay);
      const first = reportStateFor(readReports(ss), district, timeliness.quarter, settings.reportDay).kind === 'missing';
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
          newValue: `${quarterLabel(timeliness.quarter)} ${timeliness.onTime ? '按时' : '逾期'} ${first ? REPORT_FIRST : REPORT_UPDATE}：${countsText(c, report.total)}`,
          action: REPORT_TITLE,
        },
      ]);
      return report;
    });

    let summaryNote = '';
    try {
      refreshSummary(ss, now);
    } catch (e) {
      console.error(`menuSubmitReport refreshSummary: ${e instanceof Error ? e.message : String(e)}`);
      summaryNote = '\n（汇总暂未刷新，将在下次刷新时更新。）';
    }
    const finalState = reportStateFor(readReports(ss), district, reportTimeliness(record.on, settings.reportDay).quarter, settings.reportDay);
    ui.alert(
      REPORT_TITLE,
      `已报送“${district}”${quarterLabel(reportTimeliness(record.on, settings.reportDay).quarter)}进展（${record.kind === 'first' ? REPORT_FIRST : REPORT_UPDATE}）。\n` +
        `本季度报送：${reportStateText(finalState)}${summaryNote}`,
      ui.ButtonSet.OK,
    );
  });
}
