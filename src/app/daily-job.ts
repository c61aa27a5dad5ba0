// The daily time-driven job: refresh 汇总, then send each district at most one reminder a day, quota-aware, most urgent first.
import { appendLog } from '../sheet/log';
import type { Appended } from '../sheet/log';
import type { LogEntry } from '../sheet/log';
import { withDocumentLock } from '../sheet/lock';
import { pruneSendLog, readSendLogEntry, writeSendLogEntries } from '../sheet/send-log-store';
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
import { DIGEST_FIELD, DIGEST_LOG_TAB, MAIL_ACTION, REMINDER_FIELD, URGE_FIELD } from '../domain/mail-log';
import { fromTrigger } from './error-boundary';
import { clearNotices } from '../sheet/office-store';
import { digestInput } from './digest';
import type { DistrictPlan, ReminderPlan } from './reminder-plan';
import { planReminders } from './reminder-plan';
import { refreshSummary } from './summary';
import { refreshLogIndex } from './dossier';
import type { Workbook } from '../sheet/workbook';
import { readWorkbook } from '../sheet/workbook';
import { PENDING_KEY } from '../sheet/pending-edits';
import { settlePendingEdits } from './direct-edit';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Unattended runs may wait longer for the lock than a clerk would. */
const JOB_LOCK_WAIT_MS = 30000;

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
    field: REMINDER_FIELD,
    oldValue: detail,
    newValue: describeEmail(plan.email),
    action,
  };
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e)).slice(0, 500);

/**
 * What a run has decided but not yet written: the send-log states since its last lock session (written first thing
 * in the next one: the next claim, or the run's last session) and every 操作日志 line (one append, in the last).
 * A run that dies before writing them leaves its slots at `sending`: never sent twice, which is the one rule that
 * must hold; the mail quota is read once and counted down by what the run sends.
 */
export interface Outbox {
  readonly states: Map<string, SendLogEntry>;
  readonly lines: LogEntry[];
  quota: number | null;
}

export const newOutbox = (): Outbox => ({ states: new Map(), lines: [], quota: null });

/** The preview's quota rule (fitQuota, strict priority) against the quota left: once blocked, always blocked. */
function fitsQuota(outbox: Outbox, blocked: boolean, recipients: number): boolean {
  if (blocked) return false;
  outbox.quota ??= remainingMailQuota();
  return fitQuota([recipients], outbox.quota).fits[0] === true;
}

/**
 * Claims the slot for today under the lock (the states waiting in the outbox written in the same call): only the
 * run that writes `sending` may send. Properties only, so the session needs no flush.
 */
function claim(today: Day, slot: string, now: Date, outbox: Outbox): SendLogEntry | null {
  return withDocumentLock(() => {
    const current = readSendLogEntry(today, slot);
    const claimed: SendLogEntry | null =
      sendDecision(current) === 'send' ? { state: 'sending', at: now.toISOString(), attempts: current?.attempts ?? 0 } : null;
    const writes = new Map(outbox.states);
    if (claimed) writes.set(slot, claimed);
    writeSendLogEntries(today, writes);
    outbox.states.clear();
    return claimed;
  }, JOB_LOCK_WAIT_MS, false);
}

