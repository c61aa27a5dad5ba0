// 初始化/修复表格 in the emulator on the built dist/: tabs, the template cell for cell, validation, colours, protections, reruns.
import { Emulator, effectiveBackground } from '@eco-ledger/emulator';
import { TAB } from '../../src/domain/contract';
import { CELL_PADDING, textWidth } from '../../src/domain/column-width';
import { menuRefusal } from '../../src/domain/menu';
import { LOWER_HEADERS, upperHeaders } from '../support/template-head';
import { DC_CLERK, OWNER, TC_CLERK, modelOf, payload, ruleCounts, seedPayloads, seedRows, setEditors, setUp, settingCell, tab, values } from '../support/ledger-world';

describe('setup on an empty spreadsheet', () => {
  const emu = setUp();
  const model = modelOf(emu);

  it('creates the tabs of contract §1 and drops the blank first tab', () => {
    expect(model.sheets.map((s) => s.name)).toEqual(['汇总', '通川区', '达川区', '达州高新区', '配置', '报送记录', '操作日志', '延期申请', '验收记录', '销号存档', '档案索引']);
    expect(model.timeZone).toBe('Asia/Shanghai');
  });

  it.each([
    ['通川区', '通川区人民政府'],
    ['达川区', '达川区人民政府'],
    ['达州高新区', '达州高新区管委会'],
  ])('lays out rows 1–4 of %s cell for cell', (district, filler) => {
    const head = values(emu, district, 'A1:X4');
    const title = new Array<string>(24).fill('');
    title[0] = '达州市主城工业企业突出生态环境问题整治工作台账';
    const fillerRow = new Array<string>(24).fill('');
    fillerRow[0] = `填报单位（签章）：${filler}`;
    fillerRow[19] = '填表时间：2022-03-20';
    expect(head).toEqual([title, fillerRow, upperHeaders(), LOWER_HEADERS]);
    expect(tab(emu, district).mergesOf().sort()).toEqual(
      ['A1:X1', 'A2:S2', 'T2:X2', 'A3:A4', 'B3:B4', 'C3:M3', 'N3:R3', 'S3:S4', 'T3:X3'].sort(),
    );
    expect(tab(emu, district).frozenRows).toBe(4);
    // Real Sheets refuses a frozen column through the title merged across A–X (behaviors §10): none is frozen.
    expect(tab(emu, district).frozenCols).toBe(0);
  });

  it('lays out 配置 with the districts and the default settings', () => {
    const config = values(emu, TAB.config, 'A1:B13');
    expect(config[0]?.slice(0, 2)).toEqual(['辖区', '填报单位']);
    expect(config.slice(1, 4).map((r) => r[0])).toEqual(['通川区', '达川区', '达州高新区']);
    const setting = (label: string) => config.find((r) => r[0] === label)?.[1];
    expect(setting('即将到期提醒天数')).toBe(7);
    expect(setting('季度报送截止日')).toBe(25);
  });

  it('gives 操作日志 and 报送记录 their header rows', () => {
    expect(values(emu, TAB.log, 'A1:J1')[0]).toEqual(['时间', '账号', '工作表', '范围', '统一社会信用代码', '企业名称', '字段', '原值', '新值', '操作']);
    expect(values(emu, TAB.reports, 'A1:B1')[0]).toEqual(['季度', '辖区']);
  });

  it('formats the data rows: literal text, days, date-time stamps', () => {
    const sheet = tab(emu, '通川区');
    expect(sheet.numberFormatAt(900, 5)).toBe('@');
    expect(sheet.numberFormatAt(5, 17)).toBe('yyyy-mm-dd');
    expect(sheet.numberFormatAt(5, 23)).toBe('yyyy-mm-dd hh:mm:ss');
  });

  it('refuses a typed value outside a list, a malformed credit code, a negative headcount and a non-date deadline', () => {
    emu.setUser(OWNER);
    expect(emu.userEdit('通川区', 'F5', '造纸')).toMatchObject({ ok: false });
    expect(emu.userEdit('通川区', 'B6', '达川区')).toMatchObject({ ok: false });
    expect(emu.userEdit('通川区', 'E5', '9151170OMA0000001X')).toMatchObject({ ok: false });
    expect(emu.userEdit('通川区', 'G5', -3)).toMatchObject({ ok: false });
    expect(emu.userEdit('通川区', 'Q5', '下个月')).toMatchObject({ ok: false });
    expect(emu.userEdit('通川区', 'T1000', '完成了')).toMatchObject({ ok: false });
    expect(values(emu, '通川区', 'E5:G5')).toEqual([['', '', '']]);
  });

  it('accepts listed values, a well-formed code and a real date', () => {
    expect(emu.userEdit('达川区', 'F5', '水泥')).toMatchObject({ ok: true });
    expect(emu.userEdit('达川区', 'E5', payload().creditCode)).toMatchObject({ ok: true });
    expect(emu.userEdit('达川区', 'Q5', '2022-06-30')).toMatchObject({ ok: true });
    expect(values(emu, '达川区', 'Q5')[0]?.[0]).toBeInstanceOf(Date);
  });

  it('refuses 备注 without the new site area on a 搬迁升级 row, and accepts it with the area', () => {
    expect(emu.userEdit('达州高新区', 'P5', '搬迁升级')).toMatchObject({ ok: true });
    expect(emu.userEdit('达州高新区', 'S5', '计划搬迁')).toMatchObject({ ok: false });
    expect(emu.userEdit('达州高新区', 'S5', '新址用地面积：12.5亩')).toMatchObject({ ok: true });
  });

  it('colours an overdue row red, a due-soon row yellow and a finished row green, by today in Shanghai', () => {
    const lit = setUp('2022-03-20T20:00:00Z'); // already 2022-03-21 in Shanghai
    const rows = [
      payload({ deadline: '2022-03-20', status: '整改中' }), // overdue by a day
      payload({ deadline: '2022-03-21', status: '未启动' }), // due today: due soon
      payload({ deadline: '2022-03-28', status: '整改中' }), // 7 days left: due soon
      payload({ deadline: '2022-03-29', status: '整改中' }), // 8 days left: no colour
      payload({ deadline: '2022-01-10', status: '已完成（待验收）' }),
    ];
    seedPayloads(lit, '通川区', rows);
    const colours = [5, 6, 7, 8, 9].map((r) => effectiveBackground(modelOf(lit), tab(lit, '通川区'), r, 3));
    expect(colours).toEqual(['#f4cccc', '#fff2cc', '#fff2cc', '#ffffff', '#d9ead3']);
    expect(effectiveBackground(modelOf(lit), tab(lit, '通川区'), 10, 3)).toBe('#ffffff');
  });

  it('bakes 即将到期提醒天数 from 配置 into the due-soon colour when setup reruns', () => {
    const lit = setUp('2022-03-20T02:00:00Z');
    seedPayloads(lit, '通川区', [payload({ deadline: '2022-03-30', status: '整改中' })]);
    expect(effectiveBackground(modelOf(lit), tab(lit, '通川区'), 5, 3)).toBe('#ffffff');
    expect(lit.userEdit(TAB.config, settingCell('即将到期提醒天数'), 10)).toMatchObject({ ok: true });
    lit.clickMenu('初始化/修复表格');
    expect(effectiveBackground(modelOf(lit), tab(lit, '通川区'), 5, 3)).toBe('#fff2cc');
    expect(tab(lit, '通川区').cfRules).toHaveLength(3);
  });
});

