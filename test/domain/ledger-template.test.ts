// The district tab template as data: head rows, merges, formats, validation formulas, traffic lights, protections.

import { COLUMNS, COLUMN_COUNT, FILLER_PREFIX, FILL_DATE_PREFIX, TAB, TITLE, UPPER_HEADER } from '../../src/domain/contract';
import { CREDIT_CODE_REGEX_SOURCE, withCheckChar } from '../../src/domain/credit-code';
import { locateColumns } from '../../src/domain/ledger-row';
import { CELL_PADDING, textWidth } from '../../src/domain/column-width';
import {
  FILL_DATE_COLUMN,
  HEAD_MERGES,
  a1,
  creditCodeFormula,
  formatRuns,
  formulaString,
  COLUMN_WIDTHS,
  isOwnTrafficLight,
  ledgerHead,
  ledgerWidths,
  protectionPlan,
  readFillDate,
  remarksFormula,
  trafficLights,
  validationSpecs,
} from '../../src/domain/ledger-template';

/** The regex inside a REGEXMATCH(…,"…") formula, read back as JavaScript would. */
function embeddedRegex(formula: string): RegExp {
  const m = /REGEXMATCH\([^,]+\),"((?:[^"]|"")*)"\)/.exec(formula);
  if (!m || m[1] === undefined) throw new Error(`no REGEXMATCH in ${formula}`);
  return new RegExp(m[1].replace(/""/g, '"'));
}

describe('ledger head', () => {
  const head = ledgerHead('通川区人民政府', '2022-03-20');

  it('puts the title, the 填报单位 line and the 填表时间 where the template has them', () => {
    expect(head).toHaveLength(4);
    head.forEach((row) => expect(row).toHaveLength(COLUMN_COUNT));
    expect(head[0]?.[0]).toBe(TITLE);
    expect(head[1]?.[0]).toBe(`${FILLER_PREFIX}通川区人民政府`);
    expect(head[1]?.[FILL_DATE_COLUMN]).toBe(`${FILL_DATE_PREFIX}2022-03-20`);
    expect(head[0]?.slice(1).every((v) => v === '')).toBe(true);
  });

  it('has headers that the domain locates at the template columns', () => {
    const located = locateColumns(head[2] ?? [], head[3] ?? []);
    expect(located.ok).toBe(true);
    const lower = head[3] ?? [];
    COLUMNS.forEach((c, i) => {
      const down = UPPER_HEADER.some((h) => h.down && h.text === c.header);
      expect(down ? head[2]?.[i] : lower[i]).toBe(c.header);
    });
  });

  it('merges the title across A–X and each group over its span', () => {
    const names = HEAD_MERGES.map(a1);
    expect(names).toEqual(['A1:X1', 'A2:S2', 'T2:X2', 'A3:A4', 'B3:B4', 'C3:M3', 'N3:R3', 'S3:S4', 'T3:X3']);
  });

  it('reads the 填表时间 back from row 2 wherever it sits, and reports a damaged one as unknown', () => {
    expect(readFillDate(head[1] ?? [])).toEqual({ column: FILL_DATE_COLUMN, day: '2022-03-20' });
    expect(readFillDate(['', '', `${FILL_DATE_PREFIX}2022-13-01`])).toEqual({ column: 2, day: null });
    expect(readFillDate([])).toEqual({ column: FILL_DATE_COLUMN, day: null });
  });
});

describe('formats', () => {
  it('keeps text columns literal, dates as days and the stamp as date-time, leaving numbers automatic', () => {
    const runs = formatRuns();
    const formatOf = (letter: string): string | undefined => {
      const i = COLUMNS.findIndex((c) => c.letter === letter) + 1;
      return runs.find((r) => i >= r.column && i < r.column + r.columns)?.format;
    };
    expect(formatOf('E')).toBe('@');
    expect(formatOf('Q')).toBe('yyyy-mm-dd');
    expect(formatOf('V')).toBe('yyyy-mm-dd');
    expect(formatOf('W')).toBe('yyyy-mm-dd hh:mm:ss');
    expect(formatOf('A')).toBeUndefined();
    expect(formatOf('G')).toBeUndefined();
    expect(runs.length).toBeLessThan(10);
  });
});

describe('validation specs', () => {
  const specs = validationSpecs('通川区');

  it('covers every listed, numeric, date and custom column of contract §2', () => {
    const letters = specs.map((s) => COLUMNS[s.column]?.letter).sort();
    expect(letters).toEqual(['B', 'E', 'F', 'G', 'H', 'I', 'J', 'M', 'P', 'Q', 'S', 'T', 'U', 'V']);
    expect(specs.find((s) => s.key === 'district')?.criterion).toEqual({ kind: 'list', values: ['通川区'] });
    expect(specs.every((s) => s.helpText.length > 0)).toBe(true);
  });

  it('checks the credit code shape with the domain regex', () => {
    const f = creditCodeFormula();
    expect(f).toBe(`=REGEXMATCH(TO_TEXT(E5),${formulaString(CREDIT_CODE_REGEX_SOURCE)})`);
    const re = embeddedRegex(f);
    expect(re.test(withCheckChar('91350100M000100Y4'))).toBe(true);
    expect(re.test('91350100M000100Y4')).toBe(false);
    expect(re.test('91350100M000100YO3')).toBe(false);
  });

  it('asks for the new site area in 备注 only on 搬迁升级 rows', () => {
    const f = remarksFormula();
    expect(f.startsWith('=OR($P5<>"搬迁升级",REGEXMATCH(TO_TEXT(S5),"')).toBe(true);
    expect(f).not.toContain('\t');
    const re = embeddedRegex(f);
    expect(re.test('新址用地面积：12.5亩')).toBe(true);
    expect(re.test('新址用地面积: 800 平方米')).toBe(true);
    expect(re.test('新址用地面积\t:\t3公顷')).toBe(true);
    expect(re.test('新址待定')).toBe(false);
  });

  it('carries the template 填表说明 as help texts', () => {
    expect(specs.find((s) => s.key === 'landTenure')?.helpText).toContain('租用');
    expect(specs.find((s) => s.key === 'category')?.helpText).toContain('搬迁升级');
    expect(specs.find((s) => s.key === 'remarks')?.helpText).toContain('新址用地面积');
  });
});

