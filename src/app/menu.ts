// onOpen: the 整治台账 menu built from the table in src/domain/menu.ts (contract §6).
import { menuShape } from '../domain/menu';
import { installMenu } from '../sheet/ui';

/** Simple trigger (LIMITED): it only builds the menu, so it needs no authorisation and never fails for lack of it. */
export function onOpen(): void {
  installMenu(menuShape());
}