describe('setup run again', () => {
  it('adds no rule or protection and leaves a data row typed in between untouched', () => {
    const emu = setUp();
    const first = ruleCounts(emu);
    emu.setUser(OWNER);
    const typed = payload();
    expect(emu.userEdit('通川区', 'C5', typed.name)).toMatchObject({ ok: true });
    seedRows(emu, '达川区', 2);
    const dataBefore = ['通川区', '达川区'].map((d) => values(emu, d, 'A5:X8'));
    const dataRowsBefore = ['通川区', '达川区'].map((d) => tab(emu, d).lastRow());
    const logBefore = tab(emu, TAB.log).lastRow();
    emu.clickMenu('初始化/修复表格');
    expect(ruleCounts(emu)).toEqual(first);
    expect(['通川区', '达川区'].map((d) => values(emu, d, 'A5:X8'))).toEqual(dataBefore);
    expect(['通川区', '达川区'].map((d) => tab(emu, d).lastRow())).toEqual(dataRowsBefore);
    // The edit above logged itself once the trigger exists; the rerun itself changed nothing, so it logs nothing.
    expect(tab(emu, TAB.log).lastRow()).toBe(logBefore);
    expect(emu.ui.alerts[emu.ui.alerts.length - 1]?.prompt).toContain('无需修复');
  });

  it('sizes the columns of a new tab for Chinese text and keeps widths users changed since', () => {
    const emu = setUp();
    const sheet = tab(emu, '通川区');
    expect(sheet.colWidths[2]).toBeGreaterThanOrEqual(150);
    expect(sheet.colWidths[0]).toBeLessThan(60);
    sheet.colWidths[13] = 400;
    emu.clickMenu('初始化/修复表格');
    expect(sheet.colWidths[13]).toBe(400);
  });

  it('sizes every tab from its content: 辖区 fits 达州高新区, 最后更新人 an address, no tab left at 100 px defaults', () => {
    const emu = setUp();
    const ledger = tab(emu, '达州高新区').colWidths;
    expect(ledger[1]).toBeGreaterThanOrEqual(textWidth('达州高新区') + CELL_PADDING);
    expect(ledger[23]).toBeGreaterThanOrEqual(textWidth(OWNER) + CELL_PADDING);
    for (const name of [TAB.summary, TAB.config, TAB.log, TAB.reports, '延期申请', '验收记录']) {
      const widths = tab(emu, name).colWidths;
      expect([name, widths.filter((w) => w !== undefined).length]).toEqual([name, expect.any(Number)]);
      expect(widths.some((w) => w !== undefined && w !== 100)).toBe(true);
    }
    const log = tab(emu, TAB.log).colWidths;
    expect(log[0]).toBeGreaterThanOrEqual(textWidth('2022-03-20 09:00:00') + CELL_PADDING);
    // Sized while the log holds no clerk's line: still wide enough for a clerk's account (once in 配置) and a code.
    setEditors(emu, '通川区', 'tongchuan.district.clerk@dazhou.gov.cn');
    emu.setUser(OWNER);
    emu.clickMenu('初始化/修复表格');
    expect(tab(emu, TAB.log).colWidths[1]).toBeGreaterThanOrEqual(textWidth('tongchuan.district.clerk@dazhou.gov.cn') + CELL_PADDING);
    expect(log[4]).toBeGreaterThanOrEqual(textWidth('91511700MA00000000') + CELL_PADDING);
    expect(tab(emu, TAB.summary).colWidths[0]).toBeGreaterThanOrEqual(textWidth('达州高新区') + CELL_PADDING);
  });

  it('widens a column whose content outgrew it on the next run, and a run with nothing to widen sets no width', () => {
    const emu = setUp();
    const email = 'tongchuan.district.office.clerk@dazhou.gov.cn';
    setEditors(emu, '通川区', email);
    seedRows(emu, '通川区', 1);
    modelOf(emu).setValuesRaw('通川区', 5, 21, [['通川区某某某某某街道办事处']]);
    emu.clickMenu('初始化/修复表格');
    const widths = tab(emu, '通川区').colWidths;
    expect(widths[23]).toBeGreaterThanOrEqual(textWidth(email) + CELL_PADDING);
    expect(widths[20]).toBeGreaterThanOrEqual(textWidth('通川区某某某某某街道办事处') + CELL_PADDING);
    const before = JSON.stringify(['通川区', TAB.summary, TAB.log].map((n) => tab(emu, n).colWidths));
    emu.clickMenu('初始化/修复表格');
    const rerun = emu.executions.at(-1)!;
    expect(rerun.calls['Sheet.setColumnWidth'] ?? 0).toBe(0);
    expect(JSON.stringify(['通川区', TAB.summary, TAB.log].map((n) => tab(emu, n).colWidths))).toBe(before);
  });

  it('restores a deleted tab and a damaged title without touching the data below', () => {
    const emu = setUp();
    seedRows(emu, '通川区', 3);
    const data = values(emu, '通川区', 'A5:X7');
    const model = modelOf(emu);
    model.removeSheet(model.sheet('达川区'));
    model.setValuesRaw('通川区', 1, 1, [['随便写的标题']]);
    emu.clickMenu('初始化/修复表格');
    expect(model.sheets.map((s) => s.name)).toContain('达川区');
    expect(values(emu, '通川区', 'A1')[0]?.[0]).toBe('达州市主城工业企业突出生态环境问题整治工作台账');
    expect(values(emu, '通川区', 'A5:X7')).toEqual(data);
  });

  it('refuses to rewrite the header over data whose columns moved, and says so', () => {
    const emu = setUp();
    seedRows(emu, '通川区', 1);
    const model = modelOf(emu);
    model.setValuesRaw('通川区', 4, 3, [['企业详细地址', '企业名称']]);
    emu.clickMenu('初始化/修复表格');
    expect(values(emu, '通川区', 'C4:D4')).toEqual([['企业详细地址', '企业名称']]);
    expect(emu.ui.alerts[emu.ui.alerts.length - 1]?.prompt).toContain('列顺序与模板不一致');
  });
});

