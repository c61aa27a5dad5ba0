// The reminder email of one district: recipients, Chinese subject, HTML body (every user value escaped) and plain text.
import { escapeHtml } from './text';
import { menuPath } from './menu';
import type { Day } from './calendar-day';
import { dayParts } from './calendar-day';
import { TITLE } from './contract';
import { quarterLabel, reportStateText } from './quarter';
import type { DistrictReminder, ReminderItem } from './reminders';
import { ESCALATION_OVERDUE_DAYS } from './reminders';
import { address } from './addressing';
import { TERM } from './vocabulary';
import { dayWithNote } from './workday';
import type { TabRepair } from './tab-repair';
import { repairText } from './tab-repair';

export const SUBJECT_PREFIX = '【整治台账提醒】';
/** 立即催办 (contract §11): the same email, sent by the office now, under its own subject. */
export const URGE_PREFIX = '【整治台账催办】';

export interface ReminderEmail {
  readonly district: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
  readonly htmlBody: string;
  readonly body: string;
  /** Addresses the send uses up of MailApp's daily recipient quota. */
  readonly recipientCount: number;
}

/** 配置's addresses for one district's mail: its 联系邮箱, the office in cc, and the 测试收件人 that overrides both. */
export interface DistrictAddresses {
  readonly districtEmails: readonly string[];
  readonly officeEmails: readonly string[];
  /** When set, every reminder goes to this one address only, without cc, and says so in its subject. */
  readonly testRecipient: string;
}

export interface EmailContext extends DistrictAddresses {
  readonly today: Day;
  /** 填报单位 of the district: the salutation (the 联系人 is not addressed: the letter goes to the unit). */
  readonly filler: string;
  /** The district tab's address: the spreadsheet URL + `#gid=` + the sheet id. */
  readonly tabUrl: string;
  /** A 催办 sent by the office through 立即催办, not the daily reminder. */
  readonly urge?: boolean;
  /** 验收未通过 since the district's last reminder (contract §10): told once, with the office's opinion. */
  readonly failedAcceptances?: readonly { name: string; date: string; opinion: string }[];
  /** Why the district's tab cannot be read (its header no longer matches): said first, the enterprises then unknown. */
  readonly tabRepair?: TabRepair;
}

export const REPAIR_MARK = '工作表需修复';

/**
 * A broken tab's opening, in place of the usual one (which would say the district has nothing overdue): the repair
 * first, then that its enterprises could not be read so the figures may be incomplete, then what can still be said.
 */
const repairOpening = (r: DistrictReminder, ctx: EmailContext, t: TabRepair): [string, string] => [
  `【${REPAIR_MARK}】截至${ctx.today}（北京时间），${r.district}工作表需要先修复：${repairText(t)}`,
  '修复前系统无法读取本辖区的企业，逾期、即将到期和久未更新的企业均未能列出，本邮件中的数字可能不完整。以下是仍可报告的情况：',
];

const FAILED_TITLE = '验收未通过（已退回整改中）';
const failedLines = (ctx: EmailContext): string[] =>
  (ctx.failedAcceptances ?? []).map((f) => `${f.name}：${f.date}联合验收未通过${f.opinion ? `，验收意见：${f.opinion}` : ''}。`);

/** `9月25日`, as a subject says a date. */
export function monthDay(day: Day): string {
  const { month, date } = dayParts(day);
  return `${month}月${date}日`;
}

/** Before (and on) the due date a missing report is 待报送; after it, 未报送. */
const reportPending = (r: DistrictReminder, today: Day): boolean => r.report.state.kind === 'missing' && today <= r.report.dueDate;

function subjectOf(r: DistrictReminder, mark: string, today: Day, urge: boolean, repair: boolean): string {
  const parts: string[] = repair ? [REPAIR_MARK] : [];
  if (r.overdue.length > 0) parts.push(`${r.overdue.length}家企业${TERM.overdue}`);
  if (r.dueSoon.length > 0) parts.push(`${r.dueSoon.length}家企业${TERM.dueSoon}`);
  if (r.report.remind) {
    parts.push(
      reportPending(r, today)
        ? `本季度进展待报送（截止${monthDay(r.report.dueDate)}）`
        : `本季度进展未报送（${monthDay(r.report.dueDate)}已截止）`,
    );
  }
  return `${mark}${urge ? URGE_PREFIX : SUBJECT_PREFIX}${r.district}：${parts.join('，')}`;
}

const daysText = (i: ReminderItem): string =>
  i.kind === 'overdue' ? `逾期${i.days}天` : i.kind === 'dueSoon' ? `剩余${i.days}天` : `${i.days}天未更新`;

/** The state for the email: `待报送` before the due date, else the 汇总 text. */
function stateText(r: DistrictReminder, today: Day): string {
  return reportPending(r, today) ? '待报送' : reportStateText(r.report.state);
}

