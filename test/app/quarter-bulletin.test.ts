// 生成季度通报 in the emulator: the tab for a chosen quarter, ranking with ties, figures, 通报批评, rewritten in place, refusals.
import type { SheetModel, SpreadsheetModel } from '@eco-ledger/emulator';
import { REPORT_HEADERS, TAB } from '../../src/domain/contract';
import { TEMPLATE_REPORT_COLUMNS, reportToRow } from '../../src/domain/report-row';
import { CONTACT, OWNER, logRows, sheetValues, world } from '../support/reminder-world';

type Result = { ok: true; quarter: string; ranking: string[]; unread: string[] } | { ok: false; errors: Record<string, string> };

// 2022-04-10: the first quarter is settled, the second has begun.
const NOW = '2022-04-10T02:00:00Z';
const firms = {
  通川区: [{ name: '甲公司', deadline: '2022-02-01', status: '已验收销号', closedOn: '2022-03-01' }, { name: '乙公司', deadline: '2022-12-31' }],
  达川区: [{ name: '丙公司', deadline: '2022-02-01', status: '已完成（待验收）' }, { name: '丁公司', deadline: '2022-01-31', status: '未启动' }],
  达州高新区: [
    { name: '戊公司', deadline: '2022-02-01', status: '已验收销号', closedOn: '2022-03-01' },
    { name: '己公司', deadline: '2022-02-01', status: '已验收销号', closedOn: '2022-03-02' },
    { name: '庚公司', deadline: '2022-03-20' },
  ],
};

const modelOf = (emu: ReturnType<typeof world>): SpreadsheetModel => emu.model as unknown as SpreadsheetModel;

function seedReport(emu: ReturnType<typeof world>, district: string, at: string, narrative: string): void {
  const model = modelOf(emu);
  const sheet = model.sheet(TAB.reports);
  if (sheet.lastRow() === 0) model.setValuesRaw(TAB.reports, 1, 1, [[...REPORT_HEADERS]]);
  const record = { quarter: '', district, on: at.slice(0, 10), at: new Date(at), account: OWNER, counts: {}, total: 0, onTime: true, kind: 'first' as const, narrative };
  model.setValuesRaw(TAB.reports, sheet.lastRow() + 1, 1, [reportToRow(record, TEMPLATE_REPORT_COLUMNS)]);
}

function ledger(): ReturnType<typeof world> {
  const emu = world(NOW, firms, { firstQuarter: '2022年第1季度' });
  seedReport(emu, '通川区', '2022-03-20T02:00:00Z', '完成甲公司验收销号，乙公司密闭改造进行中。');
  seedReport(emu, '达川区', '2022-03-27T02:00:00Z', '=HYPERLINK("http://example.com")');
  return emu;
}

function generate(emu: ReturnType<typeof world>, quarter: unknown, user = OWNER): Result {
  emu.setUser(user);
  const run = emu.scriptRun('generateQuarterBulletin', { quarter });
  if (!run.ok) throw new Error(run.error);
  return run.value as Result;
}

const bulletin = (emu: ReturnType<typeof world>): SheetModel | null => modelOf(emu).sheetByName('季度通报') as SheetModel | null;

/** Everything a reader or a printer sees of the tab: values, merges, frozen rows, widths, heights, number formats. */
function look(emu: ReturnType<typeof world>): unknown {
  const sheet = bulletin(emu)!;
  const values = sheetValues(emu, '季度通报');
  return {
    values,
    merges: sheet.mergesOf(),
    frozen: sheet.frozenRows,
    widths: sheet.colWidths.slice(0, 12),
    heights: sheet.rowHeights.slice(0, values.length + 1),
    formats: values.map((r, i) => r.map((_, j) => sheet.numberFormatAt(i + 1, j + 1))),
  };
}

