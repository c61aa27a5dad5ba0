// 延期申请 as data (src/domain/extension.ts): a clerk's request and the office's decision checked field by field, open requests found.
import { EXTENSION_HEADERS, REQUEST_STATE, checkDecision, checkRequest, dateProblem, holdsOpenRequest, openRequestOf, openRequests, textProblem } from '../../src/domain/extension';
import { readRecordTab, isRecordTab } from '../../src/domain/record-tab';
import type { RecordTab } from '../../src/domain/record-tab';
import type { ExtensionHeader } from '../../src/domain/extension';

const CODE = '91350100M000100Y43';
const TARGET = { deadline: '2022-06-30', status: '整改中', hasOpenRequest: false } as const;
const ACCEPT_BY = '2023-12-31';

describe('dateProblem and textProblem', () => {
  test('a required day: asked for when blank, its form shown when mistyped, the reason when impossible', () => {
    expect(dateProblem('申请延期至', '2023-06-30')).toBe('');
    expect(dateProblem('申请延期至', '')).toBe('请填写申请延期至');
    expect(dateProblem('申请延期至', '2023/6/30')).toBe('申请延期至应写成 YYYY-MM-DD（如 2023-06-30）');
    expect(dateProblem('申请延期至', '2023-02-29')).toBe('申请延期至不是有效日期：2023年2月只有28天');
  });

  test('text: required when said so, at most 2000 characters', () => {
    expect(textProblem('延期理由', '', true)).toBe('请填写延期理由');
    expect(textProblem('审批意见', '', false)).toBe('');
    expect(textProblem('延期理由', '理'.repeat(2000), true)).toBe('');
    expect(textProblem('延期理由', '理'.repeat(2001), true)).toBe('延期理由最多2000字（现有2001字）');
    expect(textProblem('审批意见', '𠀀'.repeat(2000), false)).toBe('');
    expect(textProblem('审批意见', '𠀀'.repeat(2001), false)).toBe('审批意见最多2000字（现有2001字）');
  });
});

describe('checkRequest', () => {
  test('accepts a later date within 验收截止日期 and a reason, trimmed, the credit code normalised', () => {
    expect(checkRequest({ creditCode: ` ${CODE.toLowerCase()} `, newDeadline: ' 2022-09-30 ', reason: ' 设备到货延迟 ' }, TARGET, ACCEPT_BY)).toEqual({
      ok: true,
      value: { creditCode: CODE, newDeadline: '2022-09-30', reason: '设备到货延迟' },
    });
  });

  test('the new date must be later than the current 整改完成时限 (contract §10) and not after 验收截止日期', () => {
    const at = (newDeadline: string) => checkRequest({ creditCode: CODE, newDeadline, reason: '理由' }, TARGET, ACCEPT_BY);
    expect(at('2022-06-30')).toEqual({ ok: false, errors: { newDeadline: '申请延期至应晚于现在的整改完成时限（2022-06-30）' } });
    expect(at('2024-01-01')).toEqual({ ok: false, errors: { newDeadline: '申请延期至不能晚于“配置”中的验收截止日期（2023-12-31）' } });
    expect(at('2023-12-31').ok).toBe(true);
  });

  test('every field problem at once, each under its field, the first problem of a field kept', () => {
    expect(checkRequest({ creditCode: CODE, newDeadline: '明年', reason: '' }, TARGET, ACCEPT_BY)).toEqual({
      ok: false,
      errors: { newDeadline: '申请延期至应写成 YYYY-MM-DD（如 2023-06-30）', reason: '请填写延期理由' },
    });
    expect(checkRequest(null, TARGET, ACCEPT_BY)).toEqual({ ok: false, errors: { newDeadline: '请填写申请延期至', reason: '请填写延期理由' } });
  });

  test('refuses a closed enterprise, and a second open request (one at a time, contract §10)', () => {
    const good = { creditCode: CODE, newDeadline: '2022-09-30', reason: '理由' };
    expect(checkRequest(good, { ...TARGET, status: '已验收销号' }, ACCEPT_BY)).toEqual({ ok: false, errors: { _form: '该企业已验收销号，无需申请延期' } });
    expect(checkRequest(good, { ...TARGET, hasOpenRequest: true }, ACCEPT_BY)).toEqual({
      ok: false,
      errors: { _form: '该企业已有一份待审批的延期申请，请等领导小组办公室审批后再申请' },
    });
  });

  test('an enterprise without a deadline may ask for any valid day up to 验收截止日期', () => {
    expect(checkRequest({ creditCode: CODE, newDeadline: '2021-01-01', reason: '理由' }, { ...TARGET, deadline: '' }, ACCEPT_BY).ok).toBe(true);
  });
});

describe('checkDecision', () => {
  test('approving may go without an opinion; rejecting needs one, so the district learns why', () => {
    expect(checkDecision({ creditCode: CODE, approve: true })).toEqual({ ok: true, value: { creditCode: CODE, approve: true, opinion: '' } });
    expect(checkDecision({ creditCode: CODE, approve: false, opinion: '' })).toEqual({ ok: false, errors: { opinion: '请填写审批意见' } });
    expect(checkDecision({ creditCode: CODE, approve: false, opinion: ' 理由不充分 ' })).toEqual({ ok: true, value: { creditCode: CODE, approve: false, opinion: '理由不充分' } });
  });

  test('asks for 批准 or 驳回 when the choice is not a yes/no', () => {
    expect(checkDecision({ creditCode: CODE, approve: 'yes' })).toEqual({ ok: false, errors: { approve: '请选择批准或驳回' } });
  });
});

describe('open requests', () => {
  const row = (time: string, code: string, state: string) => EXTENSION_HEADERS.map((h) => ({ 提交时间: time, 统一社会信用代码: code, 审批状态: state, 辖区: '通川区' } as Record<string, string>)[h] ?? '');
  const tab = readRecordTab(
    [
      [...EXTENSION_HEADERS],
      row('2022-05-02 10:00:00', 'B', REQUEST_STATE.open),
      row('2022-05-01 09:00:00', CODE.toLowerCase(), REQUEST_STATE.open),
      row('2022-04-01 09:00:00', 'C', REQUEST_STATE.approved),
      row('2022-04-02 09:00:00', 'D', REQUEST_STATE.rejected),
    ],
    EXTENSION_HEADERS,
  ) as RecordTab<ExtensionHeader>;

  test('lists only 待审批 requests, oldest submission first', () => {
    expect(isRecordTab(tab)).toBe(true);
    expect(openRequests(tab).map((r) => [r.row, r.cells['统一社会信用代码']])).toEqual([
      [3, CODE.toLowerCase()],
      [2, 'B'],
    ]);
  });

  test("finds an enterprise's open request by its normalised credit code, none for a decided one", () => {
    expect(openRequestOf(tab, CODE)?.row).toBe(3);
    expect(openRequestOf(tab, 'C')).toBeUndefined();
  });

  test('a row still holds the request only while it is the same enterprise, submission and still 待审批', () => {
    const request = openRequestOf(tab, CODE)!;
    const holds = holdsOpenRequest(tab, request);
    const cells = row('2022-05-01 09:00:00', CODE, REQUEST_STATE.open);
    expect(holds(cells)).toBe(true);
    expect(holds(row('2022-05-01 09:00:00', CODE, REQUEST_STATE.approved))).toBe(false);
    expect(holds(row('2022-05-01 09:00:01', CODE, REQUEST_STATE.open))).toBe(false);
    expect(holds(row('2022-05-01 09:00:00', 'B', REQUEST_STATE.open))).toBe(false);
  });
});
