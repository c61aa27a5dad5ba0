// The cost model: what each service call and each cell read or written would take on real Apps Script, with sources.
import type { ExecutionKind } from '../kernel/user';

/**
 * Sources (the project's docs/platform-constraints.md repeats them):
 *  [P] ziritione.org/post/apps_script_performance: PropertiesService getProperty avg 30 ms, setProperty avg 62 ms,
 *      CacheService get 3 ms, put 93 ms (100 runs each).
 *  [G] issue 16 / public measurements: a getValues of ≈ 240,000 cells takes ≈ 7.4 s on a plain sheet (≈ 31 µs a cell).
 *  [F] Stack Overflow "What is faster: ScriptDb or SpreadsheetApp?": one 4,000-cell setValues < 50 ms, and a
 *      flush() added ≈ 560 ms.
 *  [I] inferred, no public figure: the stricter (slower) reading is taken and listed in emulator/README.md.
 */
export const LATENCY = {
  /** A Spreadsheet-service call that goes to the spreadsheet (any read, write or structure change) [I]. */
  sheetsCall: 20,
  /** Per cell read by getValues/getNotes/getBackgrounds/… [G]. */
  perCellRead: 0.031,
  /** Per cell written by setValues/setNotes/formats/validation/… [I: no public figure; taken as a read]. */
  perCellWritten: 0.031,
  /** SpreadsheetApp.flush [F]. */
  flush: 560,
  getProperty: 30,
  setProperty: 62,
  cacheGet: 3,
  cachePut: 93,
  /** MailApp.sendEmail [I]. */
  sendEmail: 300,
  /** Lock acquisition or release, a trigger call, a dialog, a quota look-up [I]. */
  serviceCall: 50,
} as const;

/** Calls answered inside the script's own process: builders, geometry of a range already held, enums, Logger. */
const LOCAL_CLASSES = new Set([
  'DataValidationBuilder', 'ConditionalFormatRuleBuilder', 'EmbeddedChartBuilder', 'ClockTriggerBuilder',
  'SpreadsheetTriggerBuilder', 'TriggerBuilder', 'Menu', 'HtmlOutput', 'HtmlTemplate', 'HtmlOutputMetaTag',
  'BooleanCondition', 'DataValidation', 'ConditionalFormatRule', 'ChartOptions', 'ContainerInfo', 'PromptResponse',
  'User', 'Logger', 'Utilities', 'Trigger', 'Charts',
]);
const LOCAL_METHODS = new Set([
  'Range.getRow', 'Range.getColumn', 'Range.getLastRow', 'Range.getLastColumn', 'Range.getNumRows', 'Range.getNumColumns',
  'Range.getHeight', 'Range.getWidth', 'Range.getA1Notation', 'Range.getGridId', 'Range.getSheet', 'Range.getCell',
  'Range.offset', 'Sheet.getName', 'Sheet.getSheetId', 'Sheet.getParent', 'Sheet.newChart', 'Spreadsheet.getId',
  'SpreadsheetApp.getActiveSpreadsheet', 'SpreadsheetApp.getActive', 'SpreadsheetApp.newDataValidation',
  'SpreadsheetApp.newConditionalFormatRule', 'SpreadsheetApp.getUi', 'Session.getScriptTimeZone',
  'Session.getActiveUserLocale', 'HtmlService.createHtmlOutput', 'HtmlService.createTemplate',
  'PropertiesService.getDocumentProperties', 'PropertiesService.getScriptProperties', 'PropertiesService.getUserProperties',
  'LockService.getDocumentLock', 'LockService.getScriptLock', 'LockService.getUserLock', 'Ui.createMenu',
  'Ui.createAddonMenu', 'CacheService.getScriptCache', 'CacheService.getDocumentCache', 'CacheService.getUserCache',
]);

const READS_ONE = new Set(['getValue', 'getDisplayValue', 'getFormula', 'getNote', 'getBackground', 'getNumberFormat',
  'getFontWeight', 'getFontColor', 'getFontSize', 'getFontFamily', 'getFontStyle', 'getFontLine', 'getHorizontalAlignment',
  'getVerticalAlignment', 'getWrap', 'getWrapStrategy', 'getDataValidation']);
