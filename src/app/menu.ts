// onOpen: the 整治台账 menu built from the table in src/domain/menu.ts (contract §6), for whoever is at the keyboard.
import type { MenuRole } from '../domain/menu';
import { menuShape } from '../domain/menu';
import { accountKnown, isOffice } from '../domain/permissions';
import { ownerEmail, readSettings } from '../sheet/ledger';
import { activeUserEmail } from '../sheet/session';
import { activeSpreadsheet, installMenu } from '../sheet/ui';

/**
 * The menu without 管理 for a known account that is not the office's. A simple onOpen often cannot see the
 * account (other domains, consumer accounts): then the whole menu, each office item refusing a clerk when run. A
 * lookup that throws (an add-on's onOpen in AuthMode.NONE may not touch Session) is logged and also leaves the
 * whole menu: no menu at all would be worse, and no permission is granted by it.
 */
export function buildMenu(): void {
  let role: MenuRole = 'unknown';
  try {
    const account = activeUserEmail();
    if (accountKnown(account)) {
      const ss = activeSpreadsheet();
      role = isOffice(readSettings(ss).settings, account, ownerEmail(ss)) ? 'office' : 'clerk';
    }
  } catch (e) {
    console.error(`menu: ${String(e)}`);
  }
  installMenu(menuShape(role));
}

/** Simple trigger (LIMITED): it only builds the menu and reads 配置 only when the account is visible. */
export function onOpen(): void {
  buildMenu();
}
