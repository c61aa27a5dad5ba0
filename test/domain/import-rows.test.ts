// 导入台账's rows: the sidebar's rules, text dates and serials, full-width input, skipped lines, duplicates, the report.
import { findImportHeader } from '../../src/domain/import-header';
import type { ImportHeader } from '../../src/domain/import-header';
import {
  IMPORT_REPORT_HEADERS,
  importDay,
  importEmployees,
  matchChoice,
  parseImport,
  planAppends,
  reportGrid,
  reportLines,
  reportSummary,
  townFromAddress,
} from '../../src/domain/import-rows';
import type { ImportContext } from '../../src/domain/import-rows';
import { INDUSTRIES } from '../../src/domain/contract';
import { withCheckChar } from '../../src/domain/credit-code';
import { badCheck, generateExcelLedger, templateHead } from '../support/excel-ledger';

const FILLERS = [
  { district: '通川区', filler: '通川区人民政府' },
  { district: '达川区', filler: '达川区人民政府' },
  { district: '达州高新区', filler: '达州高新区管委会' },
];
const RULES = { districts: FILLERS.map((f) => f.district), acceptBy: '2023-12-31', today: '2023-06-01' };
const ctx = (over: Partial<ImportContext> = {}): ImportContext => ({ rules: RULES, fillers: FILLERS, office: false, existing: new Map(), ...over });

function headerOf(grid: unknown[][]): ImportHeader {
  const r = findImportHeader(grid);
  if (!r.ok) throw new Error(r.message);
  return r.header;
}

const CODE = withCheckChar('91511702MA0000001');
const CODE2 = withCheckChar('91511702MA0000002');

function row(over: Record<number, unknown> = {}): unknown[] {
  const cells: unknown[] = [1, '通川区', '达州市甲建材有限公司', '通川区复兴镇工业园1号', CODE, '建材（砖瓦、陶瓷、木/石材加工）', 35, '租用', '有', '无',
    '达市环审〔2019〕1号', '无', '无', '粉尘无组织排放', '密闭改造', '改造提升', '2022.6.30', '', ''];
  for (const [i, v] of Object.entries(over)) cells[Number(i)] = v;
  return cells;
}

describe('cell readers', () => {
  it('reads dates typed as text, serials, date cells and full-width digits as calendar days', () => {
    expect(importDay('2022.6.30')).toBe('2022-06-30');
    expect(importDay('2022年6月30日')).toBe('2022-06-30');
    expect(importDay('2022/6/30')).toBe('2022-06-30');
    expect(importDay('２０２２．６．３０')).toBe('2022-06-30');
    expect(importDay('20220630')).toBe('2022-06-30');
    expect(importDay(44742)).toBe('2022-06-30');
    expect(importDay('44742')).toBe('2022-06-30');
    expect(importDay(new Date('2022-06-30T00:00:00+08:00'))).toBe('2022-06-30');
    expect(importDay('')).toBe('');
    expect(importDay('年底前')).toBe('年底前');
  });

  it('reads 职工人数 with full-width digits, a unit or thousands separators; leaves other text for the schema', () => {
    expect(importEmployees('１２０')).toBe(120);
    expect(importEmployees('35人')).toBe(35);
    expect(importEmployees('1,200')).toBe(1200);
    expect(importEmployees(8)).toBe(8);
    expect(importEmployees('约30')).toBe('约30');
  });

  it('matches a choice spelt with other brackets or spaces to its option', () => {
    expect(matchChoice('化工(煤化工)', INDUSTRIES)).toBe('化工（煤化工）');
    expect(matchChoice(' 家具 (含喷涂工艺) ', INDUSTRIES)).toBe('家具（含喷涂工艺）');
    expect(matchChoice('造纸', INDUSTRIES)).toBe('造纸');
  });

  it('takes the key area from the address, else 其他', () => {
    expect(townFromAddress('达川区明月江街道某路')).toBe('明月江街道');
    expect(townFromAddress('某地')).toBe('其他');
  });
});

