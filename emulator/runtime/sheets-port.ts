// The runtime's view of emulator/sheets (built in parallel): the host callbacks it needs and the model it drives.

export interface SheetsHost {
  now(): Date;
  activeUserEmail(): string;
  getUi(): unknown;
  toast(message: string, title: string, timeoutSeconds: number): void;
}

export type UserInputResult = { ok: true; oldValues: unknown[][] } | { ok: false; message: string };

/** The part of SpreadsheetModel the drivers use. */
export interface DrivenModel {
  userInput(sheetName: string, row: number, col: number, grid: unknown[][], email: string): UserInputResult;
  insertRows(sheetName: string, at: number, count: number, email?: string): { ok: true } | { ok: false; message: string };
  deleteRows(sheetName: string, at: number, count: number, email?: string): { ok: true } | { ok: false; message: string };
  clock: () => Date;
  setActive(sheetName: string, a1: string): void;
}

export interface SheetsModule {
  SpreadsheetModel: new (...args: never[]) => DrivenModel;
  createSpreadsheetApp(model: DrivenModel, host: SheetsHost): object;
  createChartsService(): object;
}

let cached: SheetsModule | null | undefined;

/** emulator/sheets, or null while it does not exist yet (services then run without SpreadsheetApp). */
export function loadSheets(): SheetsModule | null {
  if (cached !== undefined) return cached;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    cached = require('../sheets') as SheetsModule;
  } catch (e) {
    // only the absence of emulator/sheets itself is tolerated, never a broken import inside it
    const err = e as { code?: string; message?: string };
    if (err.code !== 'MODULE_NOT_FOUND' || !/'\.\.\/sheets'/.test(err.message ?? '')) throw e;
    cached = null;
  }
  return cached;
}
