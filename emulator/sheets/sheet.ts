// Sheet (script side): ranges, size and structure, tab settings, conditional formats, protections and charts.
import { parseArea } from './a1';
import { checkCellLengths, writeScriptValue } from './cell-values';
import { EmbeddedChart, EmbeddedChartBuilder } from './charts';
import { ConditionalFormatRule, toScript, toStored } from './conditional-format';
import { expectArgs, isInt, isStr, optional, orNull, type Ctx } from './context';
import { newProtection, Protection } from './protection';
import { checkedRange, Range } from './range';
import type { SheetModel } from './sheet-model';
import { Spreadsheet } from './spreadsheet';

/** Real Sheets refuses a freeze line through a merge (apps-script-behaviors §10, public execution logs). */
export function freezeThroughMerge(axis: 'rows' | 'columns'): string {
  return `Sorry, you can't freeze ${axis} which contain only part of a merged cell. Try to break apart merged cells or freeze more ${axis} to include the complete merged cells.`;
}

export class Sheet {
  readonly #ctx: Ctx;
  readonly #sheet: SheetModel;
  constructor(ctx: Ctx, sheet: SheetModel) {
    this.#ctx = ctx;
    this.#sheet = sheet;
  }

  _model(): SheetModel {
    return this.#sheet;
  }

