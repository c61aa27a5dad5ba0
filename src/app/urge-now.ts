// 立即催办 (contract §11): the office's dialog (pick districts, see the emails) and sendUrgeNow, which sends them now.
import { captionOf } from '../domain/menu';
import { CONFIG_LABEL, UNKNOWN_ACCOUNT } from '../domain/contract';
import { AppError } from '../domain/errors';
import { jsonBlock } from '../domain/page-data';
import { isOffice } from '../domain/permissions';
import { sendModeText } from '../domain/settings';
import type { Settings } from '../domain/settings';
import type { UrgeDialogContext } from '../domain/urge';
import { URGE_CONTEXT_ID, checkUrgePayload } from '../domain/urge';
import { remainingMailQuota } from '../sheet/mail';
import { activeUserEmail } from '../sheet/session';
import { ownerEmail, readSettings } from '../sheet/ledger';
import { activeSpreadsheet, screen } from '../sheet/ui';
import type { JobResult } from './daily-job';
import { MAIL_ACTION } from '../domain/mail-log';
import { URGE_CHANNEL, closeOutbox, deliver, newOutbox } from './daily-job';
import { readWorkbook } from '../sheet/workbook';
import type { FormFailure } from './error-boundary';
import { fromMenu, fromSidebar } from './error-boundary';
import type { DistrictPlan } from './reminder-plan';
import { planReminders } from './reminder-plan';
import { previewRows } from './reminder-preview-dialog';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const URGE_TITLE = captionOf('menuUrgeNow');
const URGE_DIALOG_FILE = 'UrgeDialog';

/** Why a district got no 催办: the 操作日志 action without its 跳过： (the same words in the answer as in the log). */
const reason = (key: keyof typeof MAIL_ACTION): string => MAIL_ACTION[key].replace(/^跳过：/, '');

/** The office only (contract §6): a clerk is refused and nothing changes. */
export function requireOffice(ss: Spreadsheet, settings: Settings, what: string): void {
  const user = activeUserEmail();
  if (isOffice(settings, user, ownerEmail(ss))) return;
  throw new AppError(
    'NOT_PERMITTED',
    user
      ? `账号 ${user} 不是领导小组办公室账号（表格所有者或“配置”中的“${CONFIG_LABEL.admins}”），不能${what}。`
      : `无法确认您的账号，不能${what}。请由表格所有者或领导小组办公室账号操作。`,
  );
}

export function menuUrgeNow(): void {
  fromMenu(() => {
    const ss = activeSpreadsheet();
    requireOffice(ss, readSettings(ss).settings, URGE_TITLE);
    const plan = planReminders(ss, new Date(), 'urge');
    const quota = remainingMailQuota();
    const rows = previewRows(plan, quota);
    const context: UrgeDialogContext = {
      lines: [
        `日期：${plan.today}（北京时间）；今日剩余邮件配额：${quota}个收件人。`,
        sendModeText(plan.settings),
        '催办不代替每日提醒；每个辖区每天最多催办一次。默认勾选有事项需要催办的辖区。',
      ],
      districts: plan.districts.map((d, i) => ({
        district: d.district,
        ready: d.outcome === 'send',
        status: d.outcome === 'send' ? rows[i]!.status.replace('今日运行将发送', '将发送催办') : `不发送：${skipText(d)}`,
        mail: d.email ? { to: rows[i]!.to, cc: rows[i]!.cc, subject: d.email.subject, body: d.email.body } : null,
      })),
    };
    screen().dialogFromFile(URGE_DIALOG_FILE, URGE_TITLE, jsonBlock(URGE_CONTEXT_ID, context), 820, 640);
  });
}

/** A plan that is not sent, in words: its detail where it has one (what is missing, why unreadable), else its action. */
function skipText(d: DistrictPlan): string {
  if (d.outcome === 'send' || d.outcome === 'alreadySent') return reason('urgeAlreadySent');
  return d.outcome === 'stopped' || !d.detail ? reason(d.outcome) : d.detail;
}

export type UrgeResult = { ok: true; sent: string[]; skipped: { district: string; reason: string }[] } | FormFailure;

/**
 * `{ districts }` → the 催办 of each named district (empty: every district with something to say, per §8), through the
 * daily job's send loop on each district's 催办 slot: recipients, send mode, quota queue and 操作日志 as for reminders.
 */
export function sendUrgeNow(input: unknown): UrgeResult {
  return fromSidebar((): UrgeResult => {
    const ss = activeSpreadsheet();
    const read = readSettings(ss);
    const { settings } = read;
    requireOffice(ss, settings, URGE_TITLE);
    const checked = checkUrgePayload(input, settings.districts.map((d) => d.district));
    if (!checked.ok) return checked;
    const now = new Date();
    const plan = planReminders(ss, now, 'urge', readWorkbook(ss, read));
    const chosen: DistrictPlan[] =
      checked.districts.length === 0
        ? plan.districts.filter((d) => d.outcome !== 'nothing')
        : checked.districts.map((name) => plan.districts.find((d) => d.district === name)!);
    const account = activeUserEmail() || UNKNOWN_ACCOUNT;
    const outbox = newOutbox();
    const result: JobResult = { sent: [], queued: [], failed: [], skipped: [] };
    deliver(chosen, plan.today, now, account, URGE_CHANNEL, outbox, result);
    closeOutbox(ss, plan.today, outbox);
    const reasonOf = (d: DistrictPlan): string =>
      result.queued.includes(d.district) ? reason('queued') : result.failed.includes(d.district) ? reason('failed') : skipText(d);
    return {
      ok: true,
      sent: result.sent,
      skipped: chosen.filter((d) => !result.sent.includes(d.district)).map((d) => ({ district: d.district, reason: reasonOf(d) })),
    };
  });
}
