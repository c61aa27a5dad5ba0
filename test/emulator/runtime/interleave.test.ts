// emu.interleave: a test acts as a person between an execution's read and its write, as real users do (behaviors §10).
import { Emulator } from '../../../emulator';

const at = { now: '2022-03-20T09:00:00+08:00', owner: 'office@dz.gov.cn' };
const code = `function f() {
  var s = SpreadsheetApp.getActiveSheet();
  var seen = s.getRange('A1').getValue();
  s.getRange('B1').setValue(seen);
  return [seen, s.getRange('A1').getValue()];
}`;

describe('interleave', () => {
  it('runs before the named call, so the script reads one value and finds another when it looks again', () => {
    const emu = Emulator.fromSource({ ...at, files: { 'Code.js': code } });
    const sheet = emu.model.sheets[0]!.name;
    emu.model.setValuesRaw(sheet, 1, 1, [['before']]);
    const seen: string[] = [];
    emu.interleave((call, n) => {
      seen.push(`${call}#${n}`);
      if (call === 'Range.setValue' && n === 1) emu.model.setValuesRaw(sheet, 1, 1, [['typed by a person']]);
    });
    expect(emu.run('f')).toEqual(['before', 'typed by a person']);
    expect(emu.model.values(sheet, 'B1')).toEqual([['before']]);
    expect(seen).toContain('Range.getValue#1');
    expect(seen).toContain('Range.getValue#2');
  });

  it('acts no more once cleared', () => {
    const emu = Emulator.fromSource({ ...at, files: { 'Code.js': code } });
    const sheet = emu.model.sheets[0]!.name;
    emu.model.setValuesRaw(sheet, 1, 1, [['before']]);
    let acted = 0;
    emu.interleave(() => (acted += 1)).interleave(null);
    expect(emu.run('f')).toEqual(['before', 'before']);
    expect(acted).toBe(0);
  });
});
