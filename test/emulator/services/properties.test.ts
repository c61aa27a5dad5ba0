// Emulator: PropertiesService stores and the storage quota.
import { Emulator } from '../../../emulator';

const emuOf = (code: string) => Emulator.fromSource({ files: { 'Code.js': code }, now: '2022-03-20T09:00:00+08:00', owner: 'office@dz.gov.cn' });

describe('PropertiesService', () => {
  test('values persist across executions as strings and a missing key is null', () => {
    const emu = emuOf(`function put() { PropertiesService.getScriptProperties().setProperty('n', 5).setProperty('b', true); }
      function get() { const p = PropertiesService.getScriptProperties(); return [p.getProperty('n'), p.getProperty('b'), p.getProperty('none')]; }`);
    emu.run('put');
    expect(emu.run('get')).toEqual(['5', 'true', null]);
  });

  test('setProperties merges, or replaces everything with deleteAllOthers', () => {
    const emu = emuOf(`function f() {
      const p = PropertiesService.getDocumentProperties();
      p.setProperties({ a: '1', b: '2' });
      p.setProperties({ c: 3 });
      const merged = p.getKeys().sort();
      p.setProperties({ z: 'only' }, true);
      const copy = p.getProperties(); copy.z = 'changed';
      p.deleteProperty('none');
      return [merged, p.getProperties(), p.getProperty('z')]; }`);
    expect(emu.run('f')).toEqual([['a', 'b', 'c'], { z: 'only' }, 'only']);
  });

  test('user properties belong to the user who runs the script', () => {
    const emu = emuOf(`function put(v) { PropertiesService.getUserProperties().setProperty('k', v); }
      function get() { return PropertiesService.getUserProperties().getProperty('k'); }`);
    emu.setUser('a@tc.gov.cn');
    emu.run('put', 'mine');
    emu.setUser('b@dc.gov.cn');
    expect(emu.run('get')).toBeNull();
    emu.setUser('a@tc.gov.cn');
    expect(emu.run('get')).toBe('mine');
  });

  test('a value over 9 KB throws the storage quota message and changes nothing', () => {
    const emu = emuOf(`function f(n) { PropertiesService.getScriptProperties().setProperty('big', 'x'.repeat(n)); }`);
    expect(() => emu.run('f', 9 * 1024 + 1)).toThrow('You have exceeded the property storage quota. Please remove some properties and try again.');
    expect(emu.properties.script.map.has('big')).toBe(false);
    emu.run('f', 9 * 1024);
    expect(emu.properties.script.map.get('big')).toHaveLength(9 * 1024);
  });

  test('a store over 500 KB throws the storage quota message', () => {
    const emu = emuOf(`function f() { const p = PropertiesService.getScriptProperties();
      for (let i = 0; i < 60; i++) p.setProperty('k' + i, 'x'.repeat(9000)); }`);
    expect(() => emu.run('f')).toThrow('You have exceeded the property storage quota.');
    expect(emu.properties.script.size()).toBeLessThanOrEqual(500 * 1024);
  });
});
