// The 整治台账 menu as data (contract §6): each item's caption, section, function and who may run it; paths, onOpen and the run check come from it.
import { CONFIG_LABEL, MENU_TITLE, TAB } from './contract';

/** Who may run an item: a district's clerk (and the office), only the office, or anyone with the spreadsheet. */
type Runner = 'clerk' | 'office' | 'any';

/** Sections in menu order, separated by a line; one with a submenu title is a submenu after the others. */
const MENU_SECTIONS = {
  clerk: { submenu: null },
  summary: { submenu: null },
  admin: { submenu: '管理（领导小组办公室）' },
} as const;
type MenuSection = keyof typeof MENU_SECTIONS;

interface MenuItem {
  readonly caption: string;
  readonly section: MenuSection;
  /** A top-level function of the pushed code (exported by src/entry.ts). */
  readonly fn: string;
  readonly who: Runner;
}

/** Adding an item is one line here (and its function in src/entry.ts); items show in this order within a section. */
export const MENU = [
  { caption: '新增企业', section: 'clerk', fn: 'menuAddEnterprise', who: 'clerk' },
  { caption: '编辑选中企业', section: 'clerk', fn: 'menuEditEnterprise', who: 'clerk' },
  { caption: '校验本表', section: 'clerk', fn: 'menuValidateSheet', who: 'any' },
  { caption: '报送本季度进展', section: 'clerk', fn: 'menuSubmitReport', who: 'clerk' },
  { caption: '申请延期', section: 'clerk', fn: 'menuRequestExtension', who: 'clerk' },
  { caption: '企业档案', section: 'clerk', fn: 'menuDossier', who: 'any' },
  { caption: '打印签章版', section: 'clerk', fn: 'menuPrintLedger', who: 'any' },
  { caption: '导入台账', section: 'clerk', fn: 'menuImportLedger', who: 'clerk' },
  { caption: '刷新汇总', section: 'summary', fn: 'menuRefreshSummary', who: 'any' },
  { caption: '预览提醒邮件', section: 'summary', fn: 'menuPreviewReminders', who: 'any' },
  { caption: '审批延期申请', section: 'admin', fn: 'menuDecideExtensions', who: 'office' },
  { caption: '验收销号', section: 'admin', fn: 'menuRecordAcceptance', who: 'office' },
  { caption: '初始化/修复表格', section: 'admin', fn: 'menuSetup', who: 'office' },
  { caption: '安装自动任务', section: 'admin', fn: 'menuInstallTriggers', who: 'office' },
  { caption: '卸载自动任务', section: 'admin', fn: 'menuUninstallTriggers', who: 'office' },
  { caption: '立即催办', section: 'admin', fn: 'menuUrgeNow', who: 'office' },
  { caption: '生成季度通报', section: 'admin', fn: 'menuQuarterBulletin', who: 'office' },
  { caption: '自检', section: 'admin', fn: 'menuSelfCheck', who: 'office' },
] as const satisfies readonly MenuItem[];

export type MenuFn = (typeof MENU)[number]['fn'];

export const ADMIN_TITLE = MENU_SECTIONS.admin.submenu;

function menuItem(fn: MenuFn): MenuItem {
  const item = MENU.find((i) => i.fn === fn);
  if (!item) throw new Error(`no menu item runs ${fn}`);
  return item;
}

export const captionOf = (fn: MenuFn): string => menuItem(fn).caption;

/** The path exactly as the menu shows it, e.g. 整治台账 → 管理（领导小组办公室） → 初始化/修复表格. */
export function menuPath(fn: MenuFn): string {
  const item = menuItem(fn);
  const submenu = MENU_SECTIONS[item.section].submenu;
  return [MENU_TITLE, ...(submenu ? [submenu] : []), item.caption].join(' → ');
}

export interface MenuShape {
  readonly title: string;
  readonly groups: readonly (readonly MenuItem[])[];
  readonly submenus: readonly { readonly title: string; readonly items: readonly MenuItem[] }[];
}

/** Whom the menu is built for: the office, a known account that is not the office's, or one Sheets hides. */
export type MenuRole = 'office' | 'clerk' | 'unknown';

/**
 * The menu onOpen builds: top-level sections as groups, then the submenus, empty ones left out. A known account
 * that is not the office's gets no office-only item (so no 管理); a hidden one gets them all, and each refuses a
 * clerk when run.
 */
export function menuShape(role: MenuRole = 'unknown'): MenuShape {
  const sections = Object.entries(MENU_SECTIONS) as [MenuSection, { submenu: string | null }][];
  const itemsOf = (s: MenuSection): MenuItem[] => MENU.filter((i) => i.section === s && mayRun(i.fn, role));
  return {
    title: MENU_TITLE,
    groups: sections.filter(([s, v]) => v.submenu === null && itemsOf(s).length > 0).map(([s]) => itemsOf(s)),
    submenus: sections.flatMap(([s, v]) => (v.submenu !== null && itemsOf(s).length > 0 ? [{ title: v.submenu, items: itemsOf(s) }] : [])),
  };
}

/** Who may run an item, in the words a refusal uses. */
const RUNNER_TEXT: Readonly<Record<Runner, string>> = {
  office: `领导小组办公室（表格所有者或“${TAB.config}”中的“${CONFIG_LABEL.admins}”）`,
  clerk: '各辖区填报人员和领导小组办公室',
  any: '任何能打开本表格的账号',
};

/**
 * Whether the table lets `role` run `fn`, the rule the menu itself is built by: an office item refuses a known account
 * that is not the office's. An account Sheets hides is shown every item, so running one is left to the use case
 * (most refuse it; 初始化/修复表格 and 自检 let it through). A clerk item's district is data the use case checks.
 */
export function mayRun(fn: MenuFn, role: MenuRole): boolean {
  return menuItem(fn).who !== 'office' || role !== 'clerk';
}

/** The one refusal of an item the table does not let `account` run: its path, who may run it, nothing changed. */
export function menuRefusal(fn: MenuFn, account: string): string {
  return `“${menuPath(fn)}”只能由${RUNNER_TEXT[menuItem(fn).who]}运行；账号 ${account} 不是领导小组办公室账号，未做任何修改。`;
}
