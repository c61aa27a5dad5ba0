// Row ⇄ payload mapping: header location, cell conversion, literal text, row problems.

import { dayOf, startOfDay } from '../../src/domain/calendar-day';
import { COLUMNS, COLUMN_COUNT, DEFAULT_DISTRICTS, UPPER_HEADER } from '../../src/domain/contract';
import type { EnterprisePayload, PlanRules } from '../../src/domain/enterprise';
import { PAYLOAD_KEYS, validateEnterprise } from '../../src/domain/enterprise';
import {
  TEMPLATE_COLUMNS,
  isBlankRow,
  literalText,
  locateColumns,
  payloadToRow,
  rowProblems,
  rowToPayload,
  templateFormats,
  textCell,
} from '../../src/domain/ledger-row';
import { columnLetter } from '../../src/domain/grid';
import { enterprise } from '../support/enterprise';

const RULES: PlanRules = { districts: DEFAULT_DISTRICTS.map((d) => d.district), acceptBy: '2023-12-31', today: '2023-06-01' };

/** Rows 3 and 4 as getValues returns them from the template (merged cells read '' outside their top-left). */
function templateHeaders(): { upper: unknown[]; lower: unknown[] } {
  const upper: unknown[] = new Array(COLUMN_COUNT).fill('');
  for (const h of UPPER_HEADER) upper[COLUMNS.findIndex((c) => c.letter === h.letter)] = h.text;
  const lower = COLUMNS.map((c) => (UPPER_HEADER.some((h) => h.down && h.text === c.header) ? '' : c.header));
  return { upper, lower };
}

function locateError(upper: unknown[], lower: unknown[]): string {
  const result = locateColumns(upper, lower);
  if (result.ok) throw new Error('expected a header mismatch');
  expect(result.error.code).toBe('HEADER_MISMATCH');
  return result.error.userMessage;
}

// Every field away from the builder's default, a formula-looking measure and a + progress among them.
const PAYLOAD: EnterprisePayload = enterprise({
  employees: 12,
  landTenure: '征用',
  energyReview: '有',
  eiaApproval: '通环审〔2018〕5号',
  dischargePermit: '91511702XXXXXXXX001Q',
  problems: '喷涂废气未收集',
  measures: '=HYPERLINK("http://x")',
  category: '搬迁升级',
  deadline: '2022-09-30',
  progress: '+已完成一半',
  remarks: '新址用地面积：20亩',
  status: '已验收销号',
  closedOn: '2023-03-15',
});

