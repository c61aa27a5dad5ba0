// Where errors become words: menus alert (each item first passing the menu table's `who`), the sidebar gets `_form`, triggers log and never throw at the user.
import { MENU_TITLE } from '../domain/contract';
import { isAppError } from '../domain/errors';
import { screen } from '../sheet/ui';
import type { MenuFn } from '../domain/menu';
import { buildMenu, requireRunner } from './menu';

export const UNEXPECTED = '操作未能完成，出现了意外错误。请稍后重试；如果仍然出错，请联系领导小组办公室并告知发生时间。';

function describe(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e);
}

export function fromMenu(work: () => void): void {
  try {
    work();
  } catch (e) {
    const ui = screen();
    if (isAppError(e)) {
      ui.alert(MENU_TITLE, e.userMessage);
      // Refused here, the account is known now (this run has the user's authorisation): the menu loses what it refused.
      if (e.code === 'NOT_PERMITTED') buildMenu();
      return;
    }
    console.error(describe(e));
    ui.alert(MENU_TITLE, UNEXPECTED);
  }
}

/**
 * A menu item's function as src/entry.ts lists it: the menu table's `who` for `fn` is checked first (a refusal is
 * alerted like any other, and the menu rebuilt), then the use case runs with the call's own arguments.
 */
export function menuEntry<A extends unknown[]>(fn: MenuFn, run: (...args: A) => void): (...args: A) => void {
  return (...args: A): void => {
    let allowed = false;
    fromMenu(() => {
      requireRunner(fn);
      allowed = true;
    });
    if (allowed) run(...args);
  };
}

export interface FormFailure {
  ok: false;
  errors: Record<string, string>;
}

export function fromSidebar<T>(work: () => T): T | FormFailure {
  try {
    return work();
  } catch (e) {
    if (isAppError(e)) return { ok: false, errors: { _form: e.userMessage } };
    console.error(describe(e));
    return { ok: false, errors: { _form: UNEXPECTED } };
  }
}

/** Triggers run unattended: a failure is logged for the office, never shown as a raw error. */
export function fromTrigger(name: string, work: () => void): void {
  try {
    work();
  } catch (e) {
    console.error(`${name}: ${describe(e)}`);
  }
}
