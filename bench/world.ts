// The bench's worlds: seeded workbooks of n enterprises over the districts, and one step's summed cost (bench and test/app/operation-cost).
import { Emulator, type ExecutionRecord, type SpreadsheetModel } from '@eco-ledger/emulator';
import { CATEGORIES, DEFAULT_DISTRICTS, FIRST_DATA_ROW, INDUSTRIES, STATUSES, TAB, TOWNS } from '../src/domain/contract';
import { addDays } from '../src/domain/calendar-day';
import { withCheckChar } from '../src/domain/credit-code';
import type { EnterprisePayload } from '../src/domain/enterprise';
import { TEMPLATE_COLUMNS, payloadToRow } from '../src/domain/ledger-row';

export const DIST = 'dist';
export const OWNER = 'office@dz.gov.cn';
/** 2022-03-20 09:00 in Shanghai; the daily job fires the next morning. */
export const NOW = '2022-03-20T01:00:00Z';
export const DAILY_AT = '2022-03-21T01:00:00Z';

export const modelOf = (emu: Emulator): SpreadsheetModel => emu.model as unknown as SpreadsheetModel;
export const DISTRICTS = DEFAULT_DISTRICTS.map((d) => d.district);
const DONE = STATUSES.filter((s) => s === '已完成（待验收）' || s === '已验收销号');

/** A valid enterprise; statuses, categories, deadlines (overdue, due soon, later) and towns cycle with `i`. */
export function enterprise(i: number, district: string, quiet: boolean): EnterprisePayload {
  const category = CATEGORIES[i % CATEGORIES.length]!;
  const status = quiet ? DONE[i % DONE.length]! : STATUSES[i % STATUSES.length]!;
  return {
    district,
    name: `达州市基准测试企业${i + 1}有限公司`,
    address: `${district}某路${i + 1}号`,
    creditCode: withCheckChar(`91511700MC${String(i + 1).padStart(7, '0')}`),
    industry: INDUSTRIES[i % INDUSTRIES.length]!,
    employees: 10 + (i % 90),
    landTenure: i % 2 ? '租用' : '征用',
    safetyAssessment: '有',
    energyReview: '无',
    eiaApproval: `达环审〔2020〕${i + 1}号`,
    dischargePermit: '无',
    onlineMonitoring: '无',
    problems: '粉尘无组织排放，废气收集处理设施不完善',
    measures: '密闭改造，新建布袋除尘设施',
    category,
    deadline: addDays('2022-01-01', i % 240),
    progress: '已完成方案编制',
    remarks: category === '搬迁升级' ? '新址用地面积：12.5亩' : '',
    status,
    town: TOWNS[i % TOWNS.length]!,
    closedOn: status === '已验收销号' ? '2022-03-01' : '',
  };
}

/** Seeds `n` enterprises over the districts; the first `mailed` districts have overdue ones, the others none. */
export function seed(emu: Emulator, n: number, mailed = DISTRICTS.length): void {
  const stamp = { updatedAt: new Date('2022-03-01T02:00:00Z'), updatedBy: OWNER };
  DISTRICTS.forEach((district, d) => {
    const count = Math.floor(n / DISTRICTS.length) + (d < n % DISTRICTS.length ? 1 : 0);
    const rows = Array.from({ length: count }, (_, k) =>
      payloadToRow(enterprise(d * 100000 + k, district, d >= mailed), { serial: k + 1, ...stamp }, TEMPLATE_COLUMNS),
    );
    if (rows.length > 0) modelOf(emu).setValuesRaw(district, FIRST_DATA_ROW, 1, rows);
  });
}

export interface Measure {
  calls: number;
  cellsRead: number;
  cellsWritten: number;
  modelledMs: number;
  cpuMs: number;
  /** cpuMs less what the emulated services took: the add-on's own CPU (and the emulator's set-up of each execution). */
  scriptCpuMs: number;
  /** Emails the step sent. */
  mails: number;
  ok: boolean;
  error?: string;
}

/** Sums every execution the step caused (a user edit fires the simple and the installable edit trigger). */
export function measure(emu: Emulator, run: () => unknown): Measure {
  const start = emu.executions.length;
  const sentBefore = emu.outbox.length;
  let thrown: unknown;
  try {
    const r = run() as { ok?: boolean; message?: string; error?: string } | undefined;
    if (r && r.ok === false) thrown = r.message ?? r.error;
  } catch (e) {
    thrown = e;
  }
  const runs: ExecutionRecord[] = emu.executions.slice(start);
  const sum = (f: (r: ExecutionRecord) => number) => runs.reduce((a, r) => a + f(r), 0);
  const failed = runs.find((r) => !r.ok);
  const error = failed ? String(failed.error) : thrown !== undefined ? String(thrown) : runs.length === 0 ? 'no execution' : undefined;
  return {
    calls: sum((r) => Object.values(r.calls).reduce((a, b) => a + b, 0)),
    cellsRead: sum((r) => r.cellsRead), cellsWritten: sum((r) => r.cellsWritten), modelledMs: sum((r) => r.modelledMs),
    cpuMs: sum((r) => r.cpuMs), scriptCpuMs: sum((r) => r.cpuMs - r.serviceCpuMs), mails: emu.outbox.length - sentBefore, ok: error === undefined, ...(error === undefined ? {} : { error }),
  };
}

export function world(n: number, mailed?: number): Emulator {
  const emu = Emulator.fromDist({ distDir: DIST, now: NOW, owner: OWNER });
  emu.open();
  emu.clickMenu('初始化/修复表格');
  const contacts = emu.userPaste(TAB.config, 'C2', DISTRICTS.map((_, i) => ['联系人', `contact${i}@dz.gov.cn`, '']));
  if (!contacts.ok) throw new Error(`配置: ${contacts.message}`);
  seed(emu, n, mailed);
  return emu;
}

export const col = (key: keyof typeof TEMPLATE_COLUMNS): string => String.fromCharCode(65 + TEMPLATE_COLUMNS[key]);
