// Turns the template's validation specs into Sheets rules and applies them to whole data columns.
import type { ValidationSpec } from '../domain/ledger-template';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function buildValidation(spec: Pick<ValidationSpec, 'criterion' | 'helpText'>): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation();
  const c = spec.criterion;
  if (c.kind === 'list') builder.requireValueInList([...c.values], true);
  else if (c.kind === 'numberAtLeast') builder.requireNumberGreaterThanOrEqualTo(c.min);
  else if (c.kind === 'date') builder.requireDate();
  else builder.requireFormulaSatisfied(c.formula);
  // Refuse, not warn: contract §2 (the builder's default would only warn).
  return builder.setAllowInvalid(false).setHelpText(spec.helpText).build();
}

/**
 * One call per column over rows firstRow…maxRows: a cell holds at most one rule, so re-applying replaces and never
 * duplicates, and the rows users add later inside the range inherit it. `built` shares rules between tabs (only the
 * 辖区 list differs), which saves the builder calls.
 */
export function applyValidations(
  sheet: Sheet,
  specs: readonly ValidationSpec[],
  firstRow: number,
  built: Map<string, GoogleAppsScript.Spreadsheet.DataValidation> = new Map(),
): void {
  const rows = sheet.getMaxRows() - firstRow + 1;
  if (rows < 1) return;
  for (const spec of specs) {
    const key = JSON.stringify([spec.criterion, spec.helpText]);
    let rule = built.get(key);
    if (!rule) {
      rule = buildValidation(spec);
      built.set(key, rule);
    }
    sheet.getRange(firstRow, spec.column + 1, rows, 1).setDataValidation(rule);
  }
}
