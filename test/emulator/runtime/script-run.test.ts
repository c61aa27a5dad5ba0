// Emulator: google.script.run semantics (callable names, legal arguments, JSON results).
import { Emulator } from '../../../emulator';

const emuOf = (code: string) => Emulator.fromSource({ files: { 'Code.js': code }, now: '2022-03-20T09:00:00+08:00', owner: 'office@dz.gov.cn' });

describe('google.script.run', () => {
  const code = `
    function getEnterprise(code) { return { code: code, row: 5, when: '2022-03-20' }; }
    function withDate() { return { ok: true, rows: [{ deadline: new Date() }] }; }
    function holes() { return [1, undefined, 'x', function () {}]; }
    function dropped() { return { a: undefined, b: 1, f: function () {} }; }
    function fails() { throw new Error('企业名称不能为空'); }
    function echo(payload) { return payload; }
    function secret_() { return 'private'; }`;

  test('google.script.run refuses a function ending in _', () => {
    const emu = emuOf(code);
    expect(() => emu.scriptRun('secret_')).toThrow('google.script.run.secret_ is not a function');
    expect(emu.executions).toHaveLength(0);
  });

  test('google.script.run refuses a name that is not a top-level function', () => {
    expect(() => emuOf(code).scriptRun('nothing')).toThrow('google.script.run.nothing is not a function');
  });

  test('a plain result reaches the page as JSON', () => {
    const emu = emuOf(code);
    expect(emu.scriptRun('getEnterprise', '91350100M000100Y43')).toEqual({
      ok: true, value: { code: '91350100M000100Y43', row: 5, when: '2022-03-20' },
    });
    expect(emu.lastExecution).toMatchObject({ kind: 'scriptRun', authMode: 'FULL' });
  });

  test('a Date in a google.script.run result becomes null', () => {
    expect(emuOf(code).scriptRun('withDate')).toEqual({ ok: true, value: null });
  });

  test('undefined inside arrays becomes null and undefined fields are dropped', () => {
    const emu = emuOf(code);
    expect(emu.scriptRun('holes')).toEqual({ ok: true, value: [1, null, 'x', null] });
    expect(emu.scriptRun('dropped')).toEqual({ ok: true, value: { b: 1 } });
  });

  test('a thrown error goes to the failure handler with its message', () => {
    expect(emuOf(code).scriptRun('fails')).toEqual({ ok: false, error: '企业名称不能为空' });
  });

  test('a Date argument makes the call fail without running the function', () => {
    const emu = emuOf(code);
    expect(emu.scriptRun('echo', { deadline: new Date() })).toEqual({ ok: false, error: 'Failed due to illegal value in property: deadline' });
    expect(emu.executions).toHaveLength(0);
  });

  test('arguments arrive as plain objects of the script realm', () => {
    const emu = emuOf('function f(p) { return [p instanceof Object, Array.isArray(p.list), p.list.length]; }');
    expect(emu.scriptRun('f', { list: [1, 2] })).toEqual({ ok: true, value: [true, true, 2] });
  });
});
