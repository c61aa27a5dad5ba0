// Emulator: CacheService expiry on the emulator clock and its limits.
import { Emulator } from '../../../emulator';

const emuOf = (code: string) => Emulator.fromSource({ files: { 'Code.js': code }, now: '2022-03-20T09:00:00+08:00', owner: 'office@dz.gov.cn' });

describe('CacheService', () => {
  const code = `function put(ttl) { CacheService.getScriptCache().put('k', 'v', ttl); }
    function get() { return CacheService.getScriptCache().get('k'); }`;

  test('a cached value expires on the emulator clock', () => {
    const emu = emuOf(code);
    emu.run('put', 60);
    emu.advance(59_000);
    expect(emu.run('get')).toBe('v');
    emu.advance(1_000);
    expect(emu.run('get')).toBeNull();
  });

  test('a time to live over six hours is cut to six hours', () => {
    const emu = emuOf(code);
    emu.run('put', 100000);
    emu.advance(21600 * 1000 - 1);
    expect(emu.run('get')).toBe('v');
    emu.advance(1);
    expect(emu.run('get')).toBeNull();
  });

  test('putAll, getAll and removeAll work on several keys', () => {
    const emu = emuOf(`function f() { const c = CacheService.getUserCache();
      c.putAll({ a: '1', b: '2' }); c.removeAll(['a']); return c.getAll(['a', 'b', 'c']); }`);
    expect(emu.run('f')).toEqual({ b: '2' });
  });

  test('a value over 100 KB is refused', () => {
    const emu = emuOf(`function f() { CacheService.getDocumentCache().put('k', 'x'.repeat(100 * 1024 + 1)); }`);
    expect(() => emu.run('f')).toThrow('Argument too large: value');
  });
});
