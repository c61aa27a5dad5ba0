// SpreadsheetModel: the host side of the spreadsheet (tabs, protections, active range, clock) and the user's actions.
import { EmulatorError } from '../kernel/errors';
import { boxA1, parseArea, splitSheet, type Box } from './a1';
import { CELL_TOO_LONG, MAX_CELL_CHARS, computed, displayValue, enteredOf, scriptValue, writeEntered, type Book } from './cell-values';
import type { FormulaHost, Scalar } from './formula';
import { shiftFormula, type Move } from './formula-syntax';
import { checkEdit, type EditCheck, type ProtectionData } from './protection-data';
import { wallMs } from '../kernel/time';
import { shiftBox, shiftIndex, type Shift } from './shift';
import { DEFAULT_COLS, DEFAULT_ROWS, SheetModel, type Row, type Stored } from './sheet-model';
import type { Style } from './style';
import { parseUserEntered, type Entered } from './user-entered';
import { checkCell } from './validation-check';
import type { RangeRef, StoredRule } from './validation-rule';

export interface ModelOptions {
  name?: string;
  /** The spreadsheet's time zone (date cells and TODAY()); default Asia/Shanghai. */
  timeZone?: string;
  owner?: string;
  id?: string;
  /** The tabs of the new spreadsheet; default one empty 'Sheet1'. */
  sheets?: string[];
  now?: () => Date;
}

export type UserInputResult = { ok: true; oldValues: unknown[][] } | { ok: false; message: string };
export type UserActionResult = { ok: true } | { ok: false; message: string };

/** Public error text (Apps Script and the Sheets API) when a workbook would pass 10 million cells. */
export const MAX_WORKBOOK_CELLS = 10_000_000;
const TOO_MANY_CELLS = 'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';

export class SpreadsheetModel implements Book {
  id: string;
  name: string;
  timeZone: string;
  owner: string;
  editors: string[] = [];
  viewers: string[] = [];
  sheets: SheetModel[] = [];
  protections: ProtectionData[] = [];
  namedRanges = new Map<string, RangeRef>();
  active: { sheet: SheetModel | null; range: Box | null } = { sheet: null, range: null };
  /** Warnings a warning-only protection showed to a user, newest last. */
  readonly warnings: { sheet: string; a1: string; email: string }[] = [];
  nextSheetId = 0;
  nextProtectionId = 1;
  nextChartId = 1;
  clock: () => Date;

  constructor(options: ModelOptions = {}) {
    this.name = options.name ?? 'Untitled spreadsheet';
    this.timeZone = options.timeZone ?? 'Asia/Shanghai';
    this.owner = (options.owner ?? 'owner@example.com').toLowerCase();
    this.id = options.id ?? '1EmuLat0rSpreadsheetId0000000000000000000000';
    this.clock = options.now ?? (() => new Date());
    for (const n of options.sheets ?? ['Sheet1']) this.addSheet(n);
    this.active.sheet = this.sheets[0] ?? null;
  }

  // ---- tabs ----

  /** Sheets' workbook limit: every tab's grid (max rows × max columns) counts, blank or not. */
  checkGrowth(extraCells: number): void {
    const total = this.sheets.reduce((n, s) => n + s.maxRows * s.maxCols, 0);
    if (total + extraCells > MAX_WORKBOOK_CELLS) throw new Error(TOO_MANY_CELLS);
  }

