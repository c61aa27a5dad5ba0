// 季度通报 on the sheet: the tab rewritten in place from a BulletinGrid, laid out to print (widths, frozen header, merged text rows).
import type { BulletinGrid } from '../domain/bulletin';
import { BULLETIN_TAB, BULLETIN_WIDTHS } from '../domain/bulletin';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The whole tab is the script's: the last 通报's merges and formats go, so writing the same grid twice gives the same tab. */
export function writeBulletin(ss: Spreadsheet, grid: BulletinGrid): Sheet {
  const sheet = ss.getSheetByName(BULLETIN_TAB) ?? ss.insertSheet(BULLETIN_TAB);
  sheet.setFrozenRows(0);
  sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).breakApart();
  sheet.clear();
  const { width, headerRow } = grid;
  sheet.getRange(1, 1, grid.values.length, width).setValues(grid.values).setVerticalAlignment('top');
  for (const s of grid.spans) {
    sheet.getRange(s.row, s.col, 1, width - s.col + 1).merge().setWrap(true);
    sheet.setRowHeight(s.row, s.height);
  }
  sheet.getRange(1, 1).setFontSize(15).setFontWeight('bold');
  sheet.getRange(headerRow, 1, 1, width).setFontWeight('bold').setBackground('#d9e1f2').setWrap(true).setHorizontalAlignment('center');
  if (grid.districtRows > 0) {
    sheet.getRange(headerRow + 1, 1, grid.districtRows, width).setHorizontalAlignment('center');
    sheet.getRange(headerRow + 1, 5, grid.districtRows, 1).setNumberFormat('0.0%');
  }
  sheet.getRange(grid.criticismRow, 1).setFontWeight('bold').setFontColor('#c00000');
  BULLETIN_WIDTHS.forEach((w, i) => sheet.setColumnWidth(i + 1, w));
  sheet.setFrozenRows(headerRow);
  return sheet;
}
