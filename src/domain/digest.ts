// The office's daily digest (contract §11): what is waiting for the office, one line per district, as one email.
import { menuPath } from './menu';
import type { Day } from './calendar-day';
import { TITLE } from './contract';
import type { ReportState } from './quarter';
import { quarterLabel } from './quarter';
import type { Quarter } from './quarter';
import { address } from './addressing';
import { monthDay } from './reminder-email';
import type { ReminderEmail } from './reminder-email';
import { escapeHtml } from './text';
import type { SendMode } from './settings';
import { sendModeText } from './settings';
import { TERM } from './vocabulary';
import { dayWithNote } from './workday';

export const DIGEST_PREFIX = '【整治台账日报】';
/** Lists in the digest stop here; the tabs hold the rest (the email stays small at any ledger size). */
export const DIGEST_LIST_CAP = 30;

export interface DigestRequest {
  readonly district: string;
  readonly name: string;
  readonly originalDeadline: string;
  readonly requestedDeadline: string;
  readonly requestedBy: string;
  readonly submittedAt: string;
}

export interface DigestWaiting {
  readonly district: string;
  readonly name: string;
  /** The day it reached 已完成（待验收）, '' when unknown. */
  readonly since: string;
}

export interface DigestDistrict {
  readonly district: string;
  /** null when the tab could not be read (it is then listed under tabs needing repair). */
  readonly counts: { overdue: number; dueSoon: number; stale: number; toFix: number; longOverdue: number } | null;
  readonly report: ReportState;
  /** What happened to the district's reminder today (`已发送`, `排队`, `无需提醒`…), for the office's overview. */
  readonly reminder: string;
}

export interface DigestInput {
  readonly today: Day;
  readonly quarter: Quarter;
  readonly dueDate: Day;
  /** Inside the reminder window (due date − 3 days … quarter end), a missing report is worth telling. */
  readonly reportWindow: boolean;
  readonly districts: readonly DigestDistrict[];
  readonly openRequests: readonly DigestRequest[];
  readonly awaitingAcceptance: readonly DigestWaiting[];
  /** 配置 problems (each names its cell). */
  readonly settingsProblems: readonly string[];
  /** Tabs that cannot be read or need 初始化/修复表格, each with why. */
  readonly tabsToRepair: readonly { tab: string; problem: string }[];
  /** The holiday table's warning when today lies past it. */
  readonly calendarWarning: string;
  readonly officeEmails: readonly string[];
  readonly testRecipient: string;
  /** 已停止发送 puts the reason first: the digest is then the only email that goes out. */
  readonly sendMode: SendMode;
  readonly spreadsheetUrl: string;
}

/** A reminder email without a district: the office's own. */
export type DigestEmail = Omit<ReminderEmail, 'district'>;

/** Districts whose report is due (missing, inside the window, due date not passed) or missing (past its due date). */
function reportLine(d: DigestDistrict, input: DigestInput): string {
  if (d.report.kind !== 'missing') return '';
  if (input.today <= input.dueDate) return input.reportWindow ? `本季度进展待报送（截止${monthDay(input.dueDate)}）` : '';
  return '本季度进展未报送（已过截止日）';
}

function districtLine(d: DigestDistrict, input: DigestInput, requests: number, waiting: number): string {
  const parts: string[] = [];
  const report = reportLine(d, input);
  if (report) parts.push(report);
  if (d.counts === null) parts.push('工作表无法读取（见下文）');
  else {
    const c = d.counts;
    const counted: string[] = [];
    if (c.overdue > 0) counted.push(`${TERM.overdue}${c.overdue}家${c.longOverdue > 0 ? `（其中超过30天${c.longOverdue}家）` : ''}`);
    if (c.dueSoon > 0) counted.push(`${TERM.dueSoon}${c.dueSoon}家`);
    if (c.stale > 0) counted.push(`${TERM.stale}${c.stale}家`);
    if (c.toFix > 0) counted.push(`${TERM.toFix}${c.toFix}行`);
    if (counted.length > 0) parts.push(counted.join('，'));
  }
  if (requests > 0) parts.push(`延期申请待审批${requests}件`);
  if (waiting > 0) parts.push(`待验收销号${waiting}家`);
  const body = parts.length > 0 ? parts.join('；') : '无待办事项';
  return `${d.district}：${body}${d.reminder ? `（今日提醒：${d.reminder}）` : ''}`;
}

/** Whether the office has anything to be told today (contract §11); no email otherwise. */
export function digestHasNews(input: DigestInput): boolean {
  return (
    input.openRequests.length > 0 ||
    input.awaitingAcceptance.length > 0 ||
    input.settingsProblems.length > 0 ||
    input.tabsToRepair.length > 0 ||
    input.districts.some((d) => reportLine(d, input) !== '')
  );
}

interface Section {
  title: string;
  lines: string[];
}

