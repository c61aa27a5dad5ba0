// Contract §10 end to end on the built dist/: only the office closes and extends, by every path; 延期申请 → 审批; 验收销号.
import type { Emulator } from '@eco-ledger/emulator';
import { menuRefusal } from '../../src/domain/menu';
import { OFFICE_CC, OWNER, logRows, runDaily, sheetValues } from '../support/reminder-world';
import { modelOf as tabModel } from '../support/ledger-world';
import { CLERK, TC, day, office, cell, codeAt, undoLines, edit, paste, run, snapshot, summaryRow } from '../support/office-world';

describe('a clerk’s sidebar save is refused on the field (contract §10), nothing written', () => {
  function refused(emu: Emulator, fn: string, arg: unknown): Record<string, string> {
    const before = snapshot(emu);
    const r = run(emu, fn, arg);
    expect(r.ok).toBe(false);
    expect(snapshot(emu)).toBe(before);
    return r.errors!;
  }
  const opened = (emu: Emulator, row: number) => {
    const got = emu.scriptRun('getEnterprise', codeAt(emu, row));
    const { row: _r, serial: _s, ...p } = (got.ok ? got.value : {}) as Record<string, unknown>;
    return p;
  };

  test('a moved deadline on deadline, 已验收销号 on status, a 销号日期 on closedOn, a closed row on status', () => {
    const emu = office();
    expect(refused(emu, 'updateEnterprise', { ...opened(emu, 5), deadline: '2022-12-31' }).deadline).toContain('申请延期');
    expect(refused(emu, 'updateEnterprise', { ...opened(emu, 5), status: '已验收销号', closedOn: '2022-03-09' })).toMatchObject({
      status: expect.stringContaining('验收销号'),
      closedOn: expect.stringContaining('销号日期由领导小组办公室'),
    });
    expect(refused(emu, 'updateEnterprise', { ...opened(emu, 7), progress: '改' }).status).toContain('只能由领导小组办公室');
    expect(refused(emu, 'updateEnterprise', { ...opened(emu, 7), status: '整改中', closedOn: '' }).status).toContain('已于2022-03-05验收销号');
    const fresh = { ...opened(emu, 5), creditCode: '91511700MA0099999Y', status: '已验收销号', closedOn: '2022-03-09' };
    expect(Object.keys(refused(emu, 'submitEnterprise', fresh)).sort()).toEqual(expect.arrayContaining(['closedOn', 'status']));
  });

  test('the office may do all of it, by the sidebar and by typing, and its values become the approved ones', () => {
    const emu = office();
    emu.setUser(OWNER);
    expect(run(emu, 'updateEnterprise', { ...opened(emu, 5), deadline: '2022-12-31' }).ok).toBe(true);
    edit(emu, 'Q6', '2022-11-30');
    expect([cell(emu, 'Q5'), cell(emu, 'Q6')]).toEqual([day('2022-12-31'), day('2022-11-30')]);
    emu.setUser(CLERK);
    edit(emu, 'Q6', '2022-09-30'); // the clerk's old value is no longer the approved one
    expect(cell(emu, 'Q6')).toEqual(day('2022-11-30'));
    expect(undoLines(emu)).toHaveLength(1);
  });
});