describe('locateColumns', () => {
  it('locates every column of the template at its contract letter', () => {
    const { upper, lower } = templateHeaders();
    const result = locateColumns(upper, lower);
    expect(result.ok).toBe(true);
    if (result.ok) {
      COLUMNS.forEach((c) => expect(columnLetter(result.columns[c.key])).toBe(c.letter));
      expect(result.columns).toEqual(TEMPLATE_COLUMNS);
    }
  });

  it('accepts 序号, 辖区 and 备注 in row 4 as well as row 3', () => {
    const { upper } = templateHeaders();
    const lower = COLUMNS.map((c) => c.header);
    expect(locateColumns(upper, lower).ok).toBe(true);
    expect(locateColumns(new Array(COLUMN_COUNT).fill(''), lower).ok).toBe(true);
  });

  it('ignores line breaks and spaces inside a header cell', () => {
    const { upper, lower } = templateHeaders();
    lower[4] = '工商营业执照\n（统一社会信用代码）';
    lower[6] = ' 职工人数 ';
    expect(locateColumns(upper, lower).ok).toBe(true);
  });

  it('accepts extra columns to the right of X', () => {
    const { upper, lower } = templateHeaders();
    expect(locateColumns([...upper, '自定义'], [...lower, '联系电话']).ok).toBe(true);
  });

  it('names a moved column with where it should be and where it is', () => {
    const { upper, lower } = templateHeaders();
    const [f, h] = [lower[5], lower[7]];
    lower[5] = h;
    lower[7] = f;
    const message = locateError(upper, lower);
    expect(message).toContain('列“行业类别”应在F列，现在在H列');
    expect(message).toContain('列“厂区土地性质”应在H列，现在在F列');
    expect(message).toContain('初始化/修复表格');
  });

  it('names a renamed column with its current text', () => {
    const { upper, lower } = templateHeaders();
    lower[6] = '员工人数';
    const message = locateError(upper, lower);
    expect(message).toContain('G列表头应为“职工人数”，现在是“员工人数”');
    expect(message).toContain('恢复原表头');
  });

  it('names a deleted column, and the columns that shifted left because of it', () => {
    const { upper, lower } = templateHeaders();
    upper.splice(3, 1);
    lower.splice(3, 1);
    const message = locateError(upper, lower);
    expect(message).toContain('D列');
    expect(message).toContain('企业详细地址');
    expect(message).toContain('列“行业类别”应在F列，现在在E列');
  });

  it('reports a missing merged-down header (备注) and a header row that is empty', () => {
    const { upper, lower } = templateHeaders();
    upper[18] = '';
    expect(locateError(upper, lower)).toContain('缺少列“备注”（应在S列）');
    const all = locateError([], []);
    for (const c of COLUMNS) expect(all).toContain(c.header);
  });

  it('carries the problems in the error details for callers', () => {
    const { upper, lower } = templateHeaders();
    lower[23] = '';
    const result = locateColumns(upper, lower);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.details['missing']).toEqual(['最后更新人']);
  });
});

describe('literalText', () => {
  it.each(['=SUM(A1:A2)', '+86 123', '-1', '@mention', "'quoted"])('makes %p literal with a leading apostrophe', (s) => {
    expect(literalText(s)).toBe(`'${s}`);
  });

  it.each(['913501001234567890', '12.5', '1,234', '2022-06-30', '2022/6/30', '2022-03-22 10:15:00', '2022/3/22 9:05', 'TRUE', '50%'])(
    'keeps %p from being turned into a number, date or boolean',
    (s) => {
      expect(literalText(s)).toBe(`'${s}`);
    },
  );

  it.each(['达州市某某公司', '91350100M000100Y43', '新址用地面积：12亩', '', 'a=b', '无', '第2期'])('leaves %p unchanged', (s) => {
    expect(literalText(s)).toBe(s);
  });
});

describe('textCell', () => {
  it("writes the text itself into a plain-text ('@') cell, which stores what is written", () => {
    for (const s of ['=SUM(A1:A2)', "'quoted", '913501001234567890', '2022-06-30']) expect(textCell(s, '@')).toBe(s);
  });

  it('makes the text literal with an apostrophe in an automatic or other cell', () => {
    expect(textCell('=SUM(A1:A2)', null)).toBe("'=SUM(A1:A2)");
    expect(textCell('913501001234567890', '')).toBe("'913501001234567890");
    expect(textCell('2022-06-30', 'yyyy-mm-dd')).toBe("'2022-06-30");
    expect(textCell('达州市某某公司', null)).toBe('达州市某某公司');
  });
});

