// 配置 parsing: district table, labelled settings, defaults and bad values; the default layout.

import { dayOf, startOfDay } from '../../src/domain/calendar-day';
import { CONFIG_DEFAULTS, CONFIG_HEADERS, CONFIG_LABEL, DEFAULT_DISTRICTS } from '../../src/domain/contract';
import {
  defaultConfigGrid,
  defaultSettings,
  parseSettings,
  planRules,
  sendModeText,
  settingCells,
  settingValidation,
  splitAddresses,
} from '../../src/domain/settings';

function setValue(grid: unknown[][], label: string, value: unknown): unknown[][] {
  const copy = grid.map((r) => [...r]);
  const row = copy.find((r) => r[0] === label);
  if (!row) throw new Error(`no ${label}`);
  row[1] = value;
  return copy;
}

describe('defaultConfigGrid', () => {
  const grid = defaultConfigGrid();

  it('is a rectangle', () => {
    const width = grid[0]!.length;
    for (const row of grid) expect(row).toHaveLength(width);
  });

  it('parses back to the defaults without errors', () => {
    const { settings, errors } = parseSettings(grid);
    expect(errors).toEqual([]);
    expect(settings).toEqual({
      districts: DEFAULT_DISTRICTS.map((d) => ({ district: d.district, filler: d.filler, contact: '', emails: [], editors: [] })),
      officeEmails: [],
      admins: [],
      reminderHour: CONFIG_DEFAULTS.reminderHour,
      reportDay: CONFIG_DEFAULTS.reportDay,
      dueSoonDays: CONFIG_DEFAULTS.dueSoonDays,
      firstQuarter: null,
      staleDays: CONFIG_DEFAULTS.staleDays,
      workdaysOnly: false,
      rectifyBy: CONFIG_DEFAULTS.rectifyBy,
      acceptBy: CONFIG_DEFAULTS.acceptBy,
      testRecipient: '',
      sendMode: 'live',
    });
    expect(defaultSettings()).toEqual(settings);
  });

  it('holds the plan dates as real dates and every label once', () => {
    const flat = grid.flat();
    for (const label of Object.values(CONFIG_LABEL)) expect(flat.filter((c) => c === label)).toHaveLength(1);
    const accept = grid.find((r) => r[0] === CONFIG_LABEL.acceptBy)![1];
    expect(accept).toBeInstanceOf(Date);
    expect(dayOf(accept as Date)).toBe(CONFIG_DEFAULTS.acceptBy);
  });

  it('starts with the district header row', () => {
    expect(grid[0]!.slice(0, CONFIG_HEADERS.length)).toEqual([...CONFIG_HEADERS]);
  });
});