describe('延期申请 → 审批延期申请 (contract §10)', () => {
  const ask = (emu: Emulator, newDeadline = '2022-09-30') => run(emu, 'requestExtension', { creditCode: codeAt(emu, 5), newDeadline, reason: '设备到货延迟' });
  const requests = (emu: Emulator) => sheetValues(emu, '延期申请');

  test('request → approve: the tab, the row, 汇总’s 已延期, the digest and 操作日志', () => {
    const emu = office();
    expect(ask(emu)).toMatchObject({ ok: true, district: '通川区', newDeadline: '2022-09-30' });
    expect(ask(emu, '2022-10-31').errors?._form).toContain('已有一份待审批');
    const [head, req] = requests(emu);
    expect(head).toEqual(['提交时间', '辖区', '统一社会信用代码', '企业名称', '原整改完成时限', '申请延期至', '理由', '申请人', '审批状态', '审批人', '审批时间', '审批意见']);
    expect(req!.slice(1, 9)).toEqual(['通川区', codeAt(emu, 5), '甲公司', '2022-06-30', '2022-09-30', '设备到货延迟', CLERK, '待审批']);
    runDaily(emu);
    const digest = emu.outbox.find((m) => m.subject.startsWith('【整治台账日报】'))!;
    expect(digest.to).toBe(OFFICE_CC);
    expect(digest.body).toContain('通川区｜甲公司｜原时限2022-06-30，申请延期至2022-09-30');
    expect(run(emu, 'decideExtension', { creditCode: codeAt(emu, 5), approve: true, opinion: '' }).errors?._form).toContain('只能由领导小组办公室办理');
    emu.setUser(OWNER);
    expect(run(emu, 'decideExtension', { creditCode: codeAt(emu, 5), approve: true, opinion: '同意' })).toMatchObject({ ok: true, deadline: '2022-09-30' });
    expect(cell(emu, 'Q5')).toEqual(day('2022-09-30'));
    expect(requests(emu)[1]!.slice(4, 12)).toEqual(['2022-06-30', '2022-09-30', '设备到货延迟', CLERK, '已批准', OWNER, '2022-03-10 09:00:00', '同意']);
    emu.clickMenu('刷新汇总');
    expect(summaryRow(emu, '通川区')['已延期']).toBe(1);
    expect(summaryRow(emu, '达川区')['已延期']).toBe(0);
    expect(logRows(emu).some((r) => r[4] === codeAt(emu, 5) && r[9] === '延期申请已批准：同意' && r[8] === '2022-09-30')).toBe(true);
    emu.setUser(CLERK);
    edit(emu, 'Q5', '2022-06-30'); // the approved date is now the extended one
    expect(cell(emu, 'Q5')).toEqual(day('2022-09-30'));
  });

  test('request → reject: the deadline stays, the request records who, when and why; an opinion is required', () => {
    const emu = office();
    expect(ask(emu).ok).toBe(true);
    emu.setUser(OWNER);
    expect(run(emu, 'decideExtension', { creditCode: codeAt(emu, 5), approve: false, opinion: '' }).errors?.opinion).toContain('请填写审批意见');
    expect(run(emu, 'decideExtension', { creditCode: codeAt(emu, 5), approve: false, opinion: '理由不充分' }).ok).toBe(true);
    expect(cell(emu, 'Q5')).toEqual(day('2022-06-30'));
    expect(requests(emu)[1]!.slice(8, 12)).toEqual(['已驳回', OWNER, '2022-03-10 09:00:00', '理由不充分']);
    emu.clickMenu('刷新汇总');
    expect(summaryRow(emu, '通川区')['已延期']).toBe(0);
    expect(run(emu, 'decideExtension', { creditCode: codeAt(emu, 5), approve: true, opinion: '' }).errors?._form).toContain('没有待审批的延期申请');
  });

  describe.each([
    ['inserts a row above the request', (emu: Emulator) => void tabModel(emu).insertRows('延期申请', 2, 1)],
    ['deletes the request’s row', (emu: Emulator) => void tabModel(emu).deleteRows('延期申请', 2, 1)],
    [
      'sorts the tab (the other request first)',
      (emu: Emulator) => {
        const rows = sheetValues(emu, '延期申请').slice(1);
        tabModel(emu).setValuesRaw('延期申请', 2, 1, [...rows].reverse());
      },
    ],
  ])('the office %s between the decision’s read and its write (issue 12)', (_what, act) => {
    test('the decision lands on its own request, the other request untouched; nothing lost', () => {
      const emu = office();
      expect(ask(emu).ok).toBe(true);
      expect(run(emu, 'requestExtension', { creditCode: codeAt(emu, 6), newDeadline: '2022-12-31', reason: '资金未到位' }).ok).toBe(true);
      emu.setUser(OWNER);
      let acted = false;
      emu.interleave((call) => {
        // the ledger row's write comes after 延期申请 was read and before the request's row is rewritten
        if (!acted && call === 'Range.setValues') {
          acted = true;
          act(emu);
        }
      });
      const answer = run(emu, 'decideExtension', { creditCode: codeAt(emu, 5), approve: true, opinion: '同意' });
      emu.interleave(null);
      expect(acted).toBe(true);
      expect(answer.ok).toBe(true);
      const rows = sheetValues(emu, '延期申请').slice(1).filter((r) => r.some((v) => v !== ''));
      const of = (code: string) => rows.filter((r) => r[2] === code);
      expect(of(codeAt(emu, 5)).map((r) => r[8])).toEqual(['已批准']);
      expect(of(codeAt(emu, 5))[0]!.slice(4, 12)).toEqual(['2022-06-30', '2022-09-30', '设备到货延迟', CLERK, '已批准', OWNER, '2022-03-10 09:00:00', '同意']);
      expect(of(codeAt(emu, 6)).map((r) => r.slice(5, 9))).toEqual([['2022-12-31', '资金未到位', CLERK, '待审批']]);
    });
  });

  test('a request is refused without a reason, for an earlier date, past 验收截止日期 and for a closed enterprise', () => {
    const emu = office();
    expect(run(emu, 'requestExtension', { creditCode: codeAt(emu, 5), newDeadline: '2022-09-30', reason: '' }).errors?.reason).toBe('请填写延期理由');
    expect(ask(emu, '2022-05-31').errors?.newDeadline).toContain('应晚于现在的整改完成时限（2022-06-30）');
    expect(ask(emu, '2024-01-31').errors?.newDeadline).toContain('验收截止日期');
    expect(run(emu, 'requestExtension', { creditCode: codeAt(emu, 7), newDeadline: '2022-09-30', reason: '无' }).errors?._form).toContain('已验收销号');
    expect(requests(emu)).toHaveLength(1);
  });

  test('a call that names no enterprise says so, for a request, a decision and an acceptance, and writes nothing', () => {
    const emu = office();
    const before = snapshot(emu);
    const NONE = '未指明企业（缺少统一社会信用代码），未做任何修改。请在辖区工作表中选中企业所在行，再从菜单重新打开。';
    expect(run(emu, 'requestExtension', { newDeadline: '2022-09-30', reason: '设备到货延迟' }).errors).toEqual({ _form: NONE });
    emu.setUser(OWNER);
    expect(run(emu, 'decideExtension', { creditCode: ' ', approve: true, opinion: '同意' }).errors).toEqual({ _form: NONE });
    expect(run(emu, 'recordAcceptance', { date: '2022-03-10', passed: true, departments: '生态环境局', opinion: '' }).errors).toEqual({ _form: NONE });
    expect(run(emu, 'requestExtension', { creditCode: '91511700MA0000000X', newDeadline: '2022-09-30', reason: '理由' }).errors?._form).toBe(
      '找不到统一社会信用代码为 91511700MA0000000X 的企业，未做任何修改。',
    );
    expect(snapshot(emu)).toBe(before);
  });
});

