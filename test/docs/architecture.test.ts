// docs/architecture.md and the README's layout table describe the same folders, and every one of them exists.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

const readme = read('README.md');
const layout = readme.slice(readme.indexOf('### 代码结构 Code layout'), readme.indexOf('\n## 部署 Deploy'));
const readmePaths = [...layout.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!);
const architecture = read('docs/architecture.md');
const documented = [...architecture.matchAll(/^### `([^`]+)`$/gm)].map((m) => m[1]!);

describe('docs/architecture.md', () => {
  it('has a paragraph for exactly the paths of the README layout table, in the same order', () => {
    expect(readmePaths.length).toBeGreaterThan(5);
    expect(documented).toEqual(readmePaths);
  });

  it('names only paths that exist', () => {
    for (const path of documented) expect([path, existsSync(join(root, path))]).toEqual([path, true]);
  });

  it('covers every folder of src/ and every top-level folder of the repository', () => {
    // generated and git-ignored: dist/ by the build, test-output/ by the browser tests, coverage/ by jest
    const dirs = (dir: string): string[] =>
      readdirSync(join(root, dir)).filter((n) => !n.startsWith('.') && !['node_modules', 'dist', 'test-output', 'coverage'].includes(n) && statSync(join(root, dir, n)).isDirectory());
    const wanted = [...dirs('.').filter((d) => d !== 'src').map((d) => `${d}/`), ...dirs('src').map((d) => `src/${d}/`)];
    for (const path of wanted) expect([path, documented.includes(path)]).toEqual([path, true]);
  });

  it('names each sheet-layer file it lists, and each file of src/sheet is listed', () => {
    const files = readdirSync(join(root, 'src/sheet')).filter((n) => n.endsWith('.ts'));
    const para = architecture.slice(architecture.indexOf('### `src/sheet/`'), architecture.indexOf('### `src/app/`'));
    for (const f of files) expect([f, para.includes(`\`${f}\``)]).toEqual([f, true]);
  });
});
