// Applies the protection plan: each protection found again by its description, editors brought in line with 配置.
import type { ProtectionSpec } from '../domain/ledger-template';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

const lower = (s: string): string => s.trim().toLowerCase();

function syncEditors(p: Protection, wanted: readonly string[], keep: readonly string[]): void {
  const current = p.getEditors().map((u) => lower(u.getEmail()));
  const add = wanted.filter((e) => !current.includes(e));
  // The owner and the account running setup cannot be removed (Apps Script refuses), so they are not asked for.
  const remove = current.filter((e) => e !== '' && !wanted.includes(e) && !keep.includes(e));
  if (add.length) p.addEditors(add);
  if (remove.length) p.removeEditors(remove);
}

function settle(p: Protection, spec: ProtectionSpec, keep: readonly string[]): void {
  if (p.getDescription() !== spec.description) p.setDescription(spec.description);
  if (p.isWarningOnly() !== spec.warningOnly) p.setWarningOnly(spec.warningOnly);
  // A warning-only protection lets everyone through after a warning; its editor list means nothing.
  if (!spec.warningOnly) syncEditors(p, spec.editors, keep);
}

/** Sheet.protect() hands back the sheet's existing protection, so there is never a second one. */
export function applySheetProtection(sheet: Sheet, spec: ProtectionSpec, keep: readonly string[]): void {
  const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET);
  settle(existing[0] ?? sheet.protect(), spec, keep);
}

/** Range protections pile up on every protect(), so ours are found by description and extras removed. */
export function applyRangeProtection(sheet: Sheet, range: Range, spec: ProtectionSpec, keep: readonly string[]): void {
  const ours = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).filter((p) => p.getDescription() === spec.description);
  const [first, ...extra] = ours;
  for (const p of extra) p.remove();
  const p = first ?? range.protect();
  if (first && first.getRange().getA1Notation() !== range.getA1Notation()) first.setRange(range);
  settle(p, spec, keep);
}

/** Whether the current user may edit the tab by its sheet protection: true without a tab or a protection. */
export function canEditProtectedTab(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, tab: string): boolean {
  const protection = ss.getSheetByName(tab)?.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  return !protection || protection.canEdit();
}
