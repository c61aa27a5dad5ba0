// Protections as the model stores them, and the edit check a user's typing goes through.
import { containsCell, type Box } from './a1';
import type { SheetModel } from './sheet-model';

export interface ProtectionData {
  id: number;
  type: 'SHEET' | 'RANGE';
  sheet: SheetModel;
  /** The protected box (RANGE only). */
  box: Box | null;
  description: string;
  warningOnly: boolean;
  /** Lower-case emails; the owner can always edit whatever the list says. */
  editors: string[];
  unprotected: Box[];
  domainEdit: boolean;
}

export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

export type EditCheck = { ok: true; warning: boolean } | { ok: false; message: string };

export function covers(p: ProtectionData, row: number, col: number): boolean {
  if (p.type === 'RANGE') return p.box !== null && containsCell(p.box, row, col);
  return !p.unprotected.some((b) => containsCell(b, row, col));
}

/** A hard protection refuses a user it does not list; a warning-only one lets everybody through after a warning. */
export function checkEdit(protections: readonly ProtectionData[], sheet: SheetModel, row: number, col: number, email: string, owner: string): EditCheck {
  const user = email.trim().toLowerCase();
  let warning = false;
  for (const p of protections) {
    if (p.sheet !== sheet || !covers(p, row, col)) continue;
    if (p.warningOnly) {
      warning = true;
      continue;
    }
    if (user !== '' && (user === owner.toLowerCase() || p.editors.includes(user))) continue;
    return { ok: false, message: PROTECTED_MESSAGE };
  }
  return { ok: true, warning };
}