describe('parseImport', () => {
  const head = templateHead('通川区人民政府');

  it('accepts a template row, filling what the template has no column for, and says so', () => {
    const grid = [...head, row()];
    const { rows } = parseImport(grid, headerOf(grid), ctx());
    expect(rows).toHaveLength(1);
    const r = rows[0];
    expect(r?.ok).toBe(true);
    expect(r?.payload).toMatchObject({ district: '通川区', creditCode: CODE, deadline: '2022-06-30', town: '复兴镇', status: '未启动', employees: 35 });
    expect(r?.reason).toContain('所在乡镇（街道）按地址取为“复兴镇”');
  });

  it('refuses a bad check character, an impossible date and a missing field with the sidebar\'s messages', () => {
    const grid = [...head, row({ 4: badCheck(CODE) }), row({ 4: CODE2, 16: '2022.2.30' }), row({ 4: withCheckChar('91511702MA0000003'), 3: '' })];
    const { rows } = parseImport(grid, headerOf(grid), ctx());
    expect(rows.map((r) => r.ok)).toEqual([false, false, false]);
    expect(rows[0]?.reason).toContain('统一社会信用代码');
    expect(rows[1]?.reason).toContain('整改完成时限');
    expect(rows[2]?.reason).toContain('企业详细地址');
  });

  it('normalises full-width and lower-case codes before checking them', () => {
    const full = CODE.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const grid = [...head, row({ 4: full })];
    const { rows } = parseImport(grid, headerOf(grid), ctx());
    expect(rows[0]?.ok).toBe(true);
    expect(rows[0]?.creditCode).toBe(CODE);
  });

  it('skips blank lines, a 合计 row and the 填表说明; the template\'s XX example is refused like any bad row', () => {
    const grid = [...head, [1, 'XX', 'XX', 'XX', 'XX'], row(), new Array(19).fill(''), ['合计', '', '1家'], ['填表说明：1.厂区土地性质:租用;征用。']];
    const { rows, skipped } = parseImport(grid, headerOf(grid), ctx());
    expect(rows.map((r) => [r.row, r.ok])).toEqual([[5, false], [6, true]]);
    expect(rows[0]?.reason).toContain('统一社会信用代码');
    expect(skipped).toEqual([
      { row: 8, reason: '合计行' },
      { row: 9, reason: '填表说明' },
    ]);
  });

  it('refuses a code already in the workbook and a code seen earlier in the import, naming where', () => {
    const grid = [...head, row({ 4: CODE }), row({ 4: CODE2 }), row({ 4: CODE2, 2: '重复企业' })];
    const existing = new Map([[CODE, { tab: '达川区', row: 9, name: '已有企业' }]]);
    const { rows } = parseImport(grid, headerOf(grid), ctx({ existing }));
    expect(rows.map((r) => r.ok)).toEqual([false, true, false]);
    expect(rows[0]?.reason).toBe('已登记在“达川区”第9行（已有企业），不重复导入');
    expect(rows[2]?.reason).toBe('与本表第6行的统一社会信用代码相同');
  });

  it('reads the district from a 辖区 cell holding the 填报单位, or from the 填报单位 above the header', () => {
    const grid = [...head, row({ 1: '达川区人民政府', 3: '达川区明月江街道1号' }), row({ 1: '', 4: CODE2 })];
    const { rows } = parseImport(grid, headerOf(grid), ctx());
    expect(rows[0]?.payload?.district).toBe('达川区');
    expect(rows[1]?.payload?.district).toBe('通川区');
    expect(rows[1]?.reason).toContain('辖区按表头“填报单位”取为通川区');
  });

  it('lets only the office import an enterprise already 已验收销号 (contract §10)', () => {
    const grid = generateExcelLedger(0, { tracking: true }).grid.slice(0, 4);
    const closed = [...row(), '已验收销号', '复兴镇', '2022-01-15'];
    grid.push(closed);
    const clerk = parseImport(grid, headerOf(grid), ctx());
    expect(clerk.rows[0]?.ok).toBe(false);
    expect(clerk.rows[0]?.reason).toContain('只有领导小组办公室');
    const office = parseImport(grid, headerOf(grid), ctx({ office: true }));
    expect(office.rows[0]?.ok).toBe(true);
    expect(office.rows[0]?.payload).toMatchObject({ status: '已验收销号', closedOn: '2022-01-15' });
  });

  it('gives every row of a generated 1,000-row ledger the verdict its defect calls for', () => {
    const ledger = generateExcelLedger(1000, { tracking: true });
    const { rows, skipped } = parseImport(ledger.grid, headerOf(ledger.grid), ctx());
    expect(rows).toHaveLength(1000);
    for (const r of rows) {
      const intent = ledger.intents.get(r.row);
      expect([r.row, intent, r.ok]).toEqual([r.row, intent, intent === 'valid']);
    }
    expect(skipped).toEqual([
      { row: ledger.totalRow, reason: '合计行' },
      { row: ledger.noteRow, reason: '填表说明' },
    ]);
    const refusedKinds = new Set([...ledger.intents.values()]);
    expect(refusedKinds.size).toBe(7);
  });
});

describe('plan and report', () => {
  it('numbers each district\'s new rows after its largest 序号, in import order', () => {
    const head = templateHead('通川区人民政府');
    const grid = [...head, row(), row({ 1: '达川区', 4: CODE2 }), row({ 4: withCheckChar('91511702MA0000009') })];
    const { rows } = parseImport(grid, headerOf(grid), ctx());
    const plan = planAppends(rows, new Map([['通川区', 12]]));
    expect(plan.get('通川区')?.map((p) => [p.serial, p.sourceRow])).toEqual([[12, 5], [13, 7]]);
    expect(plan.get('达川区')?.map((p) => p.serial)).toEqual([1]);
  });

  it('writes one report line per enterprise row with 行号, 企业名称, 统一社会信用代码, 结果, 原因', () => {
    const head = templateHead('通川区人民政府');
    const grid = [...head, row(), row({ 4: badCheck(CODE2) })];
    const { rows, skipped } = parseImport(grid, headerOf(grid), ctx());
    const imported = reportGrid(reportLines(rows, false));
    expect(imported[0]).toEqual([...IMPORT_REPORT_HEADERS]);
    expect(imported.slice(1).map((l) => l.slice(0, 4))).toEqual([
      [5, '达州市甲建材有限公司', CODE, '已导入'],
      [6, '达州市甲建材有限公司', badCheck(CODE2), '未导入'],
    ]);
    expect(reportLines(rows, true).map((l) => l.result)).toEqual(['可导入', '未导入']);
    expect(reportSummary('Sheet1', '2022-03-20 09:00', true, reportLines(rows, true), skipped)).toBe(
      '预检“Sheet1”（2022-03-20 09:00）：尚未导入任何企业。确认后将导入1家，1家不能导入。',
    );
  });
});
