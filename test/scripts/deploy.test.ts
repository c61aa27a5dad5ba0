// scripts/deploy.mjs run for real in a scratch project whose `npm` and `npx` are recording stubs on PATH: refusals, --script-id, step order, skipped browser tests.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const DEPLOY = resolve(__dirname, '../../scripts/deploy.mjs');
const REAL_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcdefghijklmnop';

interface Scratch {
  dir: string;
  home: string;
  log: string;
}

let scratch: Scratch;

// Each stub appends "<command> <args>" to the log and fails when its args match FAIL_ON.
function stub(bin: string, name: string, log: string): void {
  const file = join(bin, name);
  writeFileSync(
    file,
    `#!/bin/sh\necho "${name} $*" >> "${log}"\nif [ -n "$FAIL_ON" ] && [ "$*" = "$FAIL_ON" ]; then exit 3; fi\nexit 0\n`,
  );
  chmodSync(file, 0o755);
}

beforeEach(() => {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-test-'));
  const bin = join(dir, 'bin');
  const home = join(dir, 'home');
  mkdirSync(bin);
  mkdirSync(home);
  const log = join(dir, 'calls.log');
  stub(bin, 'npm', log);
  stub(bin, 'npx', log);
  scratch = { dir, home, log };
});

afterEach(() => {
  rmSync(scratch.dir, { recursive: true, force: true });
});

function writeClasp(config: unknown): void {
  writeFileSync(join(scratch.dir, '.clasp.json'), JSON.stringify(config));
}

function logIn(): void {
  writeFileSync(join(scratch.home, '.clasprc.json'), JSON.stringify({ tokens: { default: { type: 'authorized_user', refresh_token: 'x' } } }));
}

function deploy(env: Record<string, string> = {}, args: string[] = []) {
  const result = spawnSync(process.execPath, [DEPLOY, ...args], {
    cwd: scratch.dir,
    encoding: 'utf8',
    timeout: 20000,
    env: {
      PATH: `${join(scratch.dir, 'bin')}:/usr/bin:/bin`,
      HOME: scratch.home,
      ...env,
    },
  });
  const calls = existsSync(scratch.log) ? readFileSync(scratch.log, 'utf8').trim().split('\n').filter(Boolean) : [];
  return { status: result.status, out: `${result.stdout}${result.stderr}`, calls };
}