  addSheet(name: string, index = this.sheets.length): SheetModel {
    this.checkGrowth(DEFAULT_ROWS * DEFAULT_COLS);
    const sheet = new SheetModel(name, this.nextSheetId === 0 ? 0 : this.nextSheetId * 1000003 % 2147483647, this);
    this.nextSheetId++;
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  sheetByName(name: string): SheetModel | null {
    return this.sheets.find((s) => s.name === name) ?? null;
  }

  /** The tab named `name`; throws (a test mistake) when there is none. */
  sheet(name: string): SheetModel {
    const s = this.sheetByName(name);
    if (!s) throw new EmulatorError(`emulator: no sheet named "${name}"; the tabs are ${this.sheets.map((x) => x.name).join(', ')}`);
    return s;
  }

  removeSheet(sheet: SheetModel): void {
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.protections = this.protections.filter((p) => p.sheet !== sheet);
    if (this.active.sheet === sheet) this.active = { sheet: this.sheets[0] ?? null, range: null };
  }

  // ---- formulas ----

  formulaHost(sheet: SheetModel): FormulaHost {
    const resolve = (name: string | null) => (name === null ? sheet : this.sheetByName(name));
    return {
      cell: (name, r, c): Scalar => {
        const s = resolve(name);
        return s ? computed(s, r, c, this) : null;
      },
      display: (name, r, c) => {
        const s = resolve(name);
        return s ? displayValue(s, r, c, this) : '';
      },
      size: (name) => {
        const s = resolve(name);
        return { rows: s?.maxRows ?? 0, cols: s?.maxCols ?? 0 };
      },
      today: () => Math.floor(this.nowSerial()),
      now: () => this.nowSerial(),
    };
  }

  nowSerial(): number {
    const wall = wallMs(this.clock().getTime(), this.timeZone);
    return (wall - Date.UTC(1899, 11, 30)) / 86400000;
  }

  // ---- host read helpers (uncounted) ----

  /** getValue's answer for one cell. */
  valueAt(sheetName: string, row: number, col: number): unknown {
    return scriptValue(this.sheet(sheetName), row, col, this);
  }
  displayAt(sheetName: string, row: number, col: number): string {
    return displayValue(this.sheet(sheetName), row, col, this);
  }
  /** getValues of an A1 area of a tab. */
  values(sheetName: string, a1: string): unknown[][] {
    const sheet = this.sheet(sheetName);
    const box = parseArea(a1, sheet.maxRows, sheet.maxCols);
    if (!box) throw new EmulatorError(`emulator: not an A1 area: ${a1}`);
    return Array.from({ length: box.rows }, (_, i) =>
      Array.from({ length: box.cols }, (_, j) => scriptValue(sheet, box.row + i, box.col + j, this)));
  }

  /** Fast seeding (bench, tests): script values written as setValues would, without checks or counting. */
  setValuesRaw(sheetName: string, row: number, col: number, grid: unknown[][]): void {
    const sheet = this.sheet(sheetName);
    const needRows = row + grid.length - 1;
    if (needRows > sheet.maxRows) sheet.maxRows = needRows;
    grid.forEach((line, i) => line.forEach((v, j) => {
      if (col + j > sheet.maxCols) sheet.maxCols = col + j;
      writeEntered(sheet, row + i, col + j, enteredOf(v, sheet, row + i, col + j, this));
    }));
  }

  // ---- structure (rows and columns move everything anchored to them) ----

  shift(sheet: SheetModel, s: Shift): void {
    if (s.kind === 'insert') this.checkGrowth(s.count * (s.axis === 'row' ? sheet.maxCols : sheet.maxRows));
    sheet.applyShift(s);
    const here = (target: SheetModel) => (name: string | null) => (name === null ? target === sheet : name === sheet.name);
    const boxOf = (b: Box) => shiftBox(b, s);
    sheet.merges = sheet.merges.map(boxOf).filter((b): b is Box => b !== null);
    const ruleMove = (anchor: number, newAnchor: number): Move => (i, abs) => {
      const n = shiftIndex(i, s);
      if (n !== null || abs) return n;
      // the rule's top-left row went: references from it are re-read from the new top-left, as Sheets keeps them
      return shiftIndex(anchor, s) === null ? newAnchor + (i - anchor) : null;
    };
    const anchorAfter = (a: number) => shiftIndex(a, s) ?? Math.max(1, s.at);
    const seen = new Set<StoredRule>();
    for (const row of sheet.rows) {
      if (!row?.dv) continue;
      for (const rule of row.dv) {
        if (!rule || seen.has(rule)) continue;
        seen.add(rule);
        const key = s.axis === 'row' ? 'anchorRow' : 'anchorCol';
        const old = rule[key], moved = anchorAfter(old);
        rule.rule.values = rule.rule.values.map((v) => {
          if (rule.rule.type === 'CUSTOM_FORMULA' && typeof v === 'string') return shiftFormula(v, s, here(sheet), ruleMove(old, moved));
          return v;
        });
        rule[key] = moved;
      }
    }
    for (const other of this.sheets) {
      for (const cf of other.cfRules) {
        if (other === sheet) {
          const first = cf.ranges[0];
          const old = first ? (s.axis === 'row' ? first.row : first.col) : 1;
          cf.ranges = cf.ranges.map(boxOf).filter((b): b is Box => b !== null);
          const next = cf.ranges[0];
          const moved = next ? (s.axis === 'row' ? next.row : next.col) : old;
          if (cf.condition?.type === 'CUSTOM_FORMULA') {
            cf.condition.values = cf.condition.values.map((v) => (typeof v === 'string' ? shiftFormula(v, s, here(sheet), ruleMove(old, moved)) : v));
          }
        }
      }
      if (other === sheet) other.cfRules = other.cfRules.filter((r) => r.ranges.length > 0);
      for (const row of other.rows) {
        if (!row?.f) continue;
        row.f = row.f.map((f) => (f === undefined ? f : shiftFormula(f, s, here(other))));
      }
      for (const chart of other.charts) {
        chart.ranges = chart.ranges.flatMap((r) => {
          if (r.sheet !== sheet.name) return [r];
          const b = boxOf(r.box);
          return b ? [{ sheet: r.sheet, box: b }] : [];
        });
        if (other === sheet) {
          const key = s.axis === 'row' ? 'row' : 'col';
          chart.position[key] = shiftIndex(chart.position[key], s) ?? Math.max(1, s.at);
        }
      }
    }
    this.protections = this.protections.filter((p) => {
      if (p.sheet !== sheet) return true;
      p.unprotected = p.unprotected.map(boxOf).filter((b): b is Box => b !== null);
      if (p.type === 'SHEET' || !p.box) return true;
      p.box = boxOf(p.box);
      return p.box !== null;
    });
    for (const [name, ref] of this.namedRanges) {
      if (ref.sheet !== sheet.name) continue;
      const b = boxOf(ref.box);
      if (b) ref.box = b;
      else this.namedRanges.delete(name);
    }
    if (this.active.sheet === sheet && this.active.range) this.active.range = boxOf(this.active.range);
  }

  // ---- the user (the runtime's drivers) ----

  canUserEdit(sheet: SheetModel, row: number, col: number, email: string): EditCheck {
    return checkEdit(this.protections, sheet, row, col, email, this.owner);
  }

  /**
   * A user types (one cell) or pastes (a block): protection, then the USER_ENTERED parse, then data validation of
   * every cell; one invalid cell under a rejecting rule refuses the whole input and nothing is written.
   */
  userInput(sheetName: string, row: number, col: number, grid: unknown[][], email: string): UserInputResult {
    const sheet = this.sheet(sheetName);
    const rows = grid.length, cols = grid[0]?.length ?? 0;
    if (rows === 0 || cols === 0) return { ok: true, oldValues: [] };
    if (grid.flat().some((v) => typeof v === 'string' && v.length > MAX_CELL_CHARS)) return { ok: false, message: CELL_TOO_LONG };
    if (row + rows - 1 > sheet.maxRows) sheet.maxRows = row + rows - 1;
    if (col + cols - 1 > sheet.maxCols) sheet.maxCols = col + cols - 1;
    let warned = false;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const check = this.canUserEdit(sheet, row + i, col + j, email);
        if (!check.ok) return check;
        warned ||= check.warning;
      }
    }
    const oldValues = Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => scriptValue(sheet, row + i, col + j, this)));
    const saved: { v: Stored | undefined; f: string | undefined; s: Style | undefined }[] = [];
    const entered: Entered[][] = grid.map((line, i) => line.map((v, j) => this.#userEntered(v, sheet, row + i, col + j)));
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const [r, c] = [row + i, col + j];
        saved.push({ v: sheet.stored(r, c), f: sheet.formula(r, c), s: sheet.style(r, c) });
        writeEntered(sheet, r, c, entered[i]![j]!);
      }
    }
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const check = checkCell(sheet, row + i, col + j, this);
        if (check.ok || sheet.rule(row + i, col + j)?.rule.allowInvalid) continue;
        let k = 0;
        for (let a = 0; a < rows; a++) {
          for (let b = 0; b < cols; b++) {
            const old = saved[k++]!;
            sheet.put(row + a, col + b, old.v, old.f);
            sheet.setSparse(row + a, col + b, 's', old.s);
          }
        }
        return { ok: false, message: check.message };
      }
    }
    if (warned) this.warnings.push({ sheet: sheetName, a1: boxA1({ row, col, rows, cols }), email });
    return { ok: true, oldValues };
  }

  #userEntered(v: unknown, sheet: SheetModel, r: number, c: number): Entered {
    if (typeof v === 'string') return parseUserEntered(v, sheet.style(r, c)?.numberFormat ?? null);
    return enteredOf(v, sheet, r, c, this);
  }

  /** A user inserts `count` rows so the first new one is row `at`. */
  insertRows(sheetName: string, at: number, count: number, email = this.owner): UserActionResult {
    return this.#userStructure(sheetName, email, () => this.shift(this.sheet(sheetName), { axis: 'row', kind: 'insert', at, count }));
  }

  deleteRows(sheetName: string, at: number, count: number, email = this.owner): UserActionResult {
    const sheet = this.sheet(sheetName);
    if (at < 1 || at + count - 1 > sheet.maxRows) return { ok: false, message: 'Those rows are out of bounds.' };
    return this.#userStructure(sheetName, email, () => this.shift(sheet, { axis: 'row', kind: 'delete', at, count }));
  }

  #userStructure(sheetName: string, email: string, act: () => void): UserActionResult {
    const sheet = this.sheet(sheetName);
    const refused = this.protections.some((p) => p.sheet === sheet && p.type === 'SHEET' && !p.warningOnly
      && email.toLowerCase() !== this.owner && !p.editors.includes(email.toLowerCase()));
    if (refused) return { ok: false, message: 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.' };
    act();
    return { ok: true };
  }

  /** The user's selection: a tab and an A1 area of it. */
  setActive(sheetName: string, a1: string): void {
    const sheet = this.sheet(sheetName);
    const { area } = splitSheet(a1);
    this.active = { sheet, range: parseArea(area, sheet.maxRows, sheet.maxCols) };
  }

  // ---- persistence ----

  toJSON(): unknown {
    return serialize(this);
  }

  static fromJSON(data: unknown): SpreadsheetModel {
    return deserialize(data);
  }
}

// Placed at the bottom to keep the class readable; persist.ts needs the class, so it is imported lazily.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const serialize = (m: SpreadsheetModel): unknown => (require('./persist') as typeof import('./persist')).serializeModel(m);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const deserialize = (d: unknown): SpreadsheetModel => (require('./persist') as typeof import('./persist')).deserializeModel(d);

export type { Row };
export { SheetModel };
