// What the preview page draws for one tab: displayed texts, effective colours, notes, merges, dropdown lists and charts, as plain JSON.
import { type SpreadsheetModel, type SheetModel, matchingRule, cellA1, type RangeRef } from '@eco-ledger/emulator';

export const MAX_ROWS = 400;
const BLANK_ROWS = 5;
const DEFAULT_WIDTH = 100;

export interface CellView {
  t: string;
  bg?: string;
  fc?: string;
  b?: true;
  i?: true;
  al?: string;
  wrap?: true;
  note?: string;
  /** The validated list's values: the page offers them as a dropdown. */
  list?: string[];
  /** The validation's help text (the template's 填表说明). */
  help?: string;
  date?: true;
}

export interface ChartView {
  id: number;
  row: number;
  col: number;
  title: string;
  stacked: boolean;
  colors: string[];
  categories: string[];
  series: { name: string; values: number[] }[];
}

export interface SheetView {
  name: string;
  rows: number;
  cols: number;
  totalRows: number;
  frozenRows: number;
  frozenCols: number;
  widths: number[];
  merges: { row: number; col: number; rows: number; cols: number }[];
  cells: (CellView | null)[][];
  charts: ChartView[];
  active: string | null;
}

export interface TabInfo {
  name: string;
  color: string | null;
}

export function tabsOf(model: SpreadsheetModel): TabInfo[] {
  return model.sheets.filter((s) => !s.hidden).map((s) => ({ name: s.name, color: s.tabColor }));
}

function listOf(model: SpreadsheetModel, sheet: SheetModel, r: number, c: number): string[] | undefined {
  const stored = sheet.validationAt(r, c);
  if (!stored) return undefined;
  const { type, values } = stored.rule;
  if (type === 'VALUE_IN_LIST' && Array.isArray(values[0])) return (values[0] as unknown[]).map(String);
  if (type === 'VALUE_IN_RANGE' && values[0] && typeof values[0] === 'object') {
    const ref = values[0] as RangeRef;
    const source = model.sheetByName(ref.sheet);
    if (!source) return undefined;
    const out: string[] = [];
    for (let rr = ref.box.row; rr < ref.box.row + ref.box.rows; rr++) {
      for (let cc = ref.box.col; cc < ref.box.col + ref.box.cols; cc++) {
        const text = source.displayAt(rr, cc);
        if (text !== '') out.push(text);
      }
    }
    return out;
  }
  return undefined;
}

function cellOf(model: SpreadsheetModel, sheet: SheetModel, r: number, c: number): CellView | null {
  const t = sheet.displayAt(r, c);
  const style = sheet.style(r, c);
  const rule = matchingRule(model, sheet, r, c);
  const note = sheet.noteAt(r, c);
  const validation = sheet.validationAt(r, c);
  const bg = rule?.format.background ?? style?.background;
  const fc = rule?.format.fontColor ?? style?.fontColor;
  const view: CellView = { t };
  if (bg && bg.toLowerCase() !== '#ffffff') view.bg = bg;
  if (fc && fc.toLowerCase() !== '#000000') view.fc = fc;
  if (rule?.format.bold ?? style?.fontWeight === 'bold') view.b = true;
  if (rule?.format.italic ?? style?.fontStyle === 'italic') view.i = true;
  if (style?.horizontalAlignment) view.al = style.horizontalAlignment;
  if (style?.wrap || style?.wrapStrategy === 'WRAP') view.wrap = true;
  if (note) view.note = note;
  if (validation) {
    const list = listOf(model, sheet, r, c);
    if (list) view.list = list;
    if (validation.rule.helpText) view.help = validation.rule.helpText;
    if (validation.rule.type.startsWith('DATE_')) view.date = true;
  }
  const keys = Object.keys(view);
  return keys.length === 1 && t === '' ? null : view;
}

function chartsOf(model: SpreadsheetModel, sheet: SheetModel): ChartView[] {
  return sheet.charts.map((chart) => {
    const range = chart.ranges[0];
    const source = range ? model.sheetByName(range.sheet) : null;
    const categories: string[] = [];
    const series: { name: string; values: number[] }[] = [];
    if (range && source) {
      const { row, col, rows, cols } = range.box;
      for (let c = col + 1; c < col + cols; c++) series.push({ name: source.displayAt(row, c), values: [] });
      for (let r = row + 1; r < row + rows; r++) {
        categories.push(source.displayAt(r, col));
        series.forEach((s, i) => {
          const v = Number(source.valueAt(r, col + 1 + i));
          s.values.push(Number.isFinite(v) ? v : 0);
        });
      }
    }
    const options = chart.options;
    return {
      id: chart.id,
      row: chart.position.row,
      col: chart.position.col,
      title: typeof options['title'] === 'string' ? options['title'] : '',
      stacked: options['isStacked'] === true || options['isStacked'] === 'true' || options['isStacked'] === 'absolute',
      colors: Array.isArray(options['colors']) ? (options['colors'] as unknown[]).map(String) : [],
      categories,
      series,
    };
  });
}

export function sheetView(model: SpreadsheetModel, name: string): SheetView {
  const sheet = model.sheet(name);
  const charts = chartsOf(model, sheet);
  const totalRows = sheet.lastRow();
  const rows = Math.min(Math.max(totalRows + BLANK_ROWS, sheet.frozenRows + BLANK_ROWS, 20), MAX_ROWS, sheet.maxRows);
  const chartCols = charts.map((c) => c.col);
  const cols = Math.min(Math.max(sheet.lastColumn(), ...chartCols, 8), sheet.maxCols);
  const cells: (CellView | null)[][] = [];
  for (let r = 1; r <= rows; r++) {
    const line: (CellView | null)[] = [];
    for (let c = 1; c <= cols; c++) line.push(cellOf(model, sheet, r, c));
    cells.push(line);
  }
  const widths = Array.from({ length: cols }, (_, i) => sheet.colWidths[i] ?? DEFAULT_WIDTH);
  const active = model.active.sheet === sheet && model.active.range ? cellA1(model.active.range.row, model.active.range.col) : null;
  return {
    name,
    rows,
    cols,
    totalRows,
    frozenRows: sheet.frozenRows,
    frozenCols: sheet.frozenCols,
    widths,
    merges: sheet.merges.filter((m) => m.row <= rows && m.col <= cols).map((m) => ({ ...m })),
    cells,
    charts,
    active,
  };
}