/** The run's last lock session: the waiting states, old send-log entries pruned, and 操作日志 in one append. */
export function closeOutbox(ss: Spreadsheet, today: Day, outbox: Outbox, propertyKeys?: readonly string[], andThen?: (appended: Appended | null) => void): void {
  if (outbox.states.size === 0 && outbox.lines.length === 0 && !propertyKeys) return;
  withDocumentLock(() => {
    writeSendLogEntries(today, outbox.states);
    outbox.states.clear();
    if (propertyKeys) pruneSendLog(today, propertyKeys);
    const appended = appendLog(ss, outbox.lines);
    andThen?.(appended);
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

export const REMINDER_CHANNEL: Channel = { slotOf: (d) => d, field: REMINDER_FIELD, sentAction: MAIL_ACTION.sent, alreadySent: MAIL_ACTION.alreadySent };

/** 立即催办's emails: their own send-log slot per district, so a 催办 never counts as the day's reminder (contract §11). */
export const URGE_CHANNEL: Channel = { slotOf: urgeSlot, field: URGE_FIELD, sentAction: MAIL_ACTION.urgeSent, alreadySent: MAIL_ACTION.urgeAlreadySent };

/**
 * A 催办 the quota held back waits in its slot (`queued`, or `failed` with tries left) and goes with the next run of the
 * day, after the districts' reminders and before the digest; one left at the day's end lapses (the next day's reminder
 * says the same). Planned from the run's one read, only when one waits. Returns whether the quota is now exhausted.
 */
function sendQueuedUrges(ss: Spreadsheet, wb: Workbook, plan: ReminderPlan, now: Date, account: string, exhausted: boolean, outbox: Outbox): boolean {
  const waiting = plan.settings.districts
    .map((d) => d.district)
    .filter((d) => {
      const e = plan.sendLog.get(urgeSlot(d));
      return e !== undefined && e.state !== 'sent' && e.state !== 'sending' && sendDecision(e) === 'send';
    });
  if (waiting.length === 0 || exhausted) return exhausted;
  const urges = planReminders(ss, now, 'urge', wb, plan.url).districts.filter((d) => waiting.includes(d.district));
  return deliver(urges, plan.today, now, account, URGE_CHANNEL, outbox, { sent: [], queued: [], failed: [], skipped: [] });
}

/**
 * Sends the planned emails, most urgent first. Each send is claimed under the lock right before it (`sending`), and
 * its outcome goes into the outbox: written by the next claim or by the caller's closeOutbox, with every 操作日志
 * line. Returns whether the quota ran out (strict priority: whatever comes after waits too).
 */
export function deliver(
  districts: readonly DistrictPlan[],
  today: Day,
  now: Date,
  account: string,
  channel: Channel,
  outbox: Outbox,
  result: JobResult,
): boolean {
  let quotaExhausted = false;
  const log = (d: Pick<DistrictPlan, 'district' | 'email'>, action: string, detail = ''): LogEntry => ({
    ...entry(now, account, d, action, detail),
    field: channel.field,
  });
  for (const d of districts) {
    if (d.outcome !== 'send' || !d.email) {
      const action = d.outcome === 'send' ? MAIL_ACTION.nothing : d.outcome === 'alreadySent' ? channel.alreadySent : MAIL_ACTION[d.outcome];
      outbox.lines.push(log(d, action, d.detail));
      result.skipped.push(d.district);
      continue;
    }
    const email = d.email;
    const slot = channel.slotOf(d.district);
    // Strict priority: once the most urgent remaining email does not fit, the less urgent ones wait with it.
    if (!fitsQuota(outbox, quotaExhausted, email.recipientCount)) {
      quotaExhausted = true;
      markQueued(outbox, slot, d, log(d, MAIL_ACTION.queued), now, result);
      continue;
    }
    let claimed: SendLogEntry | null;
    try {
      claimed = claim(today, slot, now, outbox);
    } catch (e) {
      markQueued(outbox, slot, d, log(d, MAIL_ACTION.lockBusy, message(e)), now, result);
      continue;
    }
    if (!claimed) {
      // Another run claimed it between the plan and now.
      outbox.lines.push(log(d, channel.alreadySent));
      result.skipped.push(d.district);
      continue;
    }
    if (!send(outbox, slot, email, claimed, now, (error) => log(d, MAIL_ACTION.failed, error))) {
      result.failed.push(d.district);
      continue;
    }
    // The listed enterprises' codes go on the line, so each one's 企业档案 shows the reminder (contract §11).
    outbox.lines.push({ ...log(d, channel.sentAction), creditCode: d.situation ? listedCodes(d.situation).join(' ') : '' });
    // A failed acceptance is told once: the reminder that carried it went out.
    if (channel === REMINDER_CHANNEL && email.body.includes('验收未通过')) clearNotices(d.district);
    result.sent.push(d.district);
  }
  return quotaExhausted;
}

/** Sends a claimed email; its outcome (`sent`, or `failed` with its log line) goes into the outbox. */
function send(outbox: Outbox, slot: string, email: ReminderEmail, claimed: SendLogEntry, now: Date, failedLine: (error: string) => LogEntry): boolean {
  try {
    sendMail(email);
  } catch (e) {
    const error = message(e);
    outbox.states.set(slot, { state: 'failed', at: now.toISOString(), attempts: claimed.attempts + 1, error });
    outbox.lines.push(failedLine(error));
    return false;
  }
  if (outbox.quota !== null) outbox.quota -= email.recipientCount;
  outbox.states.set(slot, { state: 'sent', at: now.toISOString(), attempts: claimed.attempts });
  return true;
}

/** Pending direct edits settled under the document lock: true when any were (the workbook is then read again); a failure is logged. */
function settleWithLock(ss: Spreadsheet, wb: Workbook, now: Date): boolean {
  try {
    return withDocumentLock(() => settlePendingEdits(ss, wb.config.settings, now), JOB_LOCK_WAIT_MS);
  } catch (e) {
    console.error(`dailyJob pendingEdits: ${message(e)}`);
    return false;
  }
}

/**
 * One run: 汇总, the districts' reminders, then the office's digest with whatever quota they leave (contract §11),
 * all from one read of the workbook.
 */
export function runDailyJob(ss: Spreadsheet, now: Date): JobResult {
  const account = effectiveUserEmail() || UNKNOWN_ACCOUNT;
  const outbox = newOutbox();
  const result: JobResult = { sent: [], queued: [], failed: [], skipped: [] };
  let wb = readWorkbook(ss);
  // Direct edits the busy lock kept from being recorded are settled here too, not only by the next edit; then read again.
  if (wb.props[PENDING_KEY] && settleWithLock(ss, wb, now)) wb = readWorkbook(ss);
  try {
    refreshSummary(ss, now, wb);
  } catch (e) {
    // Reminders are worth sending even when 汇总 could not be rebuilt.
    console.error(`dailyJob refreshSummary: ${message(e)}`);
    outbox.lines.push(entry(now, account, { district: '汇总', email: null }, MAIL_ACTION.summaryFailed, message(e)));
  }
  const plan = planReminders(ss, now, 'reminder', wb);
  const today = plan.today;
  let quotaExhausted = deliver(plan.districts, today, now, account, REMINDER_CHANNEL, outbox, result);
  try {
    quotaExhausted = sendQueuedUrges(ss, wb, plan, now, account, quotaExhausted, outbox);
  } catch (e) {
    console.error(`dailyJob urges: ${message(e)}`);
  }
  try {
    sendDigest(ss, wb, plan, now, account, quotaExhausted, outbox, result);
  } catch (e) {
    // The districts' mail is out; a digest that cannot be built is logged, never a reason to fail the run.
    console.error(`dailyJob digest: ${message(e)}`);
    outbox.lines.push(entry(now, account, { district: DIGEST_LOG_TAB, email: null }, MAIL_ACTION.digestFailed, message(e)));
  }
  try {
    // 档案索引 covers the lines just appended, in the same session (see refreshLogIndex).
    closeOutbox(ss, today, outbox, Object.keys(wb.props), (appended) => refreshLogIndex(ss, appended));
  } catch (e) {
    console.error(`dailyJob log: ${message(e)}`);
  }
  return result;
}

function markQueued(outbox: Outbox, slot: string, d: Pick<DistrictPlan, 'district' | 'logEntry'>, log: LogEntry, now: Date, result: JobResult): void {
  result.queued.push(d.district);
  outbox.states.set(slot, { state: 'queued', at: now.toISOString(), attempts: d.logEntry?.attempts ?? 0 });
  outbox.lines.push(log);
}

/** The office's digest: after the districts, only with the quota they left, once a day, logged like a reminder. */
function sendDigest(
  ss: Spreadsheet,
  wb: Workbook,
  plan: ReminderPlan,
  now: Date,
  account: string,
  quotaExhausted: boolean,
  outbox: Outbox,
  result: JobResult,
): void {
  const outcomes = new Map<string, string>();
  for (const x of result.sent) outcomes.set(x, '已发送');
  for (const x of result.queued) outcomes.set(x, '配额不足，排队');
  for (const x of result.failed) outcomes.set(x, '发送失败，将重试');
  const input = digestInput(ss, plan, wb, outcomes);
  const email = composeDigest(input);
  const d = { district: DIGEST_LOG_TAB, email: { ...email, district: DIGEST_LOG_TAB } };
  const log = (action: string, detail = ''): LogEntry => ({ ...entry(now, account, d, action, detail), field: DIGEST_FIELD });
  const skip = (action: string, detail = ''): void => void outbox.lines.push(log(action, detail));
  if (!digestHasNews(input)) return skip(MAIL_ACTION.digestNothing);
  if (plan.settings.workdaysOnly && !plan.day.workday) return skip(MAIL_ACTION.notWorkday, `今天（${plan.today}）是${plan.day.label}`);
  if (email.to.length === 0) return skip(MAIL_ACTION.digestNoRecipients);
  const entryNow = plan.sendLog.get(DIGEST_SLOT) ?? null;
  const decision = sendDecision(entryNow);
  if (decision !== 'send') return skip(MAIL_ACTION[decision]);
  const waiting = { district: DIGEST_LOG_TAB, logEntry: entryNow };
  if (!fitsQuota(outbox, quotaExhausted, email.recipientCount)) {
    markQueued(outbox, DIGEST_SLOT, waiting, log(MAIL_ACTION.queued), now, result);
    return;
  }
  const claimed = claim(plan.today, DIGEST_SLOT, now, outbox);
  if (!claimed) return skip(MAIL_ACTION.alreadySent);
  if (!send(outbox, DIGEST_SLOT, d.email, claimed, now, (error) => log(MAIL_ACTION.failed, error))) {
    result.failed.push(DIGEST_LOG_TAB);
    return;
  }
  outbox.lines.push(log(MAIL_ACTION.digestSent));
  result.sent.push(DIGEST_LOG_TAB);
}

/** The daily trigger's handler: time-driven, so it never touches the Ui. */
export function dailyJob(_e?: unknown): void {
  fromTrigger('dailyJob', () => {
    runDailyJob(activeSpreadsheet(), new Date());
  });
}