describe('payloadToRow', () => {
  const meta = { serial: 7, updatedAt: new Date('2023-03-15T02:03:04Z'), updatedBy: 'clerk@example.com' };
  const row = payloadToRow(PAYLOAD, meta, TEMPLATE_COLUMNS);
  const at = (letter: string) => row[COLUMNS.findIndex((c) => c.letter === letter)];

  it('gives the 24 cells in contract order', () => {
    expect(row).toHaveLength(COLUMN_COUNT);
    expect([at('A'), at('B'), at('C'), at('E'), at('G'), at('T'), at('X')]).toEqual([
      7,
      '通川区',
      PAYLOAD.name,
      PAYLOAD.creditCode,
      12,
      '已验收销号',
      'clerk@example.com',
    ]);
  });

  it('writes the deadline and 销号日期 as dates at Shanghai midnight', () => {
    expect(at('Q')).toEqual(startOfDay('2022-09-30'));
    expect(dayOf(at('Q') as Date)).toBe('2022-09-30');
    expect(at('V')).toEqual(startOfDay('2023-03-15'));
    expect(at('W')).toBe(meta.updatedAt);
  });

  it('leaves an empty 销号日期 empty', () => {
    const open = payloadToRow({ ...PAYLOAD, status: '整改中', closedOn: '' }, meta, TEMPLATE_COLUMNS);
    expect(open[TEMPLATE_COLUMNS.closedOn]).toBe('');
  });

  it("writes text into the template's plain-text ('@') cells as the text itself, never with an apostrophe", () => {
    expect(at('O')).toBe(PAYLOAD.measures);
    expect(at('R')).toBe(PAYLOAD.progress);
    expect(at('E')).toBe(PAYLOAD.creditCode);
    for (const cell of row) if (typeof cell === 'string') expect(cell.startsWith("'")).toBe(false);
  });

  it('adds the apostrophe only in a cell whose format is automatic (or any other than plain text)', () => {
    const formats = templateFormats(TEMPLATE_COLUMNS);
    formats[TEMPLATE_COLUMNS.measures] = null;
    formats[TEMPLATE_COLUMNS.progress] = '0.00';
    const mixed = payloadToRow(PAYLOAD, meta, TEMPLATE_COLUMNS, formats);
    expect(mixed[TEMPLATE_COLUMNS.measures]).toBe(`'${PAYLOAD.measures}`);
    expect(mixed[TEMPLATE_COLUMNS.progress]).toBe(`'${PAYLOAD.progress}`);
    expect(mixed[TEMPLATE_COLUMNS.name]).toBe(PAYLOAD.name);
  });

  it('round-trips through rowToPayload to the same valid payload', () => {
    const raw = rowToPayload(row, TEMPLATE_COLUMNS);
    expect(raw.serial).toBe(7);
    expect(raw.updatedBy).toBe('clerk@example.com');
    expect(raw.updatedAt).toEqual(meta.updatedAt);
    const result = validateEnterprise(raw.payload, RULES);
    expect(result).toMatchObject({ ok: true, value: PAYLOAD });
  });
});

describe('rowToPayload', () => {
  function sheetRow(cells: Record<string, unknown>): unknown[] {
    const row: unknown[] = new Array(COLUMN_COUNT).fill('');
    for (const [letter, v] of Object.entries(cells)) row[COLUMNS.findIndex((c) => c.letter === letter)] = v;
    return row;
  }

  it('gives every payload field, in column order, each from its own cell', () => {
    const cells = Object.fromEntries(COLUMNS.map((c, i) => [c.letter, `v${i}`]));
    const raw = rowToPayload(sheetRow(cells), TEMPLATE_COLUMNS);
    expect(Object.keys(raw.payload)).toEqual(PAYLOAD_KEYS);
    expect(Object.entries(raw.payload)).toEqual(PAYLOAD_KEYS.map((k) => [k, `v${TEMPLATE_COLUMNS[k]}`]));
  });

  it('reads a date cell as its Shanghai day whatever the host zone', () => {
    const raw = rowToPayload(sheetRow({ Q: startOfDay('2022-01-01'), V: startOfDay('2023-12-31') }), TEMPLATE_COLUMNS);
    expect(raw.payload.deadline).toBe('2022-01-01');
    expect(raw.payload.closedOn).toBe('2023-12-31');
  });

  it('keeps a number of employees as a number and turns other numbers into text', () => {
    const raw = rowToPayload(sheetRow({ G: 40, K: 2019012, A: 3 }), TEMPLATE_COLUMNS);
    expect(raw.payload.employees).toBe(40);
    expect(raw.payload.eiaApproval).toBe('2019012');
    expect(raw.serial).toBe(3);
  });

  it('trims text and reads blanks as empty text', () => {
    const raw = rowToPayload(sheetRow({ C: '  某公司 ', G: '' }), TEMPLATE_COLUMNS);
    expect(raw.payload.name).toBe('某公司');
    expect(raw.payload.employees).toBe('');
    expect(raw.payload.remarks).toBe('');
    expect(raw.serial).toBeNull();
    expect(raw.updatedAt).toBeNull();
  });

  it('reads a short row without failing', () => {
    const raw = rowToPayload(['1', '达川区'], TEMPLATE_COLUMNS);
    expect(raw.payload.district).toBe('达川区');
    expect(raw.updatedBy).toBe('');
  });
});

