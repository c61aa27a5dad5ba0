// Emulator: LockService with another execution holding the lock.
import { Emulator } from '../../../emulator';

const emuOf = (code: string) => Emulator.fromSource({ files: { 'Code.js': code }, now: '2022-03-20T09:00:00+08:00', owner: 'office@dz.gov.cn' });

describe('LockService', () => {
  test('waitLock throws the real timeout message while another execution holds the lock', () => {
    const emu = emuOf('function save() { LockService.getDocumentLock().waitLock(10000); return "saved"; }');
    emu.holdDocumentLock();
    expect(() => emu.run('save')).toThrow('Lock timeout: another process was holding the lock for too long.');
    emu.releaseHeldLocks();
    expect(emu.run('save')).toBe('saved');
  });

  test('tryLock answers false while the lock is held elsewhere and hasLock follows', () => {
    const emu = emuOf(`function f() {
      const lock = LockService.getDocumentLock();
      const first = [lock.tryLock(1000), lock.hasLock()];
      return first; }
    function g() { const l = LockService.getScriptLock(); const got = l.tryLock(1); l.releaseLock(); return [got, l.hasLock()]; }`);
    emu.holdDocumentLock();
    expect(emu.run('f')).toEqual([false, false]);
    expect(emu.run('g')).toEqual([true, false]);
  });

  test('a lock ends with its execution', () => {
    const emu = emuOf(`function take() { return LockService.getDocumentLock().tryLock(1000); }`);
    expect(emu.run('take')).toBe(true);
    expect(emu.run('take')).toBe(true);
  });

  test('two lock objects of one execution share the lock', () => {
    const emu = emuOf(`function f() {
      LockService.getDocumentLock().waitLock(1000);
      return LockService.getDocumentLock().hasLock(); }`);
    expect(emu.run('f')).toBe(true);
  });

  test('a hold with a duration ends for a waiter whose timeout covers it, not for a shorter one', () => {
    const emu = emuOf(`function f(ms) { return LockService.getDocumentLock().tryLock(ms); }
    function w(ms) { LockService.getDocumentLock().waitLock(ms); return 'got'; }`);
    emu.holdDocumentLock(3000);
    expect(emu.run('f', 2999)).toBe(false);
    expect(() => emu.run('w', 1000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    expect(emu.run('w', 3000)).toBe('got');
    // once it let go, it holds nothing
    expect(emu.run('f', 0)).toBe(true);
  });
});
