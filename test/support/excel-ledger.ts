// A district's Excel ledger as Sheets' File → Import hands it over: the template's head, merged headers, mixed defects.
import { withCheckChar } from '../../src/domain/credit-code';
import { prng } from './prng';
import { LOWER_HEADERS, upperHeaders } from './template-head';

/** What each generated data row is meant to be, so a test can compare the import's verdicts with the intent. */
export type RowIntent =
  | 'valid'
  | 'badCheckDigit'
  | 'invalidDate'
  | 'missingAddress'
  | 'relocationWithoutArea'
  | 'duplicateInImport'
  | 'closedByClerk';

export interface GeneratedLedger {
  /** The grid as getValues would return it (dates as Date cells where the generator made real dates). */
  grid: unknown[][];
  /** 1-based merges of the head, as the import keeps them: [row, column, rows, columns]. */
  merges: [number, number, number, number][];
  /** 1-based sheet row → intent, for every enterprise row. */
  intents: Map<number, RowIntent>;
  /** Normalised credit code of each row (bad ones included). */
  codes: Map<number, string>;
  blankRows: number[];
  totalRow: number;
  noteRow: number;
}


const FULL_WIDTH = (s: string): string => s.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export function badCheck(code: string): string {
  const last = code.charAt(17);
  const other = CHARSET.charAt((CHARSET.indexOf(last) + 7) % CHARSET.length);
  return code.slice(0, 17) + other;
}

const INDUSTRY_SPELLINGS = ['钢铁', '铸造', '化工(煤化工)', '化工（煤化工）', '水泥', '家具(含喷涂工艺)', '建材（砖瓦、陶瓷、木/石材加工）', '其他'];
const TOWNS = ['复兴镇', '双龙镇', '东岳镇', '蒲家镇', '罗江镇', '磐石镇', '明月江街道', '斌郎街道', '石板街道', '河市镇', '幺塘乡'];

/** The template's head as an .xlsx import leaves it: text in the top-left cell of each merge, '' elsewhere. */
export function templateHead(filler: string, width = 19): unknown[][] {
  const blank = (): unknown[] => new Array(width).fill('');
  const title = blank();
  title[0] = '达州市主城工业企业突出生态环境问题整治工作台账';
  const fillerRow = blank();
  fillerRow[0] = `填报单位（签章）：${filler}`;
  fillerRow[15] = '填表时间：  ';
  // The Excel template has no 跟踪管理 group: a wider import (tracking columns) leaves row 3 blank there.
  const upper: unknown[] = [...upperHeaders(19), ...new Array<string>(Math.max(0, width - 19)).fill('')];
  // 备注 is merged down over rows 3–4, like 序号 and 辖区. Excel's own spellings: half-width brackets, a cell's line
  // breaks, a stray space (the import must read them as the template's headers).
  const lower: unknown[] = LOWER_HEADERS.slice(0, 19);
  lower[4] = '工商营业执照(统一社会信用代码)';
  lower[7] = '厂区土地\n性质';
  lower[15] = '整治\n分类';
  lower[16] = '整改完成\n时限';
  lower[17] = '进展 情况';
  return [title, fillerRow, upper, lower];
}

export const TEMPLATE_MERGES: [number, number, number, number][] = [
  [1, 1, 1, 19],
  [2, 1, 1, 15],
  [2, 16, 1, 4],
  [3, 1, 2, 1],
  [3, 2, 2, 1],
  [3, 3, 1, 11],
  [3, 14, 1, 5],
  [3, 19, 2, 1],
];

/**
 * `count` enterprise rows of `district` (with its 填报单位 `filler`): about one in seven has a defect that must be
 * refused, and many more have what must be accepted after normalising (full-width codes and digits, other
 * brackets, dates typed as text or given as serials, 职工人数 with 人). Blank lines every 97 rows; a 合计 row and
 * the 填表说明 at the end. `firstIndex` keeps two generated ledgers' codes apart; `tracking` adds 整改状态, 乡镇, 销号日期.
 */
