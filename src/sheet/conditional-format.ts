// Applies the traffic-light rules to a ledger tab: ours replaced in place, anybody else's kept after them.
import type { TrafficLight } from '../domain/ledger-template';
import { isOwnTrafficLight } from '../domain/ledger-template';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

function formulaOf(rule: Rule): string | null {
  const condition = rule.getBooleanCondition();
  if (!condition) return null;
  if (condition.getCriteriaType() !== SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA) return null;
  const value = condition.getCriteriaValues()[0];
  return typeof value === 'string' ? value : null;
}

function isOwnRule(rule: Rule): boolean {
  const f = formulaOf(rule);
  return f !== null && isOwnTrafficLight(f);
}

/** One read and one write whatever the tab's size; ours are recognised by formula, so reruns never add more. */
export function applyTrafficLights(sheet: Sheet, lights: readonly TrafficLight[], firstRow: number, columns: number): void {
  const rows = Math.max(sheet.getMaxRows() - firstRow + 1, 1);
  const range = sheet.getRange(firstRow, 1, rows, columns);
  const others = sheet.getConditionalFormatRules().filter((r) => !isOwnRule(r));
  const ours = lights.map((l) =>
    SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(l.formula).setBackground(l.background).setRanges([range]).build(),
  );
  sheet.setConditionalFormatRules([...ours, ...others]);
}
