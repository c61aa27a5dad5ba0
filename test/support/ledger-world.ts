// A workbook set up by 初始化/修复表格 in the emulator, for the setup, direct-edit and 校验本表 tests.
import { Emulator, type SpreadsheetModel, type SheetModel } from '@eco-ledger/emulator';
import { CONFIG_HEADERS, TAB } from '../../src/domain/contract';
import { withCheckChar } from '../../src/domain/credit-code';
import type { EnterprisePayload } from '../../src/domain/enterprise';
import { enterprise } from './enterprise';
import { TEMPLATE_COLUMNS, payloadToRow } from '../../src/domain/ledger-row';
import { defaultConfigGrid } from '../../src/domain/settings';

export const OWNER = 'office@dz.gov.cn';
export const TC_CLERK = 'clerk@tc.gov.cn';
export const DC_CLERK = 'clerk@dc.gov.cn';
export const NOW = '2022-03-20T09:00:00+08:00';

export function modelOf(emu: Emulator): SpreadsheetModel {
  return emu.model as unknown as SpreadsheetModel;
}

export function tab(emu: Emulator, name: string): SheetModel {
  return modelOf(emu).sheet(name);
}

export function setUp(now: string = NOW): Emulator {
  const emu = Emulator.fromDist({ distDir: 'dist', now, owner: OWNER });
  emu.open();
  emu.clickMenu('初始化/修复表格');
  return emu;
}

/** Set up with 通川区 and 达川区 each edited by its clerk, acting as the 通川区 clerk: the sidebar's world. */
export function clerkWorld(now: string = NOW): Emulator {
  const emu = setUp(now);
  setEditors(emu, '通川区', TC_CLERK);
  setEditors(emu, '达川区', DC_CLERK);
  emu.setUser(TC_CLERK);
  return emu;
}

/** The 配置 cell holding a labelled setting's value, in the default layout. */
export function settingCell(label: string): string {
  return `B${defaultConfigGrid().findIndex((r) => r[0] === label) + 1}`;
}

/** The 配置 cell of a district's column (e.g. 编辑账号) in the default layout. */
export function configCell(district: string, header: (typeof CONFIG_HEADERS)[number]): string {
  const grid = defaultConfigGrid();
  const row = grid.findIndex((r) => r[0] === district) + 1;
  return `${String.fromCharCode(65 + CONFIG_HEADERS.indexOf(header))}${row}`;
}

export function setEditors(emu: Emulator, district: string, editors: string): void {
  const user = emu.user;
  emu.setUser(OWNER);
  const result = emu.userEdit(TAB.config, configCell(district, '编辑账号'), editors);
  emu.setUser(user.email, { revealed: user.revealed });
  if (!result.ok) throw new Error(`配置: ${result.message}`);
}

let next = 0;
export function code(): string {
  next += 1;
  return withCheckChar(`91511700MA${String(next).padStart(7, '0')}`);
}

export function payload(over: Partial<EnterprisePayload> = {}): EnterprisePayload {
  return enterprise({
    name: `达州市测试企业${next}有限公司`,
    creditCode: code(),
    industry: '钢铁',
    problems: '粉尘无组织排放',
    measures: '密闭改造',
    ...over,
  });
}

/** Data rows written straight into the model (uncounted), as the sidebar would have written them. */
export function seedRows(emu: Emulator, district: string, count: number, first = 5): EnterprisePayload[] {
  return seedPayloads(emu, district, Array.from({ length: count }, () => payload({ district })), first);
}

export function seedPayloads(emu: Emulator, district: string, payloads: EnterprisePayload[], first = 5): EnterprisePayload[] {
  const rows = payloads.map((p, i) =>
    payloadToRow(p, { serial: first - 4 + i, updatedAt: new Date('2022-03-01T02:00:00Z'), updatedBy: OWNER }, TEMPLATE_COLUMNS),
  );
  modelOf(emu).setValuesRaw(district, first, 1, rows);
  return payloads;
}

export function values(emu: Emulator, name: string, a1: string): unknown[][] {
  return modelOf(emu).values(name, a1);
}

/** 操作日志 below its header, as text. */
export function logRows(emu: Emulator): string[][] {
  const sheet = tab(emu, TAB.log);
  const last = sheet.lastRow();
  if (last < 2) return [];
  return values(emu, TAB.log, `A2:J${last}`).map((r) => r.map((v) => String(v)));
}

/** Distinct validation rules, cells carrying a rule, conditional-format rules and protections of the workbook. */
export function ruleCounts(emu: Emulator): { validations: number; validatedCells: number; cf: number; protections: number } {
  const model = modelOf(emu);
  const rules = new Set<unknown>();
  let validatedCells = 0;
  let cf = 0;
  for (const sheet of model.sheets) {
    cf += sheet.cfRules.length;
    for (const row of sheet.rows) {
      for (const rule of row?.dv ?? []) {
        if (!rule) continue;
        rules.add(rule);
        validatedCells += 1;
      }
    }
  }
  return { validations: rules.size, validatedCells, cf, protections: model.protections.length };
}