export function generateExcelLedger(
  count: number,
  opts: { district?: string; filler?: string; seed?: number; firstIndex?: number; tracking?: boolean } = {},
): GeneratedLedger {
  const district = opts.district ?? '通川区';
  const filler = opts.filler ?? '通川区人民政府';
  const rand = prng(opts.seed ?? 15);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const tracking = opts.tracking ?? false;
  const width = tracking ? 22 : 19;
  const grid: unknown[][] = templateHead(filler, width);
  if (tracking) {
    (grid[2] as unknown[])[19] = '跟踪管理';
    (grid[3] as unknown[]).push('整改状态', '所在乡镇（街道）', '销号日期');
  }
  const intents = new Map<number, RowIntent>();
  const codes = new Map<number, string>();
  const blankRows: number[] = [];
  const validCodes: string[] = [];
  const firstIndex = opts.firstIndex ?? 0;
  for (let i = 1; i <= count; i += 1) {
    if (i % 97 === 0) {
      grid.push(new Array(width).fill(''));
      blankRows.push(grid.length);
    }
    const r = rand();
    const intent: RowIntent =
      r < 0.03
        ? 'badCheckDigit'
        : r < 0.05
          ? 'invalidDate'
          : r < 0.07
            ? 'missingAddress'
            : r < 0.09
              ? 'relocationWithoutArea'
              : r < 0.11 && validCodes.length > 0
                ? 'duplicateInImport'
                : r < 0.13 && tracking
                  ? 'closedByClerk'
                  : 'valid';
    let code = withCheckChar(`915117${String(Math.floor(rand() * 100)).padStart(2, '0')}MA${String(firstIndex + i).padStart(7, '0')}`);
    if (intent === 'badCheckDigit') code = badCheck(code);
    if (intent === 'duplicateInImport') code = pick(validCodes);
    else if (intent === 'valid') validCodes.push(code);
    const town = pick(TOWNS);
    const relocation = intent === 'relocationWithoutArea' || rand() < 0.15;
    const y = pick([2022, 2023]);
    const m = 1 + Math.floor(rand() * 12);
    const d = 1 + Math.floor(rand() * 28);
    const dateStyle = rand();
    let deadline: unknown =
      dateStyle < 0.2
        ? `${y}.${m}.${d}`
        : dateStyle < 0.4
          ? `${y}年${m}月${d}日`
          : dateStyle < 0.55
            ? `${y}/${m}/${d}`
            : dateStyle < 0.7
              ? Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000)
              : new Date(Date.UTC(y, m - 1, d) - 8 * 3600000);
    if (intent === 'invalidDate') deadline = `${y}.2.30`;
    const row: unknown[] = [
      i,
      rand() < 0.1 ? filler : district,
      `达州市${town}第${i}号${pick(['建材', '化工', '铸造', '家具'])}有限公司`,
      intent === 'missingAddress' ? '' : `${district}${town}工业园区${i}号`,
      rand() < 0.2 ? FULL_WIDTH(code) : rand() < 0.1 ? code.toLowerCase() : code,
      pick(INDUSTRY_SPELLINGS),
      rand() < 0.15 ? FULL_WIDTH(String(10 + i)) : rand() < 0.1 ? `${10 + i}人` : 10 + i,
      pick(['租用', '征用']),
      pick(['有', '无']),
      pick(['有', '无']),
      rand() < 0.5 ? `达市环审〔2019〕${i}号` : '无',
      rand() < 0.5 ? `${code.slice(0, 10)}001P` : '无',
      pick(['有', '无']),
      '无组织排放；危废暂存不规范',
      '密闭改造，规范危废暂存间',
      relocation ? '搬迁升级' : pick(['改造提升', '原址关闭']),
      deadline,
      rand() < 0.5 ? '已完成方案编制' : '',
      relocation && intent !== 'relocationWithoutArea' ? pick(['新址用地面积：12.5亩', '新址用地面积: 800 平方米', '新址用地面积：1.2公顷']) : '',
    ];
    if (tracking) {
      if (intent === 'closedByClerk') row.push('已验收销号', town, `${y}-01-15`);
      else row.push(pick(['', '未启动', '整改中']), rand() < 0.5 ? town : '', '');
    }
    grid.push(row);
    intents.set(grid.length, intent);
    codes.set(grid.length, code);
  }
  const total: unknown[] = new Array(width).fill('');
  total[0] = '合计';
  total[2] = `${count}家`;
  grid.push(total);
  const totalRow = grid.length;
  grid.push(['填表说明：1.厂区土地性质:租用;征用.2.整治分类：原址关闭;改造提升;搬迁升级.3.搬迁升级类企业，请在备注中注明新址用地面积。']);
  const noteRow = grid.length;
  return { grid, merges: TEMPLATE_MERGES, intents, codes, blankRows, totalRow, noteRow };
}
