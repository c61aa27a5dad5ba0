// The USER_ENTERED parser the facades and the user simulation share.
import { parseUserEntered } from '../../../emulator/sheets';

describe('parseUserEntered', () => {
  it('turns = into a formula under any format but plain text', () => {
    expect(parseUserEntered('=A1', null)).toEqual({ kind: 'formula', formula: '=A1' });
    expect(parseUserEntered('=A1', '0.00')).toEqual({ kind: 'formula', formula: '=A1' });
  });

  it("stores what is written under the plain-text format, a leading = or ' included (behaviors §10)", () => {
    expect(parseUserEntered('=A1', '@')).toEqual({ kind: 'text', value: '=A1' });
    expect(parseUserEntered("'9151170000000000X1", '@')).toEqual({ kind: 'text', value: "'9151170000000000X1" });
    expect(parseUserEntered("'", '@')).toEqual({ kind: 'text', value: "'" });
  });

  it("keeps text after a leading apostrophe and hides the apostrophe", () => {
    expect(parseUserEntered("'+86 123", null)).toEqual({ kind: 'text', value: '+86 123' });
    expect(parseUserEntered("'", null)).toEqual({ kind: 'blank' });
  });

  it('parses numbers, percentages, booleans, dates, date-times and times', () => {
    expect(parseUserEntered(' 42 ', null)).toEqual({ kind: 'number', value: 42 });
    expect(parseUserEntered('+5', null)).toEqual({ kind: 'number', value: 5 });
    expect(parseUserEntered('7.5%', null)).toEqual({ kind: 'number', value: 0.075, autoFormat: '0%' });
    expect(parseUserEntered('true', null)).toEqual({ kind: 'boolean', value: true });
    expect(parseUserEntered('2022/3/1', null)).toEqual({ kind: 'number', value: 44621, autoFormat: 'yyyy-mm-dd' });
    expect(parseUserEntered('2022-03-01 12:00', null)).toEqual({ kind: 'number', value: 44621.5, autoFormat: 'yyyy-mm-dd hh:mm:ss' });
    expect(parseUserEntered('06:00', null)).toEqual({ kind: 'number', value: 0.25, autoFormat: 'hh:mm:ss' });
  });

  it('leaves impossible dates, signs before text and anything else as text', () => {
    expect(parseUserEntered('2023-02-29', null)).toEqual({ kind: 'text', value: '2023-02-29' });
    expect(parseUserEntered('-abc', null)).toEqual({ kind: 'text', value: '-abc' });
    expect(parseUserEntered('@home', null)).toEqual({ kind: 'text', value: '@home' });
  });

  it('keeps every non-formula string as text under the plain-text format', () => {
    expect(parseUserEntered('0012', '@')).toEqual({ kind: 'text', value: '0012' });
    expect(parseUserEntered('TRUE', '@')).toEqual({ kind: 'text', value: 'TRUE' });
  });
});
