// 企业档案 on the built dist/ in the emulator: the history of one enterprise from 操作日志, oldest first, dates as dates, at 50,000 lines.
import type { Emulator } from '@eco-ledger/emulator';
import { COLUMNS, LOG_HEADERS, TAB } from '../../src/domain/contract';
import { withCheckChar } from '../../src/domain/credit-code';
import { DOSSIER_DATA_ID } from '../../src/domain/dossier';
import type { Dossier, DossierView } from '../../src/domain/dossier';
import { OWNER, TC_CLERK, modelOf, payload, setEditors, setUp, tab } from '../support/ledger-world';
import { runDaily, sheetValues, world as reminderWorld } from '../support/reminder-world';

function world(): Emulator {
  const emu = setUp('2022-03-20T09:00:00+08:00');
  setEditors(emu, '通川区', TC_CLERK);
  return emu;
}

function dossier(emu: Emulator, code: unknown): Dossier | null {
  const answer = emu.scriptRun('getEnterpriseDossier', code);
  if (!answer.ok) throw new Error(answer.error);
  return answer.value as Dossier | null;
}

function save(emu: Emulator, fn: 'submitEnterprise' | 'updateEnterprise', p: unknown): void {
  const answer = emu.scriptRun(fn, p);
  if (!answer.ok || !(answer.value as { ok: boolean }).ok) throw new Error(`${fn}: ${JSON.stringify(answer)}`);
}

const logLine = (over: Partial<Record<(typeof LOG_HEADERS)[number], unknown>>): unknown[] => LOG_HEADERS.map((h) => over[h] ?? '');