describe('traffic lights', () => {
  it('bakes the due-soon days and reads status T and deadline Q of the row', () => {
    const [overdue, dueSoon, done] = trafficLights(7);
    expect(overdue?.formula).toBe('=AND(ISNUMBER($Q5),OR($T5="",$T5="未启动",$T5="整改中"),$Q5<TODAY())');
    expect(dueSoon?.formula).toBe('=AND(ISNUMBER($Q5),OR($T5="",$T5="未启动",$T5="整改中"),$Q5>=TODAY(),$Q5<TODAY()+8)');
    expect(done?.formula).toBe('=OR($T5="已完成（待验收）",$T5="已验收销号")');
    expect(new Set([overdue?.background, dueSoon?.background, done?.background]).size).toBe(3);
  });

  it('recognises its own rules after rows moved or the days changed, and nobody else’s', () => {
    for (const light of [...trafficLights(7), ...trafficLights(30, 9)]) expect(isOwnTrafficLight(light.formula)).toBe(true);
    expect(isOwnTrafficLight('=$T5="整改中"')).toBe(false);
    expect(isOwnTrafficLight('=AND(ISNUMBER($Q5),$Q5<TODAY())')).toBe(false);
  });
});

describe('protection plan', () => {
  const plan = protectionPlan({
    districts: [
      { district: '通川区', editors: ['Clerk@tc.gov.cn'] },
      { district: '达川区', editors: [] },
    ],
    office: ['office@dz.gov.cn', 'admin@dz.gov.cn'],
  });

  it('hard-protects each district tab for its editors plus the office, and 配置 for the office', () => {
    const tc = plan.find((p) => p.target.kind === 'sheet' && p.target.tab === '通川区');
    expect(tc?.warningOnly).toBe(false);
    expect(tc?.editors).toEqual(['clerk@tc.gov.cn', 'office@dz.gov.cn', 'admin@dz.gov.cn']);
    const dc = plan.find((p) => p.target.kind === 'sheet' && p.target.tab === '达川区');
    expect(dc?.editors).toEqual(['office@dz.gov.cn', 'admin@dz.gov.cn']);
    const config = plan.find((p) => p.target.kind === 'sheet' && p.target.tab === TAB.config);
    expect(config).toMatchObject({ warningOnly: false, editors: ['office@dz.gov.cn', 'admin@dz.gov.cn'] });
  });

  it('only warns on what the script writes for the clerk, and names every protection uniquely', () => {
    const warn = plan.filter((p) => p.warningOnly);
    expect(warn.map((p) => (p.target.kind === 'range' ? `${p.target.tab}:${p.target.key}` : p.target.tab)).sort()).toEqual(
      ['汇总', '操作日志', '报送记录', '延期申请', '通川区:serial', '通川区:stamps', '达川区:serial', '达川区:stamps'].sort(),
    );
    expect(new Set(plan.map((p) => p.description)).size).toBe(plan.length);
  });
});

describe('column widths', () => {
  const at = (key: string): number => COLUMNS.findIndex((c) => c.key === key);
  const empty = ledgerWidths('达州高新区', [], []);

  it('has one template width per column and never goes below it', () => {
    expect(COLUMN_WIDTHS).toHaveLength(COLUMN_COUNT);
    empty.forEach((w, i) => expect(w).toBeGreaterThanOrEqual(Math.abs(COLUMN_WIDTHS[i]!)));
  });

  it('keeps 辖区 to one line for 达州高新区 beside its drop-down arrow, and 行业类别 for its longest choice', () => {
    expect(empty[at('district')]).toBeGreaterThanOrEqual(textWidth('达州高新区') + CELL_PADDING + 20);
    expect(empty[at('industry')]).toBeGreaterThanOrEqual(textWidth('家具（含喷涂工艺）') + CELL_PADDING);
  });

  it('fits 最后更新人 to the longest account that stamps it, and a long 所在乡镇 typed in a row', () => {
    const email = 'tongchuan.district.office@dazhou.gov.cn';
    const sample = [COLUMNS.map((c) => (c.key === 'town' ? '通川区某某某某某街道办事处' : ''))];
    const widths = ledgerWidths('通川区', sample, ['clerk@tc.gov.cn', email]);
    expect(widths[at('updatedBy')]).toBeGreaterThanOrEqual(textWidth(email) + CELL_PADDING);
    expect(widths[at('town')]).toBeGreaterThanOrEqual(textWidth('通川区某某某某某街道办事处') + CELL_PADDING);
  });

  it('leaves long free text at the template width to wrap, and caps every column', () => {
    const long = [COLUMNS.map(() => '很长的内容'.repeat(40))];
    const widths = ledgerWidths('通川区', long, []);
    expect(widths[at('problems')]).toBe(-COLUMN_WIDTHS[at('problems')]!);
    expect(widths[at('name')]).toBe(-COLUMN_WIDTHS[at('name')]!);
    expect(Math.max(...widths)).toBeLessThanOrEqual(360);
  });
});
