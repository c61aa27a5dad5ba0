// What 初始化/修复表格 may do to a damaged district head (rows 1–4) without writing over an enterprise: rewrite, insert rows, or refuse naming the cells.
import { COLUMNS, FILLER_PREFIX, FIRST_DATA_ROW, TITLE, UPPER_HEADER } from './contract';
import { normaliseCreditCode } from './credit-code';
import { cellText, columnLetter, headerText } from './grid';

export type HeadPlan =
  | { readonly kind: 'rewrite' }
  /** Sheet rows (in the repaired tab's numbering, ascending) before which one blank row is inserted. */
  | { readonly kind: 'insert'; readonly before: readonly number[]; readonly what: readonly string[] }
  | { readonly kind: 'refuse'; readonly message: string };

type Kind = 'title' | 'filler' | 'upper';
const HEAD_KINDS: readonly Kind[] = ['title', 'filler', 'upper'];
const KIND_LABEL: Record<Kind, string> = { title: '标题行', filler: '填报单位行', upper: '上层表头行' };
const DOWN = new Set<string>(UPPER_HEADER.filter((h) => h.down).map((h) => h.text));

const texts = (row: readonly unknown[] | undefined): string[] => (row ?? []).map(headerText);

/** The lower header row: every header not merged down from row 3 in its own column. */
function isLowerHeader(row: readonly unknown[] | undefined): boolean {
  const t = texts(row);
  return COLUMNS.every((c, i) => DOWN.has(c.header) || t[i] === c.header);
}

function kindOf(row: readonly unknown[] | undefined): Kind | null {
  const t = texts(row);
  if (t.includes(TITLE)) return 'title';
  if ((t[0] ?? '').startsWith(FILLER_PREFIX.slice(0, 4))) return 'filler';
  if (UPPER_HEADER.filter((h) => !h.down).every((h) => t.includes(h.text))) return 'upper';
  return null;
}

const blank = (row: readonly unknown[] | undefined): boolean => (row ?? []).every((v) => cellText(v) === '');

/** An enterprise's row: a credit code of 18 characters in E, or a name in C with problems or measures beside it. */
export function holdsEnterprise(row: readonly unknown[] | undefined): boolean {
  const r = row ?? [];
  if (kindOf(r) !== null) return false;
  const code = normaliseCreditCode(cellText(r[4]));
  if (/^[0-9A-Z]{18}$/.test(code)) return true;
  const name = cellText(r[2]);
  return name !== '' && !COLUMNS.some((c) => c.header === name) && (cellText(r[13]) !== '' || cellText(r[14]) !== '');
}

/** The cells of a row that hold something, as “C1（…）” for a message. */
function filledCells(row: readonly unknown[] | undefined, sheetRow: number, only?: readonly number[]): string {
  const out: string[] = [];
  (row ?? []).forEach((v, i) => {
    const t = cellText(v);
    if (t !== '' && out.length < 3 && (!only || only.includes(i))) out.push(`${columnLetter(i)}${sheetRow}（${t.length > 12 ? `${t.slice(0, 12)}…` : t}）`);
  });
  return out.join('、');
}

/**
 * From the tab's first rows as read (A–X): where the lower header really is decides. On row 4: the head is rewritten
 * in place (rows 1–3 hold no enterprise). Higher up (the title or the upper header row deleted): blank rows are
 * inserted where the missing rows belong, so nothing below moves under a template row. Lower down (rows inserted
 * above the title) or not found with an enterprise in rows 1–4: refused, naming the rows and cells to fix.
 */
export function planHeadRepair(grid: readonly (readonly unknown[])[], district: string, setup: string): HeadPlan {
  const lower = grid.findIndex(isLowerHeader);
  const headLast = FIRST_DATA_ROW - 2; // 0-based index of row 4
  const fix = `请按提示改正后再运行“${setup}”；其他辖区已照常修复。`;
  if (lower < 0) {
    const data = grid.slice(0, headLast + 1).map((r, i) => (holdsEnterprise(r) ? i + 1 : 0)).filter((r) => r > 0);
    if (data.length === 0) return { kind: 'rewrite' };
    return {
      kind: 'refuse',
      message: `“${district}”第${data.join('、')}行是企业数据（${data.map((r) => filledCells(grid[r - 1], r, [2, 4])).join('；')}），却在表头位置（第1–4行），找不到第4行的列表头；为免覆盖企业数据，本表未修复。请在第1行上方插入行、恢复标题和两行表头，使企业从第5行开始，${fix}`,
    };
  }
  if (lower === headLast) return { kind: 'rewrite' };
  // Match the rows above the lower header to the head rows, in order.
  const missing: Kind[] = [];
  const extra: number[] = [];
  const before: number[] = [];
  let next = 0;
  let inserted = 0;
  for (let r = 0; r < lower; r++) {
    const k = kindOf(grid[r]);
    const at = HEAD_KINDS.indexOf(k as Kind);
    if (k === null || at < next) {
      extra.push(r + 1);
      continue;
    }
    for (; next < at; next++) {
      missing.push(HEAD_KINDS[next]!);
      before.push(r + 1 + inserted);
      inserted += 1;
    }
    next = at + 1;
  }
  for (; next < HEAD_KINDS.length; next++) {
    missing.push(HEAD_KINDS[next]!);
    before.push(lower + 1 + inserted);
    inserted += 1;
  }
  if (extra.length > 0) {
    const what = extra.map((r) => (blank(grid[r - 1]) ? `第${r}行（空行）` : `第${r}行（${filledCells(grid[r - 1], r)}）`));
    return {
      kind: 'refuse',
      message: `“${district}”的表头上方或中间多出${extra.length}行：${what.join('；')}，列表头因此在第${lower + 1}行而不是第4行；为免把模板写到错误的行上，本表未修复。请删除多出的行（或把其内容移到数据区），${fix}`,
    };
  }
  return { kind: 'insert', before, what: missing.map((k) => KIND_LABEL[k]) };
}