describe('getEnterpriseDossier', () => {
  it('gives the record and every log line for its code, oldest first, with who, when and old → new', () => {
    const emu = world();
    emu.setUser(TC_CLERK);
    const p = payload({ district: '通川区' });
    save(emu, 'submitEnterprise', p);
    emu.setNow('2022-04-02T15:45:00+08:00');
    save(emu, 'updateEnterprise', { ...p, progress: '已完成方案编制' });
    emu.setUser(OWNER);
    emu.setNow('2022-05-06T08:05:00+08:00');
    save(emu, 'updateEnterprise', { ...p, progress: '已完成方案编制', deadline: '2022-09-30' });
    save(emu, 'submitEnterprise', payload({ district: '通川区' }));

    const d = dossier(emu, p.creditCode.toLowerCase());
    expect(d?.enterprise).toMatchObject({ name: p.name, creditCode: p.creditCode, district: '通川区', deadline: '2022-09-30' });
    expect(d?.events.map((e) => [e.at, e.account, e.action, e.field, e.oldValue, e.newValue])).toEqual([
      ['2022-03-20 09:00', TC_CLERK, '新增企业（侧边栏）', '', '', expect.stringMatching(/^新增企业：序号1/)],
      ['2022-04-02 15:45', TC_CLERK, '编辑企业（侧边栏）', '进展情况', '', '已完成方案编制'],
      ['2022-05-06 08:05', OWNER, '编辑企业（侧边栏）', '整改完成时限', '2022-06-30', '2022-09-30'],
    ]);
  });

  it('shows dates of earlier releases\' lines as dates, never serial numbers, and a bare 序号 line in words', () => {
    const emu = world();
    emu.setUser(OWNER);
    const p = payload({ district: '通川区' });
    save(emu, 'submitEnterprise', p);
    const last = tab(emu, TAB.log).lastRow();
    modelOf(emu).setValuesRaw(TAB.log, last + 1, 1, [
      logLine({ 时间: '2022-03-21 10:00:00', 账号: OWNER, 工作表: '通川区', 统一社会信用代码: p.creditCode, 企业名称: p.name, 字段: '整改完成时限', 原值: '44742', 新值: '44834', 操作: '直接编辑' }),
      logLine({ 时间: '2022-03-21 10:01:00', 账号: OWNER, 工作表: '通川区', 统一社会信用代码: p.creditCode, 企业名称: p.name, 新值: '序号7', 操作: '新增企业（侧边栏）' }),
    ]);
    const events = dossier(emu, p.creditCode)?.events ?? [];
    expect(events[1]).toMatchObject({ field: '整改完成时限', oldValue: '2022-06-30', newValue: '2022-09-30' });
    expect(events[2]?.newValue).toBe(`新增企业：序号7；${p.name}；通川区`);
    expect(JSON.stringify(events)).not.toMatch(/4474\d|4483\d/);
  });

  it('is null for a code no district tab holds, and for an empty one', () => {
    const emu = world();
    expect(dossier(emu, withCheckChar('91511700MA9999999'))).toBeNull();
    expect(dossier(emu, '')).toBeNull();
    expect(dossier(emu, 12)).toBeNull();
  });

  it('reads a 50,000-line log through 档案索引: no read of its code column, one block per cluster of matches, under 2 s modelled', () => {
    const emu = world();
    emu.setUser(OWNER);
    const p = payload({ district: '通川区' });
    save(emu, 'submitEnterprise', p);
    // 1,000 other enterprises' lines, and the target's in 12 sessions of 1–4 consecutive lines spread through the log.
    const other = Array.from({ length: 1000 }, (_, i) => withCheckChar(`91511700MB${String(i).padStart(7, '0')}`));
    const lines: unknown[][] = [];
    const sessions = new Map(Array.from({ length: 12 }, (_, s) => [Math.floor(((s + 0.5) * 50_000) / 12), 1 + (s % 4)]));
    let mine = 0;
    for (let i = 0; lines.length < 50_000; i += 1) {
      const n = sessions.get(lines.length);
      for (let k = 0; n !== undefined && k < n; k += 1) {
        lines.push(logLine({ 时间: '2022-06-01 10:00:00', 账号: OWNER, 工作表: '通川区', 统一社会信用代码: p.creditCode, 企业名称: p.name, 字段: '进展情况', 原值: `${k}`, 新值: `${k + 1}`, 操作: '直接编辑' }));
        mine += 1;
      }
      lines.push(logLine({ 时间: '2022-05-01 09:00:00', 账号: TC_CLERK, 工作表: '通川区', 统一社会信用代码: other[i % 1000], 企业名称: '其他企业', 字段: '进展情况', 原值: '', 新值: 'x', 操作: '直接编辑' }));
    }
    modelOf(emu).setValuesRaw(TAB.log, tab(emu, TAB.log).lastRow() + 1, 1, lines);
    const before = dossier(emu, p.creditCode);
    const scanned = emu.lastExecution;
    runDaily(emu);
    // A line logged after the daily job built the index is found in the few rows read past it.
    emu.setNow('2022-07-01T10:00:00+08:00');
    save(emu, 'updateEnterprise', { ...p, progress: '索引之后' });
    const logLines = tab(emu, TAB.log).lastRow() - 1;
    const d = dossier(emu, p.creditCode);
    const cost = emu.lastExecution;
    expect(before?.events).toHaveLength(1 + mine);
    expect(d?.events).toHaveLength(2 + mine);
    expect(d?.events.at(-1)?.newValue).toBe('索引之后');
    // 配置, column E of each district tab holding rows (here one), the enterprise's head and row, 档案索引, the
    // code column of the lines since, then one read per cluster (the 新增 line a 13th, the latest a 14th).
    expect(cost?.calls['Range.getValues']).toBe(1 + 1 + 2 + 1 + 1 + 14);
    expect(cost?.cellsRead).toBeLessThan(5_000);
    expect(cost?.modelledMs).toBeLessThan(2_000);
    const line = (c: typeof cost): string => `${Object.values(c?.calls ?? {}).reduce((a, b) => a + b, 0)} calls, ${c?.cellsRead} cells read, modelled ${Math.round(c?.modelledMs ?? 0)} ms`;
    console.log(`getEnterpriseDossier at ${logLines} log lines, 14 clusters: without 档案索引 ${line(scanned)}; with it ${line(cost)}`);
  });

  it('reads the whole code column when 档案索引 no longer matches the log (sorted by hand), and finds every line', () => {
    const emu = world();
    emu.setUser(OWNER);
    const p = payload({ district: '通川区' });
    save(emu, 'submitEnterprise', p);
    emu.setNow('2022-03-20T10:00:00+08:00');
    save(emu, 'updateEnterprise', { ...p, progress: '一' });
    save(emu, 'submitEnterprise', payload({ district: '通川区' }));
    runDaily(emu);
    const log = tab(emu, TAB.log);
    const grid = sheetValues(emu, TAB.log).slice(1).reverse();
    modelOf(emu).setValuesRaw(TAB.log, 2, 1, grid);
    const d = dossier(emu, p.creditCode);
    expect(d?.events.map((e) => e.newValue)).toEqual([expect.stringMatching(/^新增企业：序号1/), '一']);
    expect(emu.lastExecution?.cellsRead).toBeGreaterThanOrEqual(log.lastRow() - 1);
    // The next daily job sees its last indexed row changed and rebuilds: the index names the code's rows again.
    emu.setNow('2022-03-21T09:00:00+08:00');
    runDaily(emu);
    const lines = sheetValues(emu, TAB.log).slice(1);
    const rows = String(sheetValues(emu, '档案索引').find((r) => r[0] === p.creditCode)?.[1]).split(',').map(Number);
    expect(rows.map((i) => lines[i]?.[LOG_HEADERS.indexOf('统一社会信用代码')])).toEqual([p.creditCode, p.creditCode]);
    expect(lines.filter((l) => l[LOG_HEADERS.indexOf('统一社会信用代码')] === p.creditCode)).toHaveLength(2);
  });

  it('shows the reminders and 催办 that listed the enterprise, and not those that did not', () => {
    const emu = reminderWorld('2022-03-21T09:00:00+08:00', { 通川区: [{ name: '逾期企业', deadline: '2022-03-01' }, { name: '从容企业', deadline: '2023-06-30' }] });
    const codeOf = (name: string): string => String(sheetValues(emu, '通川区').find((r) => r[COLUMNS.findIndex((c) => c.key === 'name')] === name)?.[COLUMNS.findIndex((c) => c.key === 'creditCode')]);
    runDaily(emu);
    emu.setNow('2022-03-21T10:00:00+08:00');
    expect(emu.scriptRun('sendUrgeNow', { districts: ['通川区'] })).toMatchObject({ ok: true, value: { ok: true, sent: ['通川区'] } });
    const reminders = (dossier(emu, codeOf('逾期企业'))?.events ?? []).filter((e) => e.kind === '提醒');
    expect(reminders.map((e) => [e.at, e.field, e.action])).toEqual([
      ['2022-03-21 09:00', '提醒邮件', '发送提醒邮件'],
      ['2022-03-21 10:00', '催办邮件', '发送催办邮件'],
    ]);
    expect(reminders[0]?.newValue).toContain('主题：【整治台账提醒】通川区');
    expect((dossier(emu, codeOf('从容企业'))?.events ?? []).filter((e) => e.kind === '提醒')).toEqual([]);
  });
});

