// A district tab that cannot be read: what is wrong with it and how to repair it, in the one wording the 季度通报 and the reminder email share.
import { isAppError } from './errors';
import { menuPath } from './menu';

export type TabRepair =
  /** The header no longer matches the template: each problem names the column and what it holds now. */
  | { readonly district: string; readonly kind: 'header'; readonly problems: readonly string[] }
  | { readonly district: string; readonly kind: 'missing' }
  /** Any other reason the tab could not be read, in the error's own words. */
  | { readonly district: string; readonly kind: 'other'; readonly message: string };

/** What openLedger threw for `district`, as data: HEADER_MISMATCH carries its problems, TAB_MISSING none. */
export function tabRepairOf(district: string, error: unknown): TabRepair {
  if (isAppError(error)) {
    const problems = error.details['problems'];
    if (error.code === 'HEADER_MISMATCH' && Array.isArray(problems) && problems.length > 0) {
      return { district, kind: 'header', problems: problems.map(String) };
    }
    if (error.code === 'TAB_MISSING') return { district, kind: 'missing' };
    return { district, kind: 'other', message: error.userMessage };
  }
  return { district, kind: 'other', message: error instanceof Error ? error.message : String(error) };
}

/** The tab named, what is wrong, and the repair with the menu path as the menu shows it. */
export function repairText(t: TabRepair): string {
  const setup = `请领导小组办公室运行“${menuPath('menuSetup')}”`;
  if (t.kind === 'header') {
    return `“${t.district}”工作表表头与台账模板不一致：${t.problems.join('；')}。请恢复原表头（可用撤销），或${setup}。`;
  }
  if (t.kind === 'missing') return `找不到“${t.district}”工作表，${setup}。`;
  return `“${t.district}”工作表无法读取：${t.message}`;
}
