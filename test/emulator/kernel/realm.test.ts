// Emulator: the script realm's global object is an ordinary V8 global, as in Apps Script, not a node:vm sandbox.
import { Emulator } from '../../../emulator';
import { createRealm } from '../../../emulator/kernel/realm';

const at = { now: '2022-03-20T09:00:00+08:00', owner: 'office@dz.gov.cn' };

describe('the script realm', () => {
  // A contextified node:vm sandbox answers every global name through an interceptor (a separate sandbox object
  // behind the global proxy). That cost is the emulator's, not the script's, yet the bench's script CPU counted it.
  test('its global object is the context itself, with no sandbox behind it', () => {
    const realm = createRealm(() => 0);
    expect(realm.evaluate('globalThis')).toBe(realm.context);
    expect(realm.evaluate('typeof Date.now() === "number" && new Date() instanceof Date')).toBe(true);
  });

  // ECMAScript CreateGlobalVarBinding / CreateGlobalFunctionBinding: top-level var and function declarations are
  // non-configurable properties of the global object (a contextified sandbox made them configurable).
  test('top-level var and function declarations are non-configurable globals, as in any V8 script', () => {
    const emu = Emulator.fromSource({ ...at, files: { 'Code.js': `var kept = 1;
      function f() {
        const d = Object.getOwnPropertyDescriptor(globalThis, 'kept');
        return [d.configurable, Object.getOwnPropertyDescriptor(globalThis, 'f').configurable, delete globalThis.kept, typeof kept];
      }` } });
    expect(emu.run('f')).toEqual([false, false, false, 'number']);
  });

  test('the services are globals the script reaches by name and through globalThis', () => {
    const emu = Emulator.fromSource({ ...at, files: { 'Code.js': `function f() {
      return [typeof SpreadsheetApp, globalThis.SpreadsheetApp === SpreadsheetApp, typeof globalThis.Logger];
    }` } });
    expect(emu.run('f')).toEqual(['object', true, 'object']);
  });
});
