// The small formula evaluator: Sheets' comparison and coercion rules and a table of the functions our rules use.
import { generalNumber } from './display';
import { parseFormula, type Node, type Ref, type RefEnd } from './formula-syntax';
import { NotImplemented } from '../kernel/errors';
import { serialOf } from './serial';

export class FormulaError {
  constructor(readonly code: string, readonly detail = '') {}
  toString(): string {
    return this.code;
  }
}

export type Scalar = number | string | boolean | null | FormulaError;
type Value = Scalar | Scalar[][];

/** What the evaluator needs from the spreadsheet; cell values use serial numbers for dates and null for blanks. */
export interface FormulaHost {
  cell(sheet: string | null, row: number, col: number): Scalar;
  display(sheet: string | null, row: number, col: number): string;
  size(sheet: string | null): { rows: number; cols: number };
  /** Today's serial in the spreadsheet's zone, and now's (with the time fraction). */
  today(): number;
  now(): number;
}

export interface Position {
  row: number;
  col: number;
}

interface Ctx {
  host: FormulaHost;
  dRow: number;
  dCol: number;
}

const isError = (v: unknown): v is FormulaError => v instanceof FormulaError;

function place(e: RefEnd, ctx: Ctx): { row: number | null; col: number | null } {
  return {
    row: e.row === null ? null : e.rowAbs ? e.row : e.row + ctx.dRow,
    col: e.col === null ? null : e.colAbs ? e.col : e.col + ctx.dCol,
  };
}

function readRef(ref: Ref, ctx: Ctx): Value {
  const a = place(ref.from, ctx);
  if (ref.to === null) {
    if (a.row === null || a.col === null || a.row < 1 || a.col < 1) return new FormulaError('#REF!');
    return ctx.host.cell(ref.sheet, a.row, a.col);
  }
  const b = place(ref.to, ctx);
  const size = ctx.host.size(ref.sheet);
  const r1 = Math.min(a.row ?? 1, b.row ?? 1), r2 = Math.max(a.row ?? size.rows, b.row ?? size.rows);
  const c1 = Math.min(a.col ?? 1, b.col ?? 1), c2 = Math.max(a.col ?? size.cols, b.col ?? size.cols);
  if (r1 < 1 || c1 < 1) return new FormulaError('#REF!');
  const out: Scalar[][] = [];
  for (let r = r1; r <= Math.min(r2, size.rows); r++) {
    const line: Scalar[] = [];
    for (let c = c1; c <= Math.min(c2, size.cols); c++) line.push(ctx.host.cell(ref.sheet, r, c));
    out.push(line);
  }
  return out;
}

function scalar(v: Value): Scalar {
  if (Array.isArray(v)) throw new NotImplemented('formula: a range used where one value is expected');
  return v;
}

const NUMERIC = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i;

export function toNumber(v: Scalar): number | FormulaError {
  if (isError(v)) return v;
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (NUMERIC.test(v)) return Number(v);
  const d = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(v);
  if (d) return serialOf(Number(d[1]), Number(d[2]), Number(d[3]));
  return new FormulaError('#VALUE!', `${v} is text`);
}

export function toText(v: Scalar): string | FormulaError {
  if (isError(v)) return v;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return generalNumber(v);
  return v;
}

export function toBool(v: Scalar): boolean | FormulaError {
  if (isError(v)) return v;
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  const u = v.trim().toUpperCase();
  if (u === 'TRUE' || u === 'FALSE') return u === 'TRUE';
  return new FormulaError('#VALUE!', `${v} is not a boolean`);
}

const rank = (v: number | string | boolean): number => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);

/** Sheets' ordering: numbers < text < booleans; text compares case-insensitively; a blank takes the other side's type. */
function compare(a: Scalar, b: Scalar): number | FormulaError {
  if (isError(a)) return a;
  if (isError(b)) return b;
  const blankLike = (other: Scalar): number | string | boolean => (typeof other === 'number' ? 0 : typeof other === 'boolean' ? false : '');
  const x = a === null ? blankLike(b) : a;
  const y = b === null ? blankLike(a) : b;
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === 'string') {
    const [p, q] = [x.toLowerCase(), (y as string).toLowerCase()];
    return p < q ? -1 : p > q ? 1 : 0;
  }
  const [p, q] = [Number(x), Number(y)];
  return p < q ? -1 : p > q ? 1 : 0;
}