function reportLines(r: DistrictReminder, today: Day): string[] {
  const label = quarterLabel(r.report.quarter);
  const due = dayWithNote(r.report.dueDate);
  const lines = [`${label}进展报送（截止日期${due}）：${stateText(r, today)}。`];
  if (r.report.remind) {
    lines.push(
      today <= r.report.dueDate
        ? `请于${r.report.dueDate}（含当日）前在本辖区工作表中通过菜单“${menuPath('menuSubmitReport')}”报送。`
        : `已过截止日期，请尽快在本辖区工作表中通过菜单“${menuPath('menuSubmitReport')}”报送，报送将记为逾期报送。`,
    );
  }
  return lines;
}

/** Only what is true and worth saying: no line for a zero. */
function escalationLines(r: DistrictReminder): string[] {
  const { missedQuarters, longOverdue } = r.escalation;
  const lines: string[] = [];
  if (missedQuarters === 1) lines.push('本辖区最近一个季度的进展未按时报送（未报送或逾期报送）。');
  if (missedQuarters > 1) lines.push(`本辖区已连续${missedQuarters}个季度未按时报送进展（未报送或逾期报送）。`);
  if (longOverdue > 0) lines.push(`有${longOverdue}家企业逾期超过${ESCALATION_OVERDUE_DAYS}天。`);
  return lines;
}

/** At most this many 久未更新 names in the email; the tab shows the rest. */
export const STALE_LISTED = 20;

function staleLine(r: DistrictReminder): string {
  if (r.stale.length === 0) return '';
  const shown = r.stale.slice(0, STALE_LISTED).map((i) => `${i.name}（${i.days}天）`).join('、');
  const more = r.stale.length > STALE_LISTED ? `等${r.stale.length}家` : `共${r.stale.length}家`;
  return `以下企业状态为未启动或整改中，但已较长时间未更新进展情况（${TERM.stale}），请核实并更新：${shown}，${more}。`;
}

function toFixLine(r: DistrictReminder): string {
  return r.toFix > 0 ? `本辖区工作表有${r.toFix}行${TERM.toFix}，请通过菜单“${menuPath('menuValidateSheet')}”查看并改正。` : '';
}

/** Contract §8: at most this many enterprises in one email, most urgent first; the rest are counted, with the link. */
export const MAX_LISTED = 50;
/** MailApp refuses a message with more recipients (to + cc + bcc) than this. */
export const MAX_RECIPIENTS_PER_MESSAGE = 50;

/** Most overdue first, then the nearest deadlines: the order the lists already have. */
function allItems(r: DistrictReminder): ReminderItem[] {
  return [...r.overdue, ...r.dueSoon];
}

function itemRows(r: DistrictReminder): ReminderItem[] {
  return allItems(r).slice(0, MAX_LISTED);
}

/** The credit codes of every enterprise the email names (its list and its 久未更新 names). */
export const listedCodes = (r: DistrictReminder): string[] => [...new Set([...itemRows(r), ...r.stale.slice(0, STALE_LISTED)].map((i) => i.creditCode))];

/** The line after a capped list, or null when every enterprise is listed. */
export function moreLine(r: DistrictReminder): string | null {
  const more = allItems(r).length - MAX_LISTED;
  return more > 0 ? `另有${more}家企业未列出（逾期或即将到期共${allItems(r).length}家），请打开${r.district}工作表查看全部。` : null;
}

const deadlineText = (i: ReminderItem): string => dayWithNote(i.deadline);

