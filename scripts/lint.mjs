// Project lint: the rules tsc cannot express (pure domain, import directions, services only in src/sheet, no skipped tests, a headline per file).
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

// Files that still call services directly while their reads and writes move into src/sheet (issue 17); the list
// only shrinks, and a file on it that no longer calls a service is itself reported, so the list cannot go stale.
const SERVICES_PENDING = new Set([
  'src/app/daily-job.ts',
  'src/app/enterprise-form.ts',
  'src/app/enterprise-service.ts',
  'src/app/entry-point.ts',
  'src/app/menu.ts',
  'src/app/preview-reminders.ts',
  'src/app/self-check.ts',
  'src/app/setup.ts',
  'src/app/submit-report.ts',
  'src/app/summary.ts',
  'src/app/triggers.ts',
  'src/app/validate-sheet.ts',
]);

// Imports of test/ from outside it that are known and owned elsewhere: the preview server shares the test harness
// until the emulator gets its front door (issue 17 point 4); the screenshot script launches the tests' Chromium.
const TEST_IMPORT_ALLOWED = new Set(['preview/http.ts:test/support/page-font', 'preview/http.ts:test/support/script-run-bridge',
  'scripts/screenshots.ts:test/support/chromium']);

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
    if (!inside(rel, 'test') && !inside(rel, 'src') && local && inside(target, 'test') && !TEST_IMPORT_ALLOWED.has(`${rel}:${target}`)) {
      problems.push(`${at} imports ${spec}: nothing outside test/ imports test/`);
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
    const servicesAllowed = !inside(rel, 'src') || inside(rel, 'src/sheet') || rel === 'src/entry.ts' || SERVICES_PENDING.has(rel);
    let callsServices = false;
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      const at = `${rel}:${i + 1}`;
      if (inside(rel, 'src') && GAS_GLOBALS.test(line)) {
        callsServices = true;
        if (!servicesAllowed) problems.push(`${at} Apps Script service outside src/sheet: call it through the sheet layer`);
      }
      if (rel.startsWith('src/domain/') && /new Date\(\s*\)|Date\.now\(\)/.test(line)) problems.push(`${at} the domain reads the clock: pass today in`);
      if (rel.startsWith('test/') && /\b(it|test|describe)\.(skip|only|todo)\b|\bx(it|describe|test)\(/.test(line)) {
        problems.push(`${at} skipped or focused test`);
      }
    });
    if (SERVICES_PENDING.has(rel) && !callsServices) problems.push(`${rel}:1 calls no service any more: take it off SERVICES_PENDING in scripts/lint.mjs`);
  }
}
for (const rel of SERVICES_PENDING) {
  try {
    statSync(join(root, rel));
  } catch {
    if (process.argv[2] === undefined) problems.push(`${rel} is on SERVICES_PENDING but does not exist: take it off`);
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`lint: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log('lint: ok');