function arithmetic(op: string, a: Scalar, b: Scalar): Scalar {
  const x = toNumber(a), y = toNumber(b);
  if (isError(x)) return x;
  if (isError(y)) return y;
  if (op === '+') return x + y;
  if (op === '-') return x - y;
  if (op === '*') return x * y;
  if (op === '^') return x ** y;
  return y === 0 ? new FormulaError('#DIV/0!') : x / y;
}

function binary(op: string, a: Scalar, b: Scalar): Scalar {
  if (op === '&') {
    const x = toText(a), y = toText(b);
    return isError(x) ? x : isError(y) ? y : x + y;
  }
  if (op in { '+': 1, '-': 1, '*': 1, '/': 1, '^': 1 }) return arithmetic(op, a, b);
  const c = compare(a, b);
  if (isError(c)) return c;
  switch (op) {
    case '=': return c === 0;
    case '<>': return c !== 0;
    case '<': return c < 0;
    case '<=': return c <= 0;
    case '>': return c > 0;
    default: return c >= 0;
  }
}

type Fn = (args: Node[], ctx: Ctx) => Value;

const values = (args: Node[], ctx: Ctx): Scalar[] =>
  args.flatMap((n) => {
    const v = evalNode(n, ctx);
    return Array.isArray(v) ? v.flat() : [v];
  });
const one = (args: Node[], ctx: Ctx, i = 0): Scalar => (args[i] ? scalar(evalNode(args[i]!, ctx)) : null);

function logical(args: Node[], ctx: Ctx, all: boolean): Scalar {
  const bools: boolean[] = [];
  for (const v of values(args, ctx)) {
    if (v === null || (typeof v === 'string' && v === '')) continue;
    const b = toBool(v);
    if (isError(b)) return b;
    bools.push(b);
  }
  if (bools.length === 0) return new FormulaError('#VALUE!');
  return all ? bools.every(Boolean) : bools.some(Boolean);
}

/** RE2 written for Sheets, read by JS RegExp: an inline (?i) at the start becomes the i flag. */
function regex(source: string): RegExp | FormulaError {
  let flags = '';
  let body = source;
  if (body.startsWith('(?i)')) { flags = 'i'; body = body.slice(4); }
  try {
    return new RegExp(body, flags);
  } catch {
    return new FormulaError('#REF!', `invalid regular expression ${source}`);
  }
}

function withNumbers(args: Node[], ctx: Ctx, f: (...n: number[]) => Scalar): Scalar {
  const nums: number[] = [];
  for (let i = 0; i < args.length; i++) {
    const n = toNumber(one(args, ctx, i));
    if (isError(n)) return n;
    nums.push(n);
  }
  return f(...nums);
}

