// What today's reminder run would do for each district: the decision, the composed email and the send-log state.
import { spreadsheetUrl, tabUrl } from '../sheet/ui';
import { readSendLog } from '../sheet/send-log-store';
import type { Day } from '../domain/calendar-day';
import { dayOf } from '../domain/calendar-day';
import { CONFIG_LABEL } from '../domain/contract';
import { isAppError } from '../domain/errors';
import type { ReminderEmail } from '../domain/reminder-email';
import { MAX_RECIPIENTS_PER_MESSAGE, composeReminderEmail } from '../domain/reminder-email';
import type { DistrictReminder } from '../domain/reminders';
import { compareUrgency, districtSituation, hasSomethingToSay } from '../domain/reminders';
import type { SendDecision, SendLogEntry } from '../domain/send-log';
import { sendDecision, urgeSlot } from '../domain/send-log';
import type { Settings } from '../domain/settings';
import type { TabRepair } from '../domain/tab-repair';
import { tabRepairOf } from '../domain/tab-repair';
import { updatedOnOf } from '../domain/vocabulary';
import type { DayInfo } from '../domain/workday';
import { dayInfo } from '../domain/workday';
import { loadNotices } from '../sheet/office-store';
import { toFixByRow } from './to-fix';
import type { Ledger } from '../sheet/ledger';
import type { Workbook } from '../sheet/workbook';
import { readWorkbook } from '../sheet/workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

type PlanOutcome =
  /** has something to say, not yet sent today (or queued / failed earlier today) */
  | 'send'
  | 'nothing'
  | 'noRecipients'
  | 'tooManyRecipients'
  | 'unreadable'
  /** 仅工作日发送提醒 is 是 and today is a weekend or a State Council holiday */
  | 'notWorkday'
  /** 测试收件人 is present but invalid: all sending stopped (contract §3) */
  | 'stopped'
  | Exclude<SendDecision, 'send'>;

export interface DistrictPlan {
  readonly district: string;
  readonly outcome: PlanOutcome;
  readonly situation: DistrictReminder | null;
  readonly email: ReminderEmail | null;
  readonly logEntry: SendLogEntry | null;
  /** Chinese detail for 操作日志 and the preview (why unreadable, which addresses are missing…). */
  readonly detail: string;
}

export interface ReminderPlan {
  readonly today: Day;
  readonly settings: Settings;
  readonly settingsErrors: readonly string[];
  /** Today on the Chinese calendar (workday or not, and a warning when past the holiday table). */
  readonly day: DayInfo;
  /** The district tabs that could be read, for callers that need more than the reminders (the digest). */
  readonly ledgers: readonly Ledger[];
  /** The spreadsheet's address, read once for every link the emails carry. */
  readonly url: string;
  /** Today's send log, every slot (reminders, 催办, the digest). */
  readonly sendLog: ReadonlyMap<string, SendLogEntry>;
  /** Most urgent first; districts with nothing to say or unreadable at the end, in 配置's order. */
  readonly districts: readonly DistrictPlan[];
}

const STOPPED_DETAIL = `“${CONFIG_LABEL.testRecipient}”无效，已停止发送，改正或清空后恢复`;

const errorText = (e: unknown): string => (isAppError(e) ? e.userMessage : e instanceof Error ? e.message : String(e));

/**
 * `wb`: the tabs and properties as the execution already read them (the daily job plans reminders, then 催办, from
 * the read its 汇总 used). `urge`: the same plan for 立即催办 — urge emails, judged by each district's 催办 slot of today's send log (one 催办
 * a day), and not held back on days off (the office chose to send now).
 */
