// Contract §10 end to end on the built dist/: only the office closes and extends, by every path; 延期申请 → 审批; 验收销号.
import type { Emulator } from '@eco-ledger/emulator';
import { withCheckChar } from '../../src/domain/credit-code';
import { CONTACT, OFFICE_CC, OWNER, logRows, mailsTo, runDaily, sheetValues, world } from '../support/reminder-world';

const CLERK = CONTACT['通川区']!.clerk;
const TC = CONTACT['通川区']!.email;
const day = (d: string): Date => new Date(`${d}T00:00:00+08:00`);

/** 通川区 rows 5–8: 甲 整改中, 乙 整改中 (another deadline), 丙 已验收销号, 丁 overdue; triggers installed, records seeded. */
function office(now = '2022-03-10T01:00:00Z'): Emulator {
  const emu = world(now, {
    通川区: [
      { name: '甲公司', deadline: '2022-06-30' },
      { name: '乙公司', deadline: '2022-09-30' },
      { name: '丙公司', deadline: '2022-03-01', status: '已验收销号', closedOn: '2022-03-05' },
      { name: '丁公司', deadline: '2022-03-01' },
    ],
  });
  emu.setUser(OWNER);
  emu.clickMenu('安装自动任务');
  emu.clickMenu('初始化/修复表格');
  emu.setUser(CLERK);
  return emu;
}

const cell = (emu: Emulator, a1: string): unknown => sheetValues(emu, '通川区')[Number(a1.slice(1)) - 1]?.[a1.charCodeAt(0) - 65];
const note = (emu: Emulator, a1: string): string =>
  (emu.model as unknown as { sheet(n: string): { noteAt(r: number, c: number): string } }).sheet('通川区').noteAt(Number(a1.slice(1)), a1.charCodeAt(0) - 64);
const codeAt = (emu: Emulator, row: number): string => String(cell(emu, `E${row}`));
const undoLines = (emu: Emulator) => logRows(emu).filter((r) => r[9]!.startsWith('已撤销辖区的修改'));

function edit(emu: Emulator, a1: string, value: unknown): void {
  const r = emu.userEdit('通川区', a1, value);
  if (!r.ok) throw new Error(r.message);
}

function paste(emu: Emulator, a1: string, grid: unknown[][]): void {
  const r = emu.userPaste('通川区', a1, grid);
  if (!r.ok) throw new Error(r.message);
}

function run(emu: Emulator, fn: string, arg: unknown): { ok: boolean; errors?: Record<string, string> } & Record<string, unknown> {
  const answer = emu.scriptRun(fn, arg);
  if (!answer.ok) throw new Error(answer.error);
  return answer.value as { ok: boolean; errors?: Record<string, string> };
}

const snapshot = (emu: Emulator): string => JSON.stringify((emu.model as unknown as { toJSON(): unknown }).toJSON());

/** 汇总's main table row of a district, by header. */
function summaryRow(emu: Emulator, district: string): Record<string, unknown> {
  const grid = sheetValues(emu, '汇总');
  const h = grid.findIndex((r) => r[0] === '辖区' && r[1] === '企业总数');
  const row = grid.slice(h).find((r) => r[0] === district)!;
  return Object.fromEntries(grid[h]!.map((k, i) => [String(k), row[i]]));
}

