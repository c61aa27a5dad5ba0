// The model as JSON (the preview keeps its spreadsheet in a file): shared styles and rules stored once, by index.
import { SpreadsheetModel } from './spreadsheet-model';
import type { ProtectionData } from './protection-data';
import { Row, SheetModel } from './sheet-model';
import { intern, type Style } from './style';
import type { StoredRule } from './validation-rule';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function encode(v: unknown): Json {
  if (v === undefined || v === null) return null;
  if (Object.prototype.toString.call(v) === '[object Date]') return { $date: (v as Date).toISOString() };
  if (Array.isArray(v)) return Array.from(v, (x) => encode(x));
  if (typeof v === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (x !== undefined) out[k] = encode(x);
    return out;
  }
  return v as Json;
}

function decode(v: unknown): unknown {
  if (v === null) return undefined;
  if (Array.isArray(v)) return v.map(decode);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o['$date'] === 'string' && Object.keys(o).length === 1) return new Date(o['$date']);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = decode(x);
    return out;
  }
  return v;
}

function indexer<T>(): { table: T[]; of(x: T | undefined): number | null } {
  const table: T[] = [];
  const at = new Map<T, number>();
  return {
    table,
    of(x) {
      if (x === undefined) return null;
      let i = at.get(x);
      if (i === undefined) at.set(x, (i = table.push(x) - 1));
      return i;
    },
  };
}

export function serializeModel(m: SpreadsheetModel): unknown {
  const styles = indexer<Style>();
  const rules = indexer<StoredRule>();
  const sheets = m.sheets.map((s) => ({
    name: s.name, id: s.id, maxRows: s.maxRows, maxCols: s.maxCols, colWidths: encode(s.colWidths), rowHeights: encode(s.rowHeights),
    frozenRows: s.frozenRows, frozenCols: s.frozenCols, tabColor: s.tabColor, hidden: s.hidden,
    merges: encode(s.merges), cfRules: encode(s.cfRules), charts: encode(s.charts),
    rows: s.rows.flatMap((row, i) => (row ? [{
      i, v: encode(row.v), f: encode(row.f), n: encode(row.n),
      s: row.s ? row.s.map((x) => styles.of(x)) : null, dv: row.dv ? row.dv.map((x) => rules.of(x)) : null,
    }] : [])),
  }));
  return {
    format: 'eco-ledger-emulator-spreadsheet/1',
    id: m.id, name: m.name, timeZone: m.timeZone, owner: m.owner, editors: m.editors, viewers: m.viewers,
    nextSheetId: m.nextSheetId, nextProtectionId: m.nextProtectionId, nextChartId: m.nextChartId,
    active: { sheet: m.active.sheet?.name ?? null, range: encode(m.active.range) },
    namedRanges: encode(Object.fromEntries(m.namedRanges)),
    protections: m.protections.map((p) => encode({ ...p, sheet: p.sheet.name })),
    styles: encode(styles.table), rules: encode(rules.table), sheets,
  };
}

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const dense = <T>(arr: unknown): T[] => {
  const a = (decode(arr) as T[] | undefined) ?? [];
  return Array.from(a, (x) => x);
};

export function deserializeModel(raw: unknown): SpreadsheetModel {
  const d = raw as Loose;
  if (d['format'] !== 'eco-ledger-emulator-spreadsheet/1') throw new Error('emulator: not a saved spreadsheet model');
  const m = new SpreadsheetModel({ name: d['name'], timeZone: d['timeZone'], owner: d['owner'], id: d['id'], sheets: [] });
  m.editors = d['editors'];
  m.viewers = d['viewers'];
  m.nextSheetId = d['nextSheetId'];
  m.nextProtectionId = d['nextProtectionId'];
  m.nextChartId = d['nextChartId'];
  const styles = (d['styles'] as Record<string, unknown>[]).map((s) => intern(decode(s) as Record<string, unknown>));
  const rules = (decode(d['rules']) as StoredRule[]) ?? [];
  for (const r of rules) r.rule.values = r.rule.values ?? [];
  for (const sd of d['sheets'] as Loose[]) {
    const s = new SheetModel(sd['name'], sd['id'], m);
    Object.assign(s, {
      maxRows: sd['maxRows'], maxCols: sd['maxCols'], colWidths: dense(sd['colWidths']), rowHeights: dense(sd['rowHeights']),
      frozenRows: sd['frozenRows'], frozenCols: sd['frozenCols'], tabColor: sd['tabColor'], hidden: sd['hidden'],
      merges: dense(sd['merges']), cfRules: dense(sd['cfRules']), charts: dense(sd['charts']),
    });
    for (const rd of sd['rows'] as Loose[]) {
      const row = new Row();
      row.v = dense(rd['v']);
      if (rd['f']) row.f = dense(rd['f']);
      if (rd['n']) row.n = dense(rd['n']);
      if (rd['s']) row.s = (rd['s'] as (number | null)[]).map((i) => (i === null ? undefined : styles[i]));
      if (rd['dv']) row.dv = (rd['dv'] as (number | null)[]).map((i) => (i === null ? undefined : rules[i]));
      s.rows[rd['i'] as number] = row;
    }
    m.sheets.push(s);
  }
  m.protections = (d['protections'] as Json[]).map((pj) => {
    const p = decode(pj) as Loose;
    return { ...p, box: p['box'] ?? null, unprotected: p['unprotected'] ?? [], sheet: m.sheet(p['sheet']) } as ProtectionData;
  });
  for (const [k, v] of Object.entries((decode(d['namedRanges']) as Loose) ?? {})) m.namedRanges.set(k, v);
  const active = d['active'] as Loose;
  m.active = { sheet: active['sheet'] ? m.sheetByName(active['sheet']) : m.sheets[0] ?? null, range: (decode(active['range']) as never) ?? null };
  return m;
}
