// 报送本季度进展 in the emulator: the dialog and submitQuarterReport with 进展说明 — on time, late, update, refusals.

import { TAB } from '../../src/domain/contract';
import { CONTACT, OWNER, logRows, reminderMails, runDaily, sheetValues, world } from '../support/reminder-world';

const TC_CLERK = CONTACT['通川区']!.clerk;

type Result = { ok: true; quarter: string; onTime: boolean } | { ok: false; errors: Record<string, string> };

/** Opens the dialog on the district's tab, then confirms it with the narrative, as the page does. */
function submitAs(emu: ReturnType<typeof world>, user: string, district: string, narrative = '本季度完成除尘改造2家。'): Result {
  emu.setUser(user);
  emu.model.setActive(district, 'C5');
  emu.clickMenu('报送本季度进展');
  const run = emu.scriptRun('submitQuarterReport', { district, narrative });
  if (!run.ok) throw new Error(run.error);
  return run.value as Result;
}

const reportRows = (emu: ReturnType<typeof world>) => sheetValues(emu, TAB.reports).slice(1);
const lastAlert = (emu: ReturnType<typeof world>) => emu.ui.alerts[emu.ui.alerts.length - 1]!;

describe('报送本季度进展', () => {
  test('records a report made on the 25th as on time, first of the quarter, with counts by status', () => {
    const emu = world('2022-03-25T08:00:00Z', {
      通川区: [{ name: '甲公司', deadline: '2022-06-01' }, { name: '乙公司', deadline: '2022-02-01', status: '已完成（待验收）' }],
    });
    const result = submitAs(emu, TC_CLERK, '通川区', '完成甲公司密闭改造方案；乙公司待验收。');
    expect(result).toEqual({ ok: true, quarter: '2022年第1季度', onTime: true });
    const dialog = emu.ui.dialogs[emu.ui.dialogs.length - 1]!;
    expect(dialog.title).toBe('报送本季度进展');
    expect(dialog.html).toContain('企业总数2家（未启动0，整改中1，已完成（待验收）1，已验收销号0）');
    expect(dialog.html).toContain('id="narrative"');
    const rows = reportRows(emu);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(0, 2)).toEqual(['2022年第1季度', '通川区']);
    expect(rows[0]![3]).toBe(TC_CLERK);
    expect(rows[0]!.slice(4)).toEqual([0, 1, 1, 0, 2, '按时', '首次报送', '完成甲公司密闭改造方案；乙公司待验收。']);
    expect(sheetValues(emu, TAB.reports)[0]).toContain('进展说明');
    expect(logRows(emu).some((r) => r[2] === '通川区' && r[9] === '报送本季度进展')).toBe(true);
  });

  test('records a report on the 26th as late, and a second one as an update that keeps the first timeliness', () => {
    const emu = world('2022-03-26T02:00:00Z', { 通川区: [{ name: '甲公司', deadline: '2022-06-01' }] });
    expect(submitAs(emu, TC_CLERK, '通川区')).toEqual({ ok: true, quarter: '2022年第1季度', onTime: false });
    emu.setNow('2022-03-27T02:00:00Z');
    submitAs(emu, TC_CLERK, '通川区', '补充说明');
    const rows = reportRows(emu);
    expect(rows.map((r) => r.slice(9, 12))).toEqual([
      ['逾期', '首次报送', '本季度完成除尘改造2家。'],
      ['逾期', '更新', '补充说明'],
    ]);
  });

  test('stops the missing-report reminder once the district has reported', () => {
    const emu = world('2022-03-23T02:00:00Z');
    submitAs(emu, TC_CLERK, '通川区');
    runDaily(emu);
    expect(reminderMails(emu).map((m) => m.to).sort()).toEqual([CONTACT['达川区']!.email, CONTACT['达州高新区']!.email].sort());
  });

  test('writes nothing while the dialog is only open (cancelled)', () => {
    const emu = world('2022-03-20T02:00:00Z', { 通川区: [{ name: '甲公司', deadline: '2022-06-01' }] });
    emu.setUser(TC_CLERK);
    emu.model.setActive('通川区', 'C5');
    emu.clickMenu('报送本季度进展');
    expect(emu.ui.dialogs).toHaveLength(1);
    expect(reportRows(emu)).toEqual([]);
  });

  test.each([
    ['', '请填写进展说明'],
    ['   ', '请填写进展说明'],
    ['字'.repeat(2001), '进展说明最多2000字，现为2001字'],
  ])('refuses the 进展说明 %p on the field and records nothing', (narrative, message) => {
    const emu = world('2022-03-20T02:00:00Z', { 通川区: [{ name: '甲公司', deadline: '2022-06-01' }] });
    const result = submitAs(emu, TC_CLERK, '通川区', narrative);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors['narrative']).toContain(message);
    expect(reportRows(emu)).toEqual([]);
  });

  test('takes 2000 characters exactly', () => {
    const emu = world('2022-03-20T02:00:00Z', { 通川区: [{ name: '甲公司', deadline: '2022-06-01' }] });
    expect(submitAs(emu, TC_CLERK, '通川区', '字'.repeat(2000)).ok).toBe(true);
  });

  test('keeps a 进展说明 that looks like a formula as text', () => {
    const emu = world('2022-03-20T02:00:00Z', { 通川区: [{ name: '甲公司', deadline: '2022-06-01' }] });
    submitAs(emu, TC_CLERK, '通川区', '=HYPERLINK("http://x")');
    expect(reportRows(emu)[0]![11]).toBe('=HYPERLINK("http://x")');
  });

  test('refuses on _form, listing the rows, when a row became invalid after the dialog opened', () => {
    const emu = world('2022-03-20T02:00:00Z', { 通川区: [{ name: '甲公司', deadline: '2022-06-01' }] });
    emu.setUser(TC_CLERK);
    emu.model.setActive('通川区', 'C5');
    emu.clickMenu('报送本季度进展');
    emu.setUser(OWNER);
    expect(emu.userEdit('通川区', 'T5', '已验收销号').ok).toBe(true);
    emu.setUser(TC_CLERK);
    const run = emu.scriptRun('submitQuarterReport', { district: '通川区', narrative: '说明' });
    expect(run.ok).toBe(true);
    const result = (run as { value: Result }).value;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors['_form']).toMatch(/第5行 甲公司 销号日期：/);
    expect(reportRows(emu)).toEqual([]);
  });

  test('refuses a call for another district on _form', () => {
    const emu = world('2022-03-20T02:00:00Z', { 达川区: [{ name: '甲公司', deadline: '2022-06-01' }] });
    emu.setUser(TC_CLERK);
    const run = emu.scriptRun('submitQuarterReport', { district: '达川区', narrative: '说明' });
    expect((run as { value: Result }).value).toEqual({ ok: false, errors: { _form: expect.stringContaining('不是“达川区”的编辑账号') } });
    expect(reportRows(emu)).toEqual([]);
  });

  test('refuses with the list of problems when a row is invalid, and writes nothing', () => {
    const emu = world('2022-03-20T02:00:00Z', { 通川区: [{ name: '甲公司', deadline: '2022-06-01', status: '已验收销号' }] });
    emu.setUser(TC_CLERK);
    emu.model.setActive('通川区', 'C5');
    emu.clickMenu('报送本季度进展');
    expect(lastAlert(emu).prompt).toMatch(/第5行 甲公司 销号日期：/);
    expect(reportRows(emu)).toEqual([]);
  });

  test('refuses a clerk reporting for another district', () => {
    const emu = world('2022-03-20T02:00:00Z', { 达川区: [{ name: '甲公司', deadline: '2022-06-01' }] });
    emu.setUser(TC_CLERK);
    emu.model.setActive('达川区', 'C5');
    emu.clickMenu('报送本季度进展');
    expect(lastAlert(emu).prompt).toContain('不是“达川区”的编辑账号');
    expect(reportRows(emu)).toEqual([]);
  });

  test('refuses outside a district tab', () => {
    const emu = world('2022-03-20T02:00:00Z');
    emu.model.setActive(TAB.summary, 'A1');
    emu.clickMenu('报送本季度进展');
    expect(lastAlert(emu).prompt).toContain('请先切换到本辖区的工作表');
  });
});