const FUNCTIONS: Record<string, Fn> = {
  AND: (a, ctx) => logical(a, ctx, true),
  OR: (a, ctx) => logical(a, ctx, false),
  NOT: (a, ctx) => {
    const b = toBool(one(a, ctx));
    return isError(b) ? b : !b;
  },
  IF: (a, ctx) => {
    const b = toBool(one(a, ctx));
    if (isError(b)) return b;
    return b ? one(a, ctx, 1) : a.length > 2 ? one(a, ctx, 2) : false;
  },
  IFERROR: (a, ctx) => {
    const v = one(a, ctx);
    return isError(v) ? (a.length > 1 ? one(a, ctx, 1) : '') : v;
  },
  ISERROR: (a, ctx) => isError(one(a, ctx)),
  ISBLANK: (a, ctx) => one(a, ctx) === null,
  ISNUMBER: (a, ctx) => typeof one(a, ctx) === 'number',
  ISTEXT: (a, ctx) => typeof one(a, ctx) === 'string',
  LEN: (a, ctx) => {
    const t = toText(one(a, ctx));
    return isError(t) ? t : t.length;
  },
  TRIM: (a, ctx) => {
    const t = toText(one(a, ctx));
    return isError(t) ? t : t.trim().replace(/ {2,}/g, ' ');
  },
  LOWER: (a, ctx) => {
    const t = toText(one(a, ctx));
    return isError(t) ? t : t.toLowerCase();
  },
  UPPER: (a, ctx) => {
    const t = toText(one(a, ctx));
    return isError(t) ? t : t.toUpperCase();
  },
  EXACT: (a, ctx) => {
    const x = toText(one(a, ctx)), y = toText(one(a, ctx, 1));
    return isError(x) ? x : isError(y) ? y : x === y;
  },
  VALUE: (a, ctx) => toNumber(one(a, ctx)),
  TO_TEXT: (a, ctx) => {
    const n = a[0];
    if (n && n.t === 'ref' && n.ref.to === null) {
      const p = place(n.ref.from, ctx);
      if (p.row !== null && p.col !== null && p.row >= 1 && p.col >= 1) return ctx.host.display(n.ref.sheet, p.row, p.col);
    }
    return toText(one(a, ctx));
  },
  REGEXMATCH: (a, ctx) => {
    const text = one(a, ctx);
    if (isError(text)) return text;
    if (typeof text !== 'string' && text !== null) {
      return new FormulaError('#VALUE!', `Function REGEXMATCH parameter 1 expects text values. But '${toText(text)}' is a ${typeof text} and cannot be coerced to a text.`);
    }
    const pattern = toText(one(a, ctx, 1));
    if (isError(pattern)) return pattern;
    const re = regex(pattern);
    return isError(re) ? re : re.test(text ?? '');
  },
  TODAY: (_a, ctx) => ctx.host.today(),
  NOW: (_a, ctx) => ctx.host.now(),
  // years below 1900 count from 1900, as in Sheets; months and days overflow
  DATE: (a, ctx) => withNumbers(a, ctx, (y, m, d) =>
    (Date.UTC(Math.trunc(y!) < 1900 ? Math.trunc(y!) + 1900 : Math.trunc(y!), Math.trunc(m!) - 1, Math.trunc(d!)) - Date.UTC(1899, 11, 30)) / 86400000),
  ABS: (a, ctx) => withNumbers(a, ctx, (x) => Math.abs(x!)),
  INT: (a, ctx) => withNumbers(a, ctx, (x) => Math.floor(x!)),
  ROUND: (a, ctx) => withNumbers(a, ctx, (x, d = 0) => Math.round(x! * 10 ** d) / 10 ** d),
  SUM: (a, ctx) => {
    let sum = 0;
    for (const v of values(a, ctx)) {
      if (isError(v)) return v;
      if (typeof v === 'number') sum += v;
    }
    return sum;
  },
  COUNTA: (a, ctx) => values(a, ctx).filter((v) => v !== null).length,
};

function evalNode(node: Node, ctx: Ctx): Value {
  switch (node.t) {
    case 'num': return node.v;
    case 'str': return node.v;
    case 'bool': return node.v;
    case 'ref': return readRef(node.ref, ctx);
    case 'neg': {
      const n = toNumber(scalar(evalNode(node.a, ctx)));
      return isError(n) ? n : -n;
    }
    case 'pct': {
      const n = toNumber(scalar(evalNode(node.a, ctx)));
      return isError(n) ? n : n / 100;
    }
    case 'bin': return binary(node.op, scalar(evalNode(node.a, ctx)), scalar(evalNode(node.b, ctx)));
    case 'fn': {
      const f = FUNCTIONS[node.name];
      if (!f) throw new NotImplemented(`formula function ${node.name}`);
      return f(node.args, ctx);
    }
  }
}

/**
 * Evaluates a formula written for cell `anchor` as if it were copied to `at` (relative references move with it).
 * Throws NotImplemented for syntax or functions it does not know; never invents a value.
 */
export function evaluateFormula(formula: string, host: FormulaHost, anchor: Position, at: Position = anchor): Scalar {
  const ctx: Ctx = { host, dRow: at.row - anchor.row, dCol: at.col - anchor.col };
  const v = evalNode(parseFormula(formula), ctx);
  if (Array.isArray(v)) {
    // an array result shows its top-left value in the cell
    return v[0]?.[0] ?? null;
  }
  return v;
}

/** How a custom rule reads a result: TRUE passes; an error or anything else fails. */
export function isTruthy(v: Scalar): boolean {
  if (isError(v) || v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  const b = toBool(v);
  return !isError(b) && b;
}
