// The preview's HTTP side on node:http (127.0.0.1 only): the page, its JSON API, sidebars with the google.script.run bridge, mail bodies.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { servePageFont, withPageFont } from './page-font';
import { PreviewSession, type AnswerInput } from './session';
import { cellA1, revive, withShim } from '@eco-ledger/emulator';
import { sheetView, tabsOf } from './sheet-view';

export interface PreviewOptions {
  /** The repository root: dist/ and preview/ui/ are found under it. */
  root?: string;
  port?: number;
  stateFile?: string;
}

export interface RunningPreview {
  url: string;
  server: Server;
  session: PreviewSession;
  close(): Promise<void>;
}

const STATIC: Record<string, string> = {
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
};

const MAX_BODY = 1024 * 1024;
const SHANGHAI = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
});

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(body);
}

function json(res: ServerResponse, value: unknown, status = 200): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, '请求太大');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new HttpError(400, '请求格式不对');
  return parsed as Record<string, unknown>;
}

const text = (v: unknown, what: string): string => {
  if (typeof v !== 'string') throw new HttpError(400, `缺少${what}`);
  return v;
};

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function state(session: PreviewSession) {
  const emu = session.emu;
  return {
    tabs: tabsOf(emu.model),
    active: emu.model.active.sheet?.name ?? null,
    // Where the selection is (the script moves it, e.g. to the row a sidebar just saved): "tab!A1".
    selection: emu.model.active.sheet && emu.model.active.range
      ? `${emu.model.active.sheet.name}!${cellA1(emu.model.active.range.row, emu.model.active.range.col)}` : null,
    user: emu.user.email,
    owner: emu.owner,
    accounts: session.accounts,
    now: emu.now.toISOString(),
    nowText: SHANGHAI.format(emu.now),
    menu: emu.menu(),
    triggers: emu.triggers.map((t) => ({ handler: t.handler, type: t.type, creator: t.creator, atHour: t.atHour ?? null })),
    outbox: emu.outbox.length,
    version: session.version,
  };
}

function outbox(session: PreviewSession) {
  return session.emu.outbox.map((m, i) => ({
    id: i + 1, to: m.to, cc: m.cc, subject: m.subject, from: m.from, at: m.at.toISOString(), atText: SHANGHAI.format(m.at),
    html: m.htmlBody !== undefined,
  }));
}

function mailPage(session: PreviewSession, id: number): string {
  const mail = session.emu.outbox[id - 1];
  if (!mail) throw new HttpError(404, '没有这封邮件');
  if (mail.htmlBody !== undefined) return withPageFont(mail.htmlBody);
  return withPageFont(`<!DOCTYPE html><meta charset="utf-8"><pre style="white-space:pre-wrap;font-family:sans-serif">${escapeHtml(mail.body)}</pre>`);
}

