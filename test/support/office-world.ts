// Contract §10's world: 通川区 with four enterprises (one closed), triggers installed, acting as its clerk; and how its tests read and act on the tab.
import type { Emulator } from '@eco-ledger/emulator';
import { CONTACT, OWNER, logRows, sheetValues, world } from './reminder-world';

export const CLERK = CONTACT['通川区']!.clerk;
export const TC = CONTACT['通川区']!.email;
export const day = (d: string): Date => new Date(`${d}T00:00:00+08:00`);

/** 通川区 rows 5–8: 甲 整改中, 乙 整改中 (another deadline), 丙 已验收销号, 丁 overdue; triggers installed, records seeded. */
export function office(now = '2022-03-10T01:00:00Z'): Emulator {
  const emu = world(now, {
    通川区: [
      { name: '甲公司', deadline: '2022-06-30' },
      { name: '乙公司', deadline: '2022-09-30' },
      { name: '丙公司', deadline: '2022-03-01', status: '已验收销号', closedOn: '2022-03-05' },
      { name: '丁公司', deadline: '2022-03-01' },
    ],
  });
  emu.setUser(OWNER);
  emu.clickMenu('安装自动任务');
  emu.clickMenu('初始化/修复表格');
  emu.setUser(CLERK);
  return emu;
}

export const cell = (emu: Emulator, a1: string): unknown => sheetValues(emu, '通川区')[Number(a1.slice(1)) - 1]?.[a1.charCodeAt(0) - 65];
export const note = (emu: Emulator, a1: string): string =>
  (emu.model as unknown as { sheet(n: string): { noteAt(r: number, c: number): string } }).sheet('通川区').noteAt(Number(a1.slice(1)), a1.charCodeAt(0) - 64);
export const codeAt = (emu: Emulator, row: number): string => String(cell(emu, `E${row}`));
export const undoLines = (emu: Emulator) => logRows(emu).filter((r) => r[9]!.startsWith('已撤销辖区的修改'));

export function edit(emu: Emulator, a1: string, value: unknown): void {
  const r = emu.userEdit('通川区', a1, value);
  if (!r.ok) throw new Error(r.message);
}

export function paste(emu: Emulator, a1: string, grid: unknown[][]): void {
  const r = emu.userPaste('通川区', a1, grid);
  if (!r.ok) throw new Error(r.message);
}

export function run(emu: Emulator, fn: string, arg: unknown): { ok: boolean; errors?: Record<string, string> } & Record<string, unknown> {
  const answer = emu.scriptRun(fn, arg);
  if (!answer.ok) throw new Error(answer.error);
  return answer.value as { ok: boolean; errors?: Record<string, string> };
}

export const snapshot = (emu: Emulator): string => JSON.stringify((emu.model as unknown as { toJSON(): unknown }).toJSON());

/** 汇总's main table row of a district, by header. */
export function summaryRow(emu: Emulator, district: string): Record<string, unknown> {
  const grid = sheetValues(emu, '汇总');
  const h = grid.findIndex((r) => r[0] === '辖区' && r[1] === '企业总数');
  const row = grid.slice(h).find((r) => r[0] === district)!;
  return Object.fromEntries(grid[h]!.map((k, i) => [String(k), row[i]]));
}
