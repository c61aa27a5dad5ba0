// Serves any html the emulator showed (sidebar, dialog) on 127.0.0.1 with the emulator's google.script.run shim, answered by emu.scriptRun.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { answerPageCall, withShim, type ScriptRunner } from '@eco-ledger/emulator';
import { servePageFont, withPageFont } from '../../preview/page-font';

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
          const result = answerPageCall(emu, fn, args);
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

export interface BridgedPage {
  page: Page;
  bridge: Bridge;
  /** Closes the browser context and the bridge; gives the page's uncaught errors (a test expects none). */
  close(): Promise<string[]>;
}

/** `html` served by a bridge to `runner`, opened in a fresh zh-CN browser context of the given viewport. */
export async function openBridgedPage(browser: Browser, runner: ScriptRunner, html: string, viewport: { width: number; height: number }): Promise<BridgedPage> {
  const bridge = await startBridge(runner, html);
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(bridge.url);
  return {
    page,
    bridge,
    close: async () => {
      await context.close();
      await bridge.stop();
      return errors;
    },
  };
}
