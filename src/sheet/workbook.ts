// The workbook snapshot: 配置, each district tab, 报送记录 and the document properties, each read once per execution.
import type { Ledger } from './ledger';
import { openLedger, readSettings } from './ledger';
import { readDocumentProperties } from './props';
import type { ReportRecord } from './reports';
import { readReports } from './reports';
import { isAppError } from '../domain/errors';
import type { Approved } from '../domain/approval';
import { loadApproved } from './office-store';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A district tab as read: its ledger, or why it could not be read (one broken tab must not stop the others). */
export type DistrictTab =
  | { readonly district: string; readonly ledger: Ledger }
  /** `sheet`: the tab when it exists (its header no longer matches), for a link to it. */
  | { readonly district: string; readonly error: unknown; readonly sheet: GoogleAppsScript.Spreadsheet.Sheet | null };

/**
 * What the daily job's steps (汇总, reminders, 催办, digest) and 刷新汇总 share, so none reads a tab again. Rows are
 * as of the read: a step that writes a row finds it again under the lock.
 */
export interface Workbook {
  /** 配置 as read: the settings, and its problems (the defaults used in their place). */
  readonly config: ReturnType<typeof readSettings>;
  /** In 配置's order. */
  readonly tabs: readonly DistrictTab[];
  readonly reports: readonly ReportRecord[];
  /** Why 报送记录 could not be read (its reports are then []), or null. */
  readonly reportsError: unknown;
  readonly props: Readonly<Record<string, string>>;
}

/**
 * `read`: 配置 as the caller already read it (to check who may run the step before reading the rest); `known`: a
 * district tab and 报送记录 the caller read in this execution (报送 reads them under its lock), not read again.
 */
export function readWorkbook(
  ss: Spreadsheet,
  read: ReturnType<typeof readSettings> = readSettings(ss),
  known: { readonly ledger?: Ledger; readonly reports?: readonly ReportRecord[] } = {},
): Workbook {
  const tabs = read.settings.districts.map(({ district }): DistrictTab => {
    if (known.ledger?.district === district) return { district, ledger: known.ledger };
    try {
      return { district, ledger: openLedger(ss, district) };
    } catch (error) {
      return { district, error, sheet: ss.getSheetByName(district) };
    }
  });
  let reports: readonly ReportRecord[] = known.reports ?? [];
  let reportsError: unknown = null;
  try {
    if (!known.reports) reports = readReports(ss);
  } catch (e) {
    reportsError = e;
  }
  return { config: read, tabs, reports, reportsError, props: readDocumentProperties() };
}

/** The district ledgers that could be read; one broken tab is reported, it does not stop the others. */
export function allLedgers(wb: Workbook): Ledger[] {
  return wb.tabs.flatMap((t) => ('ledger' in t ? [t.ledger] : []));
}

/** Each district tab that could not be read, with why (its own Chinese message). */
export function brokenTabs(wb: Workbook): { tab: string; problem: string }[] {
  return wb.tabs.flatMap((t) => ('error' in t ? [{ tab: t.district, problem: isAppError(t.error) ? t.error.userMessage : String(t.error) }] : []));
}

const approvedOfProps = new WeakMap<object, ReadonlyMap<string, Approved>>();

/**
 * The approved records (contract §10) of the snapshot's document properties, decoded once per snapshot: 汇总 and the
 * daily job's digest both ask, and 10,000 records decode in tens of milliseconds. Read-only: a change is made on a
 * fresh read under the lock (loadApproved()).
 */
export function approvedIn(wb: Workbook): ReadonlyMap<string, Approved> {
  const known = approvedOfProps.get(wb.props);
  if (known) return known;
  const approved = loadApproved(wb.props);
  approvedOfProps.set(wb.props, approved);
  return approved;
}
