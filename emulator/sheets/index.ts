// emulator/sheets: what the runtime and test/emulator take from the spreadsheet as a whole (the model, the two script-side globals).
export type { SheetsHost } from './context';
export { SpreadsheetModel } from './spreadsheet-model';
export { createSpreadsheetApp } from './spreadsheet-app';
export { createChartsService } from './charts';
export { effectiveBackground } from './conditional-format';
export { parseUserEntered } from './user-entered';
