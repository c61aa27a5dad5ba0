// The plan of 初始化's format repair: damaged stretches, which rows are read, rules compared (配置's), marks parsed.
import { FIRST_DATA_ROW } from '../../src/domain/contract';
import { MAX_RUNS, TEMPLATE_VERSION, parseMarks, planFormatRepair, rowsToRead, runsOf, sameRule, wantedRule } from '../../src/domain/format-plan';
import type { ReadFormats } from '../../src/domain/format-plan';
import { formatRuns, validationSpecs } from '../../src/domain/ledger-template';

const DISTRICT = '通川区';
const specs = validationSpecs(DISTRICT);
const spec = (key: string) => specs.find((s) => s.key === key)!;

/** What a healthy tab of `rows` data rows reads back (its number formats); tests damage it. */
function healthy(rows: number): { formats: string[][] } {
  const runs = formatRuns();
  const width = runs[runs.length - 1]!.column + runs[runs.length - 1]!.columns - runs[0]!.column;
  const row = new Array<string>(width).fill('General');
  for (const r of runs) for (let j = 0; j < r.columns; j++) row[r.column - runs[0]!.column + j] = r.format;
  return { formats: Array.from({ length: rows }, () => row.slice()) };
}
const read = (h: ReturnType<typeof healthy>): ReadFormats => ({ formats: h.formats, formatsFrom: formatRuns()[0]!.column });
const everyRow = (rows: number) => specs.map((s) => ({ column: s.column, runs: [{ first: FIRST_DATA_ROW, count: rows }] }));

describe('runsOf', () => {
  test('turns flags into stretches of sheet rows', () => {
    expect(runsOf([false, true, true, false, true], 5)).toEqual([{ first: 6, count: 2 }, { first: 9, count: 1 }]);
    expect(runsOf([], 5)).toEqual([]);
    expect(runsOf([true, true], 2)).toEqual([{ first: 2, count: 2 }]);
  });

  test(`joins more than ${MAX_RUNS} stretches into one block from the first damaged row to the last`, () => {
    const flags = Array.from({ length: 40 }, (_, i) => i % 4 === 1);
    expect(runsOf(flags, 5)).toEqual([{ first: 6, count: 37 }]);
    expect(runsOf(flags.slice(0, 4 * MAX_RUNS), 5)).toHaveLength(MAX_RUNS);
  });
});

describe('rowsToRead', () => {
  const mark = { version: TEMPLATE_VERSION, rows: 1000 };
  test('reads the rows the mark covers', () => {
    expect(rowsToRead(mark, { maxRows: 1000, created: false })).toBe(1000 - FIRST_DATA_ROW + 1);
    expect(rowsToRead(mark, { maxRows: 1500, created: false })).toBe(1000 - FIRST_DATA_ROW + 1);
    expect(rowsToRead(mark, { maxRows: 600, created: false })).toBe(600 - FIRST_DATA_ROW + 1);
  });

  test('reads nothing, so everything is written, on a new tab, without a mark or with another look’s', () => {
    expect(rowsToRead(mark, { maxRows: 1000, created: true })).toBe(0);
    expect(rowsToRead(undefined, { maxRows: 1000, created: false })).toBe(0);
    expect(rowsToRead({ ...mark, version: 'look-0' }, { maxRows: 1000, created: false })).toBe(0);
  });
});

describe('parseMarks', () => {
  test('a stored mark reads back; anything unreadable is no mark', () => {
    expect(parseMarks(JSON.stringify({ 通川区: { version: 'v', rows: 9 } }))).toEqual({ 通川区: { version: 'v', rows: 9 } });
    expect(parseMarks(null)).toEqual({});
    expect(parseMarks('{broken')).toEqual({});
    expect(parseMarks('3')['通川区']).toBeUndefined();
  });
});

describe('sameRule', () => {
  test('the template rule matches itself, a custom formula whatever row its range starts on', () => {
    for (const s of specs) expect(sameRule(wantedRule(s), wantedRule(s))).toBe(true);
    const moved = wantedRule(validationSpecs(DISTRICT, 1200).find((s) => s.key === 'creditCode')!);
    expect(sameRule(wantedRule(spec('creditCode')), moved)).toBe(true);
    expect(sameRule(wantedRule(spec('remarks')), wantedRule(validationSpecs(DISTRICT, 77).find((s) => s.key === 'remarks')!))).toBe(true);
  });

  test('another district’s list, another help text, a warning-only rule, another criterion or none do not match', () => {
    const own = wantedRule(spec('district'));
    expect(sameRule(own, wantedRule(validationSpecs('达川区').find((s) => s.key === 'district')!))).toBe(false);
    expect(sameRule(own, { ...own, helpText: '辖区' })).toBe(false);
    expect(sameRule(own, { ...own, allowInvalid: true })).toBe(false);
    expect(sameRule(wantedRule(spec('deadline')), wantedRule(spec('employees')))).toBe(false);
    expect(sameRule(own, null)).toBe(false);
  });
});

describe('planFormatRepair', () => {
  test('a healthy tab read whole needs no format, and every rule is set again over all its data rows', () => {
    const r = planFormatRepair(DISTRICT, 50, read(healthy(50)));
    expect(r.formats).toEqual([]);
    expect(r.validations).toEqual(everyRow(50));
  });

  test('damaged number formats are rewritten on their rows only', () => {
    const h = healthy(50);
    for (let i = 10; i < 13; i++) h.formats[i] = h.formats[i]!.map(() => 'General'); // rows 15–17 cleared
    expect(planFormatRepair(DISTRICT, 50, read(h)).formats).toEqual([{ first: 15, count: 3 }]);
  });

  test('one cell’s format changed marks its row', () => {
    const h = healthy(20);
    const q = formatRuns().find((f) => f.format.includes('yy'))!;
    h.formats[4]![q.column - formatRuns()[0]!.column] = '0.00';
    expect(planFormatRepair(DISTRICT, 20, read(h)).formats).toEqual([{ first: 9, count: 1 }]);
  });

  test('rows past those read (the grid grew) and a tab not read at all are rewritten whole', () => {
    const grown = planFormatRepair(DISTRICT, 80, read(healthy(50)));
    expect(grown.formats).toEqual([{ first: FIRST_DATA_ROW + 50, count: 30 }]);
    expect(grown.validations).toEqual(everyRow(80));
    const whole = planFormatRepair(DISTRICT, 80, null);
    expect(whole.formats).toEqual([{ first: FIRST_DATA_ROW, count: 80 }]);
    expect(whole.validations).toEqual(everyRow(80));
  });
});
