// Range (script side): values with Sheets' USER_ENTERED semantics, formulas, notes, formats, merges, validation.
import { boxA1, contains, intersects, type Box } from './a1';
import { checkCellLengths, displayValue, numberFormatAt, scriptValue, writeScriptValue } from './cell-values';
import { anything, expectArgs, isBool, isGrid, isInt, isNum, isStr, optional, orNull, type Ctx } from './context';
import { DataValidation, LIST_LIMIT_MESSAGE } from './data-validation';
import { NotImplemented } from '../kernel/errors';
import { newProtection, type Protection } from './protection';
import { Sheet } from './sheet';
import type { SheetModel } from './sheet-model';
import { withStyle, type Style, type StyleKey } from './style';
import type { StoredRule } from './validation-rule';

export const MERGE_MESSAGE = 'You must select all cells in a merged range to merge or unmerge them.';

function shapeCheck(data: unknown[][], box: Box): void {
  if (data.length !== box.rows) {
    throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${box.rows}.`);
  }
  for (const row of data) {
    if (row.length !== box.cols) {
      throw new Error(`The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${box.cols}.`);
    }
  }
}

const BORDER_STYLES = new Set(['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE']);

export class Range {
  readonly #ctx: Ctx;
  readonly #sheet: SheetModel;
  readonly #box: Box;

  constructor(ctx: Ctx, sheet: SheetModel, box: Box) {
    this.#ctx = ctx;
    this.#sheet = sheet;
    this.#box = box;
  }

  /** Host side: the sheet and box this Range covers. */
  _where(): { sheet: SheetModel; box: Box } {
    return { sheet: this.#sheet, box: this.#box };
  }

  #grid<T>(fn: (r: number, c: number) => T): T[][] {
    const { row, col, rows, cols } = this.#box;
    const out: T[][] = new Array(rows);
    for (let i = 0; i < rows; i++) {
      const line: T[] = new Array(cols);
      for (let j = 0; j < cols; j++) line[j] = fn(row + i, col + j);
      out[i] = line;
    }
    return out;
  }
  #each(fn: (r: number, c: number, i: number, j: number) => void): void {
    const { row, col, rows, cols } = this.#box;
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) fn(row + i, col + j, i, j);
  }
  #top<T>(fn: (r: number, c: number) => T): T {
    return fn(this.#box.row, this.#box.col);
  }
  #range(box: Box): Range {
    return new Range(this.#ctx, this.#sheet, box);
  }

  // ---- geometry ----

  getRow(): number {
    return this.#box.row;
  }
  getColumn(): number {
    return this.#box.col;
  }
  getLastRow(): number {
    return this.#box.row + this.#box.rows - 1;
  }
  getLastColumn(): number {
    return this.#box.col + this.#box.cols - 1;
  }
  getNumRows(): number {
    return this.#box.rows;
  }
  getNumColumns(): number {
    return this.#box.cols;
  }
  getHeight(): number {
    return this.#box.rows;
  }
  getWidth(): number {
    return this.#box.cols;
  }
  getA1Notation(): string {
    return boxA1(this.#box);
  }
  getGridId(): number {
    return this.#sheet.id;
  }
  getSheet(): Sheet {
    return sheetFacade(this.#ctx, this.#sheet);
  }
  getCell(row: number, column: number): Range {
    expectArgs('Range.getCell', [row, column], isInt, isInt);
    if (row < 1 || column < 1 || row > this.#box.rows || column > this.#box.cols) throw new Error('Cell reference out of range');
    return this.#range({ row: this.#box.row + row - 1, col: this.#box.col + column - 1, rows: 1, cols: 1 });
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    expectArgs('Range.offset', [rowOffset, columnOffset, numRows, numColumns], isInt, isInt, optional(isInt), optional(isInt));
    const box = {
      row: this.#box.row + rowOffset, col: this.#box.col + columnOffset,
      rows: numRows ?? this.#box.rows, cols: numColumns ?? this.#box.cols,
    };
    return checkedRange(this.#ctx, this.#sheet, box);
  }
  activate(): this {
    this.#ctx.model.active = { sheet: this.#sheet, range: { ...this.#box } };
    return this;
  }
  isBlank(): boolean {
    let blank = true;
    this.#each((r, c) => {
      if (this.#sheet.stored(r, c) !== undefined || this.#sheet.formula(r, c) !== undefined) blank = false;
    });
    return blank;
  }

  // ---- values and formulas ----

  getValue(): unknown {
    return this.#top((r, c) => scriptValue(this.#sheet, r, c, this.#ctx.model));
  }
  getValues(): unknown[][] {
    return this.#grid((r, c) => scriptValue(this.#sheet, r, c, this.#ctx.model));
  }
  getDisplayValue(): string {
    return this.#top((r, c) => displayValue(this.#sheet, r, c, this.#ctx.model));
  }
  getDisplayValues(): string[][] {
    return this.#grid((r, c) => displayValue(this.#sheet, r, c, this.#ctx.model));
  }
  setValue(value: unknown): this {
    checkCellLengths([value]);
    this.#each((r, c) => writeScriptValue(this.#sheet, r, c, value, this.#ctx.model));
    return this;
  }
  setValues(values: unknown[][]): this {
    expectArgs('Range.setValues', [values], isGrid);
    shapeCheck(values, this.#box);
    checkCellLengths(values.flat());
    this.#each((r, c, i, j) => writeScriptValue(this.#sheet, r, c, values[i]![j], this.#ctx.model));
    return this;
  }
  getFormula(): string {
    return this.#top((r, c) => this.#sheet.formula(r, c) ?? '');
  }
  getFormulas(): string[][] {
    return this.#grid((r, c) => this.#sheet.formula(r, c) ?? '');
  }
  setFormula(formula: string): this {
    expectArgs('Range.setFormula', [formula], isStr);
    checkCellLengths([formula]);
    this.#each((r, c) => this.#writeFormula(r, c, formula));
    return this;
  }
  setFormulas(formulas: string[][]): this {
    expectArgs('Range.setFormulas', [formulas], isGrid);
    shapeCheck(formulas, this.#box);
    checkCellLengths(formulas.flat());
    this.#each((r, c, i, j) => this.#writeFormula(r, c, String(formulas[i]![j] ?? '')));
    return this;
  }
  #writeFormula(r: number, c: number, formula: string): void {
    if (formula === '') this.#sheet.put(r, c, undefined);
    else if (formula.startsWith('=')) this.#sheet.put(r, c, undefined, formula);
    else writeScriptValue(this.#sheet, r, c, formula, this.#ctx.model);
  }

  // ---- notes ----

  getNote(): string {
    return this.#top((r, c) => this.#sheet.note(r, c) ?? '');
  }
  getNotes(): string[][] {
    return this.#grid((r, c) => this.#sheet.note(r, c) ?? '');
  }
  setNote(note: string | null): this {
    expectArgs('Range.setNote', [note], orNull(anything));
    const text = note === null || note === undefined ? undefined : String(note) || undefined;
    this.#each((r, c) => this.#sheet.setSparse(r, c, 'n', text));
    return this;
  }
  setNotes(notes: (string | null)[][]): this {
    expectArgs('Range.setNotes', [notes], isGrid);
    shapeCheck(notes, this.#box);
    this.#each((r, c, i, j) => {
      const n = notes[i]![j];
      this.#sheet.setSparse(r, c, 'n', n === null || n === undefined || n === '' ? undefined : String(n));
    });
    return this;
  }
  clearNote(): this {
    this.#each((r, c) => this.#sheet.setSparse(r, c, 'n', undefined));
    return this;
  }

  // ---- formats ----

  #style<K extends StyleKey>(key: K, value: Style[K] | null): this {
    this.#each((r, c) => this.#sheet.setSparse(r, c, 's', withStyle(this.#sheet.style(r, c), key, value)));
    return this;
  }
  #styles<K extends StyleKey>(call: string, key: K, grid: unknown, map: (v: unknown) => Style[K] | null): this {
    expectArgs(`Range.${call}`, [grid], isGrid);
    shapeCheck(grid as unknown[][], this.#box);
    this.#each((r, c, i, j) => this.#sheet.setSparse(r, c, 's', withStyle(this.#sheet.style(r, c), key, map((grid as unknown[][])[i]![j]))));
    return this;
  }
  #read<K extends StyleKey, D>(key: K, fallback: D): NonNullable<Style[K]> | D {
    return this.#top((r, c) => (this.#sheet.style(r, c)?.[key] as NonNullable<Style[K]> | undefined) ?? fallback);
  }
  #readAll<K extends StyleKey, D>(key: K, fallback: D): (NonNullable<Style[K]> | D)[][] {
    return this.#grid((r, c) => (this.#sheet.style(r, c)?.[key] as NonNullable<Style[K]> | undefined) ?? fallback);
  }

  getNumberFormat(): string {
    return this.#top((r, c) => numberFormatAt(this.#sheet, r, c) ?? 'General');
  }
  getNumberFormats(): string[][] {
    return this.#grid((r, c) => numberFormatAt(this.#sheet, r, c) ?? 'General');
  }
  setNumberFormat(numberFormat: string): this {
    expectArgs('Range.setNumberFormat', [numberFormat], isStr);
    return this.#style('numberFormat', numberFormat === '' || numberFormat.toLowerCase() === 'general' ? null : numberFormat);
  }
  setNumberFormats(numberFormats: string[][]): this {
    return this.#styles('setNumberFormats', 'numberFormat', numberFormats, (v) => (v === '' || v === null ? null : String(v)));
  }
  getBackground(): string {
    return this.#read('background', '#ffffff');
  }
  getBackgrounds(): string[][] {
    return this.#readAll('background', '#ffffff');
  }
  setBackground(color: string | null): this {
    expectArgs('Range.setBackground', [color], orNull(isStr));
    return this.#style('background', color === null ? null : color.toLowerCase());
  }
  setBackgrounds(color: (string | null)[][]): this {
    return this.#styles('setBackgrounds', 'background', color, (v) => (v === null || v === undefined ? null : String(v).toLowerCase()));
  }
  getFontWeight(): string {
    return this.#read('fontWeight', 'normal');
  }
  getFontWeights(): string[][] {
    return this.#readAll('fontWeight', 'normal');
  }
  setFontWeight(fontWeight: string | null): this {
    expectArgs('Range.setFontWeight', [fontWeight], orNull(isStr));
    return this.#style('fontWeight', fontWeight === 'normal' ? null : fontWeight);
  }
  setFontWeights(fontWeights: (string | null)[][]): this {
    return this.#styles('setFontWeights', 'fontWeight', fontWeights, (v) => (v === null || v === 'normal' ? null : String(v)));
  }
  getFontColor(): string {
    return this.#read('fontColor', '#000000');
  }
  setFontColor(color: string | null): this {
    expectArgs('Range.setFontColor', [color], orNull(isStr));
    return this.#style('fontColor', color === null ? null : color.toLowerCase());
  }
  setFontColors(colors: (string | null)[][]): this {
    return this.#styles('setFontColors', 'fontColor', colors, (v) => (v === null ? null : String(v).toLowerCase()));
  }
  getFontSize(): number {
    return this.#read('fontSize', 10);
  }
  setFontSize(size: number): this {
    expectArgs('Range.setFontSize', [size], isNum);
    return this.#style('fontSize', size);
  }
  getFontFamily(): string {
    return this.#read('fontFamily', 'Arial');
  }
  setFontFamily(fontFamily: string | null): this {
    expectArgs('Range.setFontFamily', [fontFamily], orNull(isStr));
    return this.#style('fontFamily', fontFamily);
  }
  getFontStyle(): string {
    return this.#read('fontStyle', 'normal');
  }
  setFontStyle(fontStyle: string | null): this {
    expectArgs('Range.setFontStyle', [fontStyle], orNull(isStr));
    return this.#style('fontStyle', fontStyle === 'normal' ? null : fontStyle);
  }
  getFontLine(): string {
    return this.#read('fontLine', 'none');
  }
  setFontLine(fontLine: string | null): this {
    expectArgs('Range.setFontLine', [fontLine], orNull(isStr));
    return this.#style('fontLine', fontLine === 'none' ? null : fontLine);
  }
  getHorizontalAlignment(): string {
    return this.#read('horizontalAlignment', 'general');
  }
  setHorizontalAlignment(alignment: string | null): this {
    expectArgs('Range.setHorizontalAlignment', [alignment], orNull(isStr));
    return this.#style('horizontalAlignment', alignment === null || alignment === 'normal' ? null : alignment);
  }
  setHorizontalAlignments(alignments: (string | null)[][]): this {
    return this.#styles('setHorizontalAlignments', 'horizontalAlignment', alignments, (v) => (v === null || v === 'normal' ? null : String(v)));
  }
  getVerticalAlignment(): string {
    return this.#read('verticalAlignment', 'bottom');
  }
  setVerticalAlignment(alignment: string | null): this {
    expectArgs('Range.setVerticalAlignment', [alignment], orNull(isStr));
    return this.#style('verticalAlignment', alignment === null || alignment === 'bottom' ? null : alignment);
  }
  setVerticalAlignments(alignments: (string | null)[][]): this {
    return this.#styles('setVerticalAlignments', 'verticalAlignment', alignments, (v) => (v === null || v === 'bottom' ? null : String(v)));
  }
  getWrap(): boolean {
    return this.#read('wrap', false);
  }
  getWraps(): boolean[][] {
    return this.#readAll('wrap', false);
  }
  setWrap(isWrapEnabled: boolean): this {
    expectArgs('Range.setWrap', [isWrapEnabled], isBool);
    return this.#style('wrap', isWrapEnabled || null);
  }
  setWraps(isWrapEnabled: boolean[][]): this {
    return this.#styles('setWraps', 'wrap', isWrapEnabled, (v) => (v === true ? true : null));
  }
  getWrapStrategy(): string {
    return this.#read('wrapStrategy', this.getWrap() ? 'WRAP' : 'OVERFLOW');
  }
  setWrapStrategy(strategy: string): this {
    expectArgs('Range.setWrapStrategy', [strategy], isStr);
    this.#style('wrapStrategy', String(strategy));
    return this.#style('wrap', String(strategy) === 'WRAP' || null);
  }

  /** Both overloads: sides true/false/null (null = unchanged), then optionally a colour and a SpreadsheetApp.BorderStyle. */
  setBorder(top: boolean | null, left: boolean | null, bottom: boolean | null, right: boolean | null,
    vertical: boolean | null, horizontal: boolean | null, color?: string | null, style?: string | null): this {
    const side = orNull(isBool);
    expectArgs('Range.setBorder', [top, left, bottom, right, vertical, horizontal, color, style],
      side, side, side, side, side, side, optional(orNull(isStr)), optional(orNull(isStr)));
    if (style !== undefined && style !== null && !BORDER_STYLES.has(String(style))) throw new NotImplemented(`Range.setBorder(style ${String(style)})`);
    const line = { color: (color ?? '#000000').toLowerCase(), style: String(style ?? 'SOLID') };
    const { row, col, rows, cols } = this.#box;
    const apply = (r: number, c: number, key: 'borderTop' | 'borderBottom' | 'borderLeft' | 'borderRight', on: boolean | null) => {
      if (on === null) return;
      this.#sheet.setSparse(r, c, 's', withStyle(this.#sheet.style(r, c), key, on ? line : null));
    };
    this.#each((r, c) => {
      apply(r, c, 'borderTop', r === row ? top : horizontal);
      apply(r, c, 'borderBottom', r === row + rows - 1 ? bottom : horizontal);
      apply(r, c, 'borderLeft', c === col ? left : vertical);
      apply(r, c, 'borderRight', c === col + cols - 1 ? right : vertical);
    });
    return this;
  }

  clear(options?: Record<string, unknown>): this {
    expectArgs('Range.clear', [options], optional((v) => typeof v === 'object' && v !== null));
    const o = options ?? {};
    const some = ['commentsOnly', 'contentsOnly', 'formatOnly', 'validationsOnly'].some((k) => o[k] === true);
    if (o['skipFilteredRows']) throw new NotImplemented('Range.clear(skipFilteredRows)');
    if (!some || o['contentsOnly']) this.clearContent();
    if (!some || o['formatOnly']) this.clearFormat();
    if (o['validationsOnly']) this.clearDataValidations();
    if (o['commentsOnly']) this.clearNote();
    return this;
  }
  clearContent(): this {
    this.#each((r, c) => this.#sheet.put(r, c, undefined));
    return this;
  }
  clearFormat(): this {
    this.#each((r, c) => this.#sheet.setSparse(r, c, 's', undefined));
    return this;
  }

  // ---- merges ----

  #merge(boxes: Box[]): this {
    for (const m of this.#sheet.merges) {
      if (intersects(m, this.#box) && !contains(this.#box, m)) throw new Error(MERGE_MESSAGE);
    }
    const { frozenRows, frozenCols } = this.#sheet;
    for (const b of boxes) {
      if (b.rows * b.cols < 2) continue;
      // checked before anything changes: real Sheets refuses the whole call (apps-script-behaviors §10)
      if (b.row <= frozenRows && frozenRows < b.row + b.rows - 1) throw new Error("You can't merge frozen and non-frozen rows.");
      if (b.col <= frozenCols && frozenCols < b.col + b.cols - 1) throw new Error("You can't merge frozen and non-frozen columns.");
    }
    this.#sheet.merges = this.#sheet.merges.filter((m) => !contains(this.#box, m));
    for (const b of boxes) {
      if (b.rows * b.cols < 2) continue;
      this.#sheet.merges.push(b);
      this.#sheet.forEachCell(b, (r, c) => {
        if (r !== b.row || c !== b.col) this.#sheet.put(r, c, undefined);
      });
    }
    return this;
  }
  merge(): this {
    return this.#merge([{ ...this.#box }]);
  }
  mergeAcross(): this {
    const { row, col, rows, cols } = this.#box;
    return this.#merge(Array.from({ length: rows }, (_, i) => ({ row: row + i, col, rows: 1, cols })));
  }
  mergeVertically(): this {
    const { row, col, rows, cols } = this.#box;
    return this.#merge(Array.from({ length: cols }, (_, j) => ({ row, col: col + j, rows, cols: 1 })));
  }
  breakApart(): this {
    return this.#merge([]);
  }
  getMergedRanges(): Range[] {
    return this.#sheet.merges.filter((m) => intersects(m, this.#box)).map((m) => this.#range({ ...m }));
  }
  isPartOfMerge(): boolean {
    return this.#sheet.merges.some((m) => intersects(m, this.#box));
  }

  // ---- data validation ----

  getDataValidation(): DataValidation | null {
    const stored = this.#top((r, c) => this.#sheet.rule(r, c));
    return stored ? new DataValidation(this.#ctx, stored.rule) : null;
  }
  getDataValidations(): (DataValidation | null)[][] {
    // One object per cell, even where cells share a rule: whether Google's array repeats one object is unknown, and
    // code that asked each rule object once would then pay 4 getter calls per cell there (the stricter reading).
    return this.#grid((r, c) => {
      const stored = this.#sheet.rule(r, c);
      return stored ? new DataValidation(this.#ctx, stored.rule) : null;
    });
  }
  setDataValidation(rule: DataValidation | null): this {
    expectArgs('Range.setDataValidation', [rule], orNull((v) => v instanceof DataValidation));
    const stored = rule === null ? undefined : storedRule(rule, this.#box.row, this.#box.col);
    this.#each((r, c) => this.#sheet.setSparse(r, c, 'dv', stored));
    return this;
  }
  setDataValidations(rules: (DataValidation | null)[][]): this {
    expectArgs('Range.setDataValidations', [rules], isGrid);
    shapeCheck(rules, this.#box);
    rules.flat().forEach((x) => expectArgs('Range.setDataValidations', [rules], () => x === null || x instanceof DataValidation));
    this.#each((r, c, i, j) => {
      const rule = rules[i]![j];
      this.#sheet.setSparse(r, c, 'dv', rule ? storedRule(rule, r, c) : undefined);
    });
    return this;
  }
  clearDataValidations(): this {
    this.#each((r, c) => this.#sheet.setSparse(r, c, 'dv', undefined));
    return this;
  }

  // ---- protection ----

  protect(): Protection {
    return newProtection(this.#ctx, 'RANGE', this.#sheet, { ...this.#box });
  }
}

function storedRule(rule: DataValidation, row: number, col: number): StoredRule {
  const data = rule._data();
  if (data.type === 'VALUE_IN_LIST' && Array.isArray(data.values[0]) && data.values[0].length > 500) throw new Error(LIST_LIMIT_MESSAGE);
  return { rule: { ...data, values: data.values.slice() }, anchorRow: row, anchorCol: col };
}

/** A Range after Sheet.getRange's checks: the real messages for bad starts, sizes and boxes beyond the grid. */
export function checkedRange(ctx: Ctx, sheet: SheetModel, box: Box): Range {
  if (box.row < 1) throw new Error('The starting row of the range is too small.');
  if (box.col < 1) throw new Error('The starting column of the range is too small.');
  if (box.rows < 1) throw new Error('The number of rows in the range must be at least 1.');
  if (box.cols < 1) throw new Error('The number of columns in the range must be at least 1.');
  if (box.row + box.rows - 1 > sheet.maxRows || box.col + box.cols - 1 > sheet.maxCols) {
    throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return new Range(ctx, sheet, box);
}

function sheetFacade(ctx: Ctx, sheet: SheetModel): Sheet {
  return new Sheet(ctx, sheet);
}
