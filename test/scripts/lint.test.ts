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
  'preview/page-font.ts': '// The page font.\nexport const font = 1;\n',
  'test/browser/page.test.ts': "// A browser test.\nimport { font } from '../../preview/page-font';\n",
  // The emulator's layers (issue 17 point 4): its root files stand on runtime, runtime on services and sheets, those on
  // the kernel; outside it only its front door.
  'emulator/index.ts': "// The front door.\nexport { Emulator } from './emulator';\n",
  'emulator/emulator.ts': "// The world.\nimport { run } from './runtime/execute';\nexport const Emulator = run;\n",
  'emulator/kernel/errors.ts': '// Errors.\nexport class EmulatorError extends Error {}\n',
  'emulator/sheets/range.ts': "// Range.\nimport { EmulatorError } from '../kernel/errors';\nexport const range = EmulatorError;\n",
  'emulator/services/ui.ts': "// Ui.\nimport { EmulatorError } from '../kernel/errors';\nexport const ui = EmulatorError;\n",
  'emulator/runtime/execute.ts': "// Execute.\nimport { range } from '../sheets/range';\nimport { ui } from '../services/ui';\nexport const run = [range, ui];\n",
  'test/emulator/sheets/range.test.ts': "// Internals.\nimport { range } from '../../../emulator/sheets/range';\n",
  'test/app/world.test.ts': "// Through the door.\nimport { Emulator } from '@eco-ledger/emulator';\n",
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

// Each wrong direction planted alone in the clean tree: [what, the file, its text, the one problem the lint names].
// Each text opens with its line saying what it holds, as a file must (and so the lint does not read the row's
// `import` as one of this file's own).
const PLANTED: [string, string, string, string][] = [
  ['the domain imports the sheet layer', 'src/domain/bad.ts', "// Bad.\nimport { read } from '../sheet/read';\n", 'src/domain/bad.ts:2 src/domain imports ../sheet/read'],
  ['the domain imports a package other than zod', 'src/domain/bad.ts', "// Bad.\nimport { readFileSync } from 'node:fs';\n", 'src/domain imports node:fs'],
  ['a multi-line domain import reaches the app', 'src/domain/bad.ts', "// Bad.\nimport {\n  run,\n} from '../app/use-case';\n", 'src/domain/bad.ts:2 src/domain imports ../app/use-case'],
  ['the sheet layer imports a use case', 'src/sheet/bad.ts', "// Bad.\nimport { run } from '../app/use-case';\n", 'src/sheet imports the use case ../app/use-case'],
  ['src imports the emulator', 'src/app/bad.ts', "// Bad.\nimport { SpreadsheetApp } from '../../emulator/index';\n", 'src imports ../../emulator/index'],
  ['src imports a test fixture', 'src/app/bad.ts', "// Bad.\nexport { world } from '../../test/support/world';\n", 'src imports ../../test/support/world'],
  // Once allowed: the page font lives in preview/ and Chromium in scripts/, where tests import them from.
  ['the preview imports a test helper', 'preview/http.ts', "// Bad.\nimport { withPageFont } from '../test/support/page-font';\n", 'preview/http.ts:2 imports ../test/support/page-font: nothing outside test/'],
  ['a script imports a test helper', 'scripts/screenshots.ts', "// Bad.\nimport { launchChromium } from '../test/support/chromium';\n", 'scripts/screenshots.ts:2 imports ../test/support/chromium: nothing outside test/'],
  ['the emulator imports test/', 'emulator/bad.ts', "// Bad.\nconst w = require('../test/support/world');\n", 'emulator/bad.ts:2 imports ../test/support/world: nothing outside test/'],
  ['a use case calls a service', 'src/app/bad.ts', '// Bad.\nexport const ui = () => SpreadsheetApp.getUi();\n', 'src/app/bad.ts:2 Apps Script service outside src/sheet'],
  ['the domain calls a service', 'src/domain/bad.ts', "// Bad.\nexport const mail = () => MailApp.sendEmail('a', 'b', 'c');\n", 'src/domain/bad.ts:2 Apps Script service outside src/sheet'],
  ['a test outside test/emulator reaches into the emulator', 'test/app/bad.test.ts', "// Bad.\nimport { range } from '../../emulator/sheets/range';\n", "test/app/bad.test.ts:2 imports ../../emulator/sheets/range: outside the emulator only its front door, '@eco-ledger/emulator'"],
  ['the preview imports the emulator folder instead of the package', 'preview/bad.ts', "// Bad.\nimport { Emulator } from '../emulator';\n", "preview/bad.ts:2 imports ../emulator: outside the emulator only its front door"],
  ['bench imports a deep package path', 'bench/bad.ts', "// Bad.\nimport type { Box } from '@eco-ledger/emulator/sheets/a1';\n", "bench/bad.ts:2 imports @eco-ledger/emulator/sheets/a1: outside the emulator only its front door"],
  ['src imports the emulator package', 'src/app/bad.ts', "// Bad.\nimport { Emulator } from '@eco-ledger/emulator';\n", 'src/app/bad.ts:2 src imports @eco-ledger/emulator'],
  ['the kernel imports a layer', 'emulator/kernel/bad.ts', "// Bad.\nimport { range } from '../sheets/range';\n", 'emulator/kernel imports ../sheets/range: emulator/kernel stands on nothing else of the emulator'],
  ['a service imports the runtime', 'emulator/services/bad.ts', "// Bad.\nimport { run } from '../runtime/execute';\n", 'emulator/services imports ../runtime/execute: emulator/services stands on emulator/kernel'],
  ['a service imports the sheets', 'emulator/services/bad.ts', "// Bad.\nimport { range } from '../sheets/range';\n", 'emulator/services imports ../sheets/range'],
  ['the sheets import a root file', 'emulator/sheets/bad.ts', "// Bad.\nimport { Emulator } from '../emulator';\n", 'emulator/sheets imports ../emulator: the emulator\'s root files stand on the layers'],
  ['the emulator imports the project', 'emulator/runtime/bad.ts', "// Bad.\nimport { run } from '../../src/app/use-case';\n", 'emulator/runtime/bad.ts:2 the emulator imports ../../src/app/use-case'],
  ['the emulator imports its own front door', 'emulator/runtime/bad.ts', "// Bad.\nimport { Emulator } from '@eco-ledger/emulator';\n", 'the emulator imports its own front door'],
];

describe('the lint of import directions', () => {
  it('passes on the real tree', () => {
    const r = lint();
    expect(r.out).toContain('lint: ok');
    expect(r.status).toBe(0);
  });

  it('passes on a small tree that keeps every rule, the emulator\'s front door and layers included', () => {
    plant({});
    const r = lint(root);
    expect(r.out).toContain('lint: ok');
    expect(r.status).toBe(0);
  });

  it.each(PLANTED)('fails when %s', (_what, rel, text, message) => {
    plant({ [rel]: text });
    const r = lint(root);
    expect(r.status).toBe(1);
    expect(r.out).toContain(message);
    expect(r.out).toContain('lint: 1 problem(s)');
  });
});
