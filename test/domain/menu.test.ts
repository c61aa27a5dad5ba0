// The menu table (contract §6): paths as the menu shows them, the shape onOpen builds, and no menu path typed by hand in src or preview.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { MENU_TITLE } from '../../src/domain/contract';
import { ADMIN_TITLE, MENU, captionOf, mayRun, menuPath, menuRefusal, menuShape } from '../../src/domain/menu';

const ROOT = resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|js|html)$/.test(name) ? [path] : [];
  });
}

describe('menuPath', () => {
  it('names a submenu item through its submenu, exactly as the menu shows it', () => {
    expect(menuPath('menuSetup')).toBe('整治台账 → 管理（领导小组办公室） → 初始化/修复表格');
    expect(menuPath('menuSelfCheck')).toBe(`${MENU_TITLE} → ${ADMIN_TITLE} → 自检`);
  });

  it('names a top-level item without a submenu', () => {
    expect(menuPath('menuValidateSheet')).toBe('整治台账 → 校验本表');
    expect(captionOf('menuSubmitReport')).toBe('报送本季度进展');
  });
});

describe('the run check', () => {
  it('refuses a known clerk an office item only; the office and an account Sheets hides pass it', () => {
    for (const item of MENU) {
      expect([item.fn, mayRun(item.fn, 'clerk')]).toEqual([item.fn, item.who !== 'office']);
      expect([item.fn, mayRun(item.fn, 'office'), mayRun(item.fn, 'unknown')]).toEqual([item.fn, true, true]);
    }
  });

  it('builds its one refusal from the table: the menu path, who may run it, the account', () => {
    expect(menuRefusal('menuUrgeNow', 'clerk@tc.gov.cn')).toBe(
      '“整治台账 → 管理（领导小组办公室） → 立即催办”只能由领导小组办公室（表格所有者或“配置”中的“管理员账号”）运行；账号 clerk@tc.gov.cn 不是领导小组办公室账号，未做任何修改。',
    );
  });
});

describe('the menu table', () => {
  it('gives each function and each caption to one item only', () => {
    expect(new Set(MENU.map((i) => i.fn)).size).toBe(MENU.length);
    expect(new Set(MENU.map((i) => i.caption)).size).toBe(MENU.length);
  });

  it('builds groups then submenus, every item once, in table order', () => {
    const shape = menuShape();
    expect(shape.title).toBe(MENU_TITLE);
    expect(shape.submenus.map((s) => s.title)).toEqual([ADMIN_TITLE]);
    const order = [...shape.groups.flat(), ...shape.submenus.flatMap((s) => s.items)].map((i) => i.fn);
    expect([...order].sort()).toEqual(MENU.map((i) => i.fn).sort());
    expect(shape.groups[0]?.map((i) => i.caption)).toEqual(['新增企业', '编辑选中企业', '校验本表', '报送本季度进展', '申请延期', '企业档案', '打印签章版', '导入台账']);
    expect(shape.submenus[0]?.items.every((i) => i.who === 'office')).toBe(true);
  });

  it('shows the office and an account Sheets hides every item, a known clerk no office item and no 管理', () => {
    const all = (role?: 'office' | 'clerk' | 'unknown') => {
      const shape = menuShape(role);
      return [...shape.groups.flat(), ...shape.submenus.flatMap((s) => s.items)].map((i) => i.fn).sort();
    };
    expect(all('office')).toEqual(MENU.map((i) => i.fn).sort());
    expect(all('unknown')).toEqual(all('office'));
    expect(menuShape('clerk').submenus).toEqual([]);
    expect(all('clerk')).toEqual(MENU.filter((i) => i.who !== 'office').map((i) => i.fn).sort());
    expect(menuShape('clerk').groups).toEqual(menuShape('office').groups);
  });

  it('runs only functions that src/entry.ts exports, each through the table check under its own name', () => {
    const entry = readFileSync(join(ROOT, 'src/entry.ts'), 'utf8');
    const gated = new Map([...entry.matchAll(/^export const (\w+) = menuEntry\('(\w+)', \w+\.(\w+)\);$/gm)].map((m) => [m[1]!, [m[2], m[3]]]));
    for (const item of MENU) expect([item.fn, gated.get(item.fn)]).toEqual([item.fn, [item.fn, item.fn]]);
    expect(gated.size).toBe(MENU.length);
  });
});

describe('menu paths in messages', () => {
  // A path typed by hand: 整治台账 → … or ${MENU_TITLE} → …, up to the closing quote or the end of the path.
  const HAND_PATH = /(?:整治台账|\$\{MENU_TITLE\})\s*→\s*([^”"'`）。，\n]+)/g;
  const captions = new Set<string>(MENU.map((i) => i.caption));

  it('are all built by menuPath: no path to an existing item is typed by hand in src or preview', () => {
    const typed: string[] = [];
    for (const file of ['src', 'preview'].flatMap((dir) => sources(join(ROOT, dir)))) {
      const rel = relative(ROOT, file);
      if (rel === join('src', 'domain', 'menu.ts')) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(HAND_PATH)) {
        const last = m[1]!.split('→').pop()!.trim();
        // An item another release adds (申请延期, 验收销号 …) may be named before its row exists; once it is in
        // the table, the message must come from menuPath.
        if (captions.has(last) || m[1]!.includes('管理')) typed.push(`${rel}: ${m[0]}`);
      }
    }
    expect(typed).toEqual([]);
  });

  it('catches a path typed by hand', () => {
    const sample = '请运行“整治台账 → 管理 → 初始化/修复表格”后重试';
    const found = [...sample.matchAll(HAND_PATH)].map((m) => m[1]!.split('→').pop()!.trim());
    expect(found).toEqual(['初始化/修复表格']);
  });
});
