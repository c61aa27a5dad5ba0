// What 初始化/修复表格 rewrites of a district tab's data-row formats: the rows found damaged, from what was read and the tab's mark of the template last applied whole.
import { FIRST_DATA_ROW } from './contract';
import { formatRuns, validationSpecs } from './ledger-template';
import type { ValidationSpec } from './ledger-template';

/** Sheet rows first…first+count-1. */
export interface RowRun {
  readonly first: number;
  readonly count: number;
}

/**
 * More damaged stretches than this in one column (or run of columns) are rewritten as one block from the first to
 * the last: the calls stay bounded whatever the damage, and rewriting a healthy row between damaged ones is harmless.
 */
export const MAX_RUNS = 8;

/** The stretches of `bad` (index 0 is sheet row `first`), at most MAX_RUNS of them. */
export function runsOf(bad: readonly boolean[], first: number): RowRun[] {
  const runs: RowRun[] = [];
  for (let i = 0, start = -1; i <= bad.length; i++) {
    if (bad[i]) start = start < 0 ? i : start;
    else if (start >= 0) runs.push({ first: first + start, count: i - start }), (start = -1);
  }
  const last = runs[runs.length - 1];
  return runs.length > MAX_RUNS && last ? [{ first: runs[0]!.first, count: last.first + last.count - runs[0]!.first }] : runs;
}

/**
 * The look setup gives a district tab (src/sheet/setup-tabs.ts: styleHead and the data rows' borders, wrap and
 * alignment), which Apps Script cannot read back: bump it when that changes, so a new look is applied whole once.
 * Number formats need no bump: they are compared cell by cell (rules are set again on every run, see FormatRepair).
 */
export const TEMPLATE_VERSION = 'look-1';

/** What setup last applied whole to one district tab: the look's version and the grid's rows then. */
export interface TabMark {
  readonly version: string;
  readonly rows: number;
}

export type TabMarks = Readonly<Record<string, TabMark | undefined>>;

/** The stored marks; anything unreadable counts as none (the tabs are then formatted whole, as on a first run). */
export function parseMarks(json: string | null | undefined): TabMarks {
  try {
    return Object(JSON.parse(json || '{}')) as TabMarks;
  } catch {
    return {};
  }
}

/**
 * How many data rows (from FIRST_DATA_ROW) are read and compared; the rest are rewritten unread. None on a new tab or
 * one without a current mark (all rewritten, as on a first run); otherwise those the mark covers: rows the grid grew
 * by since start with no format, so they are rewritten without being read.
 */
export function rowsToRead(mark: TabMark | undefined, tab: { maxRows: number; created: boolean }): number {
  if (tab.created || mark?.version !== TEMPLATE_VERSION) return 0;
  return Math.max(0, Math.min(mark.rows, tab.maxRows) - FIRST_DATA_ROW + 1);
}

/** A cell's rule as read back: its criteria, their values, whether invalid data is allowed, the help text. */
export interface FoundRule {
  readonly type: string;
  readonly values: readonly unknown[];
  readonly allowInvalid: boolean;
  readonly helpText: string;
}

// Each cell reference's row in a custom formula: Sheets moves it with the cell, so any row matches.
const anyRow = (r: FoundRule): string => JSON.stringify([r.type, r.values, r.allowInvalid, r.helpText]).replace(/(\$?[A-Z]+)\d+(?=[)<>=,])/g, '$1#');

/** The template's rule as Apps Script's DataValidation getters give it back (src/sheet/validation.ts builds it). */
export function wantedRule(spec: Pick<ValidationSpec, 'criterion' | 'helpText'>): FoundRule {
  const c = spec.criterion;
  const [type, values]: [string, unknown[]] =
    c.kind === 'list' ? ['VALUE_IN_LIST', [c.values, true]]
    : c.kind === 'numberAtLeast' ? ['NUMBER_GREATER_THAN_OR_EQUAL_TO', [c.min]]
    : c.kind === 'date' ? ['DATE_IS_VALID_DATE', []]
    : ['CUSTOM_FORMULA', [c.formula]];
  return { type, values, allowInvalid: false, helpText: spec.helpText };
}

/** Whether a cell's rule is `wanted`. */
export const sameRule = (wanted: FoundRule, found: FoundRule | null): boolean => found !== null && anyRow(found) === anyRow(wanted);

/** What was read over the first rows: number formats from column `formatsFrom` (1-based) on. */
export interface ReadFormats {
  readonly formats: readonly (readonly string[])[];
  readonly formatsFrom: number;
}

/** The stretches to rewrite: of the number formats with the look, and per validated column (0-based). */
export interface FormatRepair {
  /**
   * Rows with any number format damaged, or not read: every format and the look (borders, wrap, alignment) are
   * rewritten there (clearing a row's formatting clears its number formats too).
   */
  readonly formats: readonly RowRun[];
  /**
   * Every data row, per validated column (0-based): rules are not read back. Reading them costs four getter calls a
   * cell (getDataValidations may give each cell its own object: emulator/README.md), a million at 10,000 enterprises,
   * while setting one column's rule is one call; setting it replaces the cell's one rule, so a rerun changes nothing.
   */
  readonly validations: readonly { readonly column: number; readonly runs: readonly RowRun[] }[];
}

/** `dataRows` data rows, the first `read`'s length of them compared with the template; every later row is damaged. */
export function planFormatRepair(district: string, dataRows: number, read: ReadFormats | null): FormatRepair {
  const known = read ? read.formats.length : 0;
  const flags = (isBad: (i: number) => boolean): RowRun[] => runsOf(Array.from({ length: dataRows }, (_, i) => i >= known || isBad(i)), FIRST_DATA_ROW);
  const runs = formatRuns();
  const formats = flags((i) => runs.some((run) => read!.formats[i]!.slice(run.column - read!.formatsFrom, run.column - read!.formatsFrom + run.columns).some((f) => f !== run.format)));
  const everyRow: RowRun[] = dataRows > 0 ? [{ first: FIRST_DATA_ROW, count: dataRows }] : [];
  const validations = validationSpecs(district).map((spec) => ({ column: spec.column, runs: everyRow }));
  return { formats, validations };
}
