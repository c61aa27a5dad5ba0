// Formula text → tokens → syntax tree (Sheets' operators and precedence), and reference rewriting when rows move.
import { columnLetter, columnNumber } from './a1';
import { NotImplemented } from '../kernel/errors';
import { shiftBox, shiftIndex, type Shift } from './shift';

/** One end of a reference; null row/col = a whole column/row (A:A, 3:3). */
export interface RefEnd {
  row: number | null;
  col: number | null;
  rowAbs: boolean;
  colAbs: boolean;
}

export interface Ref {
  sheet: string | null;
  from: RefEnd;
  to: RefEnd | null;
}

export type Node =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'ref'; ref: Ref }
  | { t: 'fn'; name: string; args: Node[] }
  | { t: 'bin'; op: string; a: Node; b: Node }
  | { t: 'neg'; a: Node }
  | { t: 'pct'; a: Node };

type Token =
  | { k: 'num'; v: number; s: number; e: number }
  | { k: 'str'; v: string; s: number; e: number }
  | { k: 'ref'; ref: Ref; s: number; e: number }
  | { k: 'fn'; v: string; s: number; e: number }
  | { k: 'name'; v: string; s: number; e: number }
  | { k: 'op'; v: string; s: number; e: number };

const SHEET = String.raw`(?:'(?:[^']|'')+'|[A-Za-z_\u00c0-\uffff][\w.\u00c0-\uffff]*)!`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const REF = new RegExp(String.raw`(${SHEET})?(?:(${CELL})(?::(${CELL}))?|(\$?[A-Za-z]{1,3}):(\$?[A-Za-z]{1,3})|(\$?\d+):(\$?\d+))(?![\w(])`, 'y');
const NUMBER = /(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/iy;
const IDENT = /[A-Za-z_][\w.]*/y;
const OPS = ['<>', '<=', '>=', '=', '<', '>', '+', '-', '*', '/', '^', '&', '%', '(', ')', ',', ':'];

function end(text: string): RefEnd {
  const m = /^(\$?)([A-Za-z]*)(\$?)(\d*)$/.exec(text)!;
  return {
    col: m[2] ? columnNumber(m[2]) : null,
    row: m[4] ? Number(m[4]) : null,
    colAbs: m[2] !== '' && m[1] === '$',
    rowAbs: m[2] !== '' ? m[3] === '$' : m[1] === '$',
  };
}

function sheetName(prefix: string | undefined): string | null {
  if (!prefix) return null;
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = src.startsWith('=') ? 1 : 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (/\s/.test(ch)) { i++; continue; }
    if (ch === '"') {
      let j = i + 1, v = '';
      for (;;) {
        if (j >= src.length) throw new NotImplemented(`formula syntax: unterminated string in ${src}`);
        if (src[j] === '"') {
          if (src[j + 1] === '"') { v += '"'; j += 2; continue; }
          break;
        }
        v += src[j++];
      }
      out.push({ k: 'str', v, s: i, e: j + 1 });
      i = j + 1;
      continue;
    }
    REF.lastIndex = i;
    const r = REF.exec(src);
    if (r) {
      const sheet = sheetName(r[1]);
      const ref: Ref = r[2] !== undefined
        ? { sheet, from: end(r[2]), to: r[3] !== undefined ? end(r[3]) : null }
        : r[4] !== undefined ? { sheet, from: end(r[4]), to: end(r[5]!) } : { sheet, from: end(r[6]!), to: end(r[7]!) };
      out.push({ k: 'ref', ref, s: i, e: REF.lastIndex });
      i = REF.lastIndex;
      continue;
    }
    NUMBER.lastIndex = i;
    const n = /[\d.]/.test(ch) ? NUMBER.exec(src) : null;
    if (n) {
      out.push({ k: 'num', v: Number(n[0]), s: i, e: NUMBER.lastIndex });
      i = NUMBER.lastIndex;
      continue;
    }
    IDENT.lastIndex = i;
    const id = IDENT.exec(src);
    if (id) {
      let j = IDENT.lastIndex;
      while (src[j] === ' ') j++;
      out.push({ k: src[j] === '(' ? 'fn' : 'name', v: id[0].toUpperCase(), s: i, e: IDENT.lastIndex });
      i = IDENT.lastIndex;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new NotImplemented(`formula syntax: "${ch}" in ${src}`);
    out.push({ k: 'op', v: op, s: i, e: i + op.length });
    i += op.length;
  }
  return out;
}

const BINARY: Record<string, number> = { '=': 1, '<>': 1, '<': 1, '<=': 1, '>': 1, '>=': 1, '&': 2, '+': 3, '-': 3, '*': 4, '/': 4, '^': 5 };

class Parser {
  i = 0;
  constructor(readonly tokens: Token[], readonly src: string) {}

  fail(): never {
    throw new NotImplemented(`formula syntax: ${this.src}`);
  }
  peekOp(v: string): boolean {
    const t = this.tokens[this.i];
    return t !== undefined && t.k === 'op' && t.v === v;
  }
  expr(min = 1): Node {
    let left = this.unary();
    for (;;) {
      const t = this.tokens[this.i];
      if (!t || t.k !== 'op') return left;
      const prec = BINARY[t.v];
      if (prec === undefined || prec < min) return left;
      this.i++;
      const right = this.expr(t.v === '^' ? prec : prec + 1);
      left = { t: 'bin', op: t.v, a: left, b: right };
    }
  }
  unary(): Node {
    if (this.peekOp('-')) { this.i++; return { t: 'neg', a: this.unary() }; }
    if (this.peekOp('+')) { this.i++; return this.unary(); }
    let node = this.primary();
    while (this.peekOp('%')) { this.i++; node = { t: 'pct', a: node }; }
    return node;
  }
  primary(): Node {
    const t = this.tokens[this.i++];
    if (!t) return this.fail();
    if (t.k === 'num') return { t: 'num', v: t.v };
    if (t.k === 'str') return { t: 'str', v: t.v };
    if (t.k === 'ref') return { t: 'ref', ref: t.ref };
    if (t.k === 'name') {
      if (t.v === 'TRUE' || t.v === 'FALSE') return { t: 'bool', v: t.v === 'TRUE' };
      throw new NotImplemented(`formula name ${t.v} (named ranges are not modelled)`);
    }
    if (t.k === 'fn') {
      this.i++; // '('
      const args: Node[] = [];
      if (this.peekOp(')')) { this.i++; return { t: 'fn', name: t.v, args }; }
      for (;;) {
        args.push(this.expr());
        if (this.peekOp(',')) { this.i++; continue; }
        if (this.peekOp(')')) { this.i++; return { t: 'fn', name: t.v, args }; }
        return this.fail();
      }
    }
    if (t.v === '(') {
      const inner = this.expr();
      if (!this.peekOp(')')) return this.fail();
      this.i++;
      return inner;
    }
    return this.fail();
  }
}

const parsed = new Map<string, Node>();

/** The syntax tree of a formula ('=' optional), cached: rules evaluate the same text on every row. */
export function parseFormula(src: string): Node {
  let node = parsed.get(src);
  if (!node) {
    const p = new Parser(tokenize(src), src);
    node = p.expr();
    if (p.i !== p.tokens.length) p.fail();
    parsed.set(src, node);
  }
  return node;
}

function endText(e: RefEnd): string {
  return `${e.col !== null ? `${e.colAbs ? '$' : ''}${columnLetter(e.col)}` : ''}${e.row !== null ? `${e.rowAbs ? '$' : ''}${e.row}` : ''}`;
}

function shiftEnd(e: RefEnd, s: Shift, index: number): RefEnd {
  return s.axis === 'row' ? { ...e, row: index } : { ...e, col: index };
}

/** Where one end's row/column goes; null = deleted. */
export type Move = (index: number, absolute: boolean) => number | null;

function shiftRef(ref: Ref, s: Shift, move: Move): string | null {
  const pos = (e: RefEnd) => (s.axis === 'row' ? e.row : e.col);
  const abs = (e: RefEnd) => (s.axis === 'row' ? e.rowAbs : e.colAbs);
  if (ref.to === null) {
    const p = pos(ref.from);
    if (p === null) return endText(ref.from);
    const n = move(p, abs(ref.from));
    return n === null ? null : endText(shiftEnd(ref.from, s, n));
  }
  const a = pos(ref.from), b = pos(ref.to);
  if (a === null || b === null) return `${endText(ref.from)}:${endText(ref.to)}`;
  const box = s.axis === 'row' ? { row: a, rows: b - a + 1, col: 1, cols: 1 } : { col: a, cols: b - a + 1, row: 1, rows: 1 };
  const moved = shiftBox(box, s);
  if (!moved) return null;
  const [na, nb] = s.axis === 'row' ? [moved.row, moved.row + moved.rows - 1] : [moved.col, moved.col + moved.cols - 1];
  return `${endText(shiftEnd(ref.from, s, na))}:${endText(shiftEnd(ref.to, s, nb))}`;
}

/** The formula after rows/columns of one sheet moved; `here(name)` tells whether a reference's sheet is that sheet. */
export function shiftFormula(src: string, s: Shift, here: (sheet: string | null) => boolean, move: Move = (i) => shiftIndex(i, s)): string {
  let tokens: Token[];
  try {
    tokens = tokenize(src);
  } catch {
    return src;
  }
  let out = '', last = 0;
  for (const t of tokens) {
    if (t.k !== 'ref' || !here(t.ref.sheet)) continue;
    const prefix = src.slice(t.s, t.e).includes('!') ? src.slice(t.s, src.indexOf('!', t.s) + 1) : '';
    const moved = shiftRef(t.ref, s, move);
    out += src.slice(last, t.s) + (moved === null ? '#REF!' : prefix + moved);
    last = t.e;
  }
  return out + src.slice(last);
}
