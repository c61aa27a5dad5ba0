// 验收销号 (contract §10): the 验收记录 tab's header and the office's acceptance record, checked as data.
import type { Day } from './calendar-day';
import type { Checked } from './extension';
import { dateProblem, note, reader, textProblem } from './extension';

export const ACCEPTANCE_TAB = '验收记录';
export const ACCEPTANCE_HEADERS = ['验收日期', '辖区', '统一社会信用代码', '企业名称', '结论', '参加部门', '验收意见', '记录人', '记录时间'] as const;
export const VERDICT = { passed: '通过', failed: '不通过' } as const;

interface AcceptanceInput {
  creditCode: string;
  date: Day;
  passed: boolean;
  departments: string;
  opinion: string;
}

/** The date is the day of the joint acceptance (not after today); an opinion is required when it did not pass. */
export function checkAcceptance(input: unknown, today: Day): Checked<AcceptanceInput> {
  const r = reader(input);
  const e = r.errors;
  const date = r.text('date');
  const passed = r.raw('passed');
  note(e, 'date', dateProblem('验收日期', date));
  if (date > today) note(e, 'date', `验收日期不能晚于今天（${today}）`);
  if (typeof passed !== 'boolean') e.passed = '请选择验收结论（通过或不通过）';
  note(e, 'departments', textProblem('参加部门', r.text('departments'), true));
  note(e, 'opinion', textProblem('验收意见', r.text('opinion'), passed === false));
  return r.done({ creditCode: r.text('creditCode'), date, passed: passed === true, departments: r.text('departments'), opinion: r.text('opinion') });
}
