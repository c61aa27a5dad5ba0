// Reading and appending 报送记录 (quarterly progress reports), each with one sheet read or write.
import { REPORT_HEADERS, REPORT_LATER_HEADERS, TAB } from '../domain/contract';
import type { ReportRecord } from '../domain/quarter';
import { TEMPLATE_REPORT_COLUMNS, locateReportColumns, reportToRow, rowToReport } from '../domain/report-row';

export type { ReportRecord } from '../domain/quarter';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Every readable report, in sheet order; no tab or an empty tab is no report at all. */
export function readReports(ss: Spreadsheet): ReportRecord[] {
  const sheet = ss.getSheetByName(TAB.reports);
  if (!sheet) return [];
  const grid = sheet.getDataRange().getValues();
  if (grid.length < 2) return [];
  const columns = locateReportColumns(grid[0] ?? []);
  const out: ReportRecord[] = [];
  for (let i = 1; i < grid.length; i++) {
    const r = rowToReport(grid[i] ?? [], columns);
    if (r) out.push(r);
  }
  return out;
}

/** Appends one report; the caller holds the document lock so two submissions never claim the same row. */
export function appendReport(ss: Spreadsheet, report: ReportRecord): void {
  let sheet = ss.getSheetByName(TAB.reports);
  if (!sheet) {
    // Setup creates the tab; if someone deleted it, the report must still be recorded.
    sheet = ss.insertSheet(TAB.reports);
    sheet.getRange(1, 1, 1, REPORT_HEADERS.length).setValues([[...REPORT_HEADERS]]);
  }
  const lastColumn = Math.max(sheet.getLastColumn(), REPORT_HEADERS.length);
  const header = sheet.getRange(1, 1, 1, lastColumn).getValues()[0] ?? [];
  const columns = header.some((h) => h !== '') ? locateReportColumns(header) : { ...TEMPLATE_REPORT_COLUMNS };
  if (!header.some((h) => h !== '')) sheet.getRange(1, 1, 1, REPORT_HEADERS.length).setValues([[...REPORT_HEADERS]]);
  // A 报送记录 from before 进展说明: the header goes in the first free column, right of the others.
  for (const h of REPORT_LATER_HEADERS) {
    const key = h as keyof typeof columns;
    if (columns[key] >= 0) continue;
    const next = Math.max(...Object.values(columns)) + 1;
    columns[key] = String(header[next] ?? '') === '' ? next : header.length;
    sheet.getRange(1, columns[key] + 1).setValue(h);
  }
  const row = reportToRow(report, columns);
  const start = Math.max(sheet.getLastRow(), 1) + 1;
  sheet.getRange(start, 1, 1, row.length).setValues([row]);
  sheet.getRange(start, columns['报送时间'] + 1).setNumberFormat('yyyy-mm-dd hh:mm:ss');
}
