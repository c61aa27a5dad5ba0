// Tests mirror the code: each file of src/domain and src/app has a test file of its own name, as the README says.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const sources = (dir: string): string[] => readdirSync(join(root, dir)).filter((n) => n.endsWith('.ts') && !n.endsWith('.d.ts'));
/** `x.test.ts`, or `x.<aspect>.test.ts` (e.g. credit-code.differential.test.ts). */
const hasTest = (dir: string, file: string): boolean => {
  const base = file.replace(/\.ts$/, '');
  return existsSync(join(root, 'test', dir, `${base}.test.ts`)) || readdirSync(join(root, 'test', dir)).some((n) => n.startsWith(`${base}.`) && n.endsWith('.test.ts'));
};

/** Files with no behaviour of their own, and where what they name is tested. */
const NO_OWN_TEST: Record<string, string> = {
  'domain/office-dialog.ts': "the office dialogs' context types and names only; the dialogs: test/app/office.test.ts, test/browser/office.test.ts",
};

describe('test layout', () => {
  for (const dir of ['domain', 'app']) {
    it(`every file of src/${dir} has its own test in test/${dir}`, () => {
      const files = sources(join('src', dir));
      expect(files.length).toBeGreaterThan(10);
      const untested = files.filter((f) => !hasTest(dir, f) && !(`${dir}/${f}` in NO_OWN_TEST));
      expect(untested).toEqual([]);
    });
  }

  it('exempts only files that exist and still have no test of their own', () => {
    for (const path of Object.keys(NO_OWN_TEST)) {
      const [dir, file] = path.split('/') as [string, string];
      expect([path, existsSync(join(root, 'src', path)), hasTest(dir, file)]).toEqual([path, true, false]);
    }
  });
});
