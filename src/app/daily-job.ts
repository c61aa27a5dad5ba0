// The daily time-driven job: refresh 汇总, then send each district at most one reminder a day, quota-aware, most urgent first.
import { appendLog } from '../sheet/log';
import type { LogEntry } from '../sheet/log';
import { withDocumentLock } from '../sheet/lock';
import { pruneSendLog, readSendLogEntry, writeSendLogEntry } from '../sheet/send-log-store';
import { effectiveUserEmail } from '../sheet/session';
import { remainingMailQuota, sendMail } from '../sheet/mail';
import { activeSpreadsheet } from '../sheet/ui';
import type { Day } from '../domain/calendar-day';
import { UNKNOWN_ACCOUNT } from '../domain/contract';
import type { ReminderEmail } from '../domain/reminder-email';
import { listedCodes } from '../domain/reminder-email';
import { composeDigest, digestHasNews } from '../domain/digest';
import { DIGEST_SLOT, fitQuota, sendDecision, urgeSlot } from '../domain/send-log';
import type { SendLogEntry } from '../domain/send-log';
import { fromTrigger } from './error-boundary';
import { clearNotices } from '../sheet/office-store';
import { digestInput } from './digest';
import type { DistrictPlan, ReminderPlan } from './reminder-plan';
import { planReminders } from './reminder-plan';
import { refreshSummary } from './summary';
import { refreshLogIndex } from './dossier';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;


/** Unattended runs may wait longer for the lock than a clerk would. */
const JOB_LOCK_WAIT_MS = 30000;
export const LOG_FIELD = '提醒邮件';

export const ACTION = {
  sent: '发送提醒邮件',
  alreadySent: '跳过：今日已发送提醒',
  inFlight: '跳过：今日提醒已在发送中或上次发送中断（可能已发出，不重复发送）',
  gaveUp: '跳过：今日发送失败次数过多，明日再试',
  nothing: '跳过：无需提醒',
  noRecipients: '跳过：联系邮箱未填写',
  tooManyRecipients: '跳过：收件人超过单封邮件50个的上限',
  unreadable: '跳过：工作表无法读取',
  notWorkday: '跳过：今日非工作日（仅工作日发送提醒）',
  stopped: '跳过：已停止发送（测试收件人无效）',
  queued: '排队：今日邮件配额不足，下次运行时发送',
  lockBusy: '排队：表格正忙，下次运行时发送',
  failed: '发送失败，下次运行时重试',
  summaryFailed: '刷新汇总失败',
  digestSent: '发送领导小组办公室日报',
  digestNothing: '跳过：日报无事项',
  digestNoRecipients: '跳过：领导小组办公室邮箱未填写，日报无法发送',
  digestFailed: '日报生成失败',
  urgeSent: '发送催办邮件',
  urgeAlreadySent: '跳过：今日已催办',
} as const;
export const DIGEST_FIELD = '日报';

export interface JobResult {
  sent: string[];
  queued: string[];
  failed: string[];
  skipped: string[];
}

function describeEmail(email: ReminderEmail | null): string {
  if (!email) return '';
  return `收件人：${email.to.join(', ')}；抄送：${email.cc.join(', ') || '无'}；主题：${email.subject}`;
}

function entry(now: Date, account: string, plan: Pick<DistrictPlan, 'district' | 'email'>, action: string, detail = ''): LogEntry {
  return {
    at: now,
    account,
    tab: plan.district,
    range: '',
    creditCode: '',
    name: '',
    field: LOG_FIELD,
    oldValue: detail,
    newValue: describeEmail(plan.email),
    action,
  };
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e)).slice(0, 500);

/** The preview's quota rule (fitQuota, strict priority) against the quota left now: once blocked, always blocked. */
const fitsQuota = (blocked: boolean, recipients: number): boolean => !blocked && fitQuota([recipients], remainingMailQuota()).fits[0] === true;

/** Claims the district for today under the lock: only the run that writes `sending` may send. */
function claim(today: Day, district: string, now: Date): SendLogEntry | null {
  return withDocumentLock(() => {
    const current = readSendLogEntry(today, district);
    if (sendDecision(current) !== 'send') return null;
    const claimed: SendLogEntry = { state: 'sending', at: now.toISOString(), attempts: current?.attempts ?? 0 };
    writeSendLogEntry(today, district, claimed);
    return claimed;
  }, JOB_LOCK_WAIT_MS);
}

/** Which send-log slot, 操作日志 field and wording a batch of emails uses (daily reminders, 立即催办). */
export interface Channel {
  readonly slotOf: (district: string) => string;
  readonly field: string;
  readonly sentAction: string;
  /** The skip when the slot was already sent today. */
  readonly alreadySent: string;
}

export const REMINDER_CHANNEL: Channel = { slotOf: (d) => d, field: LOG_FIELD, sentAction: ACTION.sent, alreadySent: ACTION.alreadySent };

