// 初始化/修复表格: creates or repairs every tab of contract §1 and re-applies validation, colours and protections.
import { dayOf } from '../domain/calendar-day';
import { LOG_HEADERS, MENU_TITLE, REPORT_HEADERS, TAB, UNKNOWN_ACCOUNT } from '../domain/contract';
import { captionOf } from '../domain/menu';
import { ownerEmail, readCodeIndex } from '../sheet/ledger';
import { withDocumentLock } from '../sheet/lock';
import { appendLog, workbookLogEntry } from '../sheet/log';
import { activeUserEmail } from '../sheet/session';
import { dropBlankDefaultTab, ensureTab, ensureTimeZone, loadMarks, newRuleCache, saveMarks, setupConfig, setupLedger, setupProtections, setupTableTab, sizeTabs } from '../sheet/setup-tabs';
import type { TabMark } from '../domain/format-plan';
import type { SetupReport } from '../sheet/setup-tabs';
import { activeSpreadsheet, screen } from '../sheet/ui';
import { fromMenu } from './error-boundary';
import { ACCEPTANCE_HEADERS, ACCEPTANCE_TAB } from '../domain/acceptance';
import { ARCHIVE_HEADERS, ARCHIVE_TAB } from '../domain/closed-archive';
import { LOG_INDEX_HEADERS, LOG_INDEX_TAB } from '../domain/dossier';
import { EXTENSION_HEADERS, EXTENSION_TAB } from '../domain/extension';
import { hideTab, loadApproved } from '../sheet/office-store';
import { isRecordableCode } from '../domain/approval';
import { openLedgers, seedApproved } from './office-guard';
import { afterLedgerChange } from './summary';

export type { SetupReport } from '../sheet/setup-tabs';
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const TIME_ZONE = 'Asia/Shanghai';

/** Idempotent: a second run creates nothing, rewrites no row and adds no rule or protection. */
export function setupWorkbook(ss: Spreadsheet, now: Date): SetupReport {
  const report: SetupReport = { created: [], repaired: [], restyled: [], problems: [] };
  const owner = ownerEmail(ss);
  const user = activeUserEmail();
  // Who may run it is the menu table's check, done before this (src/entry.ts). An account Sheets hides passes it: the
  // protections setup applies name only the office and the districts' editors anyway.
  if (ensureTimeZone(ss, TIME_ZONE)) report.repaired.push(`时区设为${TIME_ZONE}`);
  ensureTab(ss, TAB.summary, report);
  const today = dayOf(now);
  const settings = setupConfig(ss, report, today);
  const rules = newRuleCache();
  // Each district tab's mark says which template its formats last got whole, so a rerun reads and rewrites only damage.
  const marks = loadMarks();
  const kept: Record<string, TabMark> = {};
  for (const d of settings.districts) {
    const mark = setupLedger(ss, d.district, d.filler, settings, today, report, rules, owner, marks);
    if (mark) kept[d.district] = mark;
  }
  saveMarks(marks, kept);
  setupTableTab(ss, TAB.reports, REPORT_HEADERS, report);
  setupTableTab(ss, TAB.log, LOG_HEADERS, report, true);
  // Contract §10's record tabs, text bodies so a reason or an opinion stays the literal text typed.
  setupTableTab(ss, EXTENSION_TAB, EXTENSION_HEADERS, report, true);
  setupTableTab(ss, ACCEPTANCE_TAB, ACCEPTANCE_HEADERS, report, true);
  setupTableTab(ss, ARCHIVE_TAB, ARCHIVE_HEADERS, report, true);
  hideTab(ss, ARCHIVE_TAB);
  setupTableTab(ss, LOG_INDEX_TAB, LOG_INDEX_HEADERS, report, true);
  hideTab(ss, LOG_INDEX_TAB);
  // The tabs are read whole only when some enterprise still lacks its approved record (contract §10): on a set-up
  // workbook the credit-code column shows none does, and seeding would add nothing.
  const approved = loadApproved();
  const codes = [...readCodeIndex(ss, settings).keys()].map((c) => c.trim());
  if (codes.some((c) => isRecordableCode(c) && !approved.has(c))) seedApproved(ss, openLedgers(ss, settings), today, approved);
  setupProtections(ss, settings, owner);
  dropBlankDefaultTab(ss, report);
  if (report.created.length + report.repaired.length + report.restyled.length > 0) {
    const changes = [...report.created.map((t) => `新建${t}`), ...report.repaired, ...report.restyled].join('；');
    appendLog(ss, [workbookLogEntry(now, user || owner, captionOf('menuSetup'), changes)]);
  }
  // Setup never changes a data row, but a new or repaired district tab changes what 汇总 should show.
  if (report.created.length + report.repaired.length > 0) afterLedgerChange(ss, now);
  // The hidden tabs are nobody's to read; every visible one is sized.
  sizeTabs(ss, report, [[TAB.reports, REPORT_HEADERS], [TAB.log, LOG_HEADERS], [EXTENSION_TAB, EXTENSION_HEADERS], [ACCEPTANCE_TAB, ACCEPTANCE_HEADERS]], [owner, ...settings.admins, ...settings.districts.flatMap((d) => d.editors), UNKNOWN_ACCOUNT], settings.districts.map((d) => d.district));
  return report;
}

export function setupMessage(report: SetupReport): string {
  const lines: string[] = [];
  if (report.created.length) lines.push(`已新建：${report.created.join('、')}`);
  const repaired = [...report.repaired, ...report.restyled];
  if (repaired.length) lines.push(`已修复：${repaired.join('、')}`);
  if (!report.created.length && !repaired.length) lines.push(report.problems.length ? '没有自动修复任何内容。' : '表格结构完好，无需修复。');
  lines.push('数据验证、颜色提示和保护已按“配置”核对。');
  if (report.problems.length) lines.push(`请注意：\n${report.problems.map((p) => `· ${p}`).join('\n')}`);
  return lines.join('\n');
}

export function menuSetup(): void {
  fromMenu(() => {
    const ss = activeSpreadsheet();
    const report = withDocumentLock(() => setupWorkbook(ss, new Date()));
    screen().alert(`${MENU_TITLE}：${captionOf('menuSetup')}`, setupMessage(report));
  });
}
