// scripts/lint.mjs run on the real tree (clean) and on a planted scratch tree: each wrong import direction fails it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const LINT = resolve(__dirname, '../../scripts/lint.mjs');

function lint(root?: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, root ? [LINT, root] : [LINT], { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

// A small tree that keeps every rule: the domain imports itself and zod, app goes through sheet, tests import src.
const CLEAN: Record<string, string> = {
  'src/domain/rule.ts': "// A rule.\nimport { z } from 'zod/mini';\nimport { other } from './other';\nexport const rule = z.string();\n",
  'src/domain/other.ts': '// Another rule.\nexport const other = 1;\n',
  'src/sheet/read.ts': "// Reads a tab.\nimport { rule } from '../domain/rule';\nexport const read = () => SpreadsheetApp.getActive();\n",
  'src/app/use-case.ts': "// A use case.\nimport { read } from '../sheet/read';\nimport type { rule } from '../domain/rule';\nexport const run = () => read();\n",
  'src/entry.ts': "// The entry list.\nexport { run } from './app/use-case';\n",
  'test/support/world.ts': '// A fixture.\nexport const world = 1;\n',
  'test/app/use-case.test.ts': "// A test.\nimport { world } from '../support/world';\nimport { run } from '../../src/app/use-case';\n",
  'emulator/index.ts': "// The emulator.\nexport const SpreadsheetApp = {};\n",
};

let root: string;

function plant(extra: Record<string, string>): void {
  for (const [rel, text] of Object.entries({ ...CLEAN, ...extra })) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'lint-test-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the lint of import directions', () => {
  it('passes on the real tree', () => {
    const r = lint();
    expect(r.out).toContain('lint: ok');
    expect(r.status).toBe(0);
  });

  it('passes on a small tree that keeps every rule', () => {
    plant({});
    const r = lint(root);
    expect(r.out).toContain('lint: ok');
    expect(r.status).toBe(0);
  });

  it.each([
    ['the domain imports the sheet layer', 'src/domain/bad.ts', "// Bad.\nimport { read } from '../sheet/read';\n", 'src/domain/bad.ts:2 src/domain imports ../sheet/read'],
    ['the domain imports a package other than zod', 'src/domain/bad.ts', "// Bad.\nimport { readFileSync } from 'node:fs';\n", 'src/domain imports node:fs'],
    ['a multi-line domain import reaches the app', 'src/domain/bad.ts', "// Bad.\nimport {\n  run,\n} from '../app/use-case';\n", 'src/domain/bad.ts:2 src/domain imports ../app/use-case'],
    ['the sheet layer imports a use case', 'src/sheet/bad.ts', "// Bad.\nimport { run } from '../app/use-case';\n", 'src/sheet imports the use case ../app/use-case'],
    ['src imports the emulator', 'src/app/bad.ts', "// Bad.\nimport { SpreadsheetApp } from '../../emulator/index';\n", 'src imports ../../emulator/index'],
    ['src imports a test fixture', 'src/app/bad.ts', "// Bad.\nexport { world } from '../../test/support/world';\n", 'src imports ../../test/support/world'],
    ['the emulator imports test/', 'emulator/bad.ts', "// Bad.\nconst w = require('../test/support/world');\n", 'emulator/bad.ts:2 imports ../test/support/world: nothing outside test/'],
    ['a use case calls a service', 'src/app/bad.ts', '// Bad.\nexport const ui = () => SpreadsheetApp.getUi();\n', 'src/app/bad.ts:2 Apps Script service outside src/sheet'],
    ['the domain calls a service', 'src/domain/bad.ts', "// Bad.\nexport const mail = () => MailApp.sendEmail('a', 'b', 'c');\n", 'src/domain/bad.ts:2 Apps Script service outside src/sheet'],
  ])('fails when %s', (_what, rel, text, message) => {
    plant({ [rel]: text });
    const r = lint(root);
    expect(r.status).toBe(1);
    expect(r.out).toContain(message);
    expect(r.out).toContain('lint: 1 problem(s)');
  });
});
