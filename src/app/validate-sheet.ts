// 校验本表: checks every row of the active district tab, sets or clears the notes, and says what it found.
import { activeTab, blockAt, readGrid, spreadsheetOf, syncNotes, tabName } from '../sheet/cells';
import { captionOf } from '../domain/menu';
import { dayOf } from '../domain/calendar-day';
import { COLUMN_COUNT, FIRST_DATA_ROW, HEADER_ROW, MENU_TITLE, UPPER_HEADER_ROW } from '../domain/contract';
import { planNotes, problemLines } from '../domain/edit-check';
import { AppError } from '../domain/errors';
import { locateColumns } from '../domain/ledger-row';
import { activeSpreadsheet, screen } from '../sheet/ui';
import { fromMenu } from './error-boundary';
import { planRules } from '../domain/settings';
import { toFixChecks } from '../domain/vocabulary';
import type { Settings } from '../domain/settings';
import { readCodeIndex, readSettings } from '../sheet/ledger';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Enough lines to act on in one alert; the notes on the cells show the rest. */
export const MAX_LISTED_PROBLEMS = 30;

export interface SheetCheck {
  district: string;
  checkedRows: number;
  invalidRows: number;
  totalProblems: number;
  lines: string[];
}

/** One read of the tab, one read and at most one write of the data block's notes, whatever its size. */
export function validateSheet(sheet: Sheet, settings: Settings): SheetCheck {
  const district = tabName(sheet);
  const districts = settings.districts.map((d) => d.district);
  if (!districts.includes(district)) {
    throw new AppError('NOT_DISTRICT_TAB', `“校验本表”只能在辖区工作表（${districts.join('、')}）上使用，请先切换到要校验的辖区工作表。`);
  }
  const grid = readGrid(sheet);
  const located = locateColumns(grid[UPPER_HEADER_ROW - 1] ?? [], grid[HEADER_ROW - 1] ?? []);
  if (!located.ok) throw new AppError('HEADER_MISMATCH', `“${district}”工作表：${located.error.userMessage}`, { district });
  const rows = grid.slice(FIRST_DATA_ROW - 1).map((r) => r.slice(0, COLUMN_COUNT));
  if (rows.length === 0) return { district, checkedRows: 0, invalidRows: 0, totalProblems: 0, lines: [] };
  // 待修正 has one definition (vocabulary.toFixChecks): 汇总, the emails and the digest count exactly these rows.
  const tab = { tab: district, columns: located.columns, rows: rows.map((cells, i) => ({ row: FIRST_DATA_ROW + i, cells })) };
  const checks = toFixChecks(tab, planRules(settings, dayOf(new Date())), readCodeIndex(spreadsheetOf(sheet), settings, { district, rows: tab.rows }));
  syncNotes(blockAt(sheet, FIRST_DATA_ROW, 1, rows.length, COLUMN_COUNT), (before) => {
    const plan = planNotes(checks, before);
    return plan.changed ? plan.notes : null;
  });
  const listed = problemLines(checks, rows, located.columns, MAX_LISTED_PROBLEMS);
  return {
    district,
    checkedRows: checks.filter((c) => !c.blank).length,
    invalidRows: checks.filter((c) => c.problems.size > 0).length,
    totalProblems: listed.total,
    lines: listed.lines,
  };
}

function checkMessage(check: SheetCheck): string {
  if (check.checkedRows === 0) return `“${check.district}”还没有企业数据，无需校验。`;
  if (check.invalidRows === 0) return `已校验“${check.district}”${check.checkedRows}行企业数据，全部符合要求。`;
  const more = check.totalProblems - check.lines.length;
  return [
    `已校验“${check.district}”${check.checkedRows}行企业数据，其中${check.invalidRows}行有问题（共${check.totalProblems}处），已在相应单元格添加批注：`,
    ...check.lines,
    ...(more > 0 ? [`……另有${more}处未列出，请查看单元格批注。`] : []),
  ].join('\n');
}

export function menuValidateSheet(): void {
  fromMenu(() => {
    const ss = activeSpreadsheet();
    const { settings } = readSettings(ss);
    const check = validateSheet(activeTab(ss), settings);
    screen().alert(`${MENU_TITLE}：${captionOf('menuValidateSheet')}`, checkMessage(check));
  });
}
