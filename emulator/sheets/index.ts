// emulator/sheets: the spreadsheet model (host side) and the SpreadsheetApp / Charts globals (script side).
export type { SheetsHost, Ctx } from './context';
export { SpreadsheetModel, SheetModel } from './spreadsheet-model';
export type { ModelOptions, UserInputResult, UserActionResult } from './spreadsheet-model';
export { createSpreadsheetApp, SpreadsheetApp } from './spreadsheet-app';
export { createChartsService, Charts, EmbeddedChart, EmbeddedChartBuilder } from './charts';
export { Spreadsheet } from './spreadsheet';
export { Sheet } from './sheet';
export { Range } from './range';
export { DataValidation, DataValidationBuilder } from './data-validation';
export { ConditionalFormatRule, ConditionalFormatRuleBuilder, BooleanCondition, effectiveBackground, matchingRule } from './conditional-format';
export { Protection } from './protection';
export { parseUserEntered } from './user-entered';
export type { Entered } from './user-entered';
export { evaluateFormula, FormulaError } from './formula';
export { dateToSerial, serialToDate } from './serial';
