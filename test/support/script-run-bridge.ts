// Serves any html the emulator showed (sidebar, dialog) on 127.0.0.1 with a google.script.run shim bridged to emu.scriptRun over fetch.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { servePageFont, withPageFont } from './page-font';

/** The part of the Emulator the bridge needs (a structural type, so a preview server can pass its own). */
export interface ScriptRunner {
  scriptRun(fn: string, ...args: unknown[]): { ok: true; value: unknown } | { ok: false; error: string };
}

export interface BridgeCall {
  fn: string;
  args: unknown[];
  result: { ok: true; value: unknown } | { ok: false; error: string };
}

export interface Bridge {
  /** http://127.0.0.1:<port>/ — the page; other pages registered with `serve` are at /<name>. */
  readonly url: string;
  /** Every google.script.run call the page made, in order, with the emulator's answer. */
  readonly calls: BridgeCall[];
  /** How many times the page called google.script.host.close(). */
  readonly closed: number;
  /** Replaces (or adds) the html served at /<name>; '' is the root page. */
  serve(html: string, name?: string): string;
  stop(): Promise<void>;
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

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, text: string): void {
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
  res.end(text);
}

export async function startBridge(emu: ScriptRunner, html: string): Promise<Bridge> {
  const pages = new Map<string, string>([['', withPageFont(withShim(html))]]);
  const calls: BridgeCall[] = [];
  let closed = 0;
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/').replace(/^\//, '');
    if (req.method === 'POST' && path === '__script_run') {
      body(req)
        .then((text) => {
          const { fn, args } = JSON.parse(text) as { fn: string; args: unknown[] };
          let result: BridgeCall['result'];
          try {
            result = emu.scriptRun(fn, ...(revive(args) as unknown[]));
          } catch (e) {
            // What the page sees when google.script.run has no such function.
            result = { ok: false, error: e instanceof Error ? e.message : String(e) };
          }
          calls.push({ fn, args, result });
          send(res, 200, 'application/json', JSON.stringify(result));
        })
        .catch((e: unknown) => send(res, 500, 'text/plain', String(e)));
      return;
    }
    if (req.method === 'POST' && path === '__host_close') {
      closed += 1;
      send(res, 204, 'text/plain', '');
      return;
    }
    if (req.method === 'GET' && servePageFont(`/${path}`, res)) return;
    const page = pages.get(path);
    if (req.method === 'GET' && page !== undefined) send(res, 200, 'text/html', page);
    else send(res, 404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    calls,
    get closed() {
      return closed;
    },
    serve(next: string, name = '') {
      pages.set(name, withPageFont(withShim(next)));
      return url + encodeURIComponent(name);
    },
    stop: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
