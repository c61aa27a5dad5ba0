// Project lint: the rules tsc cannot express (pure domain, import directions, the emulator's front door, services only in src/sheet, no skipped tests, a headline per file).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';

// `node scripts/lint.mjs [root]`: the root is an argument so the lint's own test can run it on a planted tree.
const root = resolve(process.argv[2] ?? new URL('..', import.meta.url).pathname);
const problems = [];

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(path).isDirectory()) out.push(...walk(path));
    else if (/\.(ts|mjs)$/.test(name)) out.push(path);
  }
  return out;
}

const GAS_GLOBALS =
  /\b(SpreadsheetApp|MailApp|ScriptApp|HtmlService|LockService|PropertiesService|CacheService|Session|Utilities|Logger|Charts|GmailApp|DriveApp)\./;

const IMPORT = /\b(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]|\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every module a file names, with its line: a repo-relative path for relative specifiers, else the package name. */
function importsOf(rel, text) {
  const out = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    const line = text.slice(0, m.index).split('\n').length;
    const target = spec.startsWith('.') ? posix.normalize(posix.join(posix.dirname(rel), spec)) : spec;
    out.push({ spec, target, local: spec.startsWith('.'), line });
  }
  return out;
}

const inside = (path, dir) => path === dir || path.startsWith(`${dir}/`);

function checkImports(rel, text) {
  for (const { spec, target, local, line } of importsOf(rel, text)) {
    const at = `${rel}:${line}`;
    if (inside(rel, 'src/domain')) {
      if (local ? !inside(target, 'src/domain') : !/^zod(\/|$)/.test(spec)) problems.push(`${at} src/domain imports ${spec}: the domain imports only itself and zod`);
    }
    if (inside(rel, 'src/sheet') && local && inside(target, 'src/app')) problems.push(`${at} src/sheet imports the use case ${spec}: the sheet layer never calls up`);
    if (inside(rel, 'src') && local && ['emulator', 'test', 'preview', 'bench'].some((d) => inside(target, d))) {
      problems.push(`${at} src imports ${spec}: shipped code never depends on the emulator, tests, preview or bench`);
    }
    // src is covered by the rule above, with its own reason.
    if (!inside(rel, 'test') && !inside(rel, 'src') && local && inside(target, 'test')) {
      problems.push(`${at} imports ${spec}: nothing outside test/ imports test/`);
    }
  }
}

// The emulator's front door (issue 17 point 4). Outside emulator/ only the package name '@eco-ledger/emulator' (its
// index.ts), never a path into emulator/ nor a deep package path; test/emulator tests the internals and may import any
// emulator file. Inside, the layers point one way: kernel ← sheets, services ← runtime, page ← the root files; the
// emulator imports nothing of the project (src, preview, bench; test/ is refused above) and not its own front door.
const EMULATOR_PACKAGE = '@eco-ledger/emulator';
const EMULATOR_LAYERS = {
  'emulator/kernel': [],
  'emulator/sheets': ['emulator/kernel'],
  'emulator/services': ['emulator/kernel'],
  'emulator/runtime': ['emulator/kernel', 'emulator/sheets', 'emulator/services'],
  'emulator/page': ['emulator/kernel', 'emulator/runtime'],
};

function checkEmulatorImports(rel, text) {
  const layer = Object.keys(EMULATOR_LAYERS).find((dir) => inside(rel, dir));
  for (const { spec, target, local, line } of importsOf(rel, text)) {
    const at = `${rel}:${line}`;
    const packagePath = spec === EMULATOR_PACKAGE || spec.startsWith(`${EMULATOR_PACKAGE}/`);
    if (inside(rel, 'emulator')) {
      if (packagePath) problems.push(`${at} the emulator imports its own front door ${spec}: import the file`);
      if (local && ['src', 'preview', 'bench'].some((d) => inside(target, d))) problems.push(`${at} the emulator imports ${spec}: it knows nothing of the project`);
      const into = local ? Object.keys(EMULATOR_LAYERS).find((dir) => inside(target, dir)) : undefined;
      if (layer && into && into !== layer && !EMULATOR_LAYERS[layer].includes(into)) {
        problems.push(`${at} ${layer} imports ${spec}: ${layer} stands on ${EMULATOR_LAYERS[layer].join(', ') || 'nothing else of the emulator'}`);
      }
      if (layer && local && inside(target, 'emulator') && !into) problems.push(`${at} ${layer} imports ${spec}: the emulator's root files stand on the layers, never under them`);
    } else if (!inside(rel, 'test/emulator')) {
      // src reaching into emulator/ is reported by the src rule above, with its own reason.
      if (local && inside(target, 'emulator') && !inside(rel, 'src')) problems.push(`${at} imports ${spec}: outside the emulator only its front door, '${EMULATOR_PACKAGE}'`);
      if (spec.startsWith(`${EMULATOR_PACKAGE}/`)) problems.push(`${at} imports ${spec}: outside the emulator only its front door, '${EMULATOR_PACKAGE}'`);
      if (inside(rel, 'src') && spec === EMULATOR_PACKAGE) problems.push(`${at} src imports ${spec}: shipped code never depends on the emulator`);
    }
  }
}

for (const dir of ['src', 'emulator', 'test', 'scripts', 'bench', 'preview']) {
  let files;
  try {
    files = walk(join(root, dir));
  } catch {
    continue;
  }
  for (const file of files) {
    const rel = relative(root, file).split('\\').join('/');
    const text = readFileSync(file, 'utf8');
    const first = text.split('\n', 1)[0] ?? '';
    if (!/^(\/\/|#!)/.test(first)) problems.push(`${rel}:1 the file should open with a one-line comment saying what it holds`);
    checkImports(rel, text);
    checkEmulatorImports(rel, text);
    const servicesAllowed = !inside(rel, 'src') || inside(rel, 'src/sheet') || rel === 'src/entry.ts';
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      const at = `${rel}:${i + 1}`;
      if (!servicesAllowed && GAS_GLOBALS.test(line)) problems.push(`${at} Apps Script service outside src/sheet: call it through the sheet layer`);
      if (rel.startsWith('src/domain/') && /new Date\(\s*\)|Date\.now\(\)/.test(line)) problems.push(`${at} the domain reads the clock: pass today in`);
      if (rel.startsWith('test/') && /\b(it|test|describe)\.(skip|only|todo)\b|\bx(it|describe|test)\(/.test(line)) {
        problems.push(`${at} skipped or focused test`);
      }
    });
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`lint: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log('lint: ok');
