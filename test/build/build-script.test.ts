// The build refuses an entry list that Apps Script could not call, and a page that reaches the server other than through its typed client.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const script = join(__dirname, '../../scripts/build.mjs');

function buildWith(entrySource: string, pages?: Record<string, string>, extra: string[] = []): { ok: boolean; output: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'eco-build-'));
  const entry = join(dir, 'entry.ts');
  writeFileSync(entry, entrySource);
  const pageArgs: string[] = [];
  if (pages) {
    mkdirSync(join(dir, 'pages'));
    for (const [name, text] of Object.entries(pages)) {
      mkdirSync(dirname(join(dir, 'pages', name)), { recursive: true });
      writeFileSync(join(dir, 'pages', name), text);
    }
    pageArgs.push('--pages', join(dir, 'pages'));
  }
  try {
    const output = execFileSync('node', [script, '--entry', entry, '--out', join(dir, 'dist'), ...pageArgs, ...extra], { encoding: 'utf8', stdio: 'pipe' });
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

  it('lists with --sizes what each source file contributes to Code.js, largest first, and only then', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eco-sizes-'));
    writeFileSync(join(dir, 'big.ts'), `export const big = () => '${'长'.repeat(2000)}';\n`);
    const entry = `import { big } from '${join(dir, 'big')}';\nexport function hello() { return big(); }\n`;
    const listed = buildWith(entry, undefined, ['--sizes']);
    expect(listed.ok).toBe(true);
    const lines = listed.output.split('\n');
    const byFile = lines.slice(lines.indexOf('Code.js by file:') + 1).filter((l) => l.includes(' KB  '));
    expect(byFile[0]).toMatch(/^\s+5\.9 KB {2}.*big\.ts$/);
    expect(byFile[1]).toMatch(/entry\.ts$/);
    expect(buildWith(entry).output).not.toContain('Code.js by file:');
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

  describe('pages', () => {
    const src = join(__dirname, '../../src');
    const html = '<!DOCTYPE html><html><head></head><body><!-- inline:script --></body></html>';
    const entry = 'export function hello() { return 1; }\n';

    it('builds a page that calls the server through the typed client, without bundling server code', () => {
      const result = buildWith(entry, {
        'Page.html': html,
        'Page.ts': `// A page.\nimport { serverClient } from '${src}/pages/server';\nimport type { SaveResult } from '${src}/app/enterprise-service';\nconst s = serverClient((m) => console.log(m));\nvoid s.submitQuarterReport({ district: '通川区', narrative: '进展' }).then((r: unknown) => console.log(r as SaveResult));\n`,
      });
      expect(result.output).not.toContain('build failed');
      expect(result.ok).toBe(true);
      expect(readFileSync(join(result.dir, 'dist/Page.html'), 'utf8')).toContain('submitQuarterReport');
    });

    it('fails when a page bundles server code', () => {
      const result = buildWith(entry, {
        'Page.html': html,
        'Page.ts': `// A page.\nimport { ACTION_ADD } from '${src}/app/enterprise-service';\nconsole.log(ACTION_ADD);\n`,
      });
      expect(result.ok).toBe(false);
      expect(result.output).toMatch(/Page\.ts bundles server code \(src\/(app|sheet)\/[\w-]+\.ts\)/);
    });

    const frame = '<!DOCTYPE html>\n<!-- A frame. -->\n<html><head><title><!-- inline:title --></title><!-- inline:style --></head><body><main>\n<!-- inline:page -->\n<div id="done"></div></main><!-- inline:script --></body></html>\n';

    it('puts a page that names a frame inside it, title and all, and builds no page of the frame itself', () => {
      const result = buildWith(entry, {
        'frames/dialog.html': frame,
        'Ask.html': '<!-- A dialog. -->\n<!-- frame: dialog 立即催办 -->\n<form id="ask"></form>\n',
        'Ask.css': 'form { margin: 0; }\n',
        'Ask.ts': "// A dialog's script.\ndocument.title = 'x';\n",
      });
      expect(result.output).not.toContain('build failed');
      const built = readFileSync(join(result.dir, 'dist/Ask.html'), 'utf8');
      expect(built).toMatch(/^<!DOCTYPE html>\n/);
      expect(built).toContain('<title>立即催办</title><style>\nform { margin: 0; }\n</style>');
      expect(built).toContain('<main>\n<!-- A dialog. -->\n<form id="ask"></form>\n<div id="done"></div></main><script>');
      expect(built).not.toContain('frame:');
      expect(readdirSync(join(result.dir, 'dist')).sort()).toEqual(['Ask.html', 'Code.js', 'appsscript.json']);
    });

    it('fails when a page names a frame that does not exist', () => {
      const result = buildWith(entry, { 'Ask.html': '<!-- A dialog. -->\n<!-- frame: sheet 立即催办 -->\n<form></form>\n' });
      expect(result.ok).toBe(false);
      expect(result.output).toContain('Ask.html names the frame "sheet", and there is no frames/sheet.html');
    });

    it('fails when a page calls google.script.run itself', () => {
      const result = buildWith(entry, {
        'Page.html': html,
        'Page.ts': "// A page.\ndeclare const google: any;\ngoogle.script.run.withSuccessHandler(() => 0).submitEnterprise({});\n",
      });
      expect(result.ok).toBe(false);
      expect(result.output).toMatch(/Page\.ts calls google\.script\.run: pages call the server through the typed client src\/pages\/server\.ts/);
    });
  });
});
