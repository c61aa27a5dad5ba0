// A line of 报送记录 ⇄ ReportRecord, with the columns located by their header text.
import { cellText, headerText } from './grid';
import { menuPath } from './menu';
import type { Day } from './calendar-day';
import { dayOf, parseDay } from './calendar-day';
import { REPORT_HEADERS, REPORT_LATER_HEADERS, STATUSES } from './contract';
import { AppError } from './errors';
import { literalText } from './ledger-row';
import type { ReportKind, ReportRecord } from './quarter';
import { REPORT_FIRST, REPORT_LATE, REPORT_ON_TIME, REPORT_UPDATE, parseQuarter, quarterId, quarterLabel, quarterOf } from './quarter';

export type ReportHeader = (typeof REPORT_HEADERS)[number];
export type ReportColumns = Record<ReportHeader, number>;


/**
 * Columns by header text; a missing header is refused so no report is read from or written to the wrong column.
 * A header added in a later release (进展说明) may be missing: its column is -1 and the writer adds it.
 */
export function locateReportColumns(header: readonly unknown[]): ReportColumns {
  const texts = header.map(headerText);
  const columns = {} as ReportColumns;
  const missing: string[] = [];
  for (const h of REPORT_HEADERS) {
    const i = texts.indexOf(h);
    if (i >= 0) columns[h] = i;
    else if (REPORT_LATER_HEADERS.includes(h)) columns[h] = -1;
    else missing.push(h);
  }
  if (missing.length > 0) {
    throw new AppError(
      'HEADER_MISMATCH',
      `“报送记录”工作表第1行缺少列：${missing.join('、')}。请领导小组办公室运行“${menuPath('menuSetup')}”后重试。`,
      { missing },
    );
  }
  return columns;
}

export const TEMPLATE_REPORT_COLUMNS: ReportColumns = Object.fromEntries(REPORT_HEADERS.map((h, i) => [h, i])) as ReportColumns;

const text = cellText;
const count = (v: unknown): number => {
  const n = typeof v === 'number' ? v : Number(text(v));
  return Number.isFinite(n) ? n : 0;
};

function submittedOn(v: unknown): { on: Day; at: Date | null } | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : { on: dayOf(v), at: v };
  const day = parseDay(text(v).slice(0, 10));
  return day ? { on: day, at: null } : null;
}

/** One sheet row as a record, or null for a blank or unreadable row (no day: it cannot count for any quarter). */
export function rowToReport(row: readonly unknown[], columns: ReportColumns): ReportRecord | null {
  const district = text(row[columns['辖区']]);
  const when = submittedOn(row[columns['报送时间']]);
  if (!district || !when) return null;
  const quarter = parseQuarter(text(row[columns['季度']])) ?? quarterOf(when.on);
  const counts: Record<string, number> = {};
  for (const s of STATUSES) counts[s] = count(row[columns[s]]);
  return {
    quarter: quarterId(quarter),
    district,
    on: when.on,
    at: when.at,
    account: text(row[columns['账号']]),
    counts,
    total: count(row[columns['企业总数']]),
    onTime: text(row[columns['是否按时']]) === REPORT_ON_TIME,
    kind: text(row[columns['类型']]) === REPORT_UPDATE ? 'update' : 'first',
    narrative: columns['进展说明'] >= 0 ? text(row[columns['进展说明']]) : '',
  };
}

export const reportKindText = (kind: ReportKind): string => (kind === 'update' ? REPORT_UPDATE : REPORT_FIRST);

/** The cells to append, placed by `columns`; 报送时间 is a real date-time so it reads back as the same instant. */
export function reportToRow(r: ReportRecord, columns: ReportColumns): unknown[] {
  const width = Math.max(...Object.values(columns)) + 1;
  const row: unknown[] = new Array(width).fill('');
  const q = parseQuarter(r.quarter) ?? quarterOf(r.on);
  row[columns['季度']] = quarterLabel(q);
  row[columns['辖区']] = literalText(r.district);
  row[columns['报送时间']] = r.at ?? r.on;
  row[columns['账号']] = literalText(r.account);
  for (const s of STATUSES) row[columns[s]] = r.counts[s] ?? 0;
  row[columns['企业总数']] = r.total;
  row[columns['是否按时']] = r.onTime ? REPORT_ON_TIME : REPORT_LATE;
  row[columns['类型']] = reportKindText(r.kind);
  if (columns['进展说明'] >= 0) row[columns['进展说明']] = literalText(r.narrative ?? '');
  return row;
}
