// The workbook snapshot: 配置, each district tab, 报送记录 and the document properties, each read once per execution.
import type { Settings } from '../domain/settings';
import type { Ledger } from './ledger';
import { openLedger, readSettings } from './ledger';
import { readDocumentProperties } from './props';
import type { ReportRecord } from './reports';
import { readReports } from './reports';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A district tab as read: its ledger, or why it could not be read (one broken tab must not stop the others). */
export type DistrictTab = { readonly district: string; readonly ledger: Ledger } | { readonly district: string; readonly error: unknown };

/**
 * What the daily job's steps (汇总, reminders, 催办, digest) and 刷新汇总 share, so none reads a tab again. Rows are
 * as of the read: a step that writes a row finds it again under the lock.
 */
export interface Workbook {
  readonly settings: Settings;
  readonly settingsErrors: readonly string[];
  /** In 配置's order. */
  readonly tabs: readonly DistrictTab[];
  readonly reports: readonly ReportRecord[];
  /** Why 报送记录 could not be read (its reports are then []), or null. */
  readonly reportsError: unknown;
  readonly props: Readonly<Record<string, string>>;
}

/** `read`: 配置 as the caller already read it (to check who may run the step before reading the rest). */
export function readWorkbook(ss: Spreadsheet, read: ReturnType<typeof readSettings> = readSettings(ss)): Workbook {
  const { settings, errors } = read;
  const tabs = settings.districts.map(({ district }): DistrictTab => {
    try {
      return { district, ledger: openLedger(ss, district) };
    } catch (error) {
      return { district, error };
    }
  });
  let reports: readonly ReportRecord[] = [];
  let reportsError: unknown = null;
  try {
    reports = readReports(ss);
  } catch (e) {
    reportsError = e;
  }
  return { settings, settingsErrors: errors, tabs, reports, reportsError, props: readDocumentProperties() };
}

/** Every district's ledger; throws the first unreadable tab's error (汇总 needs them all). */
export function allLedgers(wb: Workbook): Ledger[] {
  return wb.tabs.map((t) => {
    if ('error' in t) throw t.error;
    return t.ledger;
  });
}