describe('生成季度通报 (contract §11)', () => {
  test('writes the chosen quarter: ranked by 完成率 with a shared rank for a tie, the figures, the report, 通报批评 and 进展说明', () => {
    const emu = ledger();
    expect(generate(emu, '2022年第1季度')).toEqual({ ok: true, quarter: '2022年第1季度', ranking: ['达州高新区', '通川区', '达川区'], unread: [] });
    const values = sheetValues(emu, '季度通报');
    expect(values[0]![0]).toBe('达州市主城区工业企业突出生态环境问题整治工作季度通报（2022年第1季度）');
    const head = values.findIndex((r) => r[0] === '排名');
    expect(values[head]).toEqual(['排名', '辖区', '企业总数', '已验收销号', '完成率', '逾期', '逾期超过30天', '久未更新', '已延期', '本季度报送', '连续未按时报送季度数']);
    expect(values.slice(head + 1, head + 4)).toEqual([
      [1, '达州高新区', 3, 2, 2 / 3, 1, 0, 0, 0, '未报送', 1],
      [2, '通川区', 2, 1, 0.5, 0, 0, 0, 0, '已报送（2022-03-20）', 0],
      [2, '达川区', 2, 0, 0.5, 1, 1, 0, 0, '逾期报送（2022-03-27）', 1],
    ]);
    const text = values.map((r) => r.filter((v) => v !== '').join('|'));
    expect(text).toContain('通报批评：达州高新区（季度进展未报送），达川区（季度进展逾期报送（2022-03-27）；1家企业逾期超过30天）。');
    expect(text).toContain('通川区：完成甲公司验收销号，乙公司密闭改造进行中。');
    expect(text).toContain('达州高新区：（本季度未报送进展说明）');
    // The district's own text stays text, never a formula.
    const narrative = values.findIndex((r) => String(r[0]).startsWith('达川区：'));
    expect(values[narrative]![0]).toBe('达川区：=HYPERLINK("http://example.com")');
    expect(bulletin(emu)!.formulaAt(narrative + 1, 1)).toBe('');
    expect(logRows(emu).filter((r) => r[9] === '生成季度通报')).toHaveLength(1);
  });

  test('is printable: widths set, the header frozen, 完成率 as a percentage, long text rows merged across the page', () => {
    const emu = ledger();
    generate(emu, '2022年第1季度');
    const l = look(emu) as { frozen: number; widths: number[]; merges: string[]; formats: (string | null)[][]; values: unknown[][]; heights: number[] };
    const head = l.values.findIndex((r) => r[0] === '排名');
    expect(l.frozen).toBe(head + 1);
    expect(l.widths.slice(1, 12).every((w) => w > 0)).toBe(true);
    expect(l.formats[head + 1]![4]).toBe('0.0%');
    expect(l.merges).toContain('A1:K1');
    const narrative = l.values.findIndex((r) => String(r[0]).startsWith('通川区：'));
    expect(l.merges).toContain(`A${narrative + 1}:K${narrative + 1}`);
    expect(l.heights[narrative]).toBeGreaterThanOrEqual(21);
  });

  test('generated twice gives the same tab, also after a longer one was there', () => {
    const emu = ledger();
    generate(emu, '2022年第1季度');
    const first = look(emu);
    generate(emu, '2022年第2季度');
    generate(emu, '2022年第1季度');
    expect(look(emu)).toEqual(first);
    expect(modelOf(emu).sheets.filter((s) => s.name === '季度通报')).toHaveLength(1);
  });

  test('empty means the current quarter, and counts enterprises with an approved 延期申请 as 已延期', () => {
    const emu = ledger();
    const model = modelOf(emu);
    model.addSheet('延期申请');
    model.setValuesRaw('延期申请', 1, 1, [
      ['提交时间', '辖区', '统一社会信用代码', '企业名称', '审批状态'],
      ['2022-04-01 10:00', '通川区', 'A1', '乙公司', '已批准'],
      ['2022-04-02 10:00', '通川区', 'A1', '乙公司', '已批准'],
      ['2022-04-03 10:00', '达川区', 'B1', '丁公司', '待审批'],
    ]);
    expect(generate(emu, '')).toMatchObject({ ok: true, quarter: '2022年第2季度' });
    const values = sheetValues(emu, '季度通报');
    const tc = values.find((r) => r[1] === '通川区' && typeof r[0] === 'number')!;
    expect(tc[8]).toBe(1);
    expect(tc[9]).toBe('未报送（未到截止日）');
  });

  test('one district’s tab whose header no longer matches: the others are ranked, the tab names it and what to repair, the office is told', () => {
    const emu = ledger();
    emu.setUser(OWNER);
    expect(emu.userEdit('通川区', 'D4', '地址').ok).toBe(true);
    const setup = '整治台账 → 管理（领导小组办公室） → 初始化/修复表格';
    const again = '整治台账 → 管理（领导小组办公室） → 生成季度通报';
    const line =
      '通川区未计入本通报（工作表需修复）：“通川区”工作表表头与台账模板不一致：D列表头应为“企业详细地址”，现在是“地址”。' +
      `请恢复原表头（可用撤销），或请领导小组办公室运行“${setup}”。修复后请通过“${again}”重新生成。`;
    expect(generate(emu, '2022年第1季度')).toEqual({ ok: true, quarter: '2022年第1季度', ranking: ['达州高新区', '达川区'], unread: [line] });
    const values = sheetValues(emu, '季度通报');
    const head = values.findIndex((r) => r[0] === '排名');
    expect(values.slice(0, head).map((r) => r[0])).toContain(line);
    expect(values.slice(head + 1, head + 3)).toEqual([
      [1, '达州高新区', 3, 2, 2 / 3, 1, 0, 0, 0, '未报送', 1],
      [2, '达川区', 2, 0, 0.5, 1, 1, 0, 0, '逾期报送（2022-03-27）', 1],
    ]);
    expect(values[head + 3]!.every((v) => v === '')).toBe(true);
    expect(logRows(emu).filter((r) => r[9] === '生成季度通报')[0]![8]).toContain('通川区未计入（工作表需修复）');
    // From the menu, the office reads the same line in the alert.
    emu.ui.answer({ button: 'OK', text: '2022年第1季度' });
    emu.clickMenu('生成季度通报');
    const alert = emu.ui.alerts[emu.ui.alerts.length - 1]!.prompt;
    expect(alert).toContain('排名：1.达州高新区　2.达川区');
    expect(alert).toContain(line);
  });

  test('a missing district tab is named the same way, the others ranked', () => {
    const emu = ledger();
    const model = modelOf(emu);
    model.removeSheet(model.sheet('达川区'));
    const result = generate(emu, '2022年第1季度');
    expect(result).toMatchObject({ ok: true, ranking: ['达州高新区', '通川区'] });
    expect(result.ok && result.unread).toEqual([
      '达川区未计入本通报（工作表需修复）：找不到“达川区”工作表，请领导小组办公室运行“整治台账 → 管理（领导小组办公室） → 初始化/修复表格”。' +
        '修复后请通过“整治台账 → 管理（领导小组办公室） → 生成季度通报”重新生成。',
    ]);
  });

  test.each([
    ['2022年第5季度', '“季度”应写成“2022年第1季度”的形式（留空为本季度），现为“2022年第5季度”。'],
    ['下个季度', '“季度”应写成“2022年第1季度”的形式（留空为本季度），现为“下个季度”。'],
    ['2022年第3季度', '2022年第3季度尚未开始，不能生成通报。'],
    ['2021年第4季度', '2021年第4季度早于首个报送季度（2022年第1季度），没有可通报的报送。'],
  ])('refuses %s in Chinese and writes nothing', (quarter, message) => {
    const emu = ledger();
    expect(generate(emu, quarter)).toEqual({ ok: false, errors: { quarter: message } });
    expect(bulletin(emu)).toBeNull();
  });

  test('refuses a request that is not { quarter } (a bare quarter, a list, a number) instead of reading it as the current quarter', () => {
    const emu = ledger();
    emu.setUser(OWNER);
    for (const input of ['2022年第1季度', ['2022年第1季度'], 1, true]) {
      const run = emu.scriptRun('generateQuarterBulletin', input);
      expect(run).toEqual({ ok: true, value: { ok: false, errors: { quarter: '“季度”应放在请求的 quarter 中，如 { quarter: "2022年第1季度" }（留空为本季度）。' } } });
    }
    expect(bulletin(emu)).toBeNull();
    expect(emu.scriptRun('generateQuarterBulletin', null)).toMatchObject({ ok: true, value: { ok: true, quarter: '2022年第2季度' } });
  });

  test('refuses a district clerk and writes nothing', () => {
    const emu = ledger();
    const result = generate(emu, '', CONTACT['通川区']!.clerk);
    expect(result.ok ? '' : result.errors['_form']).toContain('不能生成季度通报');
    expect(bulletin(emu)).toBeNull();
  });

  test('the menu asks for the quarter (empty = current), writes the tab and names the ranking; cancel changes nothing', () => {
    const emu = ledger();
    emu.setUser(OWNER);
    emu.ui.answer({ button: 'CANCEL' });
    emu.clickMenu('生成季度通报');
    expect(bulletin(emu)).toBeNull();
    emu.ui.answer({ button: 'OK', text: '2022年第1季度' });
    emu.clickMenu('生成季度通报');
    expect(emu.ui.prompts[1]!.prompt).toContain('留空为本季度（2022年第2季度）');
    expect(emu.ui.alerts[emu.ui.alerts.length - 1]!.prompt).toContain('排名：1.达州高新区　2.通川区　3.达川区');
    expect(bulletin(emu)).not.toBeNull();
  });
});