describe('企业档案 menu item', () => {
  it('opens the dialog for the selected row with the record and its events', () => {
    const emu = world();
    emu.setUser(TC_CLERK);
    const p = payload({ district: '通川区', name: '达州市<b>甲</b>公司' });
    save(emu, 'submitEnterprise', p);
    modelOf(emu).setActive('通川区', 'C5');
    emu.clickMenu('企业档案');
    const dialog = emu.ui.dialogs.at(-1);
    expect(dialog?.title).toBe('企业档案：达州市<b>甲</b>公司');
    const block = new RegExp(`<script type="application/json" id="${DOSSIER_DATA_ID}">(.*?)</script>`).exec(dialog?.html ?? '');
    expect(block?.[1]).not.toContain('<b>');
    const view = JSON.parse(block?.[1] ?? 'null') as DossierView;
    expect(view).toMatchObject({ row: 5, serial: 1, enterprise: { creditCode: p.creditCode } });
    expect(view.events).toHaveLength(1);
  });

  it('opens from the edit sidebar\'s 企业档案 link for the form\'s enterprise (showDossier), and says so when it is gone', () => {
    const emu = world();
    emu.setUser(TC_CLERK);
    const p = payload({ district: '通川区' });
    save(emu, 'submitEnterprise', p);
    const opened = emu.scriptRun('showDossier', p.creditCode);
    expect(opened.ok).toBe(true);
    expect(emu.ui.dialogs.at(-1)?.title).toBe(`企业档案：${p.name}`);
    const gone = emu.scriptRun('showDossier', withCheckChar('91511700MA9999999'));
    expect(gone).toEqual({ ok: false, error: '找不到该企业，它可能已被删除。请关闭侧边栏后重新选中企业所在行。' });
    expect(emu.ui.dialogs).toHaveLength(1);
  });

  it('asks for a district tab and a selected enterprise row first', () => {
    const emu = world();
    emu.setUser(TC_CLERK);
    modelOf(emu).setActive(TAB.config, 'A1');
    emu.clickMenu('企业档案');
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(/^请先切换到辖区工作表（通川区、达川区、达州高新区），选中企业所在行，再点“企业档案”。$/);
    modelOf(emu).setActive('通川区', 'A3');
    emu.clickMenu('企业档案');
    expect(emu.ui.alerts.at(-1)?.prompt).toContain('请先在“通川区”中选中企业所在行');
    expect(emu.ui.dialogs).toHaveLength(0);
  });
});
