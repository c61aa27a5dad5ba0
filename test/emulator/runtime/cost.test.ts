// Emulator: the cost model — cells read and written, modelled time per execution, and the 30 s / 6 min warnings.
import { Emulator, LATENCY } from '../../../emulator';

const emuOf = (code: string) =>
  Emulator.fromSource({ files: { 'Code.js': code }, now: '2022-03-20T09:00:00+08:00', owner: 'office@dz.gov.cn' });

describe('cost model', () => {
  test('counts the cells each range call reads and writes, and prices the calls', () => {
    const emu = emuOf(`function f() {
      const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      sheet.getRange(1, 1, 10, 4).setValues(Array.from({ length: 10 }, () => ['a', 'b', 'c', 'd']));
      sheet.getRange(1, 1, 10, 4).getValues();
      sheet.getRange('B2').getValue();
      sheet.getRange(1, 1, 10, 4).getNumRows();
    }`);
    emu.run('f');
    const r = emu.lastExecution!;
    expect(r.cellsRead).toBe(41);
    expect(r.cellsWritten).toBe(40);
    // getSheets, 4 getRange, setValues, getValues and getValue go to the spreadsheet; getNumRows and getActiveSpreadsheet do not
    expect(r.modelledMs).toBe(Math.round(8 * LATENCY.sheetsCall + 81 * LATENCY.perCellRead));
    expect(r.warnings).toEqual([]);
  });

  test('tells the CPU spent inside service calls from the script\'s own', () => {
    const emu = emuOf(`function services() { const s = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]; for (let i = 0; i < 200; i++) s.getRange(1, 1, 100, 20).getValues(); }
      function script() { let x = 0; for (let i = 0; i < 3e6; i++) x += i % 7; return x; }`);
    emu.run('services');
    const busy = emu.lastExecution!;
    expect(busy.serviceCpuMs).toBeGreaterThan(0);
    expect(busy.serviceCpuMs).toBeLessThanOrEqual(busy.cpuMs);
    expect(busy.serviceCpuMs).toBeGreaterThan(busy.cpuMs / 4);
    emu.run('script');
    const own = emu.lastExecution!;
    expect(own.serviceCpuMs).toBe(0);
    expect(own.cpuMs).toBeGreaterThan(0);
  });

  test('properties are priced by the published figures', () => {
    const emu = emuOf(`function f() { const p = PropertiesService.getDocumentProperties(); p.setProperty('a', '1'); p.getProperty('a'); }`);
    emu.run('f');
    expect(emu.lastExecution!.modelledMs).toBe(LATENCY.setProperty + LATENCY.getProperty);
  });

  test('a simple trigger modelled over 30 s is warned about, and so is any execution over 6 min', () => {
    const emu = emuOf(`function onOpen() { const s = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]; for (let i = 0; i < 1600; i++) s.getLastRow(); }
      function big() { const s = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]; for (let i = 0; i < 18100; i++) s.getLastRow(); }`);
    emu.open();
    expect(emu.lastExecution!.warnings).toEqual(['onOpen: modelled 32.0 s exceeds the 30 s limit of a simple trigger']);
    emu.run('big');
    expect(emu.lastExecution!.warnings).toEqual(['big: modelled 362.0 s exceeds the 6 min execution limit']);
    expect(emu.warnings).toHaveLength(2);
  });

  test('the same work from a menu (no 30 s limit) is not warned about', () => {
    const emu = emuOf(`function f() { const s = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]; for (let i = 0; i < 1600; i++) s.getLastRow(); }`);
    emu.run('f');
    expect(emu.lastExecution!.modelledMs).toBe(1601 * LATENCY.sheetsCall);
    expect(emu.warnings).toEqual([]);
  });
});
