// 自检 (contract §13) as rules: what each check saw on Google, judged 通过/未通过 with what to do, and the report text.
import { TEXT_FORMAT, textCell } from './ledger-row';
import type { ProtectionSpec } from './ledger-template';

export const SELF_CHECK_TITLE = '自检';
export const SELF_CHECK_ACTION = '自检';
const PASSED = '通过';
const FAILED = '未通过';

/**
 * Texts the script writes and Sheets could change: a formula, a leading apostrophe, a code of digits (a number),
 * a date, a sign. Each is written once into a plain-text ('@') cell and once into an automatic cell, each the way
 * the code writes it there (textCell), and must read back as the text itself.
 */
export const LITERAL_PROBES: readonly string[] = [
  '=1+1',
  "'带引号",
  '913501001234567890',
  '0012',
  '2022-03-01',
  '+86 123',
  '-粉尘',
  '@全部',
  'TRUE',
];

type ProbeFormat = typeof TEXT_FORMAT | null;
export const PROBE_FORMATS: readonly ProbeFormat[] = [TEXT_FORMAT, null];

/** The value to write for a probe into a cell of that format: exactly what the add-on's writers write. */
export const probeCell = (text: string, format: ProbeFormat): string => textCell(text, format);

export interface LiteralReadBack {
  readonly text: string;
  readonly format: ProbeFormat;
  /** What getValues gave back. */
  readonly value: unknown;
  /** What getFormulas gave back ('' for none). */
  readonly formula: string;
}

export interface FoundProtection {
  readonly description: string;
  readonly warningOnly: boolean;
  /** Lower-case. */
  readonly editors: readonly string[];
}

export interface FoundTrigger {
  readonly handler: string;
  /** 'CLOCK' or 'ON_EDIT': the name of the trigger's event type. */
  readonly eventType: string;
}

export interface SelfCheckInput {
  readonly literal: readonly LiteralReadBack[];
  /** Why the scratch tab could not be used, when it could not. */
  readonly literalError: string | null;
  readonly activeUser: string;
  readonly effectiveUser: string;
  readonly mailQuota: number;
  /** Recipients one day's reminders would use: each district's 联系邮箱 plus the office's cc. */
  readonly mailNeeded: number;
  readonly triggers: readonly FoundTrigger[];
  readonly handlers: { readonly daily: string; readonly edit: string };
  /** The document says an edit trigger is installed (the simple onEdit leaves the notes to it). */
  readonly editTriggerFlagged?: boolean;
  readonly expectedProtections: readonly ProtectionSpec[];
  readonly protections: readonly FoundProtection[];
  /** Accounts Google keeps on every protection whatever the script asks (the owner, the one running setup). */
  readonly alwaysEditors: readonly string[];
  readonly timeZone: string;
  readonly wantedTimeZone: string;
  /** 配置 as read: its problems (each names its cell) and the send-mode line. */
  readonly settingsProblems: readonly string[];
  readonly sendMode: string;
}

export interface CheckResult {
  readonly name: string;
  readonly passed: boolean;
  /** What was seen. */
  readonly detail: string;
  /** What to do; '' when passed. */
  readonly todo: string;
}

/** A check's verdict: what it saw, and what to do when it did not pass. */
const pass = (name: string, detail: string): CheckResult => ({ name, passed: true, detail, todo: '' });
const fail = (name: string, detail: string, todo: string): CheckResult => ({ name, passed: false, detail, todo });

const where = (format: ProbeFormat): string => (format === TEXT_FORMAT ? '纯文本格式单元格' : '自动格式单元格');

function checkLiteral(input: SelfCheckInput, setupPath: string): CheckResult {
  const name = '文字按原样保存（公式、撇号、数字、日期样式的文字）';
  if (input.literalError !== null) {
    return fail(name, `无法使用临时工作表：${input.literalError}`, '请确认您对本表格有编辑权限后重试自检。');
  }
  const wrong = input.literal.filter((r) => r.formula !== '' || r.value !== r.text);
  if (input.literal.length === 0) return fail(name, '没有读回任何测试值', '请重试自检；如仍失败，请联系部署人员。');
  if (wrong.length === 0) {
    return pass(name, `${input.literal.length}个测试值在纯文本和自动格式单元格中均按原样读回`);
  }
  const shown = wrong
    .slice(0, 6)
    .map((r) => `${where(r.format)}写入“${r.text}”读回“${r.formula || String(r.value)}”`)
    .join('；');
  return fail(
    name,
    shown,
    `Google 表格保存文字的方式与本程序的假设不同，请勿继续录入，并把本报告发给部署人员（docs/platform-constraints.md “Values and text”）。` +
      `修复前可暂用“${setupPath}”后再自检确认。`,
  );
}

function checkAccount(input: SelfCheckInput): CheckResult {
  const name = '能识别当前账号';
  if (input.activeUser !== '') {
    return pass(name, `当前账号：${input.activeUser}；脚本运行账号：${input.effectiveUser || '（未提供）'}`);
  }
  return fail(
    name,
    'Google 未向脚本提供您的账号（个人 Gmail 账号或与表格不同域的账号常见）',
    '侧边栏将无法按“编辑账号”核对权限（改由工作表保护把关），更新人记为“未知账号”。如需记录账号，请各单位使用与表格所有者同一 Google Workspace 域的账号。',
  );
}