const READS_ALL = new Set(['getValues', 'getDisplayValues', 'getFormulas', 'getNotes', 'getBackgrounds', 'getNumberFormats',
  'getFontWeights', 'getWraps', 'getDataValidations', 'isBlank', 'getMergedRanges', 'isPartOfMerge']);
const WRITES_ALL = new Set(['setValue', 'setValues', 'setFormula', 'setFormulas', 'setNote', 'setNotes', 'clearNote',
  'setNumberFormat', 'setNumberFormats', 'setBackground', 'setBackgrounds', 'setFontWeight', 'setFontWeights',
  'setFontColor', 'setFontColors', 'setFontSize', 'setFontFamily', 'setFontStyle', 'setFontLine', 'setHorizontalAlignment',
  'setHorizontalAlignments', 'setVerticalAlignment', 'setVerticalAlignments', 'setWrap', 'setWraps', 'setWrapStrategy',
  'setBorder', 'clear', 'clearContent', 'clearFormat', 'merge', 'mergeAcross', 'mergeVertically', 'breakApart',
  'setDataValidation', 'setDataValidations', 'clearDataValidations']);

/** The platform's limits an execution's modelled time is compared with (G`services/quotas`). */
export const LIMITS_MS = { simpleTrigger: 30_000, execution: 360_000 } as const;

export interface Cost {
  modelledMs: number;
  cellsRead: number;
  cellsWritten: number;
}

interface Sized {
  getNumRows(): number;
  getNumColumns(): number;
}

function cellsOf(target: unknown): number {
  const r = target as Partial<Sized>;
  return typeof r.getNumRows === 'function' && typeof r.getNumColumns === 'function' ? r.getNumRows() * r.getNumColumns!() : 0;
}

/** Prices one call; `target` is the raw facade the method ran on, `args` the host-side arguments. */
export function priceCall(cost: Cost, className: string, method: string, target: unknown, args: readonly unknown[]): void {
  const key = `${className}.${method}`;
  if (LOCAL_CLASSES.has(className) || LOCAL_METHODS.has(key)) return;
  if (className === 'Range') {
    const read = READS_ONE.has(method) ? 1 : READS_ALL.has(method) ? cellsOf(target) : 0;
    const written = WRITES_ALL.has(method) ? cellsOf(target) : 0;
    cost.cellsRead += read;
    cost.cellsWritten += written;
    cost.modelledMs += LATENCY.sheetsCall + read * LATENCY.perCellRead + written * LATENCY.perCellWritten;
    return;
  }
  if (className === 'Sheet' && method === 'appendRow') {
    const n = Array.isArray(args[0]) ? args[0].length : 0;
    cost.cellsWritten += n;
    cost.modelledMs += LATENCY.sheetsCall + n * LATENCY.perCellWritten;
    return;
  }
  if (key === 'SpreadsheetApp.flush') cost.modelledMs += LATENCY.flush;
  else if (['Spreadsheet', 'Sheet', 'SpreadsheetApp', 'Protection', 'EmbeddedChart'].includes(className)) cost.modelledMs += LATENCY.sheetsCall;
  else if (className === 'Properties') cost.modelledMs += method.startsWith('get') ? LATENCY.getProperty : LATENCY.setProperty;
  else if (className === 'Cache') cost.modelledMs += method.startsWith('get') ? LATENCY.cacheGet : LATENCY.cachePut;
  else if (key === 'MailApp.sendEmail') cost.modelledMs += LATENCY.sendEmail;
  else cost.modelledMs += LATENCY.serviceCall;
}

/** The warnings Apps Script would turn into a killed execution: a simple trigger over 30 s, anything over 6 min. */
export function limitWarnings(kind: ExecutionKind, fn: string, modelledMs: number): string[] {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const out: string[] = [];
  if (kind === 'simple' && modelledMs > LIMITS_MS.simpleTrigger) {
    out.push(`${fn}: modelled ${s(modelledMs)} exceeds the 30 s limit of a simple trigger`);
  }
  if (modelledMs > LIMITS_MS.execution) out.push(`${fn}: modelled ${s(modelledMs)} exceeds the 6 min execution limit`);
  return out;
}