describe('a clerk cannot close or extend by hand (contract §10): the change is undone, noted and logged', () => {
  test('typing a later 整改完成时限 puts the approved one back, with a note naming 申请延期', () => {
    const emu = office();
    edit(emu, 'Q5', '2022-12-31');
    expect(cell(emu, 'Q5')).toEqual(day('2022-06-30'));
    expect(note(emu, 'Q5')).toMatch(/^【已撤销】.*现批准的时限为2022-06-30.*整治台账 → 申请延期/);
    expect(undoLines(emu).map((r) => [r[1], r[3], r[6], r[7], r[8]])).toEqual([[CLERK, 'Q5', '整改完成时限', '2022-12-31', '2022-06-30']]);
  });

  test('typing 已验收销号 puts the previous status back; typing a 销号日期 empties it', () => {
    const emu = office();
    edit(emu, 'T5', '已验收销号');
    expect(cell(emu, 'T5')).toBe('整改中');
    expect(note(emu, 'T5')).toContain('整治台账 → 管理（领导小组办公室） → 验收销号');
    edit(emu, 'V5', '2022-03-09');
    expect(cell(emu, 'V5')).toBe('');
    expect(note(emu, 'V5')).toContain('销号日期由领导小组办公室');
    expect(undoLines(emu)).toHaveLength(2);
  });

  test('a pasted block is judged per cell: its guarded cells go back, the rest of the paste stays', () => {
    const emu = office();
    paste(emu, 'R5', [['已完成改造', '', '已验收销号', '复兴镇', '2022-03-09']]);
    expect([cell(emu, 'R5'), cell(emu, 'T5'), cell(emu, 'V5')]).toEqual(['已完成改造', '整改中', '']);
    expect(undoLines(emu).map((r) => r[3])).toEqual(['T5', 'V5']);
    expect(logRows(emu).some((r) => r[3] === 'R5' && r[9] === '直接编辑')).toBe(true);
  });

  test('pasting deadlines over a sorted range: each row is compared with its own enterprise, found by credit code', () => {
    const emu = office();
    const [a, b] = [sheetValues(emu, '通川区')[4]!, sheetValues(emu, '通川区')[5]!];
    emu.model.setValuesRaw('通川区', 5, 1, [b, a]); // the tab sorted: 乙 now on row 5, 甲 on row 6
    paste(emu, 'Q5', [['2022-06-30'], ['2022-09-30']]); // the deadlines as copied before the sort
    expect([cell(emu, 'C5'), cell(emu, 'Q5'), cell(emu, 'C6'), cell(emu, 'Q6')]).toEqual(['乙公司', day('2022-09-30'), '甲公司', day('2022-06-30')]);
    expect(undoLines(emu).map((r) => [r[3], r[5]])).toEqual([['Q5', '乙公司'], ['Q6', '甲公司']]);
  });

  test('a row already 已验收销号: a typed change and a pasted one both come back (the paste from 销号存档)', () => {
    const emu = office();
    edit(emu, 'R7', '重新整改');
    expect(cell(emu, 'R7')).toBe('');
    expect(note(emu, 'R7')).toContain('已于2022-03-05验收销号');
    paste(emu, 'C7', [['改名公司', '新地址']]);
    expect([cell(emu, 'C7'), cell(emu, 'D7'), cell(emu, 'T7'), cell(emu, 'V7')]).toEqual(['丙公司', '达州市通川区某路1号', '已验收销号', day('2022-03-05')]);
    expect(undoLines(emu).map((r) => r[3])).toEqual(['R7', 'C7', 'D7']);
  });

  test('a closed row cleared with a multi-cell delete comes back from 销号存档, found by its 序号', () => {
    const emu = office();
    const code = codeAt(emu, 7);
    // Rows pasted before the trigger have no 序号; the office's edit of the closed row archives it with one.
    emu.model.setValuesRaw('通川区', 7, 1, [[3]]);
    emu.setUser(OWNER);
    edit(emu, 'S7', '验收后补记');
    emu.setUser(CLERK);
    paste(emu, 'B7', [Array.from({ length: 23 }, () => '')]);
    expect([cell(emu, 'C7'), codeAt(emu, 7), cell(emu, 'S7'), cell(emu, 'T7'), cell(emu, 'V7')]).toEqual(['丙公司', code, '验收后补记', '已验收销号', day('2022-03-05')]);
    expect(note(emu, 'E7')).toContain('已于2022-03-05验收销号');
    expect(undoLines(emu).some((r) => r[3] === 'E7' && r[4] === code)).toBe(true);
  });

  test('a clerk\'s new credit code for an enterprise on record goes back, noted and logged; the office may correct it', () => {
    const emu = office();
    const code = codeAt(emu, 5);
    const typo = withCheckChar('91511700MA0888888');
    edit(emu, 'E5', typo);
    expect(codeAt(emu, 5)).toBe(code);
    expect(note(emu, 'E5')).toContain('统一社会信用代码只能由领导小组办公室更正');
    expect(undoLines(emu).map((r) => [r[3], r[4], r[7], r[8]])).toEqual([['E5', code, typo, code]]);
    emu.setUser(OWNER);
    edit(emu, 'E5', typo);
    expect(codeAt(emu, 5)).toBe(typo);
  });

  test('a deleted closed row cannot be undone: the office’s digest names it until the row is back or its 销号存档 line is deleted', () => {
    const emu = office();
    expect(emu.userDeleteRows('通川区', 7).ok).toBe(true);
    runDaily(emu);
    const gone = /丙公司（91511700MA\w+）已不在本表：如系误删，请从隐藏的“销号存档”恢复该行/;
    expect(mailsTo(emu, OFFICE_CC).at(-1)?.body).toMatch(gone);
    emu.model.setValuesRaw('销号存档', 2, 1, [['', '', '']]);
    emu.setNow('2022-03-11T01:00:00Z');
    runDaily(emu);
    expect(mailsTo(emu, OFFICE_CC).map((m) => m.body).join('\n').split(gone)).toHaveLength(2);
  });

  test('enterprises from before this release are guarded after the first daily job, without 初始化/修复表格', () => {
    const before = (daily: boolean): Emulator => {
      const emu = office();
      // A workbook set up by the release before this one: no approved records.
      for (const k of [...emu.properties.document.map.keys()]) if (k.startsWith('approved:')) emu.properties.document.map.delete(k);
      if (daily) runDaily(emu);
      edit(emu, 'Q5', '2022-12-31');
      return emu;
    };
    // Without a record the first change is taken as the enterprise's first deadline (README: known compromises).
    expect(cell(before(false), 'Q5')).toEqual(day('2022-12-31'));
    const emu = before(true);
    expect(cell(emu, 'Q5')).toEqual(day('2022-06-30'));
    expect(undoLines(emu)).toHaveLength(1);
  });

  test('a new enterprise brings its first deadline, but not 已验收销号', () => {
    const emu = office();
    const fresh = sheetValues(emu, '通川区')[4]!.slice(1, 22); // B–V of 甲, then made another enterprise
    fresh[1] = '新公司';
    fresh[3] = withCheckChar('91511700MA0999999');
    fresh[15] = '2022-08-31';
    fresh[18] = '已验收销号';
    paste(emu, 'B9', [fresh]);
    expect([cell(emu, 'Q9'), cell(emu, 'T9')]).toEqual([day('2022-08-31'), '未启动']);
  });
});

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

  test('a request is refused without a reason, for an earlier date, past 验收截止日期 and for a closed enterprise', () => {
    const emu = office();
    expect(run(emu, 'requestExtension', { creditCode: codeAt(emu, 5), newDeadline: '2022-09-30', reason: '' }).errors?.reason).toBe('请填写延期理由');
    expect(ask(emu, '2022-05-31').errors?.newDeadline).toContain('应晚于现在的整改完成时限（2022-06-30）');
    expect(ask(emu, '2024-01-31').errors?.newDeadline).toContain('验收截止日期');
    expect(run(emu, 'requestExtension', { creditCode: codeAt(emu, 7), newDeadline: '2022-09-30', reason: '无' }).errors?._form).toContain('已验收销号');
    expect(requests(emu)).toHaveLength(1);
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
    expect(emu.ui.alerts.slice(-2).map((a) => a.prompt)).toEqual([
      expect.stringContaining('验收销号只能由领导小组办公室办理'),
      expect.stringContaining('审批延期申请只能由领导小组办公室办理'),
    ]);
    expect(snapshot(emu)).toBe(before);
  });
});
