// Saves that never lose anyone's work (contract §7, issue 12): the form's opened version, and the row confirmed just before writing.
import { formatInstant } from './calendar-day';
import { FIELD_LABELS, PAYLOAD_KEYS } from './enterprise';
import type { PayloadKey } from './contract';
import type { RawPayload } from './ledger-row';

/**
 * What the edit form opened, as plain JSON: the row's 最后更新时间 in epoch ms (null when the row had no stamp) and
 * the values it showed, so a refused save can say what the other person changed.
 */
export interface OpenedVersion {
  readonly version: number | null;
  readonly values: Partial<Record<PayloadKey, string | number>>;
}

/** The row as it is now, found again under the lock. */
export interface CurrentRow {
  readonly updatedAt: Date | null;
  readonly updatedBy: string;
  readonly payload: RawPayload;
}

export const RELOAD_HINT = '请点“重新载入”查看最新内容，再决定是否修改后保存。';

const asText = (v: unknown): string => (v === undefined || v === null ? '' : String(v).trim());

/** The fields whose current value differs from what the form opened, as “字段：旧 → 新”. */
export function changedSinceOpened(opened: OpenedVersion, current: RawPayload): string[] {
  const out: string[] = [];
  for (const key of PAYLOAD_KEYS) {
    if (!(key in opened.values)) continue;
    const before = asText(opened.values[key]);
    const now = asText(current[key]);
    if (before !== now) out.push(`${FIELD_LABELS[key]}：“${before}” → “${now}”`);
  }
  return out;
}

/**
 * Null when the save may go ahead: the row was not stamped since the form opened, or the only change since was
 * this same (known) account's. Otherwise the Chinese refusal: who changed it, when, and what.
 * An account Sheets hides (未知账号, '') is never taken for the saver: two hidden accounts may be two people.
 */
export function editConflict(opened: OpenedVersion | null, current: CurrentRow, account: string, unknownAccount: string): string | null {
  if (opened === null) return null;
  const now = current.updatedAt ? current.updatedAt.getTime() : null;
  if (now === opened.version) return null;
  if (now !== null && opened.version !== null && now < opened.version) return null;
  const by = current.updatedBy.trim().toLowerCase();
  const me = account.trim().toLowerCase();
  if (me !== '' && by === me && by !== unknownAccount.toLowerCase()) return null;
  const who = current.updatedBy.trim() || unknownAccount;
  const when = current.updatedAt ? formatInstant(current.updatedAt) : '（时间不详）';
  const what = changedSinceOpened(opened, current.payload);
  const detail = what.length > 0 ? `改动了：${what.slice(0, 6).join('；')}${what.length > 6 ? `等${what.length}项` : ''}。` : '';
  return `您打开表单后，该企业已被 ${who} 于 ${when}（北京时间）修改。${detail}为免覆盖对方的修改，本次未保存。${RELOAD_HINT}`;
}

/** What a save was about to write when it gave up: an enterprise's row (update) or the tab's next empty row. */
type WriteTarget = { readonly kind: 'update'; readonly creditCode: string } | { readonly kind: 'append' };

export const WRITE_TRIES = 3;

export function gaveUpMessage(target: WriteTarget, district: string): string {
  return target.kind === 'append'
    ? `“${district}”工作表的行正被他人插入、删除或排序，连续${WRITE_TRIES}次未能找到空行写入。本次未保存任何内容，请稍候几秒再点保存。`
    : `统一社会信用代码为 ${target.creditCode} 的企业所在行正被他人移动（插入、删除或排序），连续${WRITE_TRIES}次未能确认。本次未保存任何内容，请稍候几秒再点保存。`;
}
