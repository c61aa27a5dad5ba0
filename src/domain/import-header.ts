// 导入台账: finding the template's columns in an imported sheet by their header text (one or two header rows).
import { COLUMNS, FILLER_PREFIX } from './contract';
import { columnLetter } from './grid';
import type { ColumnKey, PayloadKey } from './contract';

/** Columns an import maps; the stamps are the add-on's own and are written fresh, never imported. */
export type ImportKey = Exclude<ColumnKey, 'updatedAt' | 'updatedBy'>;

/**
 * Header text as people's Excel files hold it: wrapped (`整治\n分类`), spaced, full-width or half-width brackets
 * and colons, a `*` for required, a unit in brackets. NFKC folds full-width forms to half-width, so both spellings
 * of a bracket compare equal; whitespace of every kind and zero-width characters are dropped.
 */
export function headerKey(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .normalize('NFKC')
    .replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '')
    .replace(/^[*＊]+|[*＊]+$/g, '')
    .replace(/\((必填|选填|人|个)\)$/, '')
    .toLowerCase();
}

/** Besides the template's own wording (COLUMNS), the shorter names districts' own sheets use for the same column. */
const ALIASES: Readonly<Partial<Record<ImportKey, readonly string[]>>> = {
  serial: ['编号'],
  district: ['所属辖区', '区县', '所属区县'],
  name: ['企业（单位）名称', '单位名称'],
  address: ['详细地址', '企业地址', '地址'],
  creditCode: ['统一社会信用代码', '工商营业执照', '社会信用代码', '信用代码', '营业执照号'],
  industry: ['行业', '所属行业'],
  employees: ['员工人数', '职工数'],
  landTenure: ['土地性质'],
  safetyAssessment: ['安全评价'],
  energyReview: ['节能审查'],
  eiaApproval: ['环评批复', '环评文号'],
  dischargePermit: ['排污许可证', '排污许可证编号'],
  onlineMonitoring: ['在线监测'],
  problems: ['主要环保问题', '存在问题'],
  category: ['分类'],
  deadline: ['完成时限', '整改时限'],
  progress: ['整改进展'],
  status: ['状态'],
  town: ['所在乡镇', '乡镇（街道）', '乡镇街道', '乡镇'],
};

/** The template's group headers (row 3) and our stamp headers: known text that maps to no imported field. */
const KNOWN_OTHER = new Set(['企业基本信息', '环保问题整改', '跟踪管理', '最后更新时间', '最后更新人'].map(headerKey));

const BY_KEY = new Map<string, ImportKey>();
for (const c of COLUMNS) if (c.key !== 'updatedAt' && c.key !== 'updatedBy') BY_KEY.set(headerKey(c.header), c.key);
for (const [key, names] of Object.entries(ALIASES) as [ImportKey, readonly string[]][]) {
  for (const n of names) if (!BY_KEY.has(headerKey(n))) BY_KEY.set(headerKey(n), key);
}

export function keyOfHeader(text: unknown): ImportKey | null {
  return BY_KEY.get(headerKey(text)) ?? null;
}

/** Payload keys an import cannot do without: C–Q, every required field of §2 that has no sensible default. */
const REQUIRED_IMPORT_KEYS: readonly PayloadKey[] = COLUMNS.slice(2, 17).map((c) => c.key as PayloadKey);

export interface ImportHeader {
  /** 1-based rows of the header (one or two). */
  headerRows: number[];
  /** 1-based row after the header, where data begins. */
  firstDataRow: number;
  /** 0-based column of each field found. */
  columns: Partial<Record<ImportKey, number>>;
  /** The 填报单位 named above the header (`填报单位（签章）：通川区人民政府`), or ''. */
  filler: string;
  /** Header cells that name no field of the template, as `D列“xx”`, for the report. */
  ignored: string[];
}

type HeaderResult = { ok: true; header: ImportHeader } | { ok: false; message: string };

const HEADER_SCAN_ROWS = 20;