export const URGE_FIELD = '催办邮件';
/** 立即催办's emails: their own send-log slot per district, so a 催办 never counts as the day's reminder (contract §11). */
export const URGE_CHANNEL: Channel = { slotOf: urgeSlot, field: URGE_FIELD, sentAction: ACTION.urgeSent, alreadySent: ACTION.urgeAlreadySent };

/**
 * A 催办 the quota held back waits in its slot (`queued`, or `failed` with tries left) and goes with the next run of the
 * day, after the districts' reminders and before the digest; one left at the day's end lapses (the next day's reminder
 * says the same). The urge plan is read only when one waits. Returns whether the quota is now exhausted.
 */
function sendQueuedUrges(ss: Spreadsheet, plan: ReminderPlan, now: Date, account: string, exhausted: boolean, pending: LogEntry[]): boolean {
  const waiting = plan.settings.districts
    .map((d) => d.district)
    .filter((d) => {
      const e = plan.sendLog.get(urgeSlot(d));
      return e !== undefined && e.state !== 'sent' && e.state !== 'sending' && sendDecision(e) === 'send';
    });
  if (waiting.length === 0 || exhausted) return exhausted;
  const urges = planReminders(ss, now, 'urge').districts.filter((d) => waiting.includes(d.district));
  return deliver(ss, urges, plan.today, now, account, URGE_CHANNEL, pending, { sent: [], queued: [], failed: [], skipped: [] });
}

/**
 * Sends the planned emails, most urgent first. Each send is recorded (send-log state and its 操作日志 line,
 * together under the lock) as soon as it happens, so a run that dies half-way leaves a true record of what went
 * out; skips go to `pending`, written by the caller. Returns whether the quota ran out (strict priority: whatever
 * comes after waits too).
 */
export function deliver(
  ss: Spreadsheet,
  districts: readonly DistrictPlan[],
  today: Day,
  now: Date,
  account: string,
  channel: Channel,
  pending: LogEntry[],
  result: JobResult,
): boolean {
  let quotaExhausted = false;
  const log = (d: Pick<DistrictPlan, 'district' | 'email'>, action: string, detail = ''): LogEntry => ({
    ...entry(now, account, d, action, detail),
    field: channel.field,
  });
  for (const d of districts) {
    if (d.outcome !== 'send' || !d.email) {
      const action = d.outcome === 'send' ? ACTION.nothing : d.outcome === 'alreadySent' ? channel.alreadySent : ACTION[d.outcome];
      pending.push(log(d, action, d.detail));
      result.skipped.push(d.district);
      continue;
    }
    const email = d.email;
    const slot = channel.slotOf(d.district);
    // Strict priority: once the most urgent remaining email does not fit, the less urgent ones wait with it.
    if (!fitsQuota(quotaExhausted, email.recipientCount)) {
      quotaExhausted = true;
      markQueued(ss, today, slot, d, log(d, ACTION.queued), now, result);
      continue;
    }
    let claimed: SendLogEntry | null;
    try {
      claimed = claim(today, slot, now);
    } catch (e) {
      markQueued(ss, today, slot, d, log(d, ACTION.lockBusy, message(e)), now, result);
      continue;
    }
    if (!claimed) {
      // Another run claimed it between the plan and now.
      pending.push(log(d, channel.alreadySent));
      result.skipped.push(d.district);
      continue;
    }
    try {
      sendMail(email);
    } catch (e) {
      const error = message(e);
      const failed: SendLogEntry = { state: 'failed', at: now.toISOString(), attempts: claimed.attempts + 1, error };
      recordOutcome(ss, today, slot, failed, log(d, ACTION.failed, error));
      result.failed.push(d.district);
      continue;
    }
    // The listed enterprises' codes go on the line, so each one's 企业档案 shows the reminder (contract §11).
    const sent = { ...log(d, channel.sentAction), creditCode: d.situation ? listedCodes(d.situation).join(' ') : '' };
    recordOutcome(ss, today, slot, { state: 'sent', at: now.toISOString(), attempts: claimed.attempts }, sent);
    // A failed acceptance is told once: the reminder that carried it went out.
    if (channel === REMINDER_CHANNEL && email.body.includes('验收未通过')) clearNotices(d.district);
    result.sent.push(d.district);
  }
  return quotaExhausted;
}

/**
 * One run: 汇总, the districts' reminders, then the office's digest with whatever quota they leave (contract §11).
 */
