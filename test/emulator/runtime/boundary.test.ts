// Emulator: the service boundary (call counts, NotImplemented, realm conversion, Exceptions).
import { Emulator } from '../../../emulator';
import { Boundary } from '../../../emulator/runtime/boundary';
import { createRealm } from '../../../emulator/kernel/realm';

class Grid {
  getValues(): unknown[][] {
    return [[new Date(Date.UTC(2022, 2, 20)), 'a'], [1, new Date(0)]];
  }
  getDate(): Date {
    return new Date(5);
  }
  takes(v: unknown): string {
    return v instanceof Date ? 'host Date' : Array.isArray(v) && (v as unknown[])[0] instanceof Date ? 'host Date[]' : typeof v;
  }
}

function realmWithGrid() {
  const realm = createRealm(() => 0);
  const boundary = new Boundary(realm, { beforeCall: () => undefined, count: () => undefined, problem: () => undefined });
  (realm.context as Record<string, unknown>).grid = boundary.wrap(new Grid(), 'Range');
  return realm;
}

const emuOf = (code: string) => Emulator.fromSource({ files: { 'Code.js': code }, now: '2022-03-20T09:00:00+08:00', owner: 'office@dz.gov.cn' });

describe('the service boundary', () => {
  test('an unknown method throws NotImplemented', () => {
    const emu = emuOf('function f() { return Utilities.parseCsv("a,b"); }');
    expect(() => emu.run('f')).toThrow('NotImplemented: Utilities.parseCsv');
    expect(emu.problems.map((e) => e.message)).toEqual(['NotImplemented: Utilities.parseCsv']);
  });

  test('a NotImplemented caught by the script is still recorded', () => {
    const emu = emuOf('function f() { try { DriveApp.getFiles(); } catch (e) { return "caught"; } }');
    expect(emu.run('f')).toBe('caught');
    expect(emu.problems.map((e) => e.message)).toEqual(['NotImplemented: DriveApp.getFiles']);
  });

  test('internal members of a service are not visible to the script', () => {
    const emu = emuOf('function f() { return HtmlService.createHtmlOutput("x")._view(); }');
    expect(() => emu.run('f')).toThrow('NotImplemented: HtmlOutput._view');
  });

  test('calls are counted per Class.method', () => {
    const emu = emuOf(`function f() {
      const out = HtmlService.createHtmlOutput('<p>');
      out.setTitle('a'); out.setTitle('b'); out.getContent();
      PropertiesService.getScriptProperties().setProperty('k', 'v');
    }`);
    emu.run('f');
    expect(emu.calls).toEqual({
      'HtmlService.createHtmlOutput': 1, 'HtmlOutput.setTitle': 2, 'HtmlOutput.getContent': 1,
      'PropertiesService.getScriptProperties': 1, 'Properties.setProperty': 1,
    });
    expect(emu.totalCalls).toBe(6);
    expect(emu.lastExecution?.calls['HtmlOutput.setTitle']).toBe(2);
    emu.resetCalls();
    expect(emu.totalCalls).toBe(0);
  });

  test('arrays returned to the script are arrays of its realm', () => {
    const emu = emuOf(`function f() {
      CacheService.getScriptCache().put('k', 'v');
      const keys = PropertiesService.getScriptProperties().setProperty('a', '1').getKeys();
      const meta = HtmlService.createHtmlOutput('').addMetaTag('viewport', 'w').getMetaTags();
      return [keys instanceof Array, Array.isArray(keys), meta instanceof Array];
    }`);
    expect(emu.run('f')).toEqual([true, true, true]);
  });

  test("Dates returned to the script are instances of the script realm's Date", () => {
    const realm = realmWithGrid();
    const result = realm.evaluate(`(function () {
      var v = grid.getValues();
      return [v instanceof Array, v[0] instanceof Array, v[0][0] instanceof Date, v[1][1] instanceof Date,
        grid.getDate() instanceof Date, v[0][0].getTime()];
    })()`);
    expect(result).toEqual([true, true, true, true, true, Date.UTC(2022, 2, 20)]);
    expect(realm.evaluate('grid.getDate()') instanceof Date).toBe(false);
  });

  test('script Dates and arrays reach the service as host values', () => {
    const realm = realmWithGrid();
    expect(realm.evaluate('[grid.takes(new Date()), grid.takes([new Date()]), grid.takes("x")]')).toEqual(['host Date', 'host Date[]', 'string']);
  });

  test('a host Date becomes a script-realm Date and a script Date is accepted by a service', () => {
    const emu = emuOf(`function f(d) { return [d instanceof Date, Utilities.formatDate(d, 'UTC', 'yyyy-MM-dd')]; }`);
    expect(emu.run('f', new Date(Date.UTC(2022, 2, 20)))).toEqual([true, '2022-03-20']);
  });

  test('a service failure reaches the script as an Exception of its realm with the same message', () => {
    const emu = emuOf(`function f() {
      try { Utilities.sleep(300001); } catch (e) { return [e instanceof Error, e.name, e.message]; }
    }`);
    expect(emu.run('f')).toEqual([true, 'Exception', 'Sleep time must be at most 300000 milliseconds.']);
  });

  test('a wrong argument type gives the signature message', () => {
    const emu = emuOf(`function f() { try { Utilities.formatDate('2022-01-01', 'UTC', 'yyyy'); } catch (e) { return e.message; } }`);
    expect(emu.run('f')).toBe("The parameters (String,String,String) don't match the method signature for Utilities.formatDate.");
  });

  test('an enum read through a service is the same value each time and unknown members throw', () => {
    const emu = emuOf(`function f() { return [ScriptApp.AuthMode.FULL, ScriptApp.EventType === ScriptApp.EventType]; }
      function g() { return ScriptApp.AuthMode.SUPER; }`);
    expect(emu.run('f')).toEqual(['FULL', true]);
    expect(() => emu.run('g')).toThrow('NotImplemented: AuthMode.SUPER');
  });
});

test('a service object prints as its class name', () => {
  const emu = Emulator.fromSource({ files: { 'Code.js': 'function f() { return String(LockService.getDocumentLock()) + " " + String(CacheService); }' } });
  expect(emu.run('f')).toBe('Lock CacheService');
});
