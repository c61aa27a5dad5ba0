// scripts/deploy.mjs run for real in a scratch project whose `npm` and `npx` are recording stubs on PATH.
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

function deploy(env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [DEPLOY], {
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
    expect(out).toContain('clasp create --type sheets');
    expect(out).toContain('--rootDir dist');
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
    const { status, calls } = deploy({ clasp_config_auth: authDir });
    expect(status).toBe(0);
    expect(calls[calls.length - 1]).toBe('npx clasp push -f');
  });

  test('with a script id and a login it checks, tests, builds, then pushes, in that order', () => {
    writeClasp({ scriptId: REAL_ID, rootDir: 'dist' });
    logIn();
    const { status, calls } = deploy();
    expect(status).toBe(0);
    expect(calls).toEqual(['npm run check', 'npm test', 'npm run build', 'npx clasp push -f']);
  });

  test('stops at the first failing step and pushes nothing', () => {
    writeClasp({ scriptId: REAL_ID, rootDir: 'dist' });
    logIn();
    const { status, out, calls } = deploy({ FAIL_ON: 'test' });
    expect(status).not.toBe(0);
    expect(calls).toEqual(['npm run check', 'npm test']);
    expect(out).toContain('没有推送任何文件');
  });
});
