// Checking hand edits: the edit's scope in the table, notes kept or cleared, log lines, stamps, 校验本表 lines.

import { startOfDay } from '../../src/domain/calendar-day';
import { COLUMN_COUNT, DEFAULT_DISTRICTS } from '../../src/domain/contract';
import type { PayloadKey } from '../../src/domain/contract';
import type { EnterprisePayload, PlanRules } from '../../src/domain/enterprise';
import {
  PASTE_OLD_VALUE,
  cellDisplay,
  addDuplicateProblems,
  checkNote,
  checkRows,
  editLogLines,
  editScope,
  indexCodes,
  planNotes,
  problemLines,
  stampRows,
} from '../../src/domain/edit-check';
import { TEMPLATE_COLUMNS, payloadToRow } from '../../src/domain/ledger-row';
import { enterprise } from '../support/enterprise';

const RULES: PlanRules = { districts: DEFAULT_DISTRICTS.map((d) => d.district), acceptBy: '2023-12-31', today: '2023-06-01' };
const COLS = TEMPLATE_COLUMNS;

const PAYLOAD: EnterprisePayload = enterprise();

const AT = new Date('2022-03-20T01:00:00Z');
const validRow = (over: Partial<EnterprisePayload> = {}): unknown[] =>
  payloadToRow({ ...PAYLOAD, ...over }, { serial: 1, updatedAt: AT, updatedBy: 'a@b.cn' }, COLS);
/** A row with cells the schema's types would not allow: what a clerk can type by hand. */
const withCells = (row: unknown[], cells: Partial<Record<PayloadKey, unknown>>): unknown[] => {
  const out = [...row];
  for (const [key, value] of Object.entries(cells)) out[COLS[key as PayloadKey]] = value;
  return out;
};
const blankRow = (): unknown[] => new Array(COLUMN_COUNT).fill('');

describe('edit scope', () => {
  it('splits an edit into its header part and its data part, clipped to A–X', () => {
    expect(editScope({ row: 3, column: 2, rows: 4, columns: 30 })).toEqual({
      head: { row: 3, rows: 2, column: 2, columns: 23 },
      data: { row: 5, rows: 2, column: 2, columns: 23 },
    });
  });

  it('finds nothing to check right of the table', () => {
    expect(editScope({ row: 7, column: 25, rows: 1, columns: 1 })).toEqual({ head: null, data: null });
  });

  it('keeps a single data cell as it is', () => {
    expect(editScope({ row: 9, column: 3, rows: 1, columns: 1 })).toEqual({ head: null, data: { row: 9, column: 3, rows: 1, columns: 1 } });
  });
});

describe('row checks and notes', () => {
  it('notes each problem cell, clears our stale notes and keeps a person’s own', () => {
    const bad = validRow({ creditCode: '91350100M000100Y44', category: '搬迁升级' });
    const checks = checkRows([bad, validRow(), blankRow()], 5, COLS, RULES);
    expect(checks.map((c) => [c.row, c.blank, c.problems.size])).toEqual([
      [5, false, 2],
      [6, false, 0],
      [7, true, 0],
    ]);
    const existing = [blankRow(), blankRow(), blankRow()];
    (existing[1] as unknown[])[COLS.name] = checkNote('旧问题');
    (existing[1] as unknown[])[COLS.address] = '请核实门牌号';
    const { notes, changed } = planNotes(checks, existing);
    expect(changed).toBe(true);
    expect(notes[0]?.[COLS.creditCode]).toMatch(/^【校验】统一社会信用代码校验不通过/);
    expect(notes[0]?.[COLS.remarks]).toContain('新址用地面积');
    expect(notes[1]?.[COLS.name]).toBe('');
    expect(notes[1]?.[COLS.address]).toBe('请核实门牌号');
  });

  it('reports no change when the notes already say what the check finds', () => {
    const checks = checkRows([validRow({ status: '已验收销号' })], 5, COLS, RULES);
    const first = planNotes(checks, [blankRow()]);
    expect(first.changed).toBe(true);
    expect(planNotes(checks, first.notes).changed).toBe(false);
  });
});

