// The reminder email of one district: recipients, Chinese subject, HTML body (every user value escaped) and plain text.
import type { Day } from './calendar-day';
import { MENU_TITLE, TITLE } from './contract';
import { quarterLabel, reportStateText } from './quarter';
import type { DistrictReminder, ReminderItem } from './reminders';
import { ESCALATION_OVERDUE_DAYS } from './reminders';

export const SUBJECT_PREFIX = '【整治台账提醒】';
export const TEST_MARK = '[测试]';
export const REPORT_MENU_ITEM = '报送本季度进展';

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

export interface EmailContext {
  readonly today: Day;
  /** 填报单位 and 联系人 of the district, for the greeting. */
  readonly filler: string;
  readonly contact: string;
  readonly districtEmails: readonly string[];
  readonly officeEmails: readonly string[];
  /** When set, every reminder goes to this one address only, without cc, and says so in its subject. */
  readonly testRecipient: string;
  /** The district tab's address: the spreadsheet URL + `#gid=` + the sheet id. */
  readonly tabUrl: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export function recipients(ctx: Pick<EmailContext, 'districtEmails' | 'officeEmails' | 'testRecipient'>): { to: string[]; cc: string[] } {
  if (ctx.testRecipient) return { to: [ctx.testRecipient], cc: [] };
  return { to: [...ctx.districtEmails], cc: [...ctx.officeEmails] };
}

export function subjectOf(r: DistrictReminder, test: boolean): string {
  const parts: string[] = [];
  if (r.overdue.length > 0) parts.push(`${r.overdue.length}家企业逾期`);
  if (r.dueSoon.length > 0) parts.push(`${r.dueSoon.length}家企业即将到期`);
  if (r.report.remind) parts.push('本季度进展未报送');
  return `${test ? TEST_MARK : ''}${SUBJECT_PREFIX}${r.district}：${parts.join('，')}`;
}

const daysText = (i: ReminderItem): string => (i.kind === 'overdue' ? `逾期${i.days}天` : `剩余${i.days}天`);

function reportLines(r: DistrictReminder, today: Day): string[] {
  const label = quarterLabel(r.report.quarter);
  const lines = [`${label}进展报送（截止日期${r.report.dueDate}）：${reportStateText(r.report.state)}。`];
  if (r.report.remind) {
    lines.push(
      today <= r.report.dueDate
        ? `请于${r.report.dueDate}（含当日）前在本辖区工作表中通过菜单“${MENU_TITLE} → ${REPORT_MENU_ITEM}”报送。`
        : `已过截止日期，请尽快在本辖区工作表中通过菜单“${MENU_TITLE} → ${REPORT_MENU_ITEM}”报送，报送将记为逾期报送。`,
    );
  }
  return lines;
}

function escalationLines(r: DistrictReminder): string[] {
  const { missedQuarters, longOverdue } = r.escalation;
  return [
    missedQuarters > 0 ? `季度进展已连续${missedQuarters}个季度未按时报送（未报送或逾期报送）。` : '季度进展无连续未按时报送。',
    longOverdue > 0 ? `逾期超过${ESCALATION_OVERDUE_DAYS}天的企业：${longOverdue}家。` : `无逾期超过${ESCALATION_OVERDUE_DAYS}天的企业。`,
  ];
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

/** The line after a capped list, or null when every enterprise is listed. */
export function moreLine(r: DistrictReminder): string | null {
  const more = allItems(r).length - MAX_LISTED;
  return more > 0 ? `另有${more}家企业未列出（逾期或即将到期共${allItems(r).length}家），请打开${r.district}工作表查看全部。` : null;
}

function htmlBody(r: DistrictReminder, ctx: EmailContext): string {
  const e = escapeHtml;
  const cell = 'border:1px solid #999;padding:4px 8px;';
  const rows = itemRows(r)
    .map(
      (i) =>
        `<tr><td style="${cell}">${e(i.name)}</td><td style="${cell}">${e(i.deadline)}</td>` +
        `<td style="${cell}${i.kind === 'overdue' ? 'color:#c00;font-weight:bold;' : ''}">${e(daysText(i))}</td>` +
        `<td style="${cell}">${e(i.status)}</td></tr>`,
    )
    .join('');
  const table =
    rows === ''
      ? '<p>本辖区目前没有逾期或即将到期的企业。</p>'
      : `<table style="border-collapse:collapse;">` +
        `<thead><tr><th style="${cell}">企业名称</th><th style="${cell}">整改完成时限</th><th style="${cell}">逾期/剩余天数</th><th style="${cell}">整改状态</th></tr></thead>` +
        `<tbody>${rows}</tbody></table>` +
        (moreLine(r) === null ? '' : `<p>${e(moreLine(r) ?? '')} <a href="${e(ctx.tabUrl)}">打开${e(r.district)}工作表</a></p>`);
  const greeting = ctx.contact ? `${ctx.filler || r.district}（${ctx.contact}）` : ctx.filler || r.district;
  const paragraphs = (lines: string[]): string => lines.map((l) => `<p>${e(l)}</p>`).join('');
  return (
    `<div style="font-family:sans-serif;font-size:14px;">` +
    (ctx.testRecipient ? `<p style="color:#c00;">${e(testNote(ctx))}</p>` : '') +
    `<p>${e(greeting)}：</p>` +
    `<p>${e(intro(r, ctx))}</p>` +
    table +
    `<h3>季度进展报送</h3>${paragraphs(reportLines(r, ctx.today))}` +
    `<h3>督办情况</h3>${paragraphs(escalationLines(r))}` +
    `<p><a href="${e(ctx.tabUrl)}">打开${e(r.district)}工作表</a></p>` +
    `<p style="color:#666;">${e(FOOTER)}</p>` +
    `</div>`
  );
}

const FOOTER = '本邮件由整治台账自动发送，每个辖区每天最多一封，抄送领导小组办公室。';

const intro = (r: DistrictReminder, ctx: EmailContext): string =>
  `截至${ctx.today}（北京时间），${r.district}在《${TITLE}》中有以下事项需要关注：` +
  `逾期${r.overdue.length}家，即将到期${r.dueSoon.length}家。`;

const testNote = (ctx: EmailContext): string =>
  `测试邮件：本应发送给 ${ctx.districtEmails.join(', ') || '（联系邮箱未填写）'}，抄送 ${ctx.officeEmails.join(', ') || '（无）'}。`;

function textBody(r: DistrictReminder, ctx: EmailContext): string {
  const greeting = ctx.contact ? `${ctx.filler || r.district}（${ctx.contact}）` : ctx.filler || r.district;
  const lines: string[] = [];
  if (ctx.testRecipient) lines.push(testNote(ctx), '');
  lines.push(`${greeting}：`, '', intro(r, ctx), '');
  const list = itemRows(r);
  if (list.length === 0) lines.push('本辖区目前没有逾期或即将到期的企业。');
  else for (const i of list) lines.push(`- ${i.name}｜整改完成时限 ${i.deadline}｜${daysText(i)}｜${i.status}`);
  const more = moreLine(r);
  if (more !== null) lines.push(`${more}${ctx.tabUrl}`);
  lines.push('', '【季度进展报送】', ...reportLines(r, ctx.today), '', '【督办情况】', ...escalationLines(r), '');
  lines.push(`打开${r.district}工作表：${ctx.tabUrl}`, '', FOOTER);
  return lines.join('\n');
}

export function composeReminderEmail(r: DistrictReminder, ctx: EmailContext): ReminderEmail {
  const { to, cc } = recipients(ctx);
  return {
    district: r.district,
    to,
    cc,
    subject: subjectOf(r, ctx.testRecipient !== ''),
    htmlBody: htmlBody(r, ctx),
    body: textBody(r, ctx),
    // Every address counts, a repeated one too: whether Google counts it once is unknown, so the stricter reading.
    recipientCount: to.length + cc.length,
  };
}
