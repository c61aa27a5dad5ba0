// 导入台账 (contract §12): importLedger({ tab, dryRun }) and the menu item that asks before anything is written.
import { dayOf } from '../domain/calendar-day';
import { COLUMN_COUNT, TAB, UNKNOWN_ACCOUNT } from '../domain/contract';
import { findImportHeader } from '../domain/import-header';
import { IMPORT_ACTION, IMPORT_REPORT_TAB, RESULT, confirmText, parseImport, planAppends, reportGrid, reportLines, reportSummary } from '../domain/import-rows';
import type { ImportRow } from '../domain/import-rows';
import { rangeA1 } from '../domain/grid';
import { TEMPLATE_COLUMNS, payloadToRow } from '../domain/ledger-row';
import { describeNewEnterprise, minuteText } from '../domain/log-text';
import { accountKnown, canEditDistrict, isOffice } from '../domain/permissions';
import { fieldsOf } from '../domain/page-data';
import { planRules } from '../domain/settings';
import { isAppError } from '../domain/errors';
import { appendBlock, readGrid, writeReport } from '../sheet/import-io';
import { openAllLedgers, ownerEmail, readSettings } from '../sheet/ledger';
import type { Ledger } from '../sheet/ledger';
import { withDocumentLock } from '../sheet/lock';
import { appendLog } from '../sheet/log';
import { activeUserEmail } from '../sheet/session';
import { activeTab, tabName } from '../sheet/cells';
import { activeSpreadsheet, screen } from '../sheet/ui';
import { fromMenu, fromSidebar } from './error-boundary';
import { afterLedgerChange } from './summary';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type ImportResult =
  | { ok: true; imported: number; refused: number; report: { row: number; creditCode: string; result: string; reason: string }[] }
  | { ok: false; errors: Record<string, string> };

const CAPTION = '导入台账';

/** Writes each district's block and then its log lines; a district whose write fails leaves its rows 未导入, the others go on. */
function writeDistricts(ss: Spreadsheet, ledgers: readonly Ledger[], rows: ImportRow[], account: string, now: Date): ImportRow[] {
  const by = account || UNKNOWN_ACCOUNT;
  const serials = new Map(ledgers.map((l) => [l.district, l.rows.reduce((m, r) => Math.max(m, r.record.serial ?? 0), 0) + 1]));
  const failed = new Map<number, string>();
  for (const [district, planned] of planAppends(rows, serials)) {
    const ledger = ledgers.find((l) => l.district === district);
    if (!ledger) continue;
    try {
      const cells = planned.map((p) => payloadToRow(p.payload, { serial: p.serial, updatedAt: now, updatedBy: by }, TEMPLATE_COLUMNS).slice(0, COLUMN_COUNT));
      const first = appendBlock(ledger.sheet, ledger.head[1] ?? [], cells, dayOf(now));
      appendLog(
        ss,
        planned.map((p, i) => ({
          at: now,
          account: by,
          tab: district,
          range: rangeA1({ row: first + i, column: 1, rows: 1, columns: COLUMN_COUNT }),
          creditCode: p.payload.creditCode,
          name: p.payload.name,
          field: '',
          oldValue: '',
          newValue: describeNewEnterprise(p.payload, p.serial),
          action: IMPORT_ACTION,
        })),
      );
    } catch (e) {
      for (const p of planned) failed.set(p.sourceRow, `写入失败：${isAppError(e) ? e.userMessage : e instanceof Error ? e.message : String(e)}`);
    }
  }
  return rows.map((r) => (failed.has(r.row) ? { ...r, ok: false, payload: null, reason: failed.get(r.row) ?? '' } : r));
}

interface Run {
  result: ImportResult;
  /** 导入报告's summary line, '' on a refusal. */
  summary: string;
  rows: ImportRow[];
}

function run(input: unknown): Run {
  const ss = activeSpreadsheet();
  const { settings } = readSettings(ss);
  const o = fieldsOf(input) ?? {};
  // Only an explicit false imports: anything else is the harmless preview.
  const dryRun = o.dryRun !== false;
  const tab = typeof o.tab === 'string' ? o.tab.trim() : '';
  const refuse = (key: string, message: string): Run => ({ result: { ok: false, errors: { [key]: message } }, summary: '', rows: [] });
  const own = [...settings.districts.map((d) => d.district), IMPORT_REPORT_TAB, ...Object.values(TAB)];
  if (tab === '') return refuse('tab', `未指明要导入的工作表：请在 文件 → 导入 得到的工作表上运行“${CAPTION}”。`);
  if (own.includes(tab)) {
    return refuse('tab', `“${tab}”不是导入的台账：请在 文件 → 导入 得到的工作表上运行“${CAPTION}”。`);
  }
  const grid = readGrid(ss, tab);
  if (!grid) return refuse('tab', `找不到工作表“${tab}”。`);
  const header = findImportHeader(grid);
  if (!header.ok) return refuse('tab', header.message);
  const account = activeUserEmail();
  const owner = ownerEmail(ss);
  // A real import decides again under the lock, on what the workbook holds now, not on what the preview saw.
  const decide = (): Run => {
    const now = new Date();
    const ledgers = openAllLedgers(ss, settings);
    const existing = new Map<string, { tab: string; row: number; name: string }>();
    for (const l of ledgers) for (const r of l.rows) if (r.record.payload.creditCode) existing.set(r.record.payload.creditCode, { tab: l.district, row: r.row, name: r.record.payload.name });
    const known = accountKnown(account);
    const parsed = parseImport(grid, header.header, {
      rules: planRules(settings, dayOf(now)),
      fillers: settings.districts,
      office: known && isOffice(settings, account, owner),
      existing,
      canEdit: known ? (d) => canEditDistrict(settings, account, owner, d) : undefined,
    });
    let rows = parsed.rows;
    if (!dryRun) rows = writeDistricts(ss, ledgers, rows, account, now);
    const lines = reportLines(rows, dryRun);
    const summary = reportSummary(tab, minuteText(now), dryRun, lines, parsed.skipped, header.header.ignored);
    writeReport(ss, reportGrid(lines), summary);
    const imported = lines.filter((l) => l.result !== RESULT.refused).length;
    const report = lines.map((l) => ({ row: l.row, creditCode: l.creditCode, result: l.result, reason: l.reason }));
    return { result: { ok: true, imported, refused: lines.length - imported, report }, summary, rows };
  };
  if (dryRun) return decide();
  const done = withDocumentLock(decide);
  if (done.result.ok && done.result.imported > 0) afterLedgerChange(ss);
  return done;
}

export function importLedger(input: unknown): ImportResult {
  return fromSidebar(() => run(input).result);
}

/** Preview (导入报告 written), the question with the count, then the import; one message at the end either way. */
export function menuImportLedger(): void {
  fromMenu(() => {
    const ui = screen();
    const tab = tabName(activeTab(activeSpreadsheet()));
    const preview = run({ tab, dryRun: true });
    const go = preview.result.ok && preview.result.imported > 0 && ui.confirm(CAPTION, confirmText(tab, preview.rows));
    const done = go ? run({ tab, dryRun: false }) : preview;
    ui.alert(CAPTION, done.result.ok ? `${go ? '' : '未导入任何企业。'}${done.summary}` : Object.values(done.result.errors).join('\n'));
  });
}
