// One ledger, four readers: 汇总, the districts' emails, the office's digest and 校验本表 agree on 待修正, 整改中, 逾期, 即将到期, 久未更新.
import type { Emulator } from '@eco-ledger/emulator';
import { FIRST_DATA_ROW, SUMMARY_HEADERS, TAB } from '../../src/domain/contract';
import type { EnterprisePayload } from '../../src/domain/enterprise';
import { TEMPLATE_COLUMNS, payloadToRow } from '../../src/domain/ledger-row';
import { payload } from '../support/ledger-world';
import { DISTRICTS, OWNER, reminderMails, runDaily, sheetValues, world } from '../support/reminder-world';

// 2022-03-22 09:00 in Shanghai: inside the report window, so every district is mailed and named in the digest.
const NOW = '2022-03-22T01:00:00Z';
const FRESH = new Date('2022-03-20T02:00:00Z');
const OLD = new Date('2022-01-10T02:00:00Z'); // 71 days: 久未更新 at the default 30 days

interface Seeded {
  /** Raw cell values: a pasted sheet may hold a status outside the list. */
  over: Partial<Record<keyof EnterprisePayload, unknown>>;
  updatedAt: Date;
}

/** Rows written as the sidebar would have written them, each with its own 最后更新时间; invalid ones too (a pasted sheet). */
function seed(emu: Emulator, district: string, list: Seeded[]): EnterprisePayload[] {
  const payloads = list.map((s) => payload({ district, ...(s.over as Partial<EnterprisePayload>) }));
  const rows = payloads.map((p, i) => payloadToRow(p, { serial: i + 1, updatedAt: list[i]!.updatedAt, updatedBy: OWNER }, TEMPLATE_COLUMNS));
  emu.model.setValuesRaw(district, FIRST_DATA_ROW, 1, rows);
  return payloads;
}

function ledgerOfEveryKind(): Emulator {
  const emu = world(NOW);
  const tc = seed(emu, '通川区', [
    { over: { deadline: '2022-03-01' }, updatedAt: FRESH }, // 逾期
    { over: { deadline: '2022-03-25', status: '未启动' }, updatedAt: OLD }, // 即将到期 + 久未更新
    { over: { deadline: '2022-12-31' }, updatedAt: OLD }, // 久未更新 only
    { over: { deadline: '2022-02-01', employees: -1 }, updatedAt: FRESH }, // 待修正 + 逾期
    { over: { deadline: '2022-02-01', status: '已完成（待验收）' }, updatedAt: OLD }, // done: neither overdue nor stale
    { over: { deadline: '2022-02-01', status: '已验收销号', closedOn: '2022-03-01' }, updatedAt: OLD },
    { over: { deadline: '2022-03-23', status: '' }, updatedAt: FRESH }, // empty status = 未启动: 即将到期
  ]);
  seed(emu, '达川区', [
    { over: { creditCode: tc[0]!.creditCode }, updatedAt: FRESH }, // 待修正 (duplicate code) on both tabs
    { over: { deadline: '2022-01-10' }, updatedAt: OLD }, // 逾期 71 days + 久未更新
    { over: { deadline: '2022-01-10', status: '进行中' }, updatedAt: OLD }, // 待修正: unknown status, neither overdue nor stale
    { over: { deadline: '2022-03-29' }, updatedAt: FRESH }, // 即将到期 (7 days)
  ]);
  return emu;
}

interface Figures {
  toFix: number;
  overdue: number;
  dueSoon: number;
  stale: number;
}

/** The rows of a 汇总 section, from its title to the blank row after it. */
function section(grid: unknown[][], title: string): unknown[][] {
  const start = grid.findIndex((r) => String(r[0]).startsWith(title));
  expect(start).toBeGreaterThanOrEqual(0);
  const end = grid.findIndex((r, i) => i > start && r.every((v) => v === ''));
  return grid.slice(start + 1, end < 0 ? grid.length : end);
}

const num = (text: string, re: RegExp): number => Number(text.match(re)?.[1] ?? 0);

