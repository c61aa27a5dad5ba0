// A set-up workbook in the emulator for the reporting and reminder tests: 配置 filled, enterprises pasted, clock controlled.
import { Emulator } from '@eco-ledger/emulator';
import { COLUMNS, CONFIG_LABEL, DEFAULT_DISTRICTS, FIRST_DATA_ROW, TAB } from '../../src/domain/contract';
import { withCheckChar } from '../../src/domain/credit-code';
import { columnLetter } from '../../src/domain/grid';
import { defaultConfigGrid } from '../../src/domain/settings';

export const OWNER = 'office@dz.gov.cn';
export const OFFICE_CC = 'ldxz@dz.gov.cn';
export const DISTRICTS = DEFAULT_DISTRICTS.map((d) => d.district);
/** Per district: its 联系邮箱 (one address) and its clerk (编辑账号). */
export const CONTACT: Record<string, { email: string; clerk: string }> = {
  通川区: { email: 'tc@tc.gov.cn', clerk: 'clerk@tc.gov.cn' },
  达川区: { email: 'dc@dc.gov.cn', clerk: 'clerk@dc.gov.cn' },
  达州高新区: { email: 'gx@gx.gov.cn', clerk: 'clerk@gx.gov.cn' },
};

export interface Firm {
  name: string;
  deadline: string;
  status?: string;
  closedOn?: string;
}

let serial = 0;
function creditCode(): string {
  serial += 1;
  return withCheckChar(`91511700MA${String(100000 + serial).padStart(7, '0')}`);
}

function row(district: string, firm: Firm): unknown[] {
  const values: Record<string, unknown> = {
    district,
    name: firm.name,
    address: '达州市通川区某路1号',
    creditCode: creditCode(),
    industry: '钢铁',
    employees: 10,
    landTenure: '租用',
    safetyAssessment: '有',
    energyReview: '有',
    eiaApproval: '无',
    dischargePermit: '无',
    onlineMonitoring: '有',
    problems: '粉尘无组织排放',
    measures: '密闭改造',
    category: '改造提升',
    deadline: firm.deadline,
    progress: '',
    remarks: '',
    status: firm.status ?? '整改中',
    town: '复兴镇',
    closedOn: firm.closedOn ?? '',
  };
  // B–V: the payload columns in template order
  return COLUMNS.slice(1, 22).map((c) => values[c.key]);
}

function ok(result: { ok: boolean; message?: string }, what: string): void {
  if (!result.ok) throw new Error(`${what}: ${result.message ?? ''}`);
}

/**
 * Set up as the owner, fill 配置 (contacts, editors, office cc, optional settings typed by the user), paste each
 * district's firms. `stale` settings are written past data validation: values from before the rule existed (a
 * workbook older than this release), the way an invalid value can still sit in 配置.
 */
export function world(
  now: string,
  firms: Partial<Record<string, Firm[]>> = {},
  settings: Partial<Record<keyof typeof CONFIG_LABEL, unknown>> = {},
  stale: Partial<Record<keyof typeof CONFIG_LABEL, unknown>> = {},
): Emulator {
  const emu = Emulator.fromDist({ distDir: 'dist', now, owner: OWNER });
  emu.open();
  emu.clickMenu('初始化/修复表格');
  ok(
    emu.userPaste(
      TAB.config,
      'C2',
      DISTRICTS.map((d) => ['联系人', CONTACT[d]!.email, CONTACT[d]!.clerk]),
    ),
    '配置',
  );
  const values = { officeEmail: OFFICE_CC, ...settings };
  for (const [key, value] of Object.entries(values)) {
    const label = CONFIG_LABEL[key as keyof typeof CONFIG_LABEL];
    ok(emu.userEdit(TAB.config, settingCell(label), value), label);
  }
  for (const [key, value] of Object.entries(stale)) {
    const row = Number(settingCell(CONFIG_LABEL[key as keyof typeof CONFIG_LABEL]).slice(1));
    emu.model.setValuesRaw(TAB.config, row, 2, [[value]]);
  }
  for (const [district, list] of Object.entries(firms)) {
    if (!list || list.length === 0) continue;
    ok(emu.userPaste(district, `B${FIRST_DATA_ROW}`, list.map((f) => row(district, f))), district);
  }
  return emu;
}

/** Runs the daily job as the installed trigger would (time-driven, as the owner). */
export function runDaily(emu: Emulator): void {
  const user = emu.user;
  emu.setUser(OWNER);
  try {
    emu.run('dailyJob');
  } finally {
    emu.setUser(user.email, { revealed: user.revealed });
  }
}

/** 操作日志's rows (without the header) as text. */
export function logRows(emu: Emulator): string[][] {
  return sheetValues(emu, TAB.log).slice(1).map((r) => r.map((v) => String(v)));
}

interface ReadableModel {
  sheetByName(name: string): { lastRow(): number; lastColumn(): number } | null;
  values(name: string, a1: string): unknown[][];
}

/** A tab's data range as getValues would return it (host side, uncounted); [] for a missing or empty tab. */
export function sheetValues(emu: Emulator, name: string): unknown[][] {
  const model = emu.model as unknown as ReadableModel;
  const sheet = model.sheetByName(name);
  if (!sheet || sheet.lastRow() === 0) return [];
  return model.values(name, `A1:${columnLetter(sheet.lastColumn() - 1)}${sheet.lastRow()}`);
}

/** The 配置 cell holding a labelled setting's value. */
export function settingCell(label: string): string {
  return `B${defaultConfigGrid().findIndex((r) => r[0] === label) + 1}`;
}

export const mailsTo = (emu: Emulator, address: string) => emu.outbox.filter((m) => m.to.split(',').includes(address));

/** The districts' daily reminders only (the office's digest and 催办 have their own subjects). */
export const reminderMails = (emu: Emulator) => emu.outbox.filter((m) => m.subject.includes('【整治台账提醒】'));