describe('验收销号 (contract §10)', () => {
  const accept = (emu: Emulator, passed: boolean, opinion = '') =>
    run(emu, 'recordAcceptance', { creditCode: codeAt(emu, 5), date: '2022-03-09', passed, departments: '市经信局、市生态环境局', opinion });

  test('passed: 已验收销号 with that date, a 验收记录 row, 汇总, and the clerk can no longer change the row', () => {
    const emu = office();
    expect(accept(emu, true).errors?._form).toContain('只能由领导小组办公室办理');
    emu.setUser(OWNER);
    expect(accept(emu, true)).toMatchObject({ ok: true, status: '已验收销号', closedOn: '2022-03-09' });
    expect([cell(emu, 'T5'), cell(emu, 'V5'), cell(emu, 'X5')]).toEqual(['已验收销号', day('2022-03-09'), OWNER]);
    const [head, rec] = sheetValues(emu, '验收记录');
    expect(head).toEqual(['验收日期', '辖区', '统一社会信用代码', '企业名称', '结论', '参加部门', '验收意见', '记录人', '记录时间']);
    expect(rec).toEqual(['2022-03-09', '通川区', codeAt(emu, 5), '甲公司', '通过', '市经信局、市生态环境局', '', OWNER, '2022-03-10 09:00:00']);
    emu.clickMenu('刷新汇总');
    expect(summaryRow(emu, '通川区')['已验收销号']).toBe(2);
    emu.setUser(CLERK);
    paste(emu, 'R5', [['补充说明']]);
    expect(cell(emu, 'R5')).toBe('');
  });

  test('not passed: back to 整改中, a 不通过 record, and the district is told with the opinion in its next reminder, once', () => {
    const emu = office();
    edit(emu, 'T5', '已完成（待验收）');
    emu.setUser(OWNER);
    expect(accept(emu, false).errors?.opinion).toContain('请填写验收意见');
    expect(accept(emu, false, '废气收集效率不达标')).toMatchObject({ ok: true, status: '整改中' });
    expect(cell(emu, 'T5')).toBe('整改中');
    expect(sheetValues(emu, '验收记录')[1]!.slice(4, 7)).toEqual(['不通过', '市经信局、市生态环境局', '废气收集效率不达标']);
    runDaily(emu);
    const mail = emu.outbox.find((m) => m.to === TC)!;
    expect(mail.body).toContain('甲公司：2022-03-09联合验收未通过，验收意见：废气收集效率不达标。');
    emu.setNow('2022-03-11T01:00:00Z');
    runDaily(emu);
    const next = emu.outbox.filter((m) => m.to === TC);
    expect(next).toHaveLength(2);
    expect(next[1]!.body).not.toContain('验收未通过');
  });

  test('the digest lists enterprises waiting for acceptance, oldest first', () => {
    const emu = office();
    edit(emu, 'T6', '已完成（待验收）');
    emu.setNow('2022-03-12T01:00:00Z');
    edit(emu, 'T5', '已完成（待验收）');
    runDaily(emu);
    const body = emu.outbox.find((m) => m.subject.startsWith('【整治台账日报】'))!.body;
    expect(body.indexOf('通川区｜乙公司｜2022-03-10起待验收')).toBeGreaterThan(0);
    expect(body.indexOf('通川区｜乙公司')).toBeLessThan(body.indexOf('通川区｜甲公司｜2022-03-12起待验收'));
  });

  test('a clerk opening 审批延期申请 or 验收销号 is refused with a Chinese message and nothing changes', () => {
    const emu = office();
    const before = snapshot(emu);
    emu.clickMenu('验收销号');
    emu.clickMenu('审批延期申请');
    expect(emu.ui.alerts.slice(-2).map((a) => a.prompt)).toEqual([menuRefusal('menuRecordAcceptance', CLERK), menuRefusal('menuDecideExtensions', CLERK)]);
    expect(snapshot(emu)).toBe(before);
  });
});
