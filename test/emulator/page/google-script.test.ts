// Emulator: the page half of google.script.run — the shim goes first in the page, and a call the page sent is answered as Apps Script would.
import { Emulator, answerPageCall, revive, shimScript, withShim } from '../../../emulator';

const emu = Emulator.fromSource({
  files: { 'Code.js': 'function echo(x) { return x; } function hidden_() { return 1; } function boom() { throw new Error("坏了"); }' },
  now: '2022-03-20T09:00:00+08:00',
});

describe('withShim', () => {
  test('puts the shim first in <head>, after a doctype, or at the very start', () => {
    const shim = shimScript();
    expect(withShim('<!DOCTYPE html><html><head><title>t</title></head></html>')).toBe(`<!DOCTYPE html><html><head>${shim}<title>t</title></head></html>`);
    expect(withShim('<!DOCTYPE html><p>x</p>')).toBe(`<!DOCTYPE html>${shim}<p>x</p>`);
    expect(withShim('<p>x</p>')).toBe(`${shim}<p>x</p>`);
  });

  test('the shim cannot close its own script tag early', () => {
    expect(shimScript('/x</script>')).not.toMatch(/<\/script>[^]*<\/script>/);
  });
});

describe('answerPageCall', () => {
  test('a plain argument reaches the function and its value comes back', () => {
    expect(answerPageCall(emu, 'echo', [{ name: '某某公司', n: 2 }])).toEqual({ ok: true, value: { name: '某某公司', n: 2 } });
  });

  test('a Date the page passed (tagged by the shim) is refused as Apps Script refuses it', () => {
    const tagged = JSON.parse(JSON.stringify({ at: { __bridgeDate: '2022-03-20T01:00:00.000Z' } })) as unknown;
    expect(revive(tagged)).toEqual({ at: new Date('2022-03-20T01:00:00.000Z') });
    expect(answerPageCall(emu, 'echo', [tagged])).toEqual({ ok: false, error: 'Failed due to illegal value in property: at' });
  });

  test('a private or missing function reaches the failure handler as the page’s TypeError', () => {
    expect(answerPageCall(emu, 'hidden_', [])).toEqual({ ok: false, error: 'google.script.run.hidden_ is not a function' });
    expect(answerPageCall(emu, 'nothing', [])).toEqual({ ok: false, error: 'google.script.run.nothing is not a function' });
  });

  test('a thrown error reaches the failure handler with its message', () => {
    expect(answerPageCall(emu, 'boom', [])).toEqual({ ok: false, error: '坏了' });
  });
});
