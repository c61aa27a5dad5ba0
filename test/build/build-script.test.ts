// The build refuses an entry list that Apps Script could not call.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const script = join(__dirname, '../../scripts/build.mjs');

function buildWith(entrySource: string): { ok: boolean; output: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'eco-build-'));
  const entry = join(dir, 'entry.ts');
  writeFileSync(entry, entrySource);
  try {
    const output = execFileSync('node', [script, '--entry', entry, '--out', join(dir, 'dist')], { encoding: 'utf8', stdio: 'pipe' });
    return { ok: true, output, dir };
  } catch (e) {
    const err = e as { stderr?: string; stdout?: string };
    return { ok: false, output: `${err.stdout ?? ''}${err.stderr ?? ''}`, dir };
  }
}

describe('scripts/build.mjs', () => {
  it('generates a top-level stub for each exported function', () => {
    const result = buildWith('export function hello(name: string) { return `你好 ${name}`; }\n');
    expect(result.ok).toBe(true);
    const code = readFileSync(join(result.dir, 'dist/Code.js'), 'utf8');
    expect(code).toMatch(/^function hello\(\) \{ return __ecoLedger\.hello\.apply\(this, arguments\); \}$/m);
  });

  it('fails when the entry list exports a name ending in an underscore', () => {
    const result = buildWith('export function secret_() { return 1; }\n');
    expect(result.ok).toBe(false);
    expect(result.output).toContain('secret_');
  });

  it('fails when the entry list exports something that is not a function', () => {
    const result = buildWith('export const notAFunction = 42;\n');
    expect(result.ok).toBe(false);
    expect(result.output).toContain('notAFunction');
  });
});