function checkMail(input: SelfCheckInput): CheckResult {
  const name = '今日邮件配额';
  const detail = `今日剩余可发送收件人数：${input.mailQuota}；向每个辖区各发一封提醒约需：${input.mailNeeded}`;
  if (input.mailQuota >= input.mailNeeded && input.mailQuota > 0) return pass(name, detail);
  return fail(name, detail, '配额不足时，未发出的提醒会排队到下次运行；配额每24小时恢复（个人账号每天100个收件人，Workspace 账号1500个）。请由 Workspace 账号安装自动任务，或精简联系邮箱。');
}

function checkTriggers(input: SelfCheckInput, installPath: string): CheckResult {
  const name = '自动任务已安装（当前账号）';
  const daily = input.triggers.filter((t) => t.handler === input.handlers.daily && t.eventType === 'CLOCK').length;
  const edit = input.triggers.filter((t) => t.handler === input.handlers.edit && t.eventType === 'ON_EDIT').length;
  const detail = `每日任务${daily}个，编辑触发任务${edit}个`;
  if (daily === 1 && edit === 1) return pass(name, detail);
  // A flag without this account's trigger: another office account's, or one that is gone (then hand edits get no notes).
  const stale = edit === 0 && input.editTriggerFlagged === true
    ? `表格记录已安装编辑触发任务，直接编辑的批注由它写入：如它已不存在，手工编辑将不再校验，请运行“${installPath}”。`
    : '';
  return fail(name, detail, `${stale}请运行“${installPath}”（每种恰好一个）。只能看到当前账号安装的任务：如由其他办公室账号安装，请该账号运行自检。`);
}

function checkProtections(input: SelfCheckInput, setupPath: string): CheckResult {
  const name = '保护与“配置”一致';
  const problems: string[] = [];
  const always = new Set(input.alwaysEditors.map((e) => e.toLowerCase()));
  for (const spec of input.expectedProtections) {
    const found = input.protections.filter((p) => p.description === spec.description);
    if (found.length === 0) {
      problems.push(`缺少保护“${spec.description}”`);
      continue;
    }
    const p = found[0]!;
    if (found.length > 1) problems.push(`保护“${spec.description}”有${found.length}个`);
    if (p.warningOnly !== spec.warningOnly) problems.push(`“${spec.description}”应为${spec.warningOnly ? '仅警告' : '限制编辑'}`);
    if (spec.warningOnly) continue;
    const missing = spec.editors.filter((e) => !p.editors.includes(e));
    const extra = p.editors.filter((e) => !spec.editors.includes(e) && !always.has(e));
    if (missing.length) problems.push(`“${spec.description}”缺少编辑者 ${missing.join('、')}`);
    if (extra.length) problems.push(`“${spec.description}”多出编辑者 ${extra.join('、')}`);
  }
  if (problems.length === 0) return pass(name, `${input.expectedProtections.length}项保护均与“配置”一致`);
  return fail(name, problems.slice(0, 8).join('；') + (problems.length > 8 ? `；另有${problems.length - 8}处` : ''), `请运行“${setupPath}”，它会按“配置”重新设置保护。`);
}

function checkTimeZone(input: SelfCheckInput, setupPath: string): CheckResult {
  const name = '表格时区为北京时间';
  if (input.timeZone === input.wantedTimeZone) return pass(name, input.timeZone);
  return fail(name, `表格时区为 ${input.timeZone}`, `请运行“${setupPath}”，它会把时区设为 ${input.wantedTimeZone}。`);
}

function checkSettings(input: SelfCheckInput): CheckResult {
  const name = '“配置”中的设置均有效';
  if (input.settingsProblems.length === 0) return pass(name, input.sendMode);
  return fail(
    name,
    `${input.sendMode}；${input.settingsProblems.join('；')}`,
    '请在“配置”中按各单元格的提示改正（鼠标停在单元格上可看到允许的取值）。',
  );
}

interface MenuPaths {
  readonly setup: string;
  readonly install: string;
}

export function judgeSelfCheck(input: SelfCheckInput, paths: MenuPaths): CheckResult[] {
  return [
    checkLiteral(input, paths.setup),
    checkAccount(input),
    checkMail(input),
    checkTriggers(input, paths.install),
    checkProtections(input, paths.setup),
    checkTimeZone(input, paths.setup),
    checkSettings(input),
  ];
}

/** The dialog's text: a verdict line, then one block per check. */
export function selfCheckReport(results: readonly CheckResult[]): string {
  const failed = results.filter((r) => !r.passed).length;
  const head = failed === 0 ? `自检${PASSED}：${results.length}项检查全部通过。` : `自检${FAILED}：${results.length}项检查中${failed}项未通过。`;
  const blocks = results.map((r, i) => `${i + 1}. ${r.name}：${r.passed ? PASSED : FAILED}\n   ${r.detail}${r.todo ? `\n   处理：${r.todo}` : ''}`);
  return [head, ...blocks, '自检只使用一个临时工作表并已删除，未改动任何数据。'].join('\n');
}

/** One 操作日志 line's new-value text: every check with its verdict. */
export function selfCheckSummary(results: readonly CheckResult[]): string {
  return results.map((r) => `${r.name}：${r.passed ? PASSED : `${FAILED}（${r.detail}）`}`).join('；');
}