function htmlBody(r: DistrictReminder, ctx: EmailContext, testNote: string): string {
  const e = escapeHtml;
  const cell = 'border:1px solid #999;padding:4px 8px;';
  const rows = itemRows(r)
    .map(
      (i) =>
        `<tr><td style="${cell}">${e(i.name)}</td><td style="${cell}">${e(deadlineText(i))}</td>` +
        `<td style="${cell}${i.kind === 'overdue' ? 'color:#c00;font-weight:bold;' : ''}">${e(daysText(i))}</td>` +
        `<td style="${cell}">${e(i.status)}</td></tr>`,
    )
    .join('');
  const table =
    rows === ''
      ? ''
      : `<table style="border-collapse:collapse;">` +
        `<thead><tr><th style="${cell}">企业名称</th><th style="${cell}">整改完成时限</th><th style="${cell}">逾期/剩余天数</th><th style="${cell}">整改状态</th></tr></thead>` +
        `<tbody>${rows}</tbody></table>` +
        (moreLine(r) === null ? '' : `<p>${e(moreLine(r) ?? '')} <a href="${e(ctx.tabUrl)}" target="_blank">打开${e(r.district)}工作表</a></p>`);
  const paragraphs = (lines: string[]): string => lines.filter((l) => l !== '').map((l) => `<p>${e(l)}</p>`).join('');
  const escalation = escalationLines(r);
  const repair = ctx.tabRepair ? repairOpening(r, ctx, ctx.tabRepair) : null;
  const opening = repair ? `<p style="color:#c00;"><b>${e(repair[0])}</b></p><p>${e(repair[1])}</p>` : `<p>${e(intro(r, ctx))}</p>`;
  return (
    `<div style="font-family:sans-serif;font-size:14px;">` +
    (testNote ? `<p style="color:#c00;">${e(testNote)}</p>` : '') +
    `<p>${e(greeting(r, ctx))}：</p>` +
    (ctx.urge ? `<p><b>${e(URGE_LEAD)}</b></p>` : '') +
    opening +
    table +
    paragraphs([staleLine(r), toFixLine(r)]) +
    (failedLines(ctx).length > 0 ? `<h3>${FAILED_TITLE}</h3>${paragraphs(failedLines(ctx))}` : '') +
    `<h3>季度进展报送</h3>${paragraphs(reportLines(r, ctx.today))}` +
    (escalation.length > 0 ? `<h3>督办情况</h3>${paragraphs(escalation)}` : '') +
    `<p><a href="${e(ctx.tabUrl)}" target="_blank">打开${e(r.district)}工作表</a></p>` +
    `<p style="color:#666;">${e(ctx.urge ? URGE_FOOTER : FOOTER)}</p>` +
    `</div>`
  );
}

const FOOTER = '本邮件由整治台账自动发送，每个辖区每天最多一封，抄送领导小组办公室。';
const URGE_LEAD = '领导小组办公室催办：请抓紧办理以下事项，并及时在台账中更新进展。';
const URGE_FOOTER = '本邮件是领导小组办公室通过整治台账发出的催办（每个辖区每天最多一次），不代替每日提醒。';

/** The salutation names the 填报单位 only (the district's name when 配置 has none). */
const greeting = (r: DistrictReminder, ctx: EmailContext): string => ctx.filler || r.district;

/** Only the counts that are not zero: `逾期2家，即将到期1家`; a report-only email says so. */
function intro(r: DistrictReminder, ctx: EmailContext): string {
  const counts: string[] = [];
  if (r.overdue.length > 0) counts.push(`${TERM.overdue}${r.overdue.length}家`);
  if (r.dueSoon.length > 0) counts.push(`${TERM.dueSoon}${r.dueSoon.length}家`);
  const head = `截至${ctx.today}（北京时间），${r.district}在《${TITLE}》中`;
  if (counts.length > 0) return `${head}有以下企业需要关注：${counts.join('，')}。`;
  return `${head}没有逾期或即将到期的企业，请关注本季度进展报送。`;
}

function textBody(r: DistrictReminder, ctx: EmailContext, testNote: string): string {
  const lines: string[] = [];
  if (testNote) lines.push(testNote, '');
  lines.push(`${greeting(r, ctx)}：`, '');
  if (ctx.urge) lines.push(URGE_LEAD, '');
  if (ctx.tabRepair) lines.push(...repairOpening(r, ctx, ctx.tabRepair), '');
  else lines.push(intro(r, ctx), '');
  for (const i of itemRows(r)) lines.push(`- ${i.name}｜整改完成时限 ${deadlineText(i)}｜${daysText(i)}｜${i.status}`);
  const more = moreLine(r);
  if (more !== null) lines.push(`${more}${ctx.tabUrl}`);
  for (const l of [staleLine(r), toFixLine(r)]) if (l) lines.push('', l);
  if (failedLines(ctx).length > 0) lines.push('', `【${FAILED_TITLE}】`, ...failedLines(ctx));
  lines.push('', '【季度进展报送】', ...reportLines(r, ctx.today), '');
  const escalation = escalationLines(r);
  if (escalation.length > 0) lines.push('【督办情况】', ...escalation, '');
  lines.push(`打开${r.district}工作表：${ctx.tabUrl}`, '', ctx.urge ? URGE_FOOTER : FOOTER);
  return lines.join('\n');
}

export function composeReminderEmail(r: DistrictReminder, ctx: EmailContext): ReminderEmail {
  const { to, cc, recipientCount, testNote, subjectMark } = address(
    { to: ctx.districtEmails, cc: ctx.officeEmails, missing: '（联系邮箱未填写）' },
    ctx.testRecipient,
  );
  return {
    district: r.district,
    to,
    cc,
    subject: subjectOf(r, subjectMark, ctx.today, ctx.urge === true, ctx.tabRepair !== undefined),
    htmlBody: htmlBody(r, ctx, testNote),
    body: textBody(r, ctx, testNote),
    recipientCount,
  };
}
