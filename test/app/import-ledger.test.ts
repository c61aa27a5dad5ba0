// 导入台账 on the built dist/ in the emulator: a 1,000-row Excel ledger with mixed defects, the report, the question, idempotence, cost.
import type { Emulator } from '@eco-ledger/emulator';
import { TAB } from '../../src/domain/contract';
import { IMPORT_REPORT_HEADERS, IMPORT_REPORT_TAB } from '../../src/domain/import-rows';
import { generateExcelLedger } from '../support/excel-ledger';
import { OWNER, TC_CLERK, logRows, modelOf, payload, seedPayloads, setEditors, setUp, tab, values } from '../support/ledger-world';

type Result =
  | { ok: true; imported: number; refused: number; report: { row: number; creditCode: string; result: string; reason: string }[] }
  | { ok: false; errors: Record<string, string> };

const NOW = '2022-03-20T09:00:00+08:00';

function withImportTab(grid: unknown[][], name = 'Sheet1'): Emulator {
  const emu = setUp(NOW);
  modelOf(emu).addSheet(name);
  modelOf(emu).setValuesRaw(name, 1, 1, grid);
  return emu;
}

function call(emu: Emulator, input: unknown): Result {
  const answer = emu.scriptRun('importLedger', input);
  if (!answer.ok) throw new Error(answer.error);
  return answer.value as Result;
}

const dataRows = (emu: Emulator, district: string): unknown[][] => {
  const last = tab(emu, district).lastRow();
  return last < 5 ? [] : values(emu, district, `A5:X${last}`);
};