describe('one vocabulary (issue 14 point 1): 汇总, emails, digest and 校验本表 agree', () => {
  const emu = ledgerOfEveryKind();
  runDaily(emu);
  const summary = sheetValues(emu, TAB.summary);
  const main = section(summary, '一、各辖区整治情况');
  const col = (h: (typeof SUMMARY_HEADERS)[number]): number => (main[0] as unknown[]).indexOf(h);
  const summaryRow = (d: string): unknown[] => main.find((r) => r[0] === d)!;
  const listed = (title: string, d: string): unknown[][] => section(summary, title).slice(1).filter((r) => r[0] === d);

  const validate = (d: string): { rows: number[]; invalid: number } => {
    emu.model.setActive(d, 'A1');
    emu.clickMenu('校验本表');
    const text = emu.ui.alerts[emu.ui.alerts.length - 1]!.prompt;
    return { rows: [...new Set([...text.matchAll(/第(\d+)行/g)].map((m) => Number(m[1])))], invalid: num(text, /其中(\d+)行有问题/) };
  };
  const digest = emu.outbox.find((m) => m.subject.startsWith('【整治台账日报】'))!;
  const digestFigures = (d: string): Figures => {
    const line = digest.body.split('\n').find((l) => l.startsWith(`- ${d}：`))!;
    return { toFix: num(line, /待修正(\d+)行/), overdue: num(line, /逾期(\d+)家/), dueSoon: num(line, /即将到期(\d+)家/), stale: num(line, /久未更新(\d+)家/) };
  };
  const mailFigures = (d: string): Figures => {
    const mail = reminderMails(emu).find((m) => m.subject.includes(`${d}：`))!;
    return {
      toFix: num(mail.body, /有(\d+)行待修正/),
      overdue: num(mail.subject, /(\d+)家企业逾期/),
      dueSoon: num(mail.subject, /(\d+)家企业即将到期/),
      stale: num(mail.body, /[共等](\d+)家。/),
    };
  };
  const summaryFigures = (d: string): Figures => {
    const r = summaryRow(d);
    return { toFix: Number(r[col('待修正')]), overdue: Number(r[col('逾期')]), dueSoon: Number(r[col('即将到期')]), stale: Number(r[col('久未更新')]) };
  };

  test('the ledger has rows of every kind, as counted by hand', () => {
    expect(summaryFigures('通川区')).toEqual({ toFix: 2, overdue: 2, dueSoon: 2, stale: 2 });
    expect(summaryFigures('达川区')).toEqual({ toFix: 2, overdue: 1, dueSoon: 1, stale: 1 });
    expect(summaryFigures('达州高新区')).toEqual({ toFix: 0, overdue: 0, dueSoon: 0, stale: 0 });
  });

  test.each(DISTRICTS)('%s: the same 待修正 rows in 校验本表 and 汇总, the same count in its email and the digest', (d) => {
    const checked = validate(d);
    const inSummary = section(summary, '十、待修正的台账行').slice(1).filter((r) => r[0] === d).map((r) => Number(r[1]));
    expect(inSummary).toEqual(checked.rows);
    expect(summaryFigures(d).toFix).toBe(checked.invalid);
    expect(digestFigures(d).toFix).toBe(checked.invalid);
    expect(mailFigures(d).toFix).toBe(checked.invalid);
  });

  test.each(DISTRICTS)('%s: 逾期, 即将到期 and 久未更新 are counted alike by 汇总’s table, its lists, the email and the digest', (d) => {
    const s = summaryFigures(d);
    expect({ overdue: listed('七、逾期企业', d).length, dueSoon: listed('八、即将到期企业', d).length, stale: listed('九、久未更新企业', d).length }).toEqual({
      overdue: s.overdue,
      dueSoon: s.dueSoon,
      stale: s.stale,
    });
    expect(mailFigures(d)).toEqual(s);
    expect(digestFigures(d)).toEqual(s);
  });

  test.each(DISTRICTS)('%s: 整改中 is the same in 汇总’s district table, its status table and the chart (overdue ones included)', (d) => {
    const inMain = Number(summaryRow(d)[col('整改中')]);
    const status = section(summary, '五、按整改状态');
    const inStatus = Number(status.find((r) => r[0] === '整改中')![(status[0] as unknown[]).indexOf(d)]);
    const chart = section(summary, '二、各辖区整治进度');
    const chartRow = chart.find((r) => r[0] === d)!;
    const overdueInProgress = listed('七、逾期企业', d).filter((r) => r[5] === '整改中').length;
    expect(inStatus).toBe(inMain);
    expect(Number(chartRow[(chart[0] as unknown[]).indexOf('整改中（不含逾期）')]) + overdueInProgress).toBe(inMain);
  });
});
