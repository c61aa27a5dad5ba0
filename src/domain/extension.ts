// 延期申请 (contract §10): the tab's header, a clerk's request and the office's decision, checked as data.
import type { Day } from './calendar-day';
import { dayTextProblem } from './calendar-day';
import { CLOSED_STATUS } from './contract';
import { normaliseCreditCode } from './credit-code';
import { fieldsOf } from './page-data';
import type { RecordTab } from './record-tab';
import { cellText } from './record-tab';
import { charCount } from './text';

export const EXTENSION_TAB = '延期申请';
export const EXTENSION_HEADERS = ['提交时间', '辖区', '统一社会信用代码', '企业名称', '原整改完成时限', '申请延期至', '理由', '申请人', '审批状态', '审批人', '审批时间', '审批意见'] as const;
export type ExtensionHeader = (typeof EXTENSION_HEADERS)[number];
export const REQUEST_STATE = { open: '待审批', approved: '已批准', rejected: '已驳回' } as const;
const OFFICE_TEXT_MAX = 2000;

export type Errors = Record<string, string>;
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: Errors };

/** The input's fields as trimmed text (the credit code normalised), and a collector of field errors. */
export function reader(input: unknown): { text(key: string): string; raw(key: string): unknown; errors: Errors; done<T>(value: T): Checked<T> } {
  const o = fieldsOf(input) ?? {};
  const errors: Errors = {};
  return {
    raw: (key) => o[key],
    text: (key) => (key === 'creditCode' ? normaliseCreditCode(String(o[key] ?? '')) : typeof o[key] === 'string' ? (o[key] as string).trim() : ''),
    errors,
    done: (value) => (Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value }),
  };
}

/** A required YYYY-MM-DD day: '' when fine, else the message naming the field. */
export function dateProblem(label: string, text: string): string {
  if (text === '') return `请填写${label}`;
  const p = dayTextProblem(text);
  return p === null ? '' : p.kind === 'format' ? `${label}应写成 YYYY-MM-DD（如 2023-06-30）` : `${label}不是有效日期：${p.reason}`;
}

export function textProblem(label: string, text: string, required: boolean): string {
  if (required && text === '') return `请填写${label}`;
  const n = charCount(text);
  return n > OFFICE_TEXT_MAX ? `${label}最多${OFFICE_TEXT_MAX}字（现有${n}字）` : '';
}

/** Sets `errors[key]` when `message` is not ''. */
export const note = (errors: Errors, key: string, message: string): void => {
  if (message && !errors[key]) errors[key] = message;
};

interface RequestInput {
  creditCode: string;
  newDeadline: Day;
  reason: string;
}

/** The enterprise as it stands when the request is made. */
interface RequestTarget {
  readonly deadline: Day | '';
  readonly status: string;
  readonly hasOpenRequest: boolean;
}

export function checkRequest(input: unknown, target: RequestTarget, acceptBy: Day): Checked<RequestInput> {
  const r = reader(input);
  const e = r.errors;
  const newDeadline = r.text('newDeadline');
  if (target.status === CLOSED_STATUS) e._form = '该企业已验收销号，无需申请延期';
  else if (target.hasOpenRequest) e._form = '该企业已有一份待审批的延期申请，请等领导小组办公室审批后再申请';
  note(e, 'newDeadline', dateProblem('申请延期至', newDeadline));
  if (target.deadline !== '' && newDeadline <= target.deadline) note(e, 'newDeadline', `申请延期至应晚于现在的整改完成时限（${target.deadline}）`);
  if (newDeadline > acceptBy) note(e, 'newDeadline', `申请延期至不能晚于“配置”中的验收截止日期（${acceptBy}）`);
  note(e, 'reason', textProblem('延期理由', r.text('reason'), true));
  return r.done({ creditCode: r.text('creditCode'), newDeadline, reason: r.text('reason') });
}

interface DecisionInput {
  creditCode: string;
  approve: boolean;
  opinion: string;
}

/** An opinion is required when rejecting (the district must learn why); approving may go without one. */
export function checkDecision(input: unknown): Checked<DecisionInput> {
  const r = reader(input);
  const approve = r.raw('approve');
  if (typeof approve !== 'boolean') r.errors.approve = '请选择批准或驳回';
  note(r.errors, 'opinion', textProblem('审批意见', r.text('opinion'), approve === false));
  return r.done({ creditCode: r.text('creditCode'), approve: approve === true, opinion: r.text('opinion') });
}

type RequestRow = RecordTab<ExtensionHeader>['rows'][number];

/** The open requests, oldest first (提交时间 is `YYYY-MM-DD HH:mm:ss`, so text order is time order). */
export function openRequests(tab: RecordTab<ExtensionHeader>): RequestRow[] {
  return tab.rows.filter((r) => r.cells['审批状态'] === REQUEST_STATE.open).sort((a, b) => a.cells['提交时间'].localeCompare(b.cells['提交时间']) || a.row - b.row);
}

/** Whether a row of the tab, as it is now, still holds `request` open (same enterprise, same submission time, 待审批). */
export const holdsOpenRequest =
  (tab: Pick<RecordTab<ExtensionHeader>, 'columns'>, request: RequestRow) =>
  (cells: readonly unknown[]): boolean => {
    const at = (h: ExtensionHeader): string => cellText(cells[tab.columns[h]]);
    return (
      normaliseCreditCode(at('统一社会信用代码')) === normaliseCreditCode(request.cells['统一社会信用代码']) &&
      at('提交时间') === request.cells['提交时间'] &&
      at('审批状态') === REQUEST_STATE.open
    );
  };

export const openRequestOf = (tab: RecordTab<ExtensionHeader>, creditCode: string): RequestRow | undefined =>
  openRequests(tab).find((r) => normaliseCreditCode(r.cells['统一社会信用代码']) === creditCode);