describe('importLedger', () => {
  it('with dryRun writes only 导入报告: one line per enterprise row, nothing in the ledgers or the log', () => {
    const ledger = generateExcelLedger(60, { tracking: true });
    const emu = withImportTab(ledger.grid);
    emu.setUser(OWNER);
    const logBefore = logRows(emu).length;
    const result = call(emu, { tab: 'Sheet1', dryRun: true });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.imported + result.refused).toBe(60);
    expect(result.imported).toBe([...ledger.intents.values()].filter((i) => i === 'valid').length);
    expect(dataRows(emu, '通川区')).toEqual([]);
    expect(logRows(emu)).toHaveLength(logBefore);
    const report = values(emu, IMPORT_REPORT_TAB, `A1:E${61}`);
    expect(report[0]).toEqual([...IMPORT_REPORT_HEADERS]);
    expect(new Set(report.slice(1).map((r) => r[3]))).toEqual(new Set(['可导入', '未导入']));
    expect(String(values(emu, IMPORT_REPORT_TAB, 'G1')[0]?.[0])).toMatch(/^预检“Sheet1”（2022-03-20 09:00）：尚未导入任何企业/);
  });

  it('imports only on dryRun: false; a missing or other dryRun is the preview', () => {
    const ledger = generateExcelLedger(10, { tracking: true, seed: 5 });
    const emu = withImportTab(ledger.grid);
    emu.setUser(OWNER);
    for (const dryRun of [undefined, 'false', 0, null]) {
      const r = call(emu, { tab: 'Sheet1', dryRun });
      expect(r.ok && r.report.every((l) => l.result !== '已导入')).toBe(true);
    }
    expect(dataRows(emu, '通川区')).toEqual([]);
  });

  it('imports 1,000 realistic rows with mixed defects: valid ones appended with 序号, stamps and one log line each; twice adds nothing', () => {
    const ledger = generateExcelLedger(1000, { tracking: true });
    const emu = withImportTab(ledger.grid);
    setEditors(emu, '通川区', TC_CLERK);
    emu.setUser(TC_CLERK);
    const existing = seedPayloads(emu, '通川区', [payload({ district: '通川区' })]);
    const logBefore = logRows(emu).length;
    emu.resetCalls();
    const first = call(emu, { tab: 'Sheet1', dryRun: false });
    const cost = emu.lastExecution;
    if (!first.ok) throw new Error(JSON.stringify(first.errors));
    const valid = [...ledger.intents.entries()].filter(([, i]) => i === 'valid').map(([row]) => row);
    expect(first.imported).toBe(valid.length);
    expect(first.refused).toBe(1000 - valid.length);
    expect(first.report.filter((r) => r.result === '已导入').map((r) => r.row)).toEqual(valid);
    for (const r of first.report) expect(r.result === '未导入' ? r.reason.length > 0 : true).toBe(true);

    const rows = dataRows(emu, '通川区');
    expect(rows).toHaveLength(1 + valid.length);
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 1 + valid.length }, (_, i) => i + 1));
    expect(rows[0]?.[4]).toBe(existing[0]?.creditCode);
    const firstImported = rows[1] ?? [];
    expect(firstImported[4]).toBe(ledger.codes.get(valid[0] ?? 0));
    expect(firstImported[16]).toBeInstanceOf(Date);
    expect(firstImported[22]).toEqual(new Date(NOW));
    expect(firstImported[23]).toBe(TC_CLERK);
    expect(values(emu, '通川区', 'T2')[0]?.[0]).toBe('填表时间：2022-03-20');

    const log = logRows(emu).slice(logBefore);
    expect(log).toHaveLength(valid.length);
    expect(log[0]?.slice(0, 5)).toEqual(['2022-03-20 09:00:00', TC_CLERK, '通川区', 'A6:X6', ledger.codes.get(valid[0] ?? 0)]);
    expect(log[0]?.[8]).toMatch(/^新增企业：序号2；达州市.+有限公司；行业类别：.+；整治分类：.+；整改完成时限：\d{4}-\d{2}-\d{2}；整改状态：.+；所在乡镇（街道）：.+$/);
    expect(log[0]?.[9]).toBe('导入台账');

    // One write of the block (and one of the log) per district, whatever the number of rows.
    expect(cost?.calls['Range.setValues']).toBeLessThanOrEqual(3);
    expect(cost?.modelledMs).toBeLessThan(30_000);
    console.log(`importLedger 1,000 rows: ${Object.values(cost?.calls ?? {}).reduce((a, b) => a + b, 0)} calls, modelled ${Math.round(cost?.modelledMs ?? 0)} ms, read ${cost?.cellsRead} cells, wrote ${cost?.cellsWritten} cells`, cost?.calls);

    const again = call(emu, { tab: 'Sheet1', dryRun: false });
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    expect(again.imported).toBe(0);
    expect(dataRows(emu, '通川区')).toHaveLength(1 + valid.length);
    expect(logRows(emu).slice(logBefore)).toHaveLength(valid.length);
    const sameRow = again.report.find((r) => r.row === valid[0]);
    expect(sameRow?.reason).toBe(`已登记在“通川区”第6行（${String(firstImported[2])}），不重复导入`);
  });

  it('refuses a clerk\'s rows for another district and a closed enterprise, and imports the rest of their own', () => {
    const ledger = generateExcelLedger(30, { tracking: true, seed: 3 });
    const emu = withImportTab(ledger.grid);
    setEditors(emu, '达川区', TC_CLERK);
    emu.setUser(TC_CLERK);
    const result = call(emu, { tab: 'Sheet1', dryRun: false });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.imported).toBe(0);
    expect(result.report.filter((r) => ledger.intents.get(r.row) === 'valid').every((r) => r.reason.includes('不是“通川区”的编辑账号'))).toBe(true);
    expect(dataRows(emu, '通川区')).toEqual([]);
  });

  it('refuses a tab with no ledger header, a district tab, a system tab and a missing tab, writing nothing', () => {
    const emu = withImportTab([['随便', '什么'], ['1', '2']]);
    emu.setUser(OWNER);
    const before = JSON.stringify(modelOf(emu).toJSON());
    const cases: [unknown, string, RegExp][] = [
      [{ tab: 'Sheet1', dryRun: true }, 'tab', /找不到台账表头/],
      [{ tab: '通川区', dryRun: true }, 'tab', /不是导入的台账/],
      [{ tab: TAB.log, dryRun: true }, 'tab', /不是导入的台账/],
      [{ tab: '没有这张表', dryRun: true }, 'tab', /找不到工作表“没有这张表”/],
      [{ dryRun: true }, 'tab', /^未指明要导入的工作表：请在 文件 → 导入 得到的工作表上运行“导入台账”。$/],
      ['Sheet1', 'tab', /^未指明要导入的工作表/],
    ];
    for (const [input, key, message] of cases) {
      const r = call(emu, input);
      expect(r.ok).toBe(false);
      expect((r as { errors: Record<string, string> }).errors[key]).toMatch(message);
    }
    expect(JSON.stringify(modelOf(emu).toJSON())).toBe(before);
  });
});

