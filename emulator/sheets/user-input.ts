// checkUserInput: whether a typed value would pass the cell's data-validation rule (the cell is left unchanged).
import { writeEntered } from './cell-values';
import type { SpreadsheetModel } from './model';
import type { SheetModel } from './sheet-model';
import type { Entered } from './user-entered';
import { checkCell, type CheckResult } from './validation-check';

export function checkUserInput(model: SpreadsheetModel, sheet: SheetModel, row: number, col: number, entered: Entered): CheckResult {
  const saved = { v: sheet.stored(row, col), f: sheet.formula(row, col), s: sheet.style(row, col) };
  const version = sheet.version;
  writeEntered(sheet, row, col, entered);
  try {
    return checkCell(sheet, row, col, model);
  } finally {
    sheet.put(row, col, saved.v, saved.f);
    sheet.setSparse(row, col, 's', saved.s);
    sheet.version = version + 2;
  }
}
