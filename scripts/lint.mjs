// Project lint: the rules tsc cannot express (pure domain, no clock inside rules, no skipped tests, a headline per file).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
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

const GAS_GLOBALS = /\b(SpreadsheetApp|MailApp|ScriptApp|HtmlService|LockService|PropertiesService|CacheService|Session|Utilities|Logger|Charts|GmailApp|DriveApp)\./;

for (const dir of ['src', 'emulator', 'test', 'scripts', 'bench', 'preview']) {
  let files;
  try {
    files = walk(join(root, dir));
  } catch {
    continue;
  }
  for (const file of files) {
    const rel = relative(root, file);
    const text = readFileSync(file, 'utf8');
    const first = text.split('\n', 1)[0] ?? '';
    if (!/^(\/\/|#!)/.test(first)) problems.push(`${rel}:1 the file should open with a one-line comment saying what it holds`);
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      const at = `${rel}:${i + 1}`;
      if (rel.startsWith('src/domain/')) {
        if (GAS_GLOBALS.test(line)) problems.push(`${at} Apps Script global in src/domain`);
        if (/new Date\(\s*\)|Date\.now\(\)/.test(line)) problems.push(`${at} the domain reads the clock: pass today in`);
      }
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
