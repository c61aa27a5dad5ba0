// Emulator: loading the project and running one execution (globals, fresh scope, clock, detection, file order).
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Emulator } from '../../../emulator';

const at = { now: '2022-03-20T09:00:00+08:00', owner: 'office@dz.gov.cn' };

describe('loading and running the project', () => {
  test('globals Apps Script lacks are absent', () => {
    const emu = Emulator.fromSource({ ...at, files: { 'Code.js': `function f() {
      return [typeof require, typeof process, typeof setTimeout, typeof fetch, typeof Buffer, typeof module, typeof Logger];
    }` } });
    expect(emu.run('f')).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'object']);
  });

  test('every execution starts from a fresh global scope', () => {
    const emu = Emulator.fromSource({ ...at, files: { 'Code.js': 'var count = 0; function bump() { count += 1; return count; }' } });
    expect(emu.run('bump')).toBe(1);
    expect(emu.run('bump')).toBe(1);
  });

  test('new Date() in the script reads the emulator clock', () => {
    const emu = Emulator.fromSource({ ...at, files: { 'Code.js': 'function f() { return [new Date().toISOString(), Date.now(), new Date(0).getTime()]; }' } });
    emu.setNow('2022-03-25T23:30:00Z');
    expect(emu.run('f')).toEqual(['2022-03-25T23:30:00.000Z', Date.parse('2022-03-25T23:30:00Z'), 0]);
  });

  test('a top-level function declared with const is callable, one assigned to globalThis is not', () => {
    const emu = Emulator.fromSource({ ...at, files: { 'Code.js': `
      const viaConst = () => 'const';
      let viaLet = function () { return 'let'; };
      globalThis.assigned = function () { return 'assigned'; };
      const menu = { item: function () { return 'method ' + (this === menu); } };` } });
    expect(emu.run('viaConst')).toBe('const');
    expect(emu.run('viaLet')).toBe('let');
    expect(emu.run('menu.item')).toBe('method true');
    expect(() => emu.run('assigned')).toThrow('Script function not found: assigned');
    expect(() => emu.run('nothing')).toThrow('Script function not found: nothing');
  });

  test('files run in push order and a let used before its file ran is in its dead zone', () => {
    const files = { 'a.js': 'var seen = typeof later;', 'b.js': 'function f() { return seen; }', 'c.js': 'let later = 1;' };
    expect(Emulator.fromSource({ ...at, files }).run('f')).toBe('undefined');
    const early = { 'a.js': 'var x = later + 1;', 'b.js': 'let later = 1; function f() { return x; }' };
    expect(() => Emulator.fromSource({ ...at, files: early }).run('f')).toThrow(/later/);
  });

  test('fromDist reads the manifest, the scripts in filePushOrder and the html files', () => {
    const root = mkdtempSync(join(tmpdir(), 'emu-dist-'));
    const dist = join(root, 'dist');
    mkdirSync(dist);
    writeFileSync(join(root, '.clasp.json'), JSON.stringify({ rootDir: 'dist', filePushOrder: ['dist/z.js'] }));
    writeFileSync(join(dist, 'appsscript.json'), JSON.stringify({ timeZone: 'Asia/Shanghai', oauthScopes: [] }));
    writeFileSync(join(dist, 'a.js'), 'var order = (typeof order === "undefined" ? "" : order) + "a"; function f() { return [order, Session.getScriptTimeZone(), HtmlService.createHtmlOutputFromFile("Sidebar").getContent()]; }');
    writeFileSync(join(dist, 'z.js'), 'var order = "z";');
    writeFileSync(join(dist, 'Sidebar.html'), '<p>hi</p>');
    const emu = Emulator.fromDist({ ...at, distDir: dist });
    expect(emu.run('f')).toEqual(['za', 'Asia/Shanghai', '<p>hi</p>']);
  });

  test('an execution records its kind, auth mode and CPU time', () => {
    const emu = Emulator.fromSource({ ...at, files: { 'Code.js': 'function f() { return 1; }' } });
    emu.run('f');
    expect(emu.lastExecution).toMatchObject({ fn: 'f', kind: 'editor', authMode: 'FULL', ok: true });
    expect(emu.lastExecution!.cpuMs).toBeGreaterThan(0);
  });

  test('console and Logger output goes to emu.logs', () => {
    const emu = Emulator.fromSource({ ...at, files: { 'Code.js': `function f() {
      Logger.log('%s has %s rows', '通川区', 3); console.warn('careful', 2); return Logger.getLog(); }` } });
    expect(emu.run('f')).toBe('通川区 has 3 rows');
    expect(emu.logs.map((l) => [l.source, l.level, l.message])).toEqual([
      ['Logger', 'log', '通川区 has 3 rows'], ['console', 'warn', 'careful 2'],
    ]);
  });
});
