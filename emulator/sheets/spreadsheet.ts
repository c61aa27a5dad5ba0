// Spreadsheet (script side): tabs, the active sheet and range, named ranges, time zone, sharing, toasts, protections.
import { parseArea, splitSheet } from './a1';
import { User } from '../kernel/user';
import { anything, expectArgs, isInt, isStr, optional, type Ctx } from './context';
import { NotImplemented } from '../kernel/errors';
import { Protection } from './protection';
import { checkedRange, Range } from './range';
import { rangeRefOf } from './range-ref';
import { Sheet } from './sheet';

export class Spreadsheet {
  readonly #ctx: Ctx;
  constructor(ctx: Ctx) {
    this.#ctx = ctx;
  }

  get #model() {
    return this.#ctx.model;
  }

  getId(): string {
    return this.#model.id;
  }
  getName(): string {
    return this.#model.name;
  }
  rename(newName: string): void {
    expectArgs('Spreadsheet.rename', [newName], isStr);
    this.#model.name = newName;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.#model.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this.#model.timeZone;
  }
  /** Serial numbers stay: date cells keep their wall-clock day and read back at midnight of the new zone. */
  setSpreadsheetTimeZone(timezone: string): void {
    expectArgs('Spreadsheet.setSpreadsheetTimeZone', [timezone], isStr);
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    } catch {
      throw new Error(`Invalid argument: ${timezone}`);
    }
    this.#model.timeZone = timezone;
  }

  // ---- tabs ----

  getSheets(): Sheet[] {
    return this.#model.sheets.map((s) => new Sheet(this.#ctx, s));
  }
  getNumSheets(): number {
    return this.#model.sheets.length;
  }
  getSheetByName(name: string): Sheet | null {
    expectArgs('Spreadsheet.getSheetByName', [name], isStr);
    const s = this.#model.sheetByName(name);
    return s ? new Sheet(this.#ctx, s) : null;
  }
  getSheetById(id: number): Sheet | null {
    expectArgs('Spreadsheet.getSheetById', [id], isInt);
    const s = this.#model.sheets.find((x) => x.id === id);
    return s ? new Sheet(this.#ctx, s) : null;
  }
  /** insertSheet(), (index), (name), (name, index); the new sheet becomes the active one. */
  insertSheet(a?: unknown, b?: unknown, c?: unknown): Sheet {
    const args = [a, b, c].filter((x) => x !== undefined);
    if (args.some((x) => typeof x === 'object' && x !== null)) throw new NotImplemented('Spreadsheet.insertSheet(options)');
    expectArgs('Spreadsheet.insertSheet', args, ...args.map((_x, i) => (i === 0 ? (v: unknown) => isStr(v) || isInt(v) : isInt)));
    const name = typeof a === 'string' ? a : this.#freeName();
    const index = typeof a === 'number' ? a : typeof b === 'number' ? b : this.#model.sheets.length;
    if (this.#model.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const sheet = this.#model.addSheet(name, Math.max(0, Math.min(index, this.#model.sheets.length)));
    this.#model.active = { sheet, range: null };
    return new Sheet(this.#ctx, sheet);
  }
  #freeName(): string {
    for (let n = this.#model.sheets.length + 1; ; n++) if (!this.#model.sheetByName(`Sheet${n}`)) return `Sheet${n}`;
  }
  deleteSheet(sheet: Sheet): void {
    expectArgs('Spreadsheet.deleteSheet', [sheet], (s) => s instanceof Sheet);
    if (this.#model.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.#model.removeSheet(sheet._model());
  }

  // ---- active sheet and selection ----

  getActiveSheet(): Sheet {
    const m = this.#model;
    if (!m.active.sheet || !m.sheets.includes(m.active.sheet)) m.active = { sheet: m.sheets[0]!, range: null };
    return new Sheet(this.#ctx, m.active.sheet!);
  }
  setActiveSheet(sheet: Sheet, restoreSelection?: boolean): Sheet {
    expectArgs('Spreadsheet.setActiveSheet', [sheet, restoreSelection], (s) => s instanceof Sheet, optional(anything));
    this.#model.active = { sheet: sheet._model(), range: null };
    return sheet;
  }
  /** The selection; a sheet nobody clicked in has A1 selected. */
  getActiveRange(): Range {
    const sheet = this.getActiveSheet()._model();
    const box = this.#model.active.range ?? { row: 1, col: 1, rows: 1, cols: 1 };
    return new Range(this.#ctx, sheet, { ...box });
  }
  getActiveCell(): Range {
    const r = this.getActiveRange()._where();
    return new Range(this.#ctx, r.sheet, { row: r.box.row, col: r.box.col, rows: 1, cols: 1 });
  }
  setActiveRange(range: Range): Range {
    expectArgs('Spreadsheet.setActiveRange', [range], (r) => r instanceof Range);
    return range.activate();
  }

  // ---- ranges ----

  /** 'Tab!A1:B2' (a quoted name allowed) or an area of the active sheet. */
  getRange(a1Notation: string): Range {
    expectArgs('Spreadsheet.getRange', [a1Notation], isStr);
    const { sheet: name, area } = splitSheet(a1Notation);
    const sheet = name === null ? this.getActiveSheet()._model() : this.#model.sheetByName(name);
    if (!sheet) throw new Error('Range not found');
    const box = parseArea(area, sheet.maxRows, sheet.maxCols);
    if (!box) throw new Error('Range not found');
    return checkedRange(this.#ctx, sheet, box);
  }
  getRangeByName(name: string): Range | null {
    expectArgs('Spreadsheet.getRangeByName', [name], isStr);
    const ref = this.#model.namedRanges.get(name);
    const sheet = ref ? this.#model.sheetByName(ref.sheet) : null;
    return ref && sheet ? new Range(this.#ctx, sheet, { ...ref.box }) : null;
  }
  setNamedRange(name: string, range: Range): void {
    const ref = rangeRefOf(range);
    expectArgs('Spreadsheet.setNamedRange', [name, range], isStr, () => ref !== null);
    if (!/^[A-Za-z_\u00c0-\uffff][\w.\u00c0-\uffff]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^(true|false)$/i.test(name)) {
      throw new Error(`Invalid argument: ${name}`);
    }
    this.#model.namedRanges.set(name, ref!);
  }
  removeNamedRange(name: string): void {
    expectArgs('Spreadsheet.removeNamedRange', [name], isStr);
    if (!this.#model.namedRanges.delete(name)) throw new Error(`Named range ${name} not found.`);
  }

  // ---- people ----

  // A file in a shared drive has no owner: Apps Script's getOwner() answers null there (modelled by owner '').
  getOwner(): User | null {
    return this.#model.owner === '' ? null : new User(this.#model.owner);
  }
  getEditors(): User[] {
    return [this.#model.owner, ...this.#model.editors].filter((e) => e !== '').map((e) => new User(e));
  }
  getViewers(): User[] {
    return [...this.#model.viewers, ...this.#model.editors, this.#model.owner].filter((e) => e !== '').map((e) => new User(e));
  }
  addEditor(emailAddress: unknown): this {
    return this.addEditors([emailAddress instanceof User ? emailAddress.getEmail() : String(emailAddress)]);
  }
  addEditors(emailAddresses: string[]): this {
    expectArgs('Spreadsheet.addEditors', [emailAddresses], Array.isArray);
    for (const e of emailAddresses.map((x) => String(x).trim().toLowerCase())) {
      if (e !== this.#model.owner && !this.#model.editors.includes(e)) this.#model.editors.push(e);
    }
    return this;
  }
  removeEditor(emailAddress: unknown): this {
    const e = (emailAddress instanceof User ? emailAddress.getEmail() : String(emailAddress)).trim().toLowerCase();
    this.#model.editors = this.#model.editors.filter((x) => x !== e);
    return this;
  }

  // ---- other ----

  toast(msg: unknown, title?: unknown, timeoutSeconds?: number): void {
    expectArgs('Spreadsheet.toast', [msg, title, timeoutSeconds], anything, optional(anything), optional(isInt));
    this.#ctx.host.toast(String(msg), title === undefined || title === null ? '' : String(title), timeoutSeconds ?? 5);
  }
  getProtections(type: string): Protection[] {
    expectArgs('Spreadsheet.getProtections', [type], (t) => t === 'SHEET' || t === 'RANGE');
    return this.#model.protections.filter((p) => p.type === type).map((p) => new Protection(this.#ctx, p));
  }
  /** The active sheet's cell, for code written against Spreadsheet rather than Sheet. */
  getCurrentCell(): Range {
    return this.getActiveCell();
  }
}