describe('npm run deploy', () => {
  test('refuses the placeholder script id in Chinese and English and runs nothing', () => {
    writeClasp({ scriptId: 'REPLACE_WITH_YOUR_SCRIPT_ID', rootDir: 'dist' });
    logIn();
    const { status, out, calls } = deploy();
    expect(status).not.toBe(0);
    expect(out).toContain('占位符');
    expect(out).toContain('项目设置');
    expect(out).toContain('npm run deploy -- --script-id <脚本 ID>');
    expect(out).toContain('Project Settings');
    expect(out).toContain('Nothing was pushed');
    expect(calls).toEqual([]);
  });

  test('refuses a missing .clasp.json or a missing scriptId', () => {
    logIn();
    const missingFile = deploy();
    writeClasp({ rootDir: 'dist' });
    const missingId = deploy();
    expect(missingFile.status).not.toBe(0);
    expect(missingFile.out).toContain('找不到 .clasp.json');
    expect(missingId.status).not.toBe(0);
    expect(missingId.out).toContain('没有 scriptId');
    expect(missingId.out).toContain('has no scriptId');
    expect([...missingFile.calls, ...missingId.calls]).toEqual([]);
  });

  test('refuses a rootDir other than dist, which would push the sources', () => {
    writeClasp({ scriptId: REAL_ID, rootDir: 'src' });
    logIn();
    const { status, out, calls } = deploy();
    expect(status).not.toBe(0);
    expect(out).toContain('rootDir');
    expect(calls).toEqual([]);
  });

  test('refuses without a clasp login and tells how to log in, running nothing', () => {
    writeClasp({ scriptId: REAL_ID, rootDir: 'dist' });
    const { status, out, calls } = deploy();
    expect(status).not.toBe(0);
    expect(out).toContain('npx clasp login');
    expect(out).toContain('尚未登录');
    expect(out).toContain('not logged in');
    expect(calls).toEqual([]);
  });

  test('reads the credentials clasp_config_auth points to', () => {
    writeClasp({ scriptId: REAL_ID, rootDir: 'dist' });
    const authDir = join(scratch.dir, 'auth');
    mkdirSync(authDir);
    writeFileSync(join(authDir, '.clasprc.json'), JSON.stringify({ tokens: { default: { refresh_token: 'y' } } }));
    const { status, calls } = deploy({ clasp_config_auth: authDir, CHROMIUM_PATH: process.execPath });
    expect(status).toBe(0);
    expect(calls[calls.length - 1]).toBe('npx clasp push -f');
  });

  // CHROMIUM_PATH decides whether a browser is available, whatever this machine has installed.
  const withBrowser = { CHROMIUM_PATH: process.execPath };
  const withoutBrowser = { CHROMIUM_PATH: join(tmpdir(), 'no-such-chromium') };
  const CHECKS = ['npm run check', 'npm run build', 'npx jest --testPathIgnorePatterns /test/browser/'];

  test('with a script id and a login it checks, builds, tests, then pushes, in that order', () => {
    writeClasp({ scriptId: REAL_ID, rootDir: 'dist' });
    logIn();
    const { status, out, calls } = deploy(withBrowser);
    expect(status).toBe(0);
    expect(calls).toEqual([...CHECKS, 'npx jest test/browser', 'npx clasp push -f']);
    expect(out).toContain('没有跳过任何一项');
  });

  test('without a Chromium it skips only the browser tests, still pushes, and says what it skipped', () => {
    writeClasp({ scriptId: REAL_ID, rootDir: 'dist' });
    logIn();
    const { status, out, calls } = deploy(withoutBrowser);
    expect(status).toBe(0);
    expect(calls).toEqual([...CHECKS, 'npx clasp push -f']);
    expect(out).toContain('已跳过 / skipped: 浏览器测试 test/browser');
  });

  test('stops at the first failing step and pushes nothing', () => {
    writeClasp({ scriptId: REAL_ID, rootDir: 'dist' });
    logIn();
    const { status, out, calls } = deploy({ ...withBrowser, FAIL_ON: 'jest --testPathIgnorePatterns /test/browser/' });
    expect(status).not.toBe(0);
    expect(calls).toEqual(CHECKS);
    expect(out).toContain('没有推送任何文件');
  });

  test('--script-id writes the untracked .clasp.local.json, leaves .clasp.json as it was, and pushes with it', () => {
    const placeholder = { scriptId: 'REPLACE_WITH_YOUR_SCRIPT_ID', rootDir: 'dist' };
    writeClasp(placeholder);
    logIn();
    const first = deploy(withBrowser, ['--script-id', ` ${REAL_ID} `]);
    expect(first.status).toBe(0);
    expect(JSON.parse(readFileSync(join(scratch.dir, '.clasp.local.json'), 'utf8'))).toEqual({ scriptId: REAL_ID, rootDir: 'dist' });
    expect(JSON.parse(readFileSync(join(scratch.dir, '.clasp.json'), 'utf8'))).toEqual(placeholder);
    expect(first.out).toContain('git 不跟踪');
    expect(first.calls.at(-1)).toBe('npx clasp -P .clasp.local.json push -f');
    // Later runs need no argument.
    const later = deploy(withBrowser);
    expect(later.status).toBe(0);
    expect(later.calls.at(-1)).toBe('npx clasp -P .clasp.local.json push -f');
    expect(later.out).toContain(REAL_ID);
  });

  test('git ignores .clasp.local.json', () => {
    const ignored = readFileSync(resolve(__dirname, '../../.gitignore'), 'utf8').split('\n').map((l) => l.trim());
    expect(ignored).toContain('.clasp.local.json');
  });

  test('refuses a --script-id that is not one, and an unknown option, writing nothing', () => {
    writeClasp({ scriptId: 'REPLACE_WITH_YOUR_SCRIPT_ID', rootDir: 'dist' });
    logIn();
    const bad = deploy(withBrowser, ['--script-id', 'https://docs.google.com/spreadsheets/d/abc/edit']);
    expect(bad.status).not.toBe(0);
    expect(bad.out).toContain('不像脚本 ID');
    expect(bad.out).toContain('项目设置');
    const missing = deploy(withBrowser, ['--script-id']);
    expect(missing.status).not.toBe(0);
    expect(missing.out).toContain('--script-id 后面的「」不像脚本 ID');
    const unknown = deploy(withBrowser, ['--scriptid', REAL_ID]);
    expect(unknown.status).not.toBe(0);
    expect(unknown.out).toContain('不认识的参数 --scriptid');
    expect(existsSync(join(scratch.dir, '.clasp.local.json'))).toBe(false);
    expect([...bad.calls, ...missing.calls, ...unknown.calls]).toEqual([]);
  });
});
