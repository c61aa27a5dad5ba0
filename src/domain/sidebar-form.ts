// What the enterprise sidebar receives from the server, and how its 新址用地面积 field maps to and from 备注.

import type { Day } from './calendar-day';
import { RELOCATION } from './contract';
import { RELOCATION_AREA_PATTERN, relocationArea } from './enterprise';
import type { RawPayload } from './ledger-row';

/** The id of the JSON block that carries the FormContext after the page (page-data.jsonBlock). */
export const FORM_CONTEXT_ID = 'form-context';

export type FormMode = 'add' | 'edit';

/** The enterprise as the edit form opens it: the row's payload as stored, and where it was when the form opened. */
export type OpenedEnterprise = Omit<RawPayload, 'employees'> & {
  employees: number | string;
  row: number;
  serial: number | null;
  /** The row's 最后更新时间 (epoch ms) when opened: a save refuses a row changed since by someone else (§7). */
  version: number | null;
};

export interface FormContext {
  mode: FormMode;
  /** Every district of 配置, in its order. */
  districts: string[];
  /** The districts the account may write; null when Sheets does not reveal the account. */
  editable: string[] | null;
  /** The district the form starts on (the active tab when it is a district). */
  district: string;
  /** 验收截止日期: the schema refuses a later deadline, so the page needs it to validate like the server. */
  acceptBy: Day;
  /** Today in Asia/Shanghai, from the server: the schema refuses a 销号日期 after it. */
  today: Day;
  enterprise: OpenedEnterprise | null;
  /** The office sees every choice; a clerk cannot choose 已验收销号, fill 销号日期 or move a deadline (contract §10). */
  office: boolean;
}

export const AREA_LABEL = '新址用地面积（亩）';
const AREA_UNIT = '亩';
export const AREA_MESSAGE = '新址用地面积应为大于0的数字（单位：亩），如 12.5';
export const AREA_REQUIRED = `${RELOCATION}类企业须填写新址用地面积（亩）`;

const SEPARATORS = /^[\s　；;，,。]+|[\s　；;，,。]+$/g;

function areaText(area: string): string {
  return `新址用地面积：${area}${AREA_UNIT}`;
}

/** Null when the text is acceptable (empty is left to the schema's 搬迁升级 rule, which names 备注). */
export function areaProblem(area: string): string | null {
  const a = area.trim();
  if (a === '') return null;
  return /^\d+(\.\d+)?$/.test(a) && Number(a) > 0 ? null : AREA_MESSAGE;
}

/**
 * 备注 as the form shows it: an area stated in 亩 moves to the area field and the rest stays in the text box.
 * An area in 平方米 or 公顷 stays in the text, where it already satisfies the rule.
 */
export function splitRemarks(remarks: string): { area: string; rest: string } {
  const found = relocationArea(remarks);
  if (!found || found.unit !== AREA_UNIT) return { area: '', rest: remarks };
  const match = RELOCATION_AREA_PATTERN.exec(remarks);
  if (!match) return { area: '', rest: remarks };
  const before = remarks.slice(0, match.index).replace(SEPARATORS, '');
  const after = remarks.slice(match.index + match[0].length).replace(SEPARATORS, '');
  return { area: match[1] ?? '', rest: [before, after].filter((t) => t !== '').join('；') };
}

/** The 备注 to save: the area phrase first when the enterprise relocates and an area was given. */
export function composeRemarks(rest: string, area: string, relocating: boolean): string {
  const a = area.trim();
  if (!relocating || a === '') return rest;
  // An area typed in the text box as well would be stated twice; the field wins.
  const text = rest.replace(RELOCATION_AREA_PATTERN, '').replace(SEPARATORS, '').trim();
  return text === '' ? areaText(a) : `${areaText(a)}；${text}`;
}
