// The README promises what a newcomer and a deployer need: the first screen's commands, every scope explained, each dependency justified.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(resolve(ROOT, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}`);
  if (start < 0) throw new Error(`README has no section ## ${title}`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

describe('README', () => {
  it('opens with the Node version and the three commands, before any other section', () => {
    const firstScreen = readme.slice(0, readme.indexOf('\n## '));
    const minimum = pkg.engines.node.replace(/^>=\s*/, '');
    expect(firstScreen).toContain(`Node.js ${minimum}`);
    const commands = firstScreen.match(/^npm [a-z]+/gm);
    expect(commands).toEqual(['npm install', 'npm start', 'npm test']);
  });

  it('explains in the deploy walkthrough every OAuth scope the manifest asks for', () => {
    const deploy = section('部署 Deploy');
    expect(manifest.oauthScopes.length).toBeGreaterThan(0);
    for (const scope of manifest.oauthScopes) {
      const short = scope.replace('https://www.googleapis.com/auth/', '');
      expect(deploy).toMatch(new RegExp(`\`${short.replace(/\./g, '\\.')}\`（[^）]+）：`));
    }
  });

  it('walks the deployer through sharing, the script id, authorisation, setup, 自检, triggers and updating', () => {
    const deploy = section('部署 Deploy');
    for (const step of ['npx clasp login', 'npm run deploy -- --script-id', '.clasp.local.json', '共享', '编辑账号', '需要授权',
      '初始化/修复表格', '自检', '安装自动任务', '以后更新']) {
      expect(deploy).toContain(step);
    }
  });

  it('justifies every dependency in one table row', () => {
    const names = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)];
    const rows = readme.split('\n').filter((l) => l.startsWith('| `'));
    for (const name of names) expect(rows.filter((r) => r.split('|')[1]!.includes(`\`${name}\``))).toHaveLength(1);
  });
});