async function route(session: PreviewSession, root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname;
  const method = req.method ?? 'GET';

  if (method === 'GET' && (path === '/' || path === '/index.html')) {
    send(res, 200, 'text/html; charset=utf-8', readFileSync(join(root, 'preview/ui/index.html'), 'utf8'), {
      'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; frame-src 'self'; object-src 'none'; base-uri 'none'",
    });
    return;
  }
  if (method === 'GET' && servePageFont(path, res)) return;
  if (method === 'GET' && path === '/favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  const asset = /^\/ui\/([a-z-]+\.(?:js|css))$/.exec(path);
  if (method === 'GET' && asset && STATIC[asset[1]!]) {
    send(res, 200, STATIC[asset[1]!]!, readFileSync(join(root, 'preview/ui', asset[1]!), 'utf8'));
    return;
  }
  const page = /^\/page\/(\d+)$/.exec(path);
  if (method === 'GET' && page) {
    const found = session.pages.find((p) => p.id === Number(page[1]));
    if (!found) throw new HttpError(404, '这个侧边栏已关闭');
    // The emulator's page half of google.script.run, answered by the /__script_run route below.
    send(res, 200, 'text/html; charset=utf-8', withPageFont(withShim(found.html)), {
      'Content-Security-Policy': "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
    });
    return;
  }
  const mail = /^\/mail\/(\d+)$/.exec(path);
  if (method === 'GET' && mail) {
    // The email body is shown as the recipient's mail client would: no script, nothing fetched from elsewhere
    // (the page font is the viewer's, not the message's).
    send(res, 200, 'text/html; charset=utf-8', mailPage(session, Number(mail[1])), {
      'Content-Security-Policy': "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'self'",
    });
    return;
  }

  if (method === 'GET' && path === '/api/state') return json(res, state(session));
  if (method === 'GET' && path === '/api/sheet') {
    const name = url.searchParams.get('name') ?? session.emu.model.active.sheet?.name ?? '';
    if (!session.emu.model.sheetByName(name)) throw new HttpError(404, `没有工作表“${name}”`);
    return json(res, sheetView(session.emu.model, name));
  }
  if (method === 'GET' && path === '/api/outbox') return json(res, outbox(session));
  if (method === 'GET' && path === '/api/poll') return json(res, session.poll());

  if (method !== 'POST') throw new HttpError(404, '没有这个页面');
  const input = await body(req);
  switch (path) {
    case '/api/select':
      session.select(text(input['tab'], '工作表'), text(input['a1'], '单元格'));
      return json(res, { ok: true });
    case '/api/menu': {
      const answers = Array.isArray(input['answers']) ? (input['answers'] as AnswerInput[]) : [];
      const caption = text(input['caption'], '菜单项');
      // One JSON line per toast as the script shows it (Node writes each to the socket at once, while the
      // execution goes on), then the outcome: the page shows 正在刷新… while the work runs, as Sheets does.
      res.writeHead(200, { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
      res.flushHeaders();
      session.onToast = (toast) => {
        res.write(`${JSON.stringify({ toast })}\n`);
        // A response write is corked until the next tick, which would come only after the execution: send it now.
        res.socket?.uncork();
      };
      try {
        res.end(`${JSON.stringify({ outcome: { ...session.menu(caption, answers), streamed: true } })}\n`);
      } finally {
        session.onToast = null;
      }
      return;
    }
    case '/api/edit':
      return json(res, session.edit(text(input['tab'], '工作表'), text(input['a1'], '单元格'), text(input['value'], '内容'), input['confirmed'] === true));
    case '/api/paste': {
      const grid = input['grid'];
      if (!Array.isArray(grid) || grid.length === 0 || !grid.every((r) => Array.isArray(r) && r.every((v) => typeof v === 'string'))) {
        throw new HttpError(400, '粘贴的内容格式不对');
      }
      return json(res, session.paste(text(input['tab'], '工作表'), text(input['a1'], '单元格'), grid as string[][], input['confirmed'] === true));
    }
    case '/__script_run': {
      const args = Array.isArray(input['args']) ? (revive(input['args']) as unknown[]) : [];
      return json(res, session.scriptRun(text(input['fn'], '函数名'), args));
    }
    case '/__host_close':
      session.closePage();
      res.writeHead(204).end();
      return;
    case '/api/clock':
      return json(res, session.setClock(text(input['iso'], '时间')));
    case '/api/daily':
      return json(res, session.fireDaily());
    case '/api/user':
      return json(res, session.setUser(text(input['email'], '账号')));
    case '/api/reset':
      return json(res, session.reset());
    default:
      throw new HttpError(404, '没有这个操作');
  }
}

export function startPreview(options: PreviewOptions = {}): Promise<RunningPreview> {
  const root = resolve(options.root ?? process.cwd());
  const distDir = join(root, 'dist');
  if (!existsSync(join(distDir, 'Code.js'))) {
    return Promise.reject(new Error(`找不到 ${join(distDir, 'Code.js')}：请先运行 npm run build（npm start 会自动构建）`));
  }
  const session = new PreviewSession({ distDir, stateFile: options.stateFile ?? join(root, '.preview-state.json') });
  const server = createServer((req, res) => {
    route(session, root, req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : e instanceof SyntaxError ? 400 : 500;
      const message = e instanceof Error ? e.message : String(e);
      if (status === 500) console.error(e);
      if (!res.headersSent) json(res, { ok: false, error: message }, status);
      else res.end();
    });
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 8080, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      done({
        url: `http://127.0.0.1:${port}`,
        server,
        session,
        close: () => new Promise<void>((closed) => {
          server.closeAllConnections();
          server.close(() => closed());
        }),
      });
    });
  });
}
