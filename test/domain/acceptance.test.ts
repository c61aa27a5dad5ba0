// 验收销号's record as data (src/domain/acceptance.ts): the joint acceptance's date, verdict, departments and opinion checked.
import { checkAcceptance } from '../../src/domain/acceptance';

const CODE = '91350100M000100Y43';
const TODAY = '2022-05-10';
const GOOD = { creditCode: CODE, date: '2022-05-10', passed: true, departments: '市经信局、市生态环境局', opinion: '' };

describe('checkAcceptance', () => {
  test('a passed acceptance today, without an opinion, is accepted, fields trimmed', () => {
    expect(checkAcceptance({ ...GOOD, date: ' 2022-05-10 ', departments: ' 市经信局 ' }, TODAY)).toEqual({
      ok: true,
      value: { creditCode: CODE, date: '2022-05-10', passed: true, departments: '市经信局', opinion: '' },
    });
  });

  test('one that did not pass needs the opinion (it goes back to 整改中 and the district must learn why)', () => {
    expect(checkAcceptance({ ...GOOD, passed: false }, TODAY)).toEqual({ ok: false, errors: { opinion: '请填写验收意见' } });
    expect(checkAcceptance({ ...GOOD, passed: false, opinion: '废气收集不达标' }, TODAY).ok).toBe(true);
  });

  test('the date is the day the acceptance took place: not after today, a real YYYY-MM-DD day', () => {
    expect(checkAcceptance({ ...GOOD, date: '2022-05-11' }, TODAY)).toEqual({ ok: false, errors: { date: '验收日期不能晚于今天（2022-05-10）' } });
    expect(checkAcceptance({ ...GOOD, date: '2022-5-1' }, TODAY)).toEqual({ ok: false, errors: { date: '验收日期应写成 YYYY-MM-DD（如 2023-06-30）' } });
    expect(checkAcceptance({ ...GOOD, date: '' }, TODAY)).toEqual({ ok: false, errors: { date: '请填写验收日期' } });
  });

  test('every problem at once: no verdict, no departments, each under its field', () => {
    expect(checkAcceptance({ creditCode: CODE, date: '2022-05-01', passed: '通过', departments: '  ' }, TODAY)).toEqual({
      ok: false,
      errors: { passed: '请选择验收结论（通过或不通过）', departments: '请填写参加部门' },
    });
  });
});
