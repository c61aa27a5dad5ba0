// Emulator: ScriptApp installable triggers and their builders.
import { Emulator } from '../../../emulator';
import { TriggerTable } from '../../../emulator/services/script-app';

const emuOf = (code: string) => Emulator.fromSource({ files: { 'Code.js': code }, now: '2022-03-20T09:00:00+08:00', owner: 'office@dz.gov.cn' });

const install = `function install() {
  ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(9).inTimezone('Asia/Shanghai').create();
  return ScriptApp.getProjectTriggers().map(function (t) { return [t.getHandlerFunction(), String(t.getEventType()), String(t.getTriggerSource()), t.getTriggerSourceId()]; });
}
function daily(e) {
  PropertiesService.getScriptProperties().setProperty('ran', JSON.stringify({
    as: Session.getEffectiveUser().getEmail(), active: Session.getActiveUser().getEmail(),
    hour: e.hour, day: e['day-of-month'], dow: e['day-of-week'], tz: e.timezone, uid: e.triggerUid, mode: String(e.authMode) }));
}
function uninstall() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); }`;

describe('ScriptApp triggers', () => {
  test('a time-driven trigger runs as its creator with the real event fields', () => {
    const emu = emuOf(install);
    emu.setUser('office@dz.gov.cn');
    expect(emu.run('install')).toEqual([['daily', 'CLOCK', 'CLOCK', null]]);
    expect(emu.triggers).toEqual([expect.objectContaining({ handler: 'daily', type: 'CLOCK', creator: 'office@dz.gov.cn', everyDays: 1, atHour: 9, timezone: 'Asia/Shanghai' })]);
    emu.setUser('clerk@tc.gov.cn');
    emu.setNow('2022-03-21T01:05:00Z');
    const [run] = emu.fireTimeDriven();
    expect(run).toMatchObject({ fn: 'daily', kind: 'timeDriven', authMode: 'FULL', ok: true });
    expect(JSON.parse(emu.properties.script.map.get('ran')!)).toEqual({
      as: 'office@dz.gov.cn', active: 'office@dz.gov.cn', hour: 1, day: 21, dow: 1, tz: 'UTC', uid: emu.triggers[0]!.uid, mode: 'FULL',
    });
  });

  test('triggers are listed and deleted per user', () => {
    const emu = emuOf(install);
    emu.setUser('a@dz.gov.cn');
    emu.run('install');
    emu.setUser('b@dz.gov.cn');
    emu.run('install');
    emu.run('uninstall');
    expect(emu.triggers.map((t) => t.creator)).toEqual(['a@dz.gov.cn']);
  });

  test('atHour without a daily frequency is refused with the real message', () => {
    const emu = emuOf(`function f() { ScriptApp.newTrigger('x').timeBased().atHour(9).create(); }`);
    expect(() => emu.run('f')).toThrow('Frequency is required if you are using atHour() or nearMinute()');
    expect(emu.triggers).toHaveLength(0);
  });

  test('everyMinutes accepts only 1, 5, 10, 15 or 30 and inTimezone only real zones', () => {
    const emu = emuOf(`function f(n) { ScriptApp.newTrigger('x').timeBased().everyMinutes(n).create(); }
      function g() { ScriptApp.newTrigger('x').timeBased().everyDays(1).inTimezone('Mars/Base'); }`);
    expect(() => emu.run('f', 7)).toThrow('everyMinutes');
    emu.run('f', 15);
    expect(emu.triggers.map((t) => t.everyMinutes)).toEqual([15]);
    expect(() => emu.run('g')).toThrow('Invalid argument: Mars/Base');
  });

  test('a user may install at most 20 triggers', () => {
    const emu = emuOf(`function f() { for (var i = 0; i < 21; i++) ScriptApp.newTrigger('x' + i).timeBased().everyHours(1).create(); }`);
    expect(() => emu.run('f')).toThrow('This script has too many triggers.');
    expect(emu.triggers).toHaveLength(20);
  });

  test('a spreadsheet trigger records the spreadsheet it watches', () => {
    const emu = emuOf(`function f() { ScriptApp.newTrigger('changed').forSpreadsheet('sheet-id').onChange().create(); }
      function changed(e) { PropertiesService.getScriptProperties().setProperty('change', e.changeType + ' ' + Session.getEffectiveUser().getEmail()); }`);
    emu.run('f');
    expect(emu.triggers).toEqual([expect.objectContaining({ type: 'ON_CHANGE', source: 'SPREADSHEETS', sourceId: 'sheet-id' })]);
  });
});

describe('TriggerTable.restore', () => {
  it('puts saved triggers back with their uids and never reuses one', () => {
    const table = new TriggerTable();
    table.restore([{ uid: '1000000042', handler: 'dailyJob', type: 'CLOCK', source: 'CLOCK', sourceId: null, creator: 'office@dz.gov.cn' }]);
    expect(table.all.map((t) => t.uid)).toEqual(['1000000042']);
    const next = table.install({ handler: 'onEditInstalled', type: 'ON_EDIT', source: 'SPREADSHEETS', sourceId: 'ss', creator: 'office@dz.gov.cn' });
    expect(Number(next.uid)).toBeGreaterThan(1000000042);
  });
});