/**
 * The header read as if its row `bottom` were the lower header: a cell empty there (a header merged down over
 * two rows keeps its text in the upper cell only, as Sheets' import of an .xlsx does) takes the text above it.
 */
function readHeaderAt(grid: readonly (readonly unknown[])[], bottom: number): { columns: Partial<Record<ImportKey, number>>; usesUpper: boolean; ignored: string[] } {
  const lower = grid[bottom] ?? [];
  const upper = bottom > 0 ? (grid[bottom - 1] ?? []) : [];
  const width = Math.max(lower.length, upper.length);
  const columns: Partial<Record<ImportKey, number>> = {};
  const ignored: string[] = [];
  let usesUpper = false;
  for (let c = 0; c < width; c += 1) {
    let text = headerKey(lower[c]);
    let key = text ? keyOfHeader(text) : null;
    if (!key && (text === '' || KNOWN_OTHER.has(text))) {
      const above = keyOfHeader(upper[c]);
      if (above && columns[above] === undefined) {
        key = above;
        text = headerKey(upper[c]);
        usesUpper = true;
      }
    }
    // A second column of the same field is left out like an unknown one: the first wins.
    if (key && columns[key] === undefined) columns[key] = c;
    else if (text !== '' && !KNOWN_OTHER.has(text)) ignored.push(`${columnLetter(c)}列“${String(lower[c] || upper[c]).replace(/\s+/g, '')}”`);
  }
  // A group header (企业基本信息 …) above means the upper row belongs to the header even when no text was taken from it.
  if (upper.some((v) => KNOWN_OTHER.has(headerKey(v)))) usesUpper = true;
  return { columns, usesUpper, ignored };
}

function fillerAbove(grid: readonly (readonly unknown[])[], before: number): string {
  const prefix = headerKey(FILLER_PREFIX);
  for (let r = 0; r < before; r += 1) {
    for (const v of grid[r] ?? []) {
      const k = headerKey(v);
      if (k.startsWith(prefix)) return String(v).normalize('NFKC').replace(/\s+/g, '').replace(/^填报单位\(签章\):/, '');
    }
  }
  return '';
}

/**
 * Finds the header among the first rows: the row where most template columns are named (the 企业名称 and credit
 * code columns at least). The lowest such row wins, so a header merged down over two rows ends below its blank half.
 */
export function findImportHeader(grid: readonly (readonly unknown[])[]): HeaderResult {
  let best: { bottom: number; read: ReturnType<typeof readHeaderAt>; score: number } | null = null;
  const scan = Math.min(grid.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < scan; r += 1) {
    const read = readHeaderAt(grid, r);
    if (read.columns.name === undefined || read.columns.creditCode === undefined) continue;
    const score = Object.keys(read.columns).length;
    if (!best || score >= best.score) best = { bottom: r, read, score };
  }
  if (!best) {
    return {
      ok: false,
      message: `前${HEADER_SCAN_ROWS}行中找不到台账表头（含“企业名称”“统一社会信用代码”等列名）。请切换到导入的台账工作表后重试。`,
    };
  }
  const missing = REQUIRED_IMPORT_KEYS.filter((k) => best.read.columns[k] === undefined);
  if (missing.length > 0) {
    const names = missing.map((k) => `“${COLUMNS.find((c) => c.key === k)?.header ?? k}”`).join('、');
    return {
      ok: false,
      message: `第${best.bottom + 1}行的表头缺少列：${names}。请补上后重试，未导入任何企业。`,
    };
  }
  const headerRows = best.read.usesUpper && best.bottom > 0 ? [best.bottom, best.bottom + 1] : [best.bottom + 1];
  return {
    ok: true,
    header: {
      headerRows,
      firstDataRow: best.bottom + 2,
      columns: best.read.columns,
      filler: fillerAbove(grid, (headerRows[0] ?? 1) - 1),
      ignored: best.read.ignored,
    },
  };
}