describe('importLedger while people type', () => {
  it('appends below a row someone filled after the import read the tab, so nothing typed is overwritten', () => {
    const ledger = generateExcelLedger(20, { tracking: true, seed: 11 });
    const emu = withImportTab(ledger.grid);
    setEditors(emu, '通川区', TC_CLERK);
    emu.setUser(TC_CLERK);
    const typed = payload({ district: '通川区', name: '有人刚录入的企业' });
    let acted = false;
    emu.interleave((call) => {
      if (acted || call !== 'Sheet.getLastRow') return;
      acted = true;
      seedPayloads(emu, '通川区', [typed]);
    });
    const result = call(emu, { tab: 'Sheet1', dryRun: false });
    emu.interleave(null);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const rows = dataRows(emu, '通川区');
    expect(rows[0]?.[2]).toBe('有人刚录入的企业');
    expect(rows).toHaveLength(1 + result.imported);
    expect(rows[1]?.[4]).toBe(result.report.find((r) => r.result === '已导入')?.creditCode);
  });

  it('finds the new end of the table when someone types below it between the last check and the write', () => {
    const ledger = generateExcelLedger(20, { tracking: true, seed: 11 });
    const emu = withImportTab(ledger.grid);
    setEditors(emu, '通川区', TC_CLERK);
    emu.setUser(TC_CLERK);
    const typed = payload({ district: '通川区', name: '写入前一刻录入的企业' });
    let acted = false;
    emu.interleave((call) => {
      // The block's formats are being set: the script has chosen its rows and not yet written them.
      if (acted || call !== 'Range.setNumberFormat') return;
      acted = true;
      seedPayloads(emu, '通川区', [typed]);
    });
    const result = call(emu, { tab: 'Sheet1', dryRun: false });
    emu.interleave(null);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(acted).toBe(true);
    const rows = dataRows(emu, '通川区');
    expect(rows.filter((r) => r[2] === '写入前一刻录入的企业')).toHaveLength(1);
    expect(rows).toHaveLength(1 + result.imported);
    expect(result.imported).toBeGreaterThan(0);
  });

  it('gives up on a district after three tries while someone keeps typing below it, and says why in 导入报告', () => {
    const ledger = generateExcelLedger(20, { tracking: true, seed: 11 });
    const emu = withImportTab(ledger.grid);
    setEditors(emu, '通川区', TC_CLERK);
    emu.setUser(TC_CLERK);
    let n = 0;
    let previous = '';
    emu.interleave((call) => {
      // The first format call of each try (right after getMaxRows): the rows are chosen and not yet written.
      const first = call === 'Range.setNumberFormat' && previous !== 'Range.setNumberFormat';
      previous = call;
      if (!first || n >= 20) return;
      n++;
      seedPayloads(emu, '通川区', [payload({ district: '通川区', name: `不停录入的企业${n}` })], 4 + n);
    });
    const result = call(emu, { tab: 'Sheet1', dryRun: false });
    emu.interleave(null);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const rows = dataRows(emu, '通川区');
    // Each try of each district's block saw a new row typed into 通川区: 通川区 holds only what people typed.
    expect(n).toBeGreaterThanOrEqual(3);
    expect(rows).toHaveLength(n);
    expect(rows.every((r) => String(r[2]).startsWith('不停录入的企业'))).toBe(true);
    const refusedHere = result.report.filter((r) => r.reason.includes('“通川区”工作表末尾一直有人在录入'));
    expect(refusedHere.length).toBeGreaterThan(0);
    expect(refusedHere.every((r) => r.result === '未导入')).toBe(true);
  });
});

describe('导入台账 menu item', () => {
  it('asks with the count before writing; 否 leaves the ledgers as they were, 是 imports', () => {
    const ledger = generateExcelLedger(40, { tracking: true, seed: 7 });
    const emu = withImportTab(ledger.grid);
    setEditors(emu, '通川区', TC_CLERK);
    emu.setUser(TC_CLERK);
    modelOf(emu).setActive('Sheet1', 'A1');
    const valid = [...ledger.intents.values()].filter((i) => i === 'valid').length;
    emu.ui.answer('NO');
    emu.clickMenu('导入台账');
    const question = emu.ui.alerts.find((a) => a.buttons === 'YES_NO');
    expect(question?.prompt).toContain(`将从“Sheet1”导入${valid}家企业，追加到所属辖区表末尾。`);
    expect(question?.prompt).toContain(`另有${40 - valid}家不能导入（见“导入报告”）`);
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(/^未导入任何企业。预检“Sheet1”/);
    expect(dataRows(emu, '通川区')).toEqual([]);
    modelOf(emu).setActive('Sheet1', 'A1');
    emu.ui.answer('YES');
    emu.clickMenu('导入台账');
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(new RegExp(`^导入“Sheet1”（2022-03-20 09:00）：已导入${valid}家，未导入${40 - valid}家；跳过第\\d+行（合计行）、第\\d+行（填表说明）。$`));
    expect(dataRows(emu, '通川区')).toHaveLength(valid);
  });
});