  getName(): string {
    return this.#sheet.name;
  }
  setName(name: string): this {
    expectArgs('Sheet.setName', [name], isStr);
    const clash = this.#ctx.model.sheets.find((s) => s !== this.#sheet && s.name.toLowerCase() === name.toLowerCase());
    if (clash) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const old = this.#sheet.name;
    this.#sheet.name = name;
    for (const p of this.#ctx.model.sheets.flatMap((s) => s.charts.flatMap((c) => c.ranges))) if (p.sheet === old) p.sheet = name;
    for (const ref of this.#ctx.model.namedRanges.values()) if (ref.sheet === old) ref.sheet = name;
    return this;
  }
  getSheetId(): number {
    return this.#sheet.id;
  }
  getIndex(): number {
    return this.#ctx.model.sheets.indexOf(this.#sheet) + 1;
  }
  getParent(): Spreadsheet {
    return new Spreadsheet(this.#ctx);
  }
  activate(): this {
    this.#ctx.model.active = { sheet: this.#sheet, range: null };
    return this;
  }

  // ---- ranges ----

  getRange(a: unknown, column?: number, numRows?: number, numColumns?: number): Range {
    if (typeof a === 'string') {
      expectArgs('Sheet.getRange', [a, column], isStr, (v) => v === undefined);
      const box = parseArea(a.includes('!') ? a.slice(a.lastIndexOf('!') + 1) : a, this.#sheet.maxRows, this.#sheet.maxCols);
      if (!box) throw new Error('Range not found');
      return checkedRange(this.#ctx, this.#sheet, box);
    }
    expectArgs('Sheet.getRange', [a, column, numRows, numColumns], isInt, isInt, optional(isInt), optional(isInt));
    return checkedRange(this.#ctx, this.#sheet, { row: a as number, col: column!, rows: numRows ?? 1, cols: numColumns ?? 1 });
  }
  getDataRange(): Range {
    return new Range(this.#ctx, this.#sheet, { row: 1, col: 1, rows: Math.max(1, this.#sheet.lastRow()), cols: Math.max(1, this.#sheet.lastColumn()) });
  }
  getLastRow(): number {
    return this.#sheet.lastRow();
  }
  getLastColumn(): number {
    return this.#sheet.lastColumn();
  }
  getMaxRows(): number {
    return this.#sheet.maxRows;
  }
  getMaxColumns(): number {
    return this.#sheet.maxCols;
  }
  setActiveRange(range: Range): Range {
    expectArgs('Sheet.setActiveRange', [range], (r) => r instanceof Range && r._where().sheet === this.#sheet);
    return range.activate();
  }
  setActiveSelection(range: unknown): Range {
    const r = typeof range === 'string' ? this.getRange(range) : range;
    expectArgs('Sheet.setActiveSelection', [range], () => r instanceof Range && r._where().sheet === this.#sheet);
    return (r as Range).activate();
  }
  getActiveRange(): Range | null {
    const { sheet, range } = this.#ctx.model.active;
    return sheet === this.#sheet && range ? new Range(this.#ctx, this.#sheet, { ...range }) : null;
  }

  // ---- structure ----

  #shift(axis: 'row' | 'col', kind: 'insert' | 'delete', at: number, count: number): void {
    this.#ctx.model.shift(this.#sheet, { axis, kind, at, count });
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    expectArgs('Sheet.insertRowsAfter', [afterPosition, howMany], isInt, isInt);
    this.#rowsInGrid(afterPosition, 1);
    this.#shift('row', 'insert', afterPosition + 1, howMany);
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number): this {
    expectArgs('Sheet.insertRowsBefore', [beforePosition, howMany], isInt, isInt);
    this.#rowsInGrid(beforePosition, 1);
    this.#shift('row', 'insert', beforePosition, howMany);
    return this;
  }
  insertRows(rowIndex: number, numRows?: number): void {
    expectArgs('Sheet.insertRows', [rowIndex, numRows], isInt, optional(isInt));
    this.#rowsInGrid(rowIndex, 1);
    this.#shift('row', 'insert', rowIndex, numRows ?? 1);
  }
  insertRowAfter(afterPosition: number): this {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowBefore(beforePosition: number): this {
    return this.insertRowsBefore(beforePosition, 1);
  }
  deleteRow(rowPosition: number): this {
    expectArgs('Sheet.deleteRow', [rowPosition], isInt);
    return this.deleteRows(rowPosition, 1);
  }
  deleteRows(rowPosition: number, howMany: number): this {
    expectArgs('Sheet.deleteRows', [rowPosition, howMany], isInt, isInt);
    this.#rowsInGrid(rowPosition, howMany);
    if (howMany >= this.#sheet.maxRows - this.#sheet.frozenRows && rowPosition > this.#sheet.frozenRows) {
      throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this.#shift('row', 'delete', rowPosition, howMany);
    return this;
  }
  #rowsInGrid(at: number, count: number): void {
    if (at < 1 || count < 1 || at + count - 1 > this.#sheet.maxRows) throw new Error('Those rows are out of bounds.');
  }
  #colsInGrid(at: number, count: number): void {
    if (at < 1 || count < 1 || at + count - 1 > this.#sheet.maxCols) throw new Error('Those columns are out of bounds.');
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    expectArgs('Sheet.insertColumnsAfter', [afterPosition, howMany], isInt, isInt);
    this.#colsInGrid(afterPosition, 1);
    this.#shift('col', 'insert', afterPosition + 1, howMany);
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    expectArgs('Sheet.insertColumnsBefore', [beforePosition, howMany], isInt, isInt);
    this.#colsInGrid(beforePosition, 1);
    this.#shift('col', 'insert', beforePosition, howMany);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    expectArgs('Sheet.deleteColumns', [columnPosition, howMany], isInt, isInt);
    this.#colsInGrid(columnPosition, howMany);
    if (howMany >= this.#sheet.maxCols) throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
    this.#shift('col', 'delete', columnPosition, howMany);
  }
  deleteColumn(columnPosition: number): this {
    this.deleteColumns(columnPosition, 1);
    return this;
  }
  /** Appends below the last row with content; the sheet grows when that row is past the grid. */
  appendRow(rowContents: unknown[]): this {
    expectArgs('Sheet.appendRow', [rowContents], Array.isArray);
    checkCellLengths(rowContents);
    const row = this.#sheet.lastRow() + 1;
    if (row > this.#sheet.maxRows) {
      this.#ctx.model.checkGrowth(Math.max(this.#sheet.maxCols, rowContents.length));
      this.#sheet.maxRows = row;
    }
    if (rowContents.length > this.#sheet.maxCols) this.#sheet.maxCols = rowContents.length;
    rowContents.forEach((v, j) => writeScriptValue(this.#sheet, row, j + 1, v, this.#ctx.model));
    return this;
  }
  /** Every cell of the grid, blank or not: what the whole-sheet clears act on. */
  #whole(): Range {
    return new Range(this.#ctx, this.#sheet, { row: 1, col: 1, rows: this.#sheet.maxRows, cols: this.#sheet.maxCols });
  }
  clear(options?: Record<string, unknown>): this {
    expectArgs('Sheet.clear', [options], optional((v) => typeof v === 'object' && v !== null));
    this.#whole().clear(options);
    return this;
  }
  clearContents(): this {
    this.#whole().clearContent();
    return this;
  }
  clearFormats(): this {
    this.#whole().clearFormat();
    return this;
  }
  clearNotes(): this {
    this.#whole().clearNote();
    return this;
  }

  // ---- tab settings ----

  setFrozenRows(rows: number): void {
    expectArgs('Sheet.setFrozenRows', [rows], isInt);
    if (this.#sheet.merges.some((m) => m.row <= rows && rows < m.row + m.rows - 1)) throw new Error(freezeThroughMerge('rows'));
    this.#sheet.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.#sheet.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    expectArgs('Sheet.setFrozenColumns', [columns], isInt);
    if (this.#sheet.merges.some((m) => m.col <= columns && columns < m.col + m.cols - 1)) throw new Error(freezeThroughMerge('columns'));
    this.#sheet.frozenCols = columns;
  }
  getFrozenColumns(): number {
    return this.#sheet.frozenCols;
  }
  setColumnWidth(columnPosition: number, width: number): this {
    expectArgs('Sheet.setColumnWidth', [columnPosition, width], isInt, isInt);
    this.#sheet.colWidths[columnPosition - 1] = width;
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    expectArgs('Sheet.setColumnWidths', [startColumn, numColumns, width], isInt, isInt, isInt);
    for (let c = startColumn; c < startColumn + numColumns; c++) this.#sheet.colWidths[c - 1] = width;
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    expectArgs('Sheet.getColumnWidth', [columnPosition], isInt);
    return this.#sheet.colWidths[columnPosition - 1] ?? 100;
  }
  setRowHeight(rowPosition: number, height: number): this {
    expectArgs('Sheet.setRowHeight', [rowPosition, height], isInt, isInt);
    this.#sheet.rowHeights[rowPosition - 1] = height;
    return this;
  }
  setRowHeights(startRow: number, numRows: number, height: number): this {
    expectArgs('Sheet.setRowHeights', [startRow, numRows, height], isInt, isInt, isInt);
    for (let r = startRow; r < startRow + numRows; r++) this.#sheet.rowHeights[r - 1] = height;
    return this;
  }
  getRowHeight(rowPosition: number): number {
    expectArgs('Sheet.getRowHeight', [rowPosition], isInt);
    return this.#sheet.rowHeights[rowPosition - 1] ?? 21;
  }
  setTabColor(color: string | null): this {
    expectArgs('Sheet.setTabColor', [color], orNull(isStr));
    this.#sheet.tabColor = color === null ? null : color.toLowerCase();
    return this;
  }
  getTabColor(): string | null {
    return this.#sheet.tabColor;
  }
  hideSheet(): this {
    if (this.#ctx.model.sheets.filter((s) => !s.hidden && s !== this.#sheet).length === 0) {
      throw new Error("You can't hide all the sheets in a document.");
    }
    this.#sheet.hidden = true;
    return this;
  }
  showSheet(): this {
    this.#sheet.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this.#sheet.hidden;
  }

  // ---- conditional formats ----

  getConditionalFormatRules(): ConditionalFormatRule[] {
    return this.#sheet.cfRules.map((r) => toScript(this.#ctx, r, this.#sheet));
  }
  setConditionalFormatRules(rules: ConditionalFormatRule[]): void {
    expectArgs('Sheet.setConditionalFormatRules', [rules], (v) => Array.isArray(v) && v.every((r) => r instanceof ConditionalFormatRule));
    this.#sheet.cfRules = rules.map((r) => toStored(r, this.#sheet));
  }

  // ---- protections ----

  /** The sheet's protection: the existing one if there is one. */
  protect(): Protection {
    const existing = this.#ctx.model.protections.find((p) => p.sheet === this.#sheet && p.type === 'SHEET');
    return existing ? new Protection(this.#ctx, existing) : newProtection(this.#ctx, 'SHEET', this.#sheet, null);
  }
  getProtections(type: string): Protection[] {
    expectArgs('Sheet.getProtections', [type], (t) => t === 'SHEET' || t === 'RANGE');
    return this.#ctx.model.protections.filter((p) => p.sheet === this.#sheet && p.type === type).map((p) => new Protection(this.#ctx, p));
  }

  // ---- charts ----

  newChart(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder({ ctx: this.#ctx, sheet: this.#sheet });
  }
  insertChart(chart: EmbeddedChart): void {
    expectArgs('Sheet.insertChart', [chart], (c) => c instanceof EmbeddedChart);
    const data = chart._data();
    data.id = this.#ctx.model.nextChartId++;
    this.#sheet.charts.push(data);
  }
  updateChart(chart: EmbeddedChart): void {
    expectArgs('Sheet.updateChart', [chart], (c) => c instanceof EmbeddedChart);
    const data = chart._data();
    const at = this.#sheet.charts.findIndex((c) => c.id === data.id);
    if (at < 0) throw new Error('The chart does not exist in this sheet.');
    this.#sheet.charts[at] = data;
  }
  removeChart(chart: EmbeddedChart): void {
    expectArgs('Sheet.removeChart', [chart], (c) => c instanceof EmbeddedChart);
    const id = chart._data().id;
    this.#sheet.charts = this.#sheet.charts.filter((c) => c.id !== id);
  }
  getCharts(): EmbeddedChart[] {
    const home = { ctx: this.#ctx, sheet: this.#sheet };
    return this.#sheet.charts.map((c) => new EmbeddedChart(home, c));
  }
}
