// The docs a fresh clone reads: every "contract §N" resolves in docs/contract.md, every test the constraints page names exists.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

function files(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') continue;
    if (statSync(join(root, path)).isDirectory()) out.push(...files(path, keep));
    else if (keep(name)) out.push(path);
  }
  return out;
}

describe('docs/contract.md', () => {
  const contract = read('docs/contract.md');
  const sections = new Set([...contract.matchAll(/^## (\d+)\. /gm)].map((m) => Number(m[1])));

  it('has the contract’s sections 1 to 13 in order', () => {
    expect([...contract.matchAll(/^## (\d+)\. /gm)].map((m) => Number(m[1]))).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
  });

  it('resolves every “contract §N” cited in the code, the tests, the emulator and the README', () => {
    const sources = [...files('src', (n) => /\.(ts|html)$/.test(n)), ...files('test', (n) => n.endsWith('.ts')), ...files('emulator', (n) => /\.(ts|md)$/.test(n)), 'README.md', 'docs/platform-constraints.md'];
    const cited = new Set<number>();
    for (const path of sources) for (const m of read(path).matchAll(/contract §(\d+)/g)) cited.add(Number(m[1]));
    expect(cited.size).toBeGreaterThan(5);
    for (const n of cited) expect({ section: n, found: sections.has(n) }).toEqual({ section: n, found: true });
  });
});

describe('docs/platform-constraints.md', () => {
  const page = read('docs/platform-constraints.md');
  const tests = files('test', (n) => n.endsWith('.test.ts')).map(read).join('\n');
  // The last cell of each table row names the tests that hold the rule, each in “…”.
  const rules = page
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| ---') && !l.startsWith('| rule') && !l.startsWith('| operation'))
    .filter((l) => l.split(' | ').length === 4)
    .map((l) => {
      const cells = l.split(' | ');
      return { rule: cells[0]!, tests: [...(cells[cells.length - 1] ?? '').matchAll(/“([^”]+)”/g)].map((m) => m[1]!) };
    });
  const named = rules.flatMap((r) => r.tests);

  it('names a test for every rule, and every named test exists in the suite', () => {
    expect(rules.length).toBeGreaterThan(20);
    expect(rules.filter((r) => r.tests.length === 0).map((r) => r.rule)).toEqual([]);
    const missing = named.filter((title) => !tests.includes(title));
    expect(missing).toEqual([]);
  });
});
