// The pages' typed client: success reaches the caller, every failure takes the one message path, and tsc holds the calls to src/entry.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { failureMessage, serverClient } from '../../src/pages/server';

interface Sent {
  fn: string;
  args: unknown[];
  succeed(value: unknown): void;
  fail(error: unknown): void;
}

/** A stand-in for the page's google.script.run: records each call and lets the test answer it. */
function fakeGoogle(): Sent[] {
  const sent: Sent[] = [];
  const chain = (success: (v: unknown) => void, failure: (e: unknown) => void): unknown => new Proxy({}, {
    get: (_t, name: string) => {
      if (name === 'withSuccessHandler') return (f: (v: unknown) => void) => chain(f, failure);
      if (name === 'withFailureHandler') return (f: (e: unknown) => void) => chain(success, f);
      return (...args: unknown[]) => sent.push({ fn: name, args, succeed: success, fail: failure });
    },
  });
  (globalThis as { google?: unknown }).google = { script: { run: chain(() => undefined, () => undefined), host: { close: () => undefined } } };
  return sent;
}

const settled = async <T>(p: Promise<T>): Promise<{ value: T } | 'pending'> =>
  Promise.race([p.then((value) => ({ value })), new Promise<'pending'>((r) => setTimeout(() => r('pending'), 20))]);

afterEach(() => {
  delete (globalThis as { google?: unknown }).google;
});

describe('serverClient', () => {
  it('sends the call with its arguments and resolves with the server’s answer', async () => {
    const sent = fakeGoogle();
    const failures: string[] = [];
    const server = serverClient((m) => failures.push(m));
    const answer = server.submitQuarterReport({ district: '通川区', narrative: '已完成两家' });
    expect(sent.map((s) => [s.fn, s.args])).toEqual([['submitQuarterReport', [{ district: '通川区', narrative: '已完成两家' }]]]);
    sent[0]!.succeed({ ok: true, quarter: '2022年第1季度', onTime: true });
    await expect(settled(answer)).resolves.toEqual({ value: { ok: true, quarter: '2022年第1季度', onTime: true } });
    expect(failures).toEqual([]);
  });

  it('a refusal by the server is an answer for the caller, not a failure', async () => {
    const sent = fakeGoogle();
    const failures: string[] = [];
    const answer = serverClient((m) => failures.push(m)).submitQuarterReport({ district: '通川区', narrative: '' });
    sent[0]!.succeed({ ok: false, errors: { narrative: '请填写进展说明' } });
    await expect(settled(answer)).resolves.toEqual({ value: { ok: false, errors: { narrative: '请填写进展说明' } } });
    expect(failures).toEqual([]);
  });

  it('a failed call goes to the one failure handler with the one message, and never reaches the caller', async () => {
    const sent = fakeGoogle();
    const failures: [string, string][] = [];
    const server = serverClient((m, call) => failures.push([call, m]));
    const payload = { creditCode: '91511700MA62012345' } as unknown as Parameters<typeof server.updateEnterprise>[0];
    const answer = server.updateEnterprise(payload, { creditCode: '91511700MA62012345', district: '通川区', version: null, values: {} });
    sent[0]!.fail(new Error('ScriptError: We\'re sorry, a server error occurred.'));
    await expect(settled(answer)).resolves.toBe('pending');
    expect(failures).toEqual([['updateEnterprise', failureMessage('updateEnterprise', new Error('ScriptError: We\'re sorry, a server error occurred.'))]]);
  });
});

describe('failureMessage', () => {
  it('names what the user was doing and keeps the platform’s own words in brackets', () => {
    expect(failureMessage('submitEnterprise', new Error('NetworkError: Connection failure due to HTTP 0'))).toBe(
      '保存未完成：服务器没有答复（NetworkError: Connection failure due to HTTP 0）。请稍后重试；如果仍然出错，请联系领导小组办公室并告知发生时间。',
    );
    expect(failureMessage('submitQuarterReport', '超时')).toContain('报送未完成：服务器没有答复（超时）');
  });

  it('says the same without brackets when the failure carries no words', () => {
    expect(failureMessage('updateEnterprise', undefined)).toBe('保存修改未完成：服务器没有答复。请稍后重试；如果仍然出错，请联系领导小组办公室并告知发生时间。');
    expect(failureMessage('updateEnterprise', { message: '  ' })).toBe(failureMessage('updateEnterprise', ''));
  });
});

describe('the client’s types (tsc on a planted page)', () => {
  const root = resolve(__dirname, '../..');
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'page-types-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The diagnostics tsc gives a page file, as `line:TScode`. */
  function typeErrors(body: string): string[] {
    const file = join(dir, `page-${Math.random().toString(36).slice(2)}.ts`);
    writeFileSync(file, `// A planted page.\nimport { serverClient } from '${join(root, 'src/pages/server')}';\nconst server = serverClient(() => undefined);\n${body}\n`);
    const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    const program = ts.createProgram([file], { ...config!.options, noUnusedLocals: false });
    return ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => {
      const line = d.file ? d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1 : 0;
      return `${line}:TS${d.code}`;
    });
  }

  it('accepts the calls the pages make and types their answers from the entry', () => {
    expect(typeErrors([
      "void server.submitQuarterReport({ district: '通川区', narrative: '进展' }).then((r) => (r.ok ? r.quarter.length : r.errors['_form']));",
      "void server.submitEnterprise({} as Parameters<typeof server.submitEnterprise>[0]).then((r) => (r.ok ? r.row : r.errors));",
    ].join('\n'))).toEqual([]);
  });

  it('refuses a function the entry does not offer the page, a wrong payload and an unchecked answer', () => {
    expect(typeErrors([
      'server.menuSetup();',
      "void server.submitQuarterReport({ district: '通川区' });",
      "void server.submitQuarterReport({ district: '通川区', narrative: '进展' }).then((r) => r.quarter);",
      "void server.updateEnterprise({} as Parameters<typeof server.submitEnterprise>[0]);",
    ].join('\n'))).toEqual(['4:TS2339', '5:TS2345', '6:TS2339', '7:TS2554']);
  });
});
