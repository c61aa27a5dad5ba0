// The page half of google.script.run: the shim a served sidebar or dialog gets, and the server's decoding of what it sends.
import type { ScriptRunResult } from '../runtime/script-run';

/** What the page half needs of an emulator (a structural type, so a preview session can stand in for it). */
export interface ScriptRunner {
  scriptRun(fn: string, ...args: unknown[]): ScriptRunResult;
}

const DATE_TAG = '__bridgeDate';

/**
 * The page side. Like the real google.script.run: each call is asynchronous, handlers are per call chain,
 * withUserObject's value is the handlers' second argument, a server exception goes to the failure handler as an
 * Error, and arguments travel as JSON with Dates tagged so the emulator can refuse them as Apps Script does.
 */
export function shimScript(endpoint = '/__script_run', hostEndpoint = '/__host_close'): string {
  const source = `(function () {
  var DATE_TAG = ${JSON.stringify(DATE_TAG)};
  function encode(value) {
    return JSON.stringify(value, function (key, v) {
      var raw = this[key];
      if (raw instanceof Date) { var o = {}; o[DATE_TAG] = isNaN(raw.getTime()) ? null : raw.toISOString(); return o; }
      if (typeof raw === 'function') { var f = {}; f[DATE_TAG + 'Function'] = true; return f; }
      return v;
    });
  }
  function runner(success, failure, userObject) {
    return new Proxy({}, {
      get: function (_t, name) {
        if (name === 'withSuccessHandler') return function (fn) { return runner(fn, failure, userObject); };
        if (name === 'withFailureHandler') return function (fn) { return runner(success, fn, userObject); };
        if (name === 'withUserObject') return function (o) { return runner(success, failure, o); };
        if (typeof name !== 'string' || name === 'then') return undefined;
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch(${JSON.stringify(endpoint)}, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: encode({ fn: name, args: args }) })
            .then(function (r) { return r.json(); })
            .then(function (answer) {
              if (answer.ok) { if (success) success(answer.value, userObject); }
              else if (failure) failure(new Error(answer.error), userObject);
              else console.error('google.script.run.' + name + ': ' + answer.error);
            }, function (e) { if (failure) failure(e instanceof Error ? e : new Error(String(e)), userObject); });
        };
      }
    });
  }
  window.google = window.google || {};
  window.google.script = {
    run: runner(null, null, undefined),
    host: {
      close: function () { fetch(${JSON.stringify(hostEndpoint)}, { method: 'POST' }); },
      setHeight: function () {}, setWidth: function () {},
      editor: { focus: function () {} }
    }
  };
})();`;
  return `<script>${source.replace(/<\/script/gi, '<\\/script')}</script>`;
}

/** The shim goes first in <head>, so it exists before any of the page's own scripts run. */
export function withShim(html: string): string {
  const shim = shimScript();
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + shim + html.slice(head.index + head[0].length);
  const doctype = /<!DOCTYPE[^>]*>/i.exec(html);
  if (doctype) return html.slice(0, doctype.index + doctype[0].length) + shim + html.slice(doctype.index + doctype[0].length);
  return shim + html;
}

/** Rebuilds tagged Dates (and marks functions) so emu.scriptRun sees what the page really passed. */
export function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (DATE_TAG in o) return new Date(typeof o[DATE_TAG] === 'string' ? o[DATE_TAG] : NaN);
    if (`${DATE_TAG}Function` in o) return () => undefined;
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, revive(v)]));
  }
  return value;
}

/**
 * One call as the page sent it (the shim's JSON body): the emulator's answer, or, when google.script.run has no such
 * function, the TypeError's message as the page's failure handler would receive it.
 */
export function answerPageCall(runner: ScriptRunner, fn: string, args: readonly unknown[]): ScriptRunResult {
  try {
    return runner.scriptRun(fn, ...(revive(args) as unknown[]));
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