export function runDailyJob(ss: Spreadsheet, now: Date): JobResult {
  const account = effectiveUserEmail() || UNKNOWN_ACCOUNT;
  const pending: LogEntry[] = [];
  const result: JobResult = { sent: [], queued: [], failed: [], skipped: [] };
  try {
    refreshSummary(ss, now);
  } catch (e) {
    // Reminders are worth sending even when 汇总 could not be rebuilt.
    console.error(`dailyJob refreshSummary: ${message(e)}`);
    pending.push(entry(now, account, { district: '汇总', email: null }, ACTION.summaryFailed, message(e)));
  }
  const plan = planReminders(ss, now);
  const today = plan.today;
  let quotaExhausted = deliver(ss, plan.districts, today, now, account, REMINDER_CHANNEL, pending, result);
  try {
    quotaExhausted = sendQueuedUrges(ss, plan, now, account, quotaExhausted, pending);
  } catch (e) {
    console.error(`dailyJob urges: ${message(e)}`);
  }
  try {
    sendDigest(ss, plan, now, account, quotaExhausted, pending, result);
  } catch (e) {
    // The districts' mail is out; a digest that cannot be built is logged, never a reason to fail the run.
    console.error(`dailyJob digest: ${message(e)}`);
    pending.push(entry(now, account, { district: DIGEST_LOG_TAB, email: null }, ACTION.digestFailed, message(e)));
  }
  try {
    withDocumentLock(() => {
      pruneSendLog(today);
      appendLog(ss, pending);
      refreshLogIndex(ss);
    }, JOB_LOCK_WAIT_MS);
  } catch (e) {
    console.error(`dailyJob log: ${message(e)}`);
  }
  return result;
}

/** Records a send's outcome with its log line; if the lock cannot be had the entry stays `sending` (never twice). */
function recordOutcome(ss: Spreadsheet, today: Day, slot: string, state: SendLogEntry, log: LogEntry): void {
  try {
    withDocumentLock(() => {
      writeSendLogEntry(today, slot, state);
      appendLog(ss, [log]);
    }, JOB_LOCK_WAIT_MS);
  } catch (e) {
    console.error(`dailyJob ${slot} ${log.action}: ${message(e)}`);
  }
}

function markQueued(ss: Spreadsheet, today: Day, slot: string, d: Pick<DistrictPlan, 'district' | 'logEntry'>, log: LogEntry, now: Date, result: JobResult): void {
  result.queued.push(d.district);
  recordOutcome(ss, today, slot, { state: 'queued', at: now.toISOString(), attempts: d.logEntry?.attempts ?? 0 }, log);
}

/** The 操作日志 tab column for the digest's lines. */
export const DIGEST_LOG_TAB = '领导小组办公室';

/** The office's digest: after the districts, only with the quota they left, once a day, logged like a reminder. */
function sendDigest(
  ss: Spreadsheet,
  plan: ReminderPlan,
  now: Date,
  account: string,
  quotaExhausted: boolean,
  pending: LogEntry[],
  result: JobResult,
): void {
  const outcomes = new Map<string, string>();
  for (const x of result.sent) outcomes.set(x, '已发送');
  for (const x of result.queued) outcomes.set(x, '配额不足，排队');
  for (const x of result.failed) outcomes.set(x, '发送失败，将重试');
  const input = digestInput(ss, plan, outcomes);
  const email = composeDigest(input);
  const d = { district: DIGEST_LOG_TAB, email: { ...email, district: DIGEST_LOG_TAB } };
  const log = (action: string, detail = ''): LogEntry => ({ ...entry(now, account, d, action, detail), field: DIGEST_FIELD });
  if (!digestHasNews(input)) {
    pending.push(log(ACTION.digestNothing));
    return;
  }
  if (plan.settings.workdaysOnly && !plan.day.workday) {
    pending.push(log(ACTION.notWorkday, `今天（${plan.today}）是${plan.day.label}`));
    return;
  }
  if (email.to.length === 0) {
    pending.push(log(ACTION.digestNoRecipients));
    return;
  }
  const entryNow = plan.sendLog.get(DIGEST_SLOT) ?? null;
  const decision = sendDecision(entryNow);
  if (decision !== 'send') {
    pending.push(log(ACTION[decision]));
    return;
  }
  const waiting = { district: DIGEST_LOG_TAB, logEntry: entryNow };
  if (!fitsQuota(quotaExhausted, email.recipientCount)) {
    markQueued(ss, plan.today, DIGEST_SLOT, waiting, log(ACTION.queued), now, result);
    return;
  }
  const claimed = claim(plan.today, DIGEST_SLOT, now);
  if (!claimed) {
    pending.push(log(ACTION.alreadySent));
    return;
  }
  try {
    sendMail(d.email);
  } catch (e) {
    const error = message(e);
    recordOutcome(ss, plan.today, DIGEST_SLOT, { state: 'failed', at: now.toISOString(), attempts: claimed.attempts + 1, error }, log(ACTION.failed, error));
    result.failed.push(DIGEST_LOG_TAB);
    return;
  }
  recordOutcome(ss, plan.today, DIGEST_SLOT, { state: 'sent', at: now.toISOString(), attempts: claimed.attempts }, log(ACTION.digestSent));
  result.sent.push(DIGEST_LOG_TAB);
}

/** The daily trigger's handler: time-driven, so it never touches the Ui. */
export function dailyJob(_e?: unknown): void {
  fromTrigger('dailyJob', () => {
    runDailyJob(activeSpreadsheet(), new Date());
  });
}
