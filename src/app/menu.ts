// onOpen: the 整治台账 menu built from the table in src/domain/menu.ts (contract §6), for whoever is at the keyboard; the
// same table's `who` checked before a menu item runs.
import { AppError } from '../domain/errors';
import type { MenuFn, MenuRole } from '../domain/menu';
import { mayRun, menuRefusal, menuShape } from '../domain/menu';
import { accountKnown, isOffice } from '../domain/permissions';
import { ownerEmail, readSettings } from '../sheet/ledger';
import { activeUserEmail } from '../sheet/session';
import { activeSpreadsheet, installMenu } from '../sheet/ui';

/** Who is at the keyboard, as the menu table asks; 配置 is read only when the account is visible. */
function callerRole(): { account: string; role: MenuRole } {
  const account = activeUserEmail();
  if (!accountKnown(account)) return { account, role: 'unknown' };
  const ss = activeSpreadsheet();
  const settings = readSettings(ss).settings;
  const owner = ownerEmail(ss);
  // A file with no owner (a shared drive) and no 管理员账号 yet has no office to tell a clerk from: its first
  // 初始化/修复表格 must be possible; the items with a stricter check of their own (催办, 审批…) keep it.
  if (!accountKnown(owner) && settings.admins.length === 0) return { account, role: 'unknown' };
  return { account, role: isOffice(settings, account, owner) ? 'office' : 'clerk' };
}

/**
 * The menu table's `who` before `fn`'s use case runs: refused with the table's one message (NOT_PERMITTED), nothing
 * read further. An item a known clerk may run reads nothing here.
 */
export function requireRunner(fn: MenuFn): void {
  if (mayRun(fn, 'clerk')) return;
  const { account, role } = callerRole();
  if (!mayRun(fn, role)) throw new AppError('NOT_PERMITTED', menuRefusal(fn, account));
}

/**
 * The menu without 管理 for a known account that is not the office's. A simple onOpen often cannot see the
 * account (other domains, consumer accounts): then the whole menu, each office item refusing a clerk when run. A
 * lookup that throws (an add-on's onOpen in AuthMode.NONE may not touch Session) is logged and also leaves the
 * whole menu: no menu at all would be worse, and no permission is granted by it.
 */
export function buildMenu(): void {
  let role: MenuRole = 'unknown';
  try {
    role = callerRole().role;
  } catch (e) {
    console.error(`menu: ${String(e)}`);
  }
  installMenu(menuShape(role));
}

/** Simple trigger (LIMITED): it only builds the menu and reads 配置 only when the account is visible. */
export function onOpen(): void {
  buildMenu();
}