describe('log lines and stamps', () => {
  it('records a single cell with its old value and names the enterprise', () => {
    const row = validRow({ employees: 40 });
    const lines = editLogLines({ row: 5, column: 7, rows: 1, columns: 1 }, [row], COLS, { oldValue: '35' });
    expect(lines).toEqual([
      { range: 'G5', creditCode: PAYLOAD.creditCode, name: PAYLOAD.name, field: '职工人数', oldValue: '35', newValue: '40' },
    ]);
  });

  it('records every cell of a pasted block with the old value unknown', () => {
    const lines = editLogLines({ row: 5, column: 3, rows: 3, columns: 2 }, [validRow(), validRow(), blankRow()], COLS, null);
    expect(lines).toHaveLength(6);
    expect(lines.map((l) => l.range)).toEqual(['C5', 'D5', 'C6', 'D6', 'C7', 'D7']);
    expect(lines.every((l) => l.oldValue === PASTE_OLD_VALUE)).toBe(true);
    expect(lines[5]?.newValue).toBe('');
  });

  it('shows date cells as days and stamps as date-times in Shanghai', () => {
    expect(cellDisplay(startOfDay('2022-06-30'))).toBe('2022-06-30');
    expect(cellDisplay(new Date('2022-03-20T01:02:03Z'))).toBe('2022-03-20 09:02:03');
    expect(cellDisplay(12)).toBe('12');
  });

  it('stamps rows with data and leaves blank rows as they were', () => {
    const rows = [validRow(), blankRow()];
    const checks = checkRows(rows, 5, COLS, RULES);
    const now = new Date('2022-04-01T02:00:00Z');
    expect(stampRows(checks, rows, COLS, now, 'clerk@tc.gov.cn')).toEqual([
      [now, 'clerk@tc.gov.cn'],
      ['', ''],
    ]);
  });
});

describe('校验本表 lines', () => {
  it('lists row, enterprise, field and message, capped at the limit', () => {
    const rows = [withCells(validRow(), { industry: '其它行业', town: '某镇' }), validRow()];
    const checks = checkRows(rows, 5, COLS, RULES);
    const all = problemLines(checks, rows, COLS, 10);
    expect(all.total).toBe(2);
    expect(all.lines[0]).toMatch(/^第5行 达州市某某家具有限公司｜行业类别：行业类别应为以下之一/);
    const capped = problemLines(checks, rows, COLS, 1);
    expect(capped).toMatchObject({ total: 2 });
    expect(capped.lines).toHaveLength(1);
  });
});

describe('duplicate credit codes', () => {
  it('names the other place of a code already registered, in this tab or another', () => {
    const rows = [validRow(), validRow({ creditCode: '91350100m000100y43' })];
    const checks = checkRows(rows, 5, COLS, RULES);
    const index = indexCodes(new Map(), '通川区', 5, rows.map((r) => r[COLS.creditCode]));
    indexCodes(index, '达川区', 9, ['91350100M000100Y43']);
    addDuplicateProblems(checks, rows, COLS, '通川区', index);
    expect(checks[0]?.problems.get(COLS.creditCode)).toBe('统一社会信用代码与“通川区”第6行重复，同一企业只能登记一次');
    expect(checks[1]?.problems.get(COLS.creditCode)).toContain('“通川区”第5行');
  });

  it('leaves a unique code alone', () => {
    const rows = [validRow()];
    const checks = checkRows(rows, 5, COLS, RULES);
    addDuplicateProblems(checks, rows, COLS, '通川区', indexCodes(new Map(), '通川区', 5, [rows[0]?.[COLS.creditCode]]));
    expect(checks[0]?.problems.size).toBe(0);
  });
});
