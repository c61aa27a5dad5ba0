// The 整治台账 menu: captions (contract §6) and the top-level function each item runs.
import { MENU_TITLE } from '../domain/contract';
import { installMenu } from '../sheet/ui';

export interface MenuItem {
  readonly caption: string;
  readonly fn: string;
}

export const CLERK_ITEMS: readonly MenuItem[] = [
  { caption: '新增企业', fn: 'menuAddEnterprise' },
  { caption: '编辑选中企业', fn: 'menuEditEnterprise' },
  { caption: '校验本表', fn: 'menuValidateSheet' },
  { caption: '报送本季度进展', fn: 'menuSubmitReport' },
];

export const SUMMARY_ITEMS: readonly MenuItem[] = [
  { caption: '刷新汇总', fn: 'menuRefreshSummary' },
  { caption: '预览提醒邮件', fn: 'menuPreviewReminders' },
];

export const ADMIN_TITLE = '管理（领导小组办公室）';
export const ADMIN_ITEMS: readonly MenuItem[] = [
  { caption: '初始化/修复表格', fn: 'menuSetup' },
  { caption: '安装自动任务', fn: 'menuInstallTriggers' },
  { caption: '卸载自动任务', fn: 'menuUninstallTriggers' },
  { caption: '自检', fn: 'menuSelfCheck' },
];

/** Simple trigger (LIMITED): it only builds the menu, so it needs no authorisation and never fails for lack of it. */
export function onOpen(): void {
  installMenu({ title: MENU_TITLE, groups: [CLERK_ITEMS, SUMMARY_ITEMS], submenus: [{ title: ADMIN_TITLE, items: ADMIN_ITEMS }] });
}