describe('isBlankRow', () => {
  it('recognises a row of empty cells and whitespace', () => {
    expect(isBlankRow(new Array(COLUMN_COUNT).fill(''))).toBe(true);
    expect(isBlankRow(['', ' ', '\n'])).toBe(true);
  });

  it('does not treat a row with a value, a zero or a date as blank', () => {
    expect(isBlankRow(['', '', '某公司'])).toBe(false);
    expect(isBlankRow(['', 0])).toBe(false);
    expect(isBlankRow([new Date(0)])).toBe(false);
  });

  it('with columns, ignores 序号 and the stamps left on a cleared row', () => {
    const row: unknown[] = new Array(COLUMN_COUNT).fill('');
    row[TEMPLATE_COLUMNS.serial] = 4;
    row[TEMPLATE_COLUMNS.updatedAt] = new Date();
    row[TEMPLATE_COLUMNS.updatedBy] = 'a@example.com';
    expect(isBlankRow(row, TEMPLATE_COLUMNS)).toBe(true);
    expect(isBlankRow(row)).toBe(false);
    row[TEMPLATE_COLUMNS.name] = '某公司';
    expect(isBlankRow(row, TEMPLATE_COLUMNS)).toBe(false);
  });
});

describe('rowProblems', () => {
  const meta = { serial: 1, updatedAt: new Date(0), updatedBy: 'x@example.com' };
  const cleanRow = () =>
    payloadToRow(PAYLOAD, meta, TEMPLATE_COLUMNS);

  it('finds nothing wrong with a valid row', () => {
    expect(rowProblems(cleanRow(), TEMPLATE_COLUMNS, RULES)).toEqual([]);
  });

  it('locates a fractional employee count on column G', () => {
    const row = cleanRow();
    row[TEMPLATE_COLUMNS.employees] = 12.5;
    expect(rowProblems(row, TEMPLATE_COLUMNS, RULES)).toEqual([
      { key: 'employees', column: 6, message: '职工人数应为不小于0的整数' },
    ]);
  });

  it('puts a missing area on 备注 and a missing 销号日期 on column V', () => {
    const row = cleanRow();
    row[TEMPLATE_COLUMNS.remarks] = '';
    row[TEMPLATE_COLUMNS.closedOn] = '';
    const problems = rowProblems(row, TEMPLATE_COLUMNS, RULES);
    expect(problems.map((p) => [p.key, columnLetter(p.column)])).toEqual([
      ['remarks', 'S'],
      ['closedOn', 'V'],
    ]);
  });

  it('refuses a row of another district when the rules name only the tab’s district', () => {
    const problems = rowProblems(cleanRow(), TEMPLATE_COLUMNS, { ...RULES, districts: ['达川区'] });
    expect(problems.map((p) => p.key)).toEqual(['district']);
  });

  it('reports a text typed into a date column', () => {
    const row = cleanRow();
    row[TEMPLATE_COLUMNS.deadline] = '下月底';
    expect(rowProblems(row, TEMPLATE_COLUMNS, RULES)[0]).toMatchObject({ key: 'deadline', column: 16 });
  });
});
