// The office's daily digest input (contract §11), from what the daily job already read plus the 延期申请 tab.
import { TAB, statusOf } from '../domain/contract';
import type { DigestInput, DigestRequest, DigestWaiting } from '../domain/digest';
import { isAppError } from '../domain/errors';
import { reportDueDate, reportReminderWindow } from '../domain/quarter';
import { ESCALATION_OVERDUE_DAYS } from '../domain/reminders';
import type { Workbook } from '../sheet/workbook';
import { approvedIn, brokenTabs } from '../sheet/workbook';
import type { Approved } from '../domain/approval';
import { isRecordableCode } from '../domain/approval';
import { withDocumentLock } from '../sheet/lock';
import { EXTENSION_HEADERS, EXTENSION_TAB, openRequests } from '../domain/extension';
import { isRecordTab, missingHeaders } from '../domain/record-tab';
import { loadApproved, openRecordTab } from '../sheet/office-store';
import type { ReminderPlan } from './reminder-plan';
import { deletedClosed, seedApproved } from './office-guard';
import type { Ledger } from '../sheet/ledger';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Open requests (contract §10), oldest first; [] without the tab. A lost header is a tab to repair. */
export function openExtensionRequests(ss: Spreadsheet): DigestRequest[] {
  const { tab } = openRecordTab(ss, EXTENSION_TAB, EXTENSION_HEADERS);
  if (tab && !isRecordTab(tab)) throw new Error(missingHeaders(EXTENSION_TAB, tab.missing));
  return (tab ? openRequests(tab) : []).map(({ cells: r }) => ({
    district: r['辖区'],
    name: r['企业名称'],
    originalDeadline: r['原整改完成时限'],
    requestedDeadline: r['申请延期至'],
    requestedBy: r['申请人'],
    submittedAt: r['提交时间'],
  }));
}

/** Enterprises at 已完成（待验收）, oldest first by the day their record says they reached it (unknown last). */
export function awaitingAcceptance(ledgers: readonly Ledger[], approved: ReadonlyMap<string, Approved>): DigestWaiting[] {
  const out: DigestWaiting[] = [];
  for (const l of ledgers) {
    for (const r of l.rows) {
      const p = r.record.payload;
      if (statusOf(p.status) === '已完成（待验收）') out.push({ district: l.district, name: p.name, since: approved.get(p.creditCode)?.since ?? '' });
    }
  }
  return out.sort((a, b) => (a.since || '9').localeCompare(b.since || '9'));
}

const errorText = (e: unknown): string => (isAppError(e) ? e.userMessage : e instanceof Error ? e.message : String(e));

const REMINDER_TEXT: Record<string, string> = {
  send: '今日发送',
  nothing: '无需提醒',
  noRecipients: '联系邮箱未填写',
  tooManyRecipients: '收件人过多，未发送',
  unreadable: '工作表无法读取',
  notWorkday: '非工作日不发送',
  stopped: '已停止发送',
  alreadySent: '已发送',
  inFlight: '发送中或中断（可能已发出）',
  gaveUp: '发送失败次数过多',
};

/** From the plan and the workbook snapshot it was made from; 延期申请 is the one tab read here. */
export function digestInput(ss: Spreadsheet, plan: ReminderPlan, wb: Workbook, outcomes: ReadonlyMap<string, string> = new Map()): DigestInput {
  const today = plan.today;
  const quarter = plan.districts.find((d) => d.situation)?.situation?.report.quarter;
  // Every district tab that cannot be read, whether or not its reminder went out with a line about it.
  const tabsToRepair = brokenTabs(wb);
  let openRequests: DigestRequest[] = [];
  try {
    openRequests = openExtensionRequests(ss);
  } catch (e) {
    tabsToRepair.push({ tab: EXTENSION_TAB, problem: errorText(e) });
  }
  if (wb.reportsError) tabsToRepair.push({ tab: TAB.reports, problem: errorText(wb.reportsError) });
  let approved: ReadonlyMap<string, Approved> = approvedIn(wb);
  // The daily job runs as the office: enterprises from before this release get their records here too, read
  // afresh under the lock (an edit trigger may be saving the same bucket).
  if (plan.ledgers.some((l) => l.rows.some((r) => isRecordableCode(r.record.payload.creditCode) && !approved.has(r.record.payload.creditCode)))) {
    try {
      approved = withDocumentLock(() => {
        const all = loadApproved();
        seedApproved(ss, plan.ledgers, today, all);
        return all;
      });
    } catch (e) {
      console.error(`dailyJob seedApproved: ${errorText(e)}`); // tomorrow's run tries again
    }
  }
  tabsToRepair.push(...deletedClosed(ss, plan.ledgers, approved));
  const q = quarter ?? { year: Number(today.slice(0, 4)), q: (Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4 };
  return {
    today,
    quarter: q,
    dueDate: reportDueDate(q, plan.settings.reportDay),
    reportWindow: reportReminderWindow(today, plan.settings.reportDay),
    districts: plan.districts.map((d) => ({
      district: d.district,
      // A tab that cannot be read has no counts (its enterprises are unknown), even when its reminder went out.
      counts: d.situation && !tabsToRepair.some((t) => t.tab === d.district)
        ? {
            overdue: d.situation.overdue.length,
            dueSoon: d.situation.dueSoon.length,
            stale: d.situation.stale.length,
            toFix: d.situation.toFix,
            longOverdue: d.situation.overdue.filter((i) => i.days > ESCALATION_OVERDUE_DAYS).length,
          }
        : null,
      report: d.situation?.report.state ?? { kind: 'missing' },
      reminder: outcomes.get(d.district) ?? REMINDER_TEXT[d.outcome] ?? '',
    })),
    openRequests,
    awaitingAcceptance: awaitingAcceptance(plan.ledgers, approved),
    settingsProblems: [...plan.settingsErrors],
    tabsToRepair,
    calendarWarning: plan.day.warning,
    officeEmails: plan.settings.officeEmails,
    testRecipient: plan.settings.testRecipient,
    sendMode: plan.settings.sendMode,
    spreadsheetUrl: plan.url,
  };
}