function capped<T>(items: readonly T[], line: (t: T) => string, more: (n: number) => string): string[] {
  const out = items.slice(0, DIGEST_LIST_CAP).map(line);
  if (items.length > DIGEST_LIST_CAP) out.push(more(items.length - DIGEST_LIST_CAP));
  return out;
}

function sections(input: DigestInput): Section[] {
  const out: Section[] = [];
  const count = (list: readonly { district: string }[], d: string): number => list.filter((x) => x.district === d).length;
  out.push({
    title: '各辖区情况',
    lines: input.districts.map((d) => districtLine(d, input, count(input.openRequests, d.district), count(input.awaitingAcceptance, d.district))),
  });
  if (input.openRequests.length > 0) {
    out.push({
      title: `延期申请待审批（${input.openRequests.length}件，请通过菜单“${menuPath('menuDecideExtensions')}”处理）`,
      lines: capped(
        input.openRequests,
        (r) => `${r.district}｜${r.name}｜原时限${r.originalDeadline}，申请延期至${r.requestedDeadline}｜${r.requestedBy}于${r.submittedAt}提交`,
        (n) => `另有${n}件，见“延期申请”工作表。`,
      ),
    });
  }
  if (input.awaitingAcceptance.length > 0) {
    out.push({
      title: `已完成（待验收）的企业（${input.awaitingAcceptance.length}家，验收后通过菜单“${menuPath('menuRecordAcceptance')}”记录）`,
      lines: capped(
        input.awaitingAcceptance,
        (w) => `${w.district}｜${w.name}${w.since ? `｜${w.since}起待验收` : ''}`,
        (n) => `另有${n}家，见各辖区工作表。`,
      ),
    });
  }
  if (input.settingsProblems.length > 0) {
    out.push({ title: '“配置”中需要修正的设置', lines: [...input.settingsProblems] });
  }
  if (input.tabsToRepair.length > 0) {
    out.push({
      title: `需要修复的工作表（请检查表头，或运行“${menuPath('menuSetup')}”）`,
      lines: input.tabsToRepair.map((t) => `${t.tab}：${t.problem}`),
    });
  }
  if (input.calendarWarning) out.push({ title: '节假日表', lines: [input.calendarWarning] });
  return out;
}

function headline(input: DigestInput): string {
  const parts: string[] = input.sendMode === 'stopped' ? ['已停止发送提醒邮件'] : [];
  const due = input.districts.filter((d) => reportLine(d, input) !== '').length;
  if (due > 0) parts.push(`${due}个辖区${input.today <= input.dueDate ? '待报送' : '未报送'}`);
  if (input.openRequests.length > 0) parts.push(`延期申请${input.openRequests.length}件`);
  if (input.awaitingAcceptance.length > 0) parts.push(`待验收${input.awaitingAcceptance.length}家`);
  if (input.settingsProblems.length > 0) parts.push('配置有误');
  if (input.tabsToRepair.length > 0) parts.push(`${input.tabsToRepair.length}个工作表需修复`);
  return parts.join('，');
}

const FOOTER = '本日报由整治台账每日自动任务在各辖区提醒发出之后发送，每天最多一封。';

export function composeDigest(input: DigestInput): DigestEmail {
  const { to, cc, recipientCount, testNote, subjectMark } = address(
    { to: input.officeEmails, missing: '（领导小组办公室邮箱未填写）' },
    input.testRecipient,
  );
  const subject = `${subjectMark}${DIGEST_PREFIX}${input.today}：${headline(input)}`;
  const intro =
    `截至${input.today}（北京时间），《${TITLE}》${quarterLabel(input.quarter)}` +
    `（季度报送截止日${dayWithNote(input.dueDate)}）需要领导小组办公室关注的事项如下。`;
  const list = sections(input);
  list.unshift({ title: '发送模式', lines: [sendModeText(input)] });
  const e = escapeHtml;
  const htmlBody =
    `<div style="font-family:sans-serif;font-size:14px;">` +
    (testNote ? `<p style="color:#c00;">${e(testNote)}</p>` : '') +
    `<p>领导小组办公室：</p><p>${e(intro)}</p>` +
    list.map((s) => `<h3>${e(s.title)}</h3><ul>${s.lines.map((l) => `<li>${e(l)}</li>`).join('')}</ul>`).join('') +
    `<p><a href="${e(input.spreadsheetUrl)}" target="_blank">打开整治台账</a></p>` +
    `<p style="color:#666;">${e(FOOTER)}</p></div>`;
  const lines: string[] = [];
  if (testNote) lines.push(testNote, '');
  lines.push('领导小组办公室：', '', intro);
  for (const s of list) lines.push('', `【${s.title}】`, ...s.lines.map((l) => `- ${l}`));
  lines.push('', `打开整治台账：${input.spreadsheetUrl}`, '', FOOTER);
  return { to, cc, subject, htmlBody, body: lines.join('\n'), recipientCount };
}
