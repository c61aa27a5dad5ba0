// 待修正 across the ledgers (src/app/to-fix.ts): the rows 汇总 and the reminders count, from the rows the run already read.
import type { Emulator } from '@eco-ledger/emulator';
import { COLUMNS, FIRST_DATA_ROW, TAB } from '../../src/domain/contract';
import { mailsTo, CONTACT, runDaily, sheetValues, world } from '../support/reminder-world';

// Inside the report window: every district is mailed, so each reminder says what it has to fix.
const NOW = '2022-03-22T01:00:00Z';

const column = (key: string): number => COLUMNS.findIndex((c) => c.key === key) + 1;
const cell = (emu: Emulator, tab: string, row: number, key: string): unknown => sheetValues(emu, tab)[row - 1]![column(key) - 1];
const put = (emu: Emulator, tab: string, row: number, key: string, value: unknown): void => emu.model.setValuesRaw(tab, row, column(key), [[value]]);

/** 通川区: a valid row, a row with two problems, a row whose code 达川区 also holds; 达川区: that row; 达州高新区: a valid row. */
function ledgers(): Emulator {
  const emu = world(NOW, {
    通川区: [{ name: '甲公司', deadline: '2022-12-31' }, { name: '乙公司', deadline: '2022-12-31' }, { name: '丙公司', deadline: '2022-12-31' }],
    达川区: [{ name: '丁公司', deadline: '2022-12-31' }],
    达州高新区: [{ name: '戊公司', deadline: '2022-12-31' }],
  });
  put(emu, '通川区', FIRST_DATA_ROW + 1, 'employees', -1);
  put(emu, '通川区', FIRST_DATA_ROW + 1, 'status', '进行中');
  put(emu, '通川区', FIRST_DATA_ROW + 2, 'creditCode', cell(emu, '达川区', FIRST_DATA_ROW, 'creditCode'));
  runDaily(emu);
  return emu;
}

/** 汇总's list of rows to fix, as [district, row]. */
function listed(emu: Emulator): [string, number][] {
  const grid = sheetValues(emu, TAB.summary);
  const start = grid.findIndex((r) => String(r[0]).startsWith('十、待修正的台账行'));
  expect(start).toBeGreaterThanOrEqual(0);
  const out: [string, number][] = [];
  for (const r of grid.slice(start + 2)) {
    if (r.every((v) => v === '')) break;
    out.push([String(r[0]), Number(r[1])]);
  }
  return out;
}

const mailBody = (emu: Emulator, district: string): string => mailsTo(emu, CONTACT[district]!.email)[0]!.body;

describe('待修正 rows', () => {
  const emu = ledgers();

  it('are rows, not problems: a row with two problems is one row, a valid row is none', () => {
    expect(listed(emu).filter(([d]) => d === '通川区')).toEqual([['通川区', FIRST_DATA_ROW + 1], ['通川区', FIRST_DATA_ROW + 2]]);
    expect(mailBody(emu, '通川区')).toContain('本辖区工作表有2行待修正');
  });

  it('include a credit code on two tabs, on both of them', () => {
    expect(listed(emu).filter(([d]) => d === '达川区')).toEqual([['达川区', FIRST_DATA_ROW]]);
    expect(mailBody(emu, '达川区')).toContain('本辖区工作表有1行待修正');
  });

  it('leave a district with none out of the list and out of its email', () => {
    expect(listed(emu).some(([d]) => d === '达州高新区')).toBe(false);
    expect(mailBody(emu, '达州高新区')).not.toContain('待修正');
  });
});
