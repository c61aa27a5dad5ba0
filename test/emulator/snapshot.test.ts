// Emulator: a snapshot of the world survives JSON and restores into a new emulator that carries on where it stopped.
import { Emulator, EmulatorError, restoreSnapshot, takeSnapshot, type Snapshot } from '../../emulator';

const CODE = `
function work() {
  PropertiesService.getScriptProperties().setProperty('runs', 'one');
  PropertiesService.getDocumentProperties().setProperty('district', '通川区');
  PropertiesService.getUserProperties().setProperty('seen', 'yes');
  ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(8).create();
  MailApp.sendEmail('clerk@tc.gov.cn', '催办', '请更新台账');
  SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValue('已整改');
}
function daily() { PropertiesService.getScriptProperties().setProperty('daily', new Date().toISOString()); }
function readBack() {
  return [PropertiesService.getScriptProperties().getProperty('runs'), PropertiesService.getDocumentProperties().getProperty('district'),
    PropertiesService.getUserProperties().getProperty('seen'), SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').getValue()];
}`;

function worked(): Emulator {
  const emu = Emulator.fromSource({ files: { 'Code.js': CODE }, now: '2022-03-20T09:00:00+08:00', owner: 'office@dz.gov.cn' });
  emu.setUser('clerk@tc.gov.cn', { revealed: false });
  emu.run('work');
  return emu;
}

describe('takeSnapshot / restoreSnapshot', () => {
  test('stores, triggers, outbox, quota, clock, user and cells come back after a JSON round trip', () => {
    const before = worked();
    const saved = JSON.parse(JSON.stringify(takeSnapshot(before))) as Snapshot;
    const after = restoreSnapshot(saved, { files: { 'Code.js': CODE } });
    expect(after.now.toISOString()).toBe('2022-03-20T01:00:00.000Z');
    expect(after.owner).toBe('office@dz.gov.cn');
    expect(after.user).toEqual({ email: 'clerk@tc.gov.cn', revealed: false });
    expect(after.triggers).toEqual(before.triggers);
    expect(after.outbox).toEqual(before.outbox);
    expect(after.outbox[0]!.at).toBeInstanceOf(Date);
    expect(after.mailQuotaRemaining).toBe(99);
    expect(after.run('readBack')).toEqual(['one', '通川区', 'yes', '已整改']);
  });

  test('the restored world runs its saved trigger, and a new trigger gets a uid after the saved ones', () => {
    const before = worked();
    const after = restoreSnapshot(takeSnapshot(before), { files: { 'Code.js': CODE } });
    after.fireTimeDriven();
    expect(after.properties.script.map.get('daily')).toBe('2022-03-20T01:00:00.000Z');
    after.run('work');
    const uids = after.triggers.map((t) => Number(t.uid));
    expect(uids).toHaveLength(2);
    expect(uids[1]!).toBeGreaterThan(uids[0]!);
  });

  test('only user stores that hold something are saved', () => {
    const emu = worked();
    emu.properties.user('nobody@dz.gov.cn');
    expect(Object.keys(takeSnapshot(emu).properties.users)).toEqual(['clerk@tc.gov.cn']);
  });

  test('a snapshot of another version is refused, not half restored', () => {
    const saved = { ...takeSnapshot(worked()), version: 0 };
    expect(() => restoreSnapshot(saved, { files: { 'Code.js': CODE } })).toThrow(EmulatorError);
    expect(() => restoreSnapshot(saved, { files: { 'Code.js': CODE } })).toThrow('snapshot version 0, expected 1');
  });
});