export function planReminders(
  ss: Spreadsheet,
  now: Date,
  mode: 'reminder' | 'urge' = 'reminder',
  wb: Workbook = readWorkbook(ss),
  url: string = spreadsheetUrl(ss),
): ReminderPlan {
  const urge = mode === 'urge';
  const today = dayOf(now);
  const day = dayInfo(today);
  const { config: { settings, errors }, reports } = wb;
  const sendLog = readSendLog(today, wb.props);
  const ready: { situation: DistrictReminder; plan: (s: DistrictReminder) => DistrictPlan }[] = [];
  const rest: DistrictPlan[] = [];
  const opened = new Map<string, Ledger>();
  const broken = new Map<string, { sheet: GoogleAppsScript.Spreadsheet.Sheet; repair: TabRepair }>();
  for (const t of wb.tabs) {
    if ('ledger' in t) opened.set(t.district, t.ledger);
    // A tab whose header no longer matches still gets its reminder, saying the tab needs repair (issue 12 point 5).
    else if (t.sheet) broken.set(t.district, { sheet: t.sheet, repair: tabRepairOf(t.district, t.error) });
    // One district's broken tab must not silence the others' reminders.
    else rest.push({ district: t.district, outcome: 'unreadable', situation: null, email: null, logEntry: null, detail: errorText(t.error) });
  }
  const toFix = toFixByRow([...opened.values()], settings);
  const notices = loadNotices(wb.props);
  for (const d of settings.districts) {
    const ledger = opened.get(d.district);
    const repair = broken.get(d.district);
    if (!ledger && !repair) continue;
    const situation = districtSituation(
      {
        district: d.district,
        // Only what a reminder reads (ReminderEnterprise): a copy of each whole payload was 10,000 objects of 22 fields.
        enterprises: (ledger?.rows ?? []).map((r) => {
          const p = r.record.payload;
          return { name: p.name, creditCode: p.creditCode, status: p.status, deadline: p.deadline, updatedOn: updatedOnOf(r.record.updatedAt) };
        }),
        toFix: toFix.get(d.district)?.size ?? 0,
      },
      reports,
      settings,
      today,
    );
    const logEntry = sendLog.get(urge ? urgeSlot(d.district) : d.district) ?? null;
    if (!hasSomethingToSay(situation) && !repair) {
      rest.push({ district: d.district, outcome: 'nothing', situation, email: null, logEntry, detail: '无逾期、即将到期企业，也无需提醒季度报送' });
      continue;
    }
    const email = composeReminderEmail(situation, {
      today,
      filler: d.filler,
      districtEmails: d.emails,
      officeEmails: settings.officeEmails,
      testRecipient: settings.testRecipient,
      tabUrl: tabUrl(url, ledger?.sheet ?? repair!.sheet),
      ...(repair ? { tabRepair: repair.repair } : {}),
      urge,
      failedAcceptances: urge ? [] : (notices.get(d.district) ?? []),
    });
    ready.push({
      situation,
      plan: (s) => {
        if (settings.sendMode === 'stopped') {
          return { district: d.district, outcome: 'stopped', situation: s, email, logEntry, detail: STOPPED_DETAIL };
        }
        if (email.to.length === 0) {
          return { district: d.district, outcome: 'noRecipients', situation: s, email, logEntry, detail: `“配置”中${d.district}的联系邮箱未填写，无法发送` };
        }
        if (email.recipientCount > MAX_RECIPIENTS_PER_MESSAGE) {
          // Refused, not split: the contract fixes to = 联系邮箱 and cc = 领导小组办公室邮箱 for the one email of the
          // day, and splitting would copy the office on every part and spend the quota many times over.
          return {
            district: d.district,
            outcome: 'tooManyRecipients',
            situation: s,
            email,
            logEntry,
            detail:
              `${d.district}的联系邮箱（${email.to.length}个）加领导小组办公室邮箱（${email.cc.length}个）共${email.recipientCount}个地址，` +
              `超过单封邮件${MAX_RECIPIENTS_PER_MESSAGE}个收件人的上限，本封未发送。请在“配置”中精简这两栏（可改用邮件群组地址）。`,
          };
        }
        if (!urge && settings.workdaysOnly && !day.workday) {
          const detail = `今天（${today}）是${day.label}，“配置”中“仅工作日发送提醒”为“是”，下一个工作日再发送${day.warning ? `。${day.warning}` : ''}`;
          return { district: d.district, outcome: 'notWorkday', situation: s, email, logEntry, detail };
        }
        const decision = sendDecision(logEntry);
        return { district: d.district, outcome: decision, situation: s, email, logEntry, detail: logEntry?.error ?? '' };
      },
    });
  }
  const ordered = ready.sort((a, b) => compareUrgency(a.situation, b.situation)).map((r) => r.plan(r.situation));
  return { today, settings, settingsErrors: errors, day, url, ledgers: [...opened.values()], sendLog, districts: [...ordered, ...rest] };
}
