// The formula evaluator: operators, Sheets' comparison rules, the function table, and NotImplemented for the rest.
import { NotImplemented } from '../../../emulator/kernel/errors';
import { fixture } from './fixture';

function setup(now?: string) {
  const f = fixture(now ? { now } : {});
  return { ...f, sheet: f.app.getActiveSheet() };
}

function value(formula: string, cells: unknown[][] = [[]], now?: string): unknown {
  const { sheet } = setup(now);
  if (cells[0]!.length) sheet.getRange(1, 1, cells.length, cells[0]!.length).setValues(cells);
  sheet.getRange('Z1').setFormula(formula);
  return sheet.getRange('Z1').getValue();
}

describe('formula cells', () => {
  it('arithmetic, precedence, percent and concatenation', () => {
    expect(value('=1+2*3')).toBe(7);
    expect(value('=(1+2)*3')).toBe(9);
    expect(value('=-2^2')).toBe(4);
    expect(value('=50%*2')).toBe(1);
    expect(value('="a"&1&TRUE')).toBe('a1TRUE');
  });

  it('comparisons follow Sheets: text case-insensitive, blank equals "" and 0, numbers below text', () => {
    expect(value('=A1="abc"', [['ABC']])).toBe(true);
    expect(value('=B1=""', [['x', '']])).toBe(true);
    expect(value('=B1=0', [['x', '']])).toBe(true);
    expect(value('=1<"a"')).toBe(true);
    expect(value('=1="1"')).toBe(false);
  });

  it('AND, OR, NOT, IF, LEN, TRIM, ISBLANK, ISNUMBER, VALUE', () => {
    expect(value('=AND(TRUE,1,NOT(FALSE))')).toBe(true);
    expect(value('=OR(FALSE,0)')).toBe(false);
    expect(value('=IF(LEN(A1)>2,"long","short")', [['abcd']])).toBe('long');
    expect(value('=TRIM("  a   b ")')).toBe('a b');
    expect(value('=ISBLANK(B1)', [['x', '']])).toBe(true);
    expect(value('=ISNUMBER(A1)', [['2022-03-01']])).toBe(true);
    expect(value('=VALUE("12")+1')).toBe(13);
  });

  it('a date cell compares as its serial number and TODAY() is the Shanghai day', () => {
    // 2022-03-20 01:00 in Shanghai is still 2022-03-19 in UTC
    const at = '2022-03-19T17:00:00Z';
    expect(value('=TODAY()', [[]], at)).toBe(44640);
    expect(value('=A1<TODAY()', [['2022-03-19']], at)).toBe(true);
    expect(value('=A1<TODAY()', [['2022-03-20']], at)).toBe(false);
    expect(value('=DATE(2022,3,20)', [[]], at)).toBe(44640);
  });

  it('REGEXMATCH refuses a number but TO_TEXT gives its text', () => {
    expect(value('=REGEXMATCH(A1,"^1")', [[123]])).toBe('#VALUE!');
    expect(value('=REGEXMATCH(TO_TEXT(A1),"^1")', [[123]])).toBe(true);
  });

  it('relative references read the right cells and errors propagate', () => {
    expect(value('=SUM(A1:B2)', [[1, 2], [3, 'x']])).toBe(6);
    expect(value('=1/0')).toBe('#DIV/0!');
    expect(value('=IFERROR(1/0,"none")')).toBe('none');
  });

  it('an unsupported formula function throws NotImplemented', () => {
    expect(() => value('=VLOOKUP(1,A1:B2,2,FALSE)')).toThrow(NotImplemented);
    expect(() => value('=VLOOKUP(1,A1:B2,2,FALSE)')).toThrow('NotImplemented: formula function VLOOKUP');
  });

  it('a formula written into a cell reads back with getFormula and displays its result', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A2').setValues([[0.25], ['=A1*2']]);
    sheet.getRange('A2').setNumberFormat('0%');
    expect(sheet.getRange('A1:A2').getFormulas()).toEqual([[''], ['=A1*2']]);
    expect(sheet.getRange('A2').getDisplayValue()).toBe('50%');
  });
});