describe('protections from 配置', () => {
  const hard = (emu: Emulator, name: string) =>
    modelOf(emu).protections.find((p) => p.type === 'SHEET' && p.sheet.name === name && !p.warningOnly);

  it('keeps each district tab to its editors and the office, 配置 to the office, and only warns elsewhere', () => {
    const emu = setUp();
    setEditors(emu, '通川区', `${TC_CLERK}, ${DC_CLERK.toUpperCase()}`);
    emu.clickMenu('初始化/修复表格');
    expect(hard(emu, '通川区')?.editors.sort()).toEqual([DC_CLERK, OWNER, TC_CLERK].sort());
    expect(hard(emu, '达川区')?.editors).toEqual([OWNER]);
    expect(hard(emu, TAB.config)?.editors).toEqual([OWNER]);
    const warnings = modelOf(emu).protections.filter((p) => p.warningOnly).map((p) => `${p.sheet.name}:${p.type}`);
    expect(warnings.sort()).toEqual(
      ['汇总:SHEET', '操作日志:SHEET', '报送记录:SHEET', '延期申请:SHEET', ...['通川区', '达川区', '达州高新区'].flatMap((d) => [`${d}:RANGE`, `${d}:RANGE`])].sort(),
    );
    emu.setUser(TC_CLERK);
    expect(emu.userEdit('通川区', 'C5', '某公司')).toMatchObject({ ok: true });
    expect(emu.userEdit('达川区', 'C5', '某公司')).toMatchObject({ ok: false });
    expect(emu.userEdit(TAB.config, 'E2', TC_CLERK)).toMatchObject({ ok: false });
  });

  it('follows 配置 when it changes: a removed editor loses the tab, a new one gains it', () => {
    const emu = setUp();
    setEditors(emu, '通川区', TC_CLERK);
    emu.clickMenu('初始化/修复表格');
    const count = modelOf(emu).protections.length;
    setEditors(emu, '通川区', DC_CLERK);
    emu.setUser(OWNER);
    emu.clickMenu('初始化/修复表格');
    expect(hard(emu, '通川区')?.editors.sort()).toEqual([DC_CLERK, OWNER].sort());
    expect(modelOf(emu).protections.length).toBe(count);
    emu.setUser(TC_CLERK);
    expect(emu.userEdit('通川区', 'C5', '某公司')).toMatchObject({ ok: false });
    emu.setUser(DC_CLERK);
    expect(emu.userEdit('通川区', 'C5', '某公司')).toMatchObject({ ok: true });
  });

  it('refuses a clerk who runs setup, and changes nothing', () => {
    const emu = setUp();
    setEditors(emu, '通川区', TC_CLERK);
    const before = ruleCounts(emu);
    emu.setUser(TC_CLERK);
    emu.clickMenu('初始化/修复表格');
    expect(emu.ui.alerts[emu.ui.alerts.length - 1]?.prompt).toBe(menuRefusal('menuSetup', TC_CLERK));
    expect(ruleCounts(emu)).toEqual(before);
  });
});

describe('setup on an empty workbook at a fixed time', () => {
  it('stamps 填表时间 with the Shanghai day even late in the UTC evening', () => {
    const emu = setUp('2022-03-20T17:30:00Z');
    expect(values(emu, '通川区', 'T2')[0]?.[0]).toBe('填表时间：2022-03-21');
  });
});