describe('parseSettings: the district table', () => {
  it('reads contacts and address lists with every separator, lower-cased and without repeats', () => {
    const grid = defaultConfigGrid();
    grid[2] = ['达川区', '达川区人民政府', '张三', 'A@x.cn，b@x.cn；a@x.cn  c@x.cn', 'Ed1@x.cn;ed2@x.cn,ed1@x.cn', ''];
    const d = parseSettings(grid).settings.districts[1]!;
    expect(d).toEqual({
      district: '达川区',
      filler: '达川区人民政府',
      contact: '张三',
      emails: ['a@x.cn', 'b@x.cn', 'c@x.cn'],
      editors: ['ed1@x.cn', 'ed2@x.cn'],
    });
  });

  it('finds the table anywhere in the grid, with columns in any order', () => {
    const grid = [
      ['', '', '', '', '', ''],
      ['', '编辑账号', '辖区', '联系人', '联系邮箱', '填报单位'],
      ['', 'e@x.cn', '宣汉县', '李四', 'l@x.cn', '宣汉县人民政府'],
      ['', '', '', '', '', ''],
    ];
    const { settings, errors } = parseSettings(grid);
    expect(errors).toEqual([]);
    expect(settings.districts).toEqual([
      { district: '宣汉县', filler: '宣汉县人民政府', contact: '李四', emails: ['l@x.cn'], editors: ['e@x.cn'] },
    ]);
  });

  it('drops an invalid address and names the cell', () => {
    const grid = defaultConfigGrid();
    grid[1]![3] = 'ok@x.cn, not-an-address';
    const { settings, errors } = parseSettings(grid);
    expect(settings.districts[0]!.emails).toEqual(['ok@x.cn']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('配置!D2');
    expect(errors[0]).toContain('not-an-address');
  });

  it('ignores a repeated district and says so', () => {
    const grid = defaultConfigGrid();
    grid[2]![0] = '通川区';
    const { settings, errors } = parseSettings(grid);
    expect(settings.districts.map((d) => d.district)).toEqual(['通川区', '达州高新区']);
    expect(errors[0]).toContain('重复');
  });

  it('falls back to the default districts, office-only, when the table is missing', () => {
    const { settings, errors } = parseSettings([]);
    expect(settings.districts.map((d) => d.district)).toEqual(DEFAULT_DISTRICTS.map((d) => d.district));
    expect(settings.districts.every((d) => d.editors.length === 0)).toBe(true);
    expect(errors[0]).toContain('辖区表');
  });
});

describe('parseSettings: labelled settings', () => {
  it('reads office addresses, admins and the test recipient', () => {
    let grid = setValue(defaultConfigGrid(), CONFIG_LABEL.officeEmail, 'Office@x.cn; lead@x.cn');
    grid = setValue(grid, CONFIG_LABEL.admins, 'admin@x.cn');
    grid = setValue(grid, CONFIG_LABEL.testRecipient, ' Test@x.cn ');
    const { settings, errors } = parseSettings(grid);
    expect(errors).toEqual([]);
    expect(settings.officeEmails).toEqual(['office@x.cn', 'lead@x.cn']);
    expect(settings.admins).toEqual(['admin@x.cn']);
    expect(settings.testRecipient).toBe('test@x.cn');
  });

  it('reads numbers given as numbers or digit text and dates given as dates or text', () => {
    let grid = setValue(defaultConfigGrid(), CONFIG_LABEL.reminderHour, '8');
    grid = setValue(grid, CONFIG_LABEL.reportDay, 20);
    grid = setValue(grid, CONFIG_LABEL.dueSoonDays, 0);
    grid = setValue(grid, CONFIG_LABEL.rectifyBy, '2024-06-30');
    grid = setValue(grid, CONFIG_LABEL.acceptBy, startOfDay('2024-12-31'));
    const { settings, errors } = parseSettings(grid);
    expect(errors).toEqual([]);
    expect([settings.reminderHour, settings.reportDay, settings.dueSoonDays]).toEqual([8, 20, 0]);
    expect([settings.rectifyBy, settings.acceptBy]).toEqual(['2024-06-30', '2024-12-31']);
  });

  it('finds a label in any column, with its value to the right', () => {
    const grid = [
      ...defaultConfigGrid().filter((r) => r[0] !== CONFIG_LABEL.dueSoonDays),
      ['', '', '', CONFIG_LABEL.dueSoonDays, 14, ''],
    ];
    expect(parseSettings(grid).settings.dueSoonDays).toBe(14);
  });

  it('uses the defaults when values are blank or labels are absent', () => {
    let grid = setValue(defaultConfigGrid(), CONFIG_LABEL.reminderHour, '');
    grid = setValue(grid, CONFIG_LABEL.acceptBy, '');
    const { settings, errors } = parseSettings(grid.filter((r) => r[0] !== CONFIG_LABEL.reportDay));
    expect(errors).toEqual([]);
    expect(settings.reminderHour).toBe(CONFIG_DEFAULTS.reminderHour);
    expect(settings.reportDay).toBe(CONFIG_DEFAULTS.reportDay);
    expect(settings.acceptBy).toBe(CONFIG_DEFAULTS.acceptBy);
  });

  it.each([
    [CONFIG_LABEL.reminderHour, 24],
    [CONFIG_LABEL.reminderHour, '九点'],
    [CONFIG_LABEL.reportDay, 31],
    [CONFIG_LABEL.reportDay, 0],
    [CONFIG_LABEL.dueSoonDays, -1],
    [CONFIG_LABEL.dueSoonDays, 2.5],
  ])('refuses %s = %p, naming the cell and using the default', (label, value) => {
    const grid = setValue(defaultConfigGrid(), label, value);
    const { settings, errors } = parseSettings(grid);
    const fallback = parseSettings(defaultConfigGrid()).settings;
    expect(settings).toEqual(fallback);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(label);
    expect(errors[0]).toMatch(/配置!B\d+/);
  });

  it.each(['2023-02-30', '明年', '2023/12/31'])('refuses the date %p for 验收截止日期 and uses the default', (value) => {
    const { settings, errors } = parseSettings(setValue(defaultConfigGrid(), CONFIG_LABEL.acceptBy, value));
    expect(settings.acceptBy).toBe(CONFIG_DEFAULTS.acceptBy);
    expect(errors[0]).toContain(CONFIG_LABEL.acceptBy);
  });

  it('warns when 整治截止日期 is after 验收截止日期', () => {
    const { errors } = parseSettings(setValue(defaultConfigGrid(), CONFIG_LABEL.rectifyBy, '2024-01-31'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(CONFIG_LABEL.rectifyBy);
  });

  it('reads one valid 测试收件人 as 试运行 and an empty one as 正式发送', () => {
    const test = parseSettings(setValue(defaultConfigGrid(), CONFIG_LABEL.testRecipient, ' Tester@X.cn '));
    expect(test.settings).toMatchObject({ testRecipient: 'tester@x.cn', sendMode: 'test' });
    expect(test.invalid).toEqual({});
    expect(sendModeText(test.settings)).toContain('试运行');
    expect(parseSettings(defaultConfigGrid()).settings.sendMode).toBe('live');
  });

  it.each(['nobody', 'a@x.cn b@x.cn', 'tester@dz', '测试'])('stops all sending on an invalid 测试收件人 (%s), never falling back to live', (value) => {
    const bad = parseSettings(setValue(defaultConfigGrid(), CONFIG_LABEL.testRecipient, value));
    expect(bad.settings.sendMode).toBe('stopped');
    expect(bad.settings.testRecipient).toBe('');
    expect(bad.invalid.testRecipient).toContain('已停止发送');
    expect(bad.invalid.testRecipient).toContain(value);
    expect(bad.errors).toEqual([bad.invalid.testRecipient]);
    expect(sendModeText(bad.settings)).toContain('已停止发送');
  });

  it('names 季度报送截止日 = 31 under its own key with its cell, never silently as 25', () => {
    const { settings, invalid, errors } = parseSettings(setValue(defaultConfigGrid(), CONFIG_LABEL.reportDay, 31));
    expect(settings.reportDay).toBe(25);
    expect(Object.keys(invalid)).toEqual(['reportDay']);
    expect(invalid.reportDay).toMatch(/^配置!B\d+“季度报送截止日”应为1到30之间的整数（现为“31”）/);
    expect(errors).toEqual([invalid.reportDay]);
  });
});

describe('settingValidation: the rule on each 配置 value cell', () => {
  const cells = settingCells(defaultConfigGrid());

  it('finds every labelled value cell, right of its label', () => {
    expect(cells.map((c) => c.key).sort()).toEqual(Object.keys(CONFIG_LABEL).sort());
    for (const c of cells) expect(c.col).toBe(2);
    const report = cells.find((c) => c.key === 'reportDay')!;
    expect(defaultConfigGrid()[report.row - 1]![0]).toBe(CONFIG_LABEL.reportDay);
    expect(report.a1).toBe(`B${report.row}`);
  });

  it('states the allowed range in the help text and checks the same range in its formula', () => {
    const v = settingValidation('reportDay', 'B12');
    expect(v.helpText).toContain('1到30之间的整数');
    expect(v.criterion).toEqual({ kind: 'formula', formula: '=AND(ISNUMBER(B12),B12=INT(B12),B12>=1,B12<=30)' });
    expect(settingValidation('workdaysOnly', 'B17').criterion).toEqual({ kind: 'list', values: ['是', '否'] });
    expect(settingValidation('acceptBy', 'B13').criterion).toEqual({ kind: 'date' });
    for (const key of Object.keys(CONFIG_LABEL) as (keyof typeof CONFIG_LABEL)[]) {
      expect(settingValidation(key, 'B2').helpText.startsWith(CONFIG_LABEL[key])).toBe(true);
    }
  });
});

describe('parseSettings: 首个报送季度, 进展更新提醒天数, 仅工作日发送提醒', () => {
  const base = defaultConfigGrid({ year: 2022, q: 1 });

  it('writes 首个报送季度 as setup gives it and reads it back', () => {
    expect(base.find((r) => r[0] === CONFIG_LABEL.firstQuarter)![1]).toBe('2022年第1季度');
    const { settings, errors } = parseSettings(base);
    expect(errors).toEqual([]);
    expect(settings).toMatchObject({ firstQuarter: { year: 2022, q: 1 }, staleDays: 30, workdaysOnly: false });
  });

  it('reads 是 and 否, and takes an unreadable value as 是 (the reading that sends less) with a message', () => {
    expect(parseSettings(setValue(base, CONFIG_LABEL.workdaysOnly, '是')).settings.workdaysOnly).toBe(true);
    const bad = parseSettings(setValue(base, CONFIG_LABEL.workdaysOnly, '周末不发'));
    expect(bad.settings.workdaysOnly).toBe(true);
    expect(bad.errors).toEqual([expect.stringContaining('“仅工作日发送提醒”应为“是”或“否”（现为“周末不发”）')]);
  });

  it('refuses a 首个报送季度 it cannot read, naming the form it wants', () => {
    const bad = parseSettings(setValue(base, CONFIG_LABEL.firstQuarter, '2022年春'));
    expect(bad.settings.firstQuarter).toBeNull();
    expect(bad.errors).toEqual([expect.stringContaining('应写成“2022年第1季度”的形式')]);
    expect(parseSettings(setValue(base, CONFIG_LABEL.firstQuarter, '2023Q2')).settings.firstQuarter).toEqual({ year: 2023, q: 2 });
  });

  it('takes 进展更新提醒天数 from 1 to 365', () => {
    expect(parseSettings(setValue(base, CONFIG_LABEL.staleDays, 45)).settings.staleDays).toBe(45);
    const bad = parseSettings(setValue(base, CONFIG_LABEL.staleDays, 0));
    expect(bad.settings.staleDays).toBe(30);
    expect(bad.errors).toEqual([expect.stringContaining('“进展更新提醒天数”应为1到365之间的整数')]);
  });
});

describe('splitAddresses', () => {
  it('splits on , ; ， ； and whitespace, lower-cases and dedupes', () => {
    expect(splitAddresses(' A@x.cn,b@x.cn;c@x.cn，d@x.cn；e@x.cn\nf@x.cn\tA@X.CN ')).toEqual([
      'a@x.cn',
      'b@x.cn',
      'c@x.cn',
      'd@x.cn',
      'e@x.cn',
      'f@x.cn',
    ]);
    expect(splitAddresses('')).toEqual([]);
    expect(splitAddresses(undefined)).toEqual([]);
  });
});

describe('planRules', () => {
  it('takes the districts and 验收截止日期 from 配置, and the day it is given', () => {
    const settings = { ...defaultSettings(), acceptBy: '2024-06-30' };
    expect(planRules(settings, '2024-01-02')).toEqual({ districts: ['通川区', '达川区', '达州高新区'], acceptBy: '2024-06-30', today: '2024-01-02' });
  });
});

describe('配置 read strictly (issue 12)', () => {
  const blankRow = (grid: unknown[][]): number => grid.findIndex((r, i) => i > 0 && r.every((v) => v === ''));

  it('takes a district typed into the blank row under the table, and never the 设置项 line after it', () => {
    const grid = defaultConfigGrid().map((r) => [...r]);
    const at = blankRow(grid);
    grid[at]![0] = '第四区';
    grid[at]![1] = '第四区人民政府';
    const { settings, errors } = parseSettings(grid);
    expect(settings.districts.map((d) => d.district)).toEqual([...DEFAULT_DISTRICTS.map((d) => d.district), '第四区']);
    expect(errors).toEqual([]);
    expect(settings.reminderHour).toBe(CONFIG_DEFAULTS.reminderHour);
  });

  it('reports a line that is neither in the district table nor a setting, with its cell, and adopts nothing from it', () => {
    const grid = defaultConfigGrid().map((r) => [...r]);
    grid.push(['第五区', '第五区人民政府', '', '', '', '']);
    const { settings, errors } = parseSettings(grid);
    expect(settings.districts.map((d) => d.district)).toEqual(DEFAULT_DISTRICTS.map((d) => d.district));
    expect(errors).toEqual([`配置!A${grid.length}“第五区”不属于辖区表，也不是已知的设置项，未采用；辖区请填在辖区表内（表下不留空行），其他内容请删除`]);
  });

  it('keeps the table ending at its first blank row: a district below the gap is reported, not adopted', () => {
    const grid = defaultConfigGrid().map((r) => [...r]);
    const at = blankRow(grid);
    grid.splice(at + 1, 0, ['第四区', '第四区人民政府', '', '', '', '']);
    const { settings, errors } = parseSettings(grid);
    expect(settings.districts).toHaveLength(DEFAULT_DISTRICTS.length);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('“第四区”不属于辖区表');
  });
});
